"""Reading back the PDFs forumdesk writes: pages rendered by pdftoppm (poppler), QR codes
decoded by zxing-cpp, text by pdftotext, as a person with a scanner and a viewer would."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import zxingcpp


def render_pages(pdf: Path, dpi: int = 150) -> list[np.ndarray]:
    """Each page as a grey image (rows × columns, 0 black … 255 white)."""
    prefix = pdf.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    files = sorted(prefix.parent.glob(f"{prefix.name}-*.pgm"))
    pages = [_read_pgm(file) for file in files]
    for file in files:
        file.unlink()
    return pages


def _read_pgm(path: Path) -> np.ndarray:
    data = path.read_bytes()
    fields: list[bytes] = []
    position = 0
    while len(fields) < 4:  # magic, width, height, maximum
        while data[position : position + 1].isspace():
            position += 1
        end = position
        while not data[end : end + 1].isspace():
            end += 1
        fields.append(data[position:end])
        position = end
    assert fields[0] == b"P5"
    width, height = int(fields[1]), int(fields[2])
    pixels = np.frombuffer(data, dtype=np.uint8, count=width * height, offset=position + 1)
    return pixels.reshape(height, width)


def qr_texts(page: np.ndarray) -> list[str]:
    """The texts of the QR codes found on a page, in no particular order."""
    found = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)
    return [barcode.text for barcode in found]


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
