"""File names built from people's and projects' names, safe on every system PanelDesk runs on.

A name comes from imported data, so it may hold anything: a NUL, a terminal escape, a right-to-left override that
makes ``cod.exe`` look like ``exe.doc``, a slash, 100 Chinese characters (300 bytes: more than the 255 a file name
may have), or be the same as another member's. A batch must never fail on a name: each part is cleaned (control,
format and bidi characters, whitespace and the characters Windows reserves are dropped), the stem is cut to a
length in bytes that leaves room for a suffix and the temporary name, and repeats get ``_2``, ``_3``, …
"""

from __future__ import annotations

import unicodedata

MAX_STEM_BYTES = 180  # of 255: room for "_NN", ".pdf" and the temporary ".~….PID.part" around it
FALLBACK = "文书"
_RESERVED = set('\\/:*?"<>|')
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}
_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def clean(part: str) -> str:
    """``part`` without the characters no file name should hold (see the module docstring)."""
    text = unicodedata.normalize("NFC", str(part))
    return "".join(c for c in text if c not in _RESERVED and not c.isspace()
                   and unicodedata.category(c) not in _DROPPED_CATEGORIES)


def is_safe(part: str) -> bool:
    """Whether ``part`` is a name as ``safe_name`` makes them, to be trusted as one component of a path on every
    system: nothing ``clean`` drops (no separator, drive colon or stream colon), not a device, not ``.``/``..``."""
    return (part == clean(part) and part.strip(". ") == part and bool(part)
            and part.split(".")[0].upper() not in _DEVICES)


def _cut(text: str, limit: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= limit:
        return text
    return encoded[:limit].decode("utf-8", errors="ignore")


def safe_name(*parts: str) -> str:
    """A file stem from ``parts`` joined by "_": cleaned, at most MAX_STEM_BYTES, never empty or a device name.
    Each part gets its share of the length, so a long panel name cannot push the expert's name out."""
    kept = [p for p in (clean(part) for part in parts) if p]
    share = (MAX_STEM_BYTES - len(kept) + 1) // max(1, len(kept))  # the "_" between parts counted
    stem = _cut("_".join(_cut(p, share) for p in kept), MAX_STEM_BYTES).strip(". ")
    if not stem:
        return FALLBACK
    if stem.split(".")[0].upper() in _DEVICES:
        stem = "_" + stem
    return stem


def unique_names(stems: list[str], suffix: str) -> list[str]:
    """One file name per stem (cleaned again, whatever made it), ``suffix`` appended; a stem met again, ignoring
    case as Windows and macOS do, gets _2, _3, … so no file overwrites another."""
    taken: set[str] = set()
    names = []
    for stem in stems:
        stem = safe_name(stem)
        name, n = f"{stem}{suffix}", 1
        while name.casefold() in taken:
            n += 1
            name = f"{stem}_{n}{suffix}"
        taken.add(name.casefold())
        names.append(name)
    return names
