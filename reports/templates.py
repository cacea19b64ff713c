"""The wording of every document, kept in plain-text templates a secretariat can edit in Notepad.

A template is read line by line (see resources/templates/README.md for the user's description):

    # 标题            title, centred; consecutive lines form one title
    ## 一、小标题       heading in Hei type
    < 文字            flush left (称谓)
    > 文字            flush right, four characters in (落款, 日期)
    @表格 列:宽 | …   the document's table; a column named ``X*`` becomes one column per item of group X
    @签章             the office's digital stamp, pressing on the 落款 lines just above it (署名, date)
    @签章 左          the office's stamp at the left margin, clear of the signer's own lines above it
    @每项 名称 … @结束  lines repeated for each item of a list
    ; 注释            ignored
    anything else     a body paragraph, first line indented two characters

``{名称}`` is a placeholder. Unknown placeholders, table columns or lists are refused when the template is loaded
against a document, with the file, the line and the names that are available, so a typo never prints.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

from reports.errors import ReportError

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "resources" / "templates"
SUFFIX = ".txt"


class TemplateError(ReportError, ValueError):
    """A template that cannot be used, with a message for the secretariat."""


@dataclass(frozen=True)
class Column:
    name: str
    weight: float
    group: bool  # ``name*``: expands into one column per item of the group


@dataclass(frozen=True)
class Block:
    kind: str  # title | heading | left | right | body | table | signature | each
    text: str = ""
    line: int = 0
    columns: tuple[Column, ...] = ()
    children: tuple["Block", ...] = field(default=())


@dataclass(frozen=True)
class Template:
    name: str
    path: Path
    blocks: tuple[Block, ...]

    def used(self) -> set[str]:
        """Every placeholder name the template prints, in lists too."""
        names: set[str] = set()
        pending = list(self.blocks)
        while pending:
            block = pending.pop()
            pending.extend(block.children)
            names.update(placeholders(block.text, self.path, block.line))
        return names


@dataclass(frozen=True)
class Fields:
    """What a document offers a template: placeholders, list items, table columns and column groups."""

    values: frozenset[str]
    lists: dict[str, frozenset[str]]
    columns: frozenset[str]
    groups: frozenset[str]


_PREFIXES = (("## ", "heading"), ("# ", "title"), ("< ", "left"), ("> ", "right"))


def find(name: str, dirs: tuple[Path, ...] = ()) -> Path:
    """The first ``name.txt`` in ``dirs`` (a secretariat's own versions), else the shipped one."""
    for folder in (*dirs, DEFAULT_DIR):
        path = Path(folder) / f"{name}{SUFFIX}"
        if path.is_file():
            return path
    raise TemplateError(f"找不到模板“{name}{SUFFIX}”")


def load(name: str, fields: Fields, dirs: tuple[Path, ...] = ()) -> Template:
    """Parse the template called ``name`` and check every name it uses against ``fields``."""
    path = find(name, dirs)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError as error:
        raise TemplateError(f"模板“{path.name}”不是 UTF-8 编码的文本文件") from error
    blocks, _ = _parse(path, lines, 0, None)
    template = Template(name, path, tuple(blocks))
    _check(template, template.blocks, fields.values, fields)
    return template


def placeholders(text: str, path: Path, line: int) -> list[str]:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise TemplateError(f"模板“{path.name}”第{line}行：花括号不成对（字面花括号请写成 {{{{ 或 }}}}）") from error
    names = []
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name or spec or conversion or any(c in name for c in ".[]"):
            raise TemplateError(f"模板“{path.name}”第{line}行：占位符写法有误 {{{name}}}，应为 {{名称}}")
        names.append(name)
    return names


def _parse(path: Path, lines: list[str], start: int, opened: int | None) -> tuple[list[Block], int]:
    blocks: list[Block] = []
    index = start
    while index < len(lines):
        number = index + 1
        # Only ASCII blanks are trimmed: full-width spaces (U+3000) leave room for handwriting and must stay.
        stripped = lines[index].strip(" \t\r")
        index += 1
        if not stripped or stripped.startswith(";"):
            continue
        if stripped == "@结束":
            if opened is None:
                raise TemplateError(f"模板“{path.name}”第{number}行：多余的 @结束")
            return blocks, index
        if stripped.startswith("@每项"):
            list_name = stripped.removeprefix("@每项").strip()
            if not list_name:
                raise TemplateError(f"模板“{path.name}”第{number}行：@每项 后应写列表名称")
            children, index = _parse(path, lines, index, number)
            blocks.append(Block("each", list_name, number, children=tuple(children)))
        elif stripped.startswith("@表格"):
            blocks.append(Block("table", "", number, columns=_columns(path, number, stripped.removeprefix("@表格"))))
        elif stripped.split()[0] == "@签章":
            place = stripped.removeprefix("@签章").strip()
            if place not in ("", "左"):
                raise TemplateError(f"模板“{path.name}”第{number}行：@签章 后只能不写（压在落款上）或写“左”")
            blocks.append(Block("signature", place, number))
        elif stripped.startswith("@"):
            raise TemplateError(f"模板“{path.name}”第{number}行：不认识的指令 {stripped.split()[0]}"
                                "（可用：@表格、@签章、@每项、@结束）")
        else:
            kind, text = next(((k, stripped[len(p):]) for p, k in _PREFIXES if stripped.startswith(p)),
                              ("body", stripped))
            blocks.append(Block(kind, text.strip(" \t"), number))
    if opened is not None:
        raise TemplateError(f"模板“{path.name}”第{opened}行：@每项 没有对应的 @结束")
    return blocks, index


def _columns(path: Path, number: int, spec: str) -> tuple[Column, ...]:
    columns = []
    for cell in spec.split("|"):
        name, _, weight = cell.strip().partition(":")
        name = name.strip()
        try:
            value = float(weight) if weight.strip() else 1.0
        except ValueError as error:
            raise TemplateError(f"模板“{path.name}”第{number}行：列“{name}”的宽度“{weight}”不是数字") from error
        if not name or value <= 0:
            raise TemplateError(f"模板“{path.name}”第{number}行：@表格 的列应写成 列名:宽度，用 | 分隔")
        columns.append(Column(name.rstrip("*"), value, name.endswith("*")))
    return tuple(columns)


def _check(template: Template, blocks: tuple[Block, ...], allowed: frozenset[str], fields: Fields) -> None:
    path = template.path
    for block in blocks:
        if block.kind == "each":
            if block.text not in fields.lists:
                raise TemplateError(f"模板“{path.name}”第{block.line}行：未知列表“{block.text}”。"
                                    f"可用的列表：{_names(fields.lists)}")
            _check(template, block.children, allowed | fields.lists[block.text], fields)
        elif block.kind == "table":
            for column in block.columns:
                known = fields.groups if column.group else fields.columns
                if column.name not in known:
                    raise TemplateError(f"模板“{path.name}”第{block.line}行：未知表格列“{column.name}”。"
                                        f"可用的列：{_names(fields.columns)}"
                                        + (f"；可展开的列组：{_names(fields.groups)}" if fields.groups else ""))
        for name in placeholders(block.text, path, block.line):
            if name not in allowed:
                raise TemplateError(f"模板“{path.name}”第{block.line}行：未知占位符 {{{name}}}。"
                                    f"可用的占位符：{_names(allowed)}")


def _names(names) -> str:
    return "、".join(sorted(names)) or "（无）"
