"""Print the agenda's handouts as LibreOffice does and count the pages of each part.

Exports the demo forum and the benchmark's generated events (S, M or L) one part at a time,
converts each workbook to PDF with LibreOffice headless, renders the pages to PNG with
pdftoppm, and prints a table of pages per part. Run it against another checkout of forumdesk
by putting that checkout first on PYTHONPATH (the script only uses what every version has):

    python scripts/printed_pages.py --out /tmp/handouts_shots/after
    PYTHONPATH=/tmp/before15 python scripts/printed_pages.py --out /tmp/handouts_shots/before

Needs soffice (libreoffice-calc-nogui) and poppler-utils (pdfinfo, pdftoppm).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PARTS = ("programme", "grid", "signin", "rooms", "personal", "people")


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PDFs and PNGs")
    parser.add_argument("--events", default="demo,L", help="demo and/or S, M, L (demo,L)")
    parser.add_argument("--parts", default=",".join(PARTS), help="parts to print (all)")
    parser.add_argument("--lang", choices=("en", "ru"), default="en")
    parser.add_argument("--dpi", type=int, default=60, help="PNG resolution (60)")
    parser.add_argument("--no-png", action="store_true", help="count pages only")
    return parser.parse_args(argv)


def _database(kind: str, folder: Path) -> tuple[object, int]:
    from forumdesk.config import resolve_database_url
    from forumdesk.db.migrate import open_database
    from forumdesk.services.demo import load_demo
    from forumdesk.services.events import resolve_event

    path = folder / f"{kind}.sqlite3"
    if kind == "demo":
        db = open_database(resolve_database_url(str(path)))
        return db, load_demo(db).event.id
    from bench.generator import generate_database

    generate_database(path, kind)
    db = open_database(resolve_database_url(str(path)))
    return db, resolve_event(db).id


def _pdf(book: Path, folder: Path) -> Path:
    # tests/io/pdf.py's to_pdf, kept here on purpose: the script runs against other checkouts
    # of forumdesk (put first on PYTHONPATH), which may have no such helper, and imports
    # nothing from tests/; its timeout is longer, for the L event's workbooks
    profile = folder / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(book),
        ],
        capture_output=True,
        check=True,
        timeout=600,
    )
    return folder / (book.stem + ".pdf")


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    return int(found.group(1)) if found else 0


def main(argv: list[str]) -> int:
    args = _arguments(argv)
    if shutil.which("soffice") is None or shutil.which("pdfinfo") is None:
        print("needs LibreOffice (soffice) and poppler-utils (pdfinfo, pdftoppm)", file=sys.stderr)
        return 2
    from forumdesk.services.exports import ExportOptions, export_agenda

    args.out.mkdir(parents=True, exist_ok=True)
    table: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="printed-pages-") as scratch:
        folder = Path(scratch)
        for kind in args.events.split(","):
            db, event_id = _database(kind, folder)
            table[kind] = {}
            try:
                for part in args.parts.split(","):
                    book = folder / f"{kind}-{part}.xlsx"
                    options = ExportOptions(parts=(part,), lang=args.lang)
                    export_agenda(db, event_id, book, options)  # type: ignore[arg-type]
                    pdf = _pdf(book, folder)
                    shutil.copy(pdf, args.out / pdf.name)
                    table[kind][part] = _pages(pdf)
                    if not args.no_png:
                        prefix = args.out / f"{kind}-{part}"
                        subprocess.run(
                            ["pdftoppm", "-png", "-r", str(args.dpi), str(pdf), str(prefix)],
                            check=True,
                        )
            finally:
                db.dispose()  # type: ignore[attr-defined]
    kinds = list(table)
    print("| part | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for part in args.parts.split(","):
        print(f"| {part} | " + " | ".join(str(table[k][part]) for k in kinds) + " |")
    print("| total | " + " | ".join(str(sum(table[k].values())) for k in kinds) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
