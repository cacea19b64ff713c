"""CSV files: the encoding only when it is certain, and strict quoting, so a file is read as written or refused.

Secretariats save CSV from Excel or WPS as UTF-8 (with or without BOM) or GB18030. Bytes that decode in an
encoding are not proof of it: short GBK text can happen to be valid UTF-8, and Big5 decodes as GB18030 into
nonsense. A decoding is taken as certain only when its Chinese text is made of everyday characters (GB 2312) and
the other reading is not (or when only one reading is possible at all, for UTF-8); anything else asks the user for the file's encoding, because mojibake imported is
mojibake in every letter. A quote left open would swallow the rows after it into one cell: the reader is strict
and names the row where it happened.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from functools import cache
from pathlib import Path
from typing import Iterator

from desktop.services.importing.sheet import Sheet, UnreadableFile, column_letter, stream

_SAMPLE = 200_000  # characters looked at to judge an encoding
_EVERYDAY = 0.9  # share of non-ASCII characters that must be everyday ones
_LINE = re.compile(r"\r\n|\r|\n")
ASK = "请指定文件的编码（命令行 --encoding，导入向导中的「文件编码」），或在 Excel/WPS 中另存为「CSV UTF-8」"


@cache
def _gb2312() -> frozenset[str]:
    """GB 2312's punctuation, full-width forms and its 6,763 hanzi: what Chinese registers are written with (its
    Greek, Cyrillic and kana rows are left out: they are what a wrong decoding produces)."""
    rows = (0xA1, 0xA3, *range(0xB0, 0xF8))
    chars = set()
    for lead in rows:
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _everyday(text: str) -> bool:
    """Whether the non-ASCII characters of the sample are, nearly all, the characters Chinese is written with."""
    foreign = [c for c in text[:_SAMPLE] if ord(c) > 127]
    if not foreign:
        return True
    known = _gb2312()
    return sum(c in known for c in foreign) >= _EVERYDAY * len(foreign)


def _decoded(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode(raw: bytes, name: str, encoding: str | None = None) -> str:
    """The file's text, in ``encoding`` when given, else in the encoding it is certainly in."""
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise UnreadableFile(f"未知的文件编码：{encoding}") from None
        try:
            return raw.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError as error:
            line = raw[:error.start].count(b"\n") + 1
            raise UnreadableFile(f"{name}：按 {encoding} 编码读取时第{line}行有无法识别的字节，请确认文件的编码") from None
    if raw.startswith(codecs.BOM_UTF8):
        text = _decoded(raw, "utf-8-sig")
        if text is None:
            raise UnreadableFile(f"{name}：文件标明为 UTF-8 编码，但含有不是 UTF-8 的字节；{ASK}")
        return text
    if raw.isascii():
        return raw.decode("ascii")
    utf8, gb = _decoded(raw, "utf-8"), _decoded(raw, "gb18030")
    if utf8 is not None and (gb is None or _everyday(utf8) and not _everyday(gb)):
        return utf8
    if utf8 is None and gb is not None and _everyday(gb):
        return gb
    raise UnreadableFile(f"{name}：无法确定文件的编码（不能确定是 UTF-8 还是 GB18030/GBK，或为其他编码）；{ASK}")


def _quote_column(record: str) -> int:
    """The column of a record (its text from its first character on) where a quote goes wrong: one opened and never
    closed, or closed with more text after it."""
    column, quoted, at_start, index = 0, False, True, 0
    while index < len(record):
        char = record[index]
        if quoted:
            if char == '"':
                if record[index + 1:index + 2] == '"':
                    index += 2
                    continue
                if record[index + 1:index + 2] not in (",", "\r", "\n", ""):
                    return column
                quoted = False
        elif char == '"' and at_start:
            quoted = True
        elif char == ",":
            column += 1
            at_start = True
            index += 1
            continue
        elif char in "\r\n":
            break
        at_start = False
        index += 1
    return column


def _line_start(text: str, lines: int) -> int:
    """Where physical line ``lines + 1`` starts (the csv module counts \\r\\n, \\r and \\n as line ends)."""
    if lines == 0:
        return 0
    for count, found in enumerate(_LINE.finditer(text), start=1):
        if count == lines:
            return found.end()
    return len(text)


def _csv_error(path: Path, text: str, lines: int, number: int, error: csv.Error) -> UnreadableFile:
    column = column_letter(_quote_column(text[_line_start(text, lines):]))
    where = f"{path.name} 第{number}行第{column}列"
    reason = str(error)
    if "end of data" in reason:
        return UnreadableFile(f"{where}：引号未闭合，此单元格的引号直到文件末尾都没有结束；"
                              "单元格中的引号应写成两个引号（\"\"），或去掉多余的引号")
    if "field larger than field limit" in reason:
        return UnreadableFile(f"{path.name} 第{number}行：单元格超过{csv.field_size_limit():,}个字符（引号是否未闭合？）")
    if "expected after" in reason:
        return UnreadableFile(f"{where}：引号使用有误，结束引号后还有文字；单元格中的引号应写成两个引号（\"\"）")
    return UnreadableFile(f"{where}：无法按 CSV 格式读取（{reason}）")


def _records(path: Path, text: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number, lines = 0, 0
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _csv_error(path, text, lines, number + 1, error) from None
        number, lines = number + 1, reader.line_num
        yield record


def csv_sheets(path: Path, encoding: str | None = None) -> Iterator[Sheet]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"{path.name}：无法读取（{error.strerror}）") from None
    sheet = stream(path, path.stem.strip(), _records(path, decode(raw, path.name, encoding)))
    if sheet is not None:
        yield sheet
