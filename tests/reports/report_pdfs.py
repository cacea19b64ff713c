"""Reading generated PDFs back: their text and their fonts, as a reader would see them."""

import io
import re

from pypdf import PdfReader


def text_of(pdf: bytes) -> str:
    """All text of the document with white space removed, so values broken across lines still match."""
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


def fonts_of(pdf: bytes) -> dict[str, bool]:
    """Every font used on any page, by base name, and whether its outlines are embedded in the file."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font["/BaseFont"])] = embedded
    return found
