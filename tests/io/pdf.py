"""Workbooks printed as LibreOffice prints them, for the tests that read the pages back.

`to_pdf` converts a workbook with LibreOffice headless, each conversion with a profile of its
own (tests, and engineers, running at once then share none, and the user's is never touched);
`pdf_text` reads a PDF's words back with poppler's pdftotext. Tests that use them carry
`needs_libreoffice`, so a machine without either skips them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_libreoffice = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or poppler is not installed",
)


def to_pdf(book: Path, folder: Path) -> Path:
    """Print `book` to `folder` (made if need be); the PDF's path."""
    folder.mkdir(exist_ok=True)
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(book),
        ],
        capture_output=True,
        check=True,
        timeout=240,
    )
    return folder / (book.stem + ".pdf")


def pdf_text(pdf: Path, mode: str) -> str:
    """The PDF's text as pdftotext gives it: "-layout" (pages split by form feeds) or "-bbox"
    (each word with its box, as XHTML)."""
    return subprocess.run(
        ["pdftotext", mode, str(pdf), "-"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    ).stdout
