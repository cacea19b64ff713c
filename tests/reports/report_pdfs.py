"""Reading generated PDFs back: their text and their fonts, as a reader would see them."""

import io
import re

from pypdf import PdfReader


PAGE_FURNITURE = re.compile(r"^—\d+—(评审专家（签字）：)?")  # drawn before the page's text: its number, its signature line


def pages_of(pdf: bytes) -> list[str]:
    """The text of each page with white space removed."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", "", page.extract_text()) for page in reader.pages]


def text_of(pdf: bytes) -> str:
    """The running text of the document, white space, page numbers and page signature lines removed, so values
    broken across lines and pages still match."""
    return "".join(PAGE_FURNITURE.sub("", page) for page in pages_of(pdf))


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


def words_of(pdf: bytes, tmp_path) -> list[list[tuple[str, float, float, float, float]]]:
    """Per page, each word poppler reads with its box (text, x1, top, x2, bottom) in points from the top left."""
    import subprocess
    from html.parser import HTMLParser

    source = tmp_path / "words.pdf"
    source.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(source), "-"], check=True, capture_output=True, text=True).stdout
    pages: list[list] = []

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "page":
                pages.append([])
            elif tag == "word":
                self.box = tuple(float(attrs[k]) for k in ("xmin", "ymin", "xmax", "ymax"))

        def handle_data(self, data):
            if getattr(self, "box", None) and data.strip():
                pages[-1].append((data.strip(), *self.box))
                self.box = None

    Parser().feed(html)
    return pages


def overprints(words) -> list[tuple]:
    """Pairs of words on one page printed over each other: side by side by more than a hair and sharing more than
    half their height (poppler's boxes take in the font's whole ascent and descent, so lines of a table touch)."""
    found = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            height = min(a[4] - a[2], b[4] - b[2])
            if min(a[3], b[3]) - max(a[1], b[1]) > 1.0 and min(a[4], b[4]) - max(a[2], b[2]) > height / 2:
                found.append((a, b))
    return found
