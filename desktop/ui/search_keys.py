"""Search keys: one lower-case string per row, built once in the worker, so a keystroke only tests substrings.

A name is found by its characters, its full pinyin (zhangsan) and its initials (zs). Pinyin is looked up per
character and cached: calling pypinyin per name costs ~0.2 ms, far too slow for 50,000 experts, while a pool uses
only a few thousand distinct characters. pypinyin itself is imported on first use, in that worker: loading its
dictionaries takes about a second and must not delay the window.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def _syllable(char: str) -> str:
    if char.isascii():
        return char.lower()
    from pypinyin import Style, lazy_pinyin
    found = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return found[0] if found else ""


def pinyin_forms(name: str) -> tuple[str, str]:
    """(full pinyin without spaces, initials), both lower case."""
    syllables = [_syllable(c) for c in name if not c.isspace()]
    return "".join(syllables), "".join(s[:1] for s in syllables)


def search_key(names: list[str], others: list[str]) -> str:
    """``names`` searchable by pinyin too; ``others`` (numbers, units) by their text."""
    parts = []
    for name in names:
        full, initials = pinyin_forms(name)
        parts += [name, full, initials]
    parts += others
    return "\x1f".join(p.lower() for p in parts if p)


def matches(query: str) -> list[str]:
    """The terms of a query: every whitespace-separated term must occur in a row's key."""
    return [t for t in query.lower().split() if t]
