"""Search keys: one lower-case string per row, built once in the worker, so a keystroke only tests substrings.

A name is found by its characters, its full pinyin (zhangsan) and its initials (zs). Pinyin comes from a table of
characters, not from pypinyin per name: calling pypinyin per name costs ~0.2 ms, far too slow for 50,000 experts,
while a pool uses only a few hundred distinct characters. Importing pypinyin costs more still (0.6–1 s, its
dictionaries), so the table is kept in a cache file between sessions and pypinyin is imported only for characters
the table has not met yet — on a known pool, never. Characters are read one at a time, as they always were here, so
a polyphonic character has its common reading.

Threading: listings load in up to two workers at once; ``_lock`` keeps the table and its file consistent.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from desktop import __version__
from desktop.services.confidential import whole_token

log = logging.getLogger(__name__)

_lock = threading.Lock()
_syllables: dict[str, str] = {}  # character → its pinyin without tone, lower case; "" when it has none
_initials: dict[str, str] = {}  # character → the first letter of that
_loaded_from: set[Path] = set()


def _add(found: dict[str, str]) -> None:
    _syllables.update(found)
    _initials.update((char, syllable[:1]) for char, syllable in found.items())


def _look_up(chars: Iterable[str]) -> dict[str, str]:
    found = {}
    for char in chars:
        if char.isspace():
            found[char] = ""
        elif char.isascii():
            found[char] = char.lower()
        else:
            from pypinyin import Style, lazy_pinyin  # only for characters no cache knows: see the module docstring
            syllable = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
            found[char] = syllable[0] if syllable else ""
    return found


def learn(names: Iterable[str], cache: Path | None = None) -> None:
    """Make sure the table knows every character of ``names``, reading ``cache`` first and writing back to it what
    had to be looked up."""
    with _lock:
        if cache is not None and cache not in _loaded_from:
            _loaded_from.add(cache)
            _add(_read(cache))
        missing = set("".join(names)) - _syllables.keys()
        if not missing:
            return
        _add(_look_up(missing))
        if cache is not None:
            _write(cache)


def _read(cache: Path) -> dict[str, str]:
    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(stored, dict) or stored.get("version") != __version__:
        return {}  # another version may read characters differently
    return stored.get("syllables", {})


def _write(cache: Path) -> None:
    """Replace the file whole, so a reader never sees half of it; a cache that cannot be written only costs time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump({"version": __version__, "syllables": _syllables}, file, ensure_ascii=False)
        os.replace(temporary, cache)
    except OSError as error:
        log.warning("pinyin cache %s not written: %s", cache, error)


def pinyin_forms(name: str) -> tuple[str, str]:
    """(full pinyin without spaces, initials), both lower case."""
    try:
        return "".join(map(_syllables.__getitem__, name)), "".join(map(_initials.__getitem__, name))
    except KeyError:
        learn([name])
        return pinyin_forms(name)


def search_key(names: list[str], others: list[str | None]) -> str:
    """``names`` searchable by pinyin too; ``others`` (units, codes, the visible part of personal numbers and their
    whole tokens: services.confidential.searchable) by their text."""
    parts = []
    for name in names:
        parts += [name, *pinyin_forms(name)]
    return "\x1f".join(filter(None, parts + others)).lower()


def matches(query: str) -> list[str]:
    """The terms of a query: every whitespace-separated term must occur in a row's key. A whole ID number or mobile
    becomes its token (keys hold only the visible part of a number and the whole number's token), so a search finds
    a person by what the table shows or by the complete number, never by hidden digits typed one at a time."""
    return [whole_token(t) or t for t in query.lower().split() if t]
