"""Breaking Chinese text into lines, with the rules of 避头尾.

reportlab's own CJK wrapping still lets a full-width comma start a line. Here a line may break between any two
Chinese characters, a run of Latin letters or digits stays whole unless it is wider than a line by itself (a
14-character project number in a narrow table column, a long English word: it then breaks where the line ends, so
it never runs into the next column), closing punctuation never starts a line and opening punctuation never ends one: when a break would do that, characters move down to the next line (推出) and the
shorter line is justified.
"""

from __future__ import annotations

import re
from typing import Callable

# Characters that may not begin a line (行首禁则) and may not end one (行尾禁则).
NO_LINE_START = frozenset("，。、；：？！）》」』】〕〉”’…—～·%％‰℃,.;:?!)]}>·ー")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{<")

# A unit is one CJK character, one punctuation mark, a whole Latin/digit word, or a run of spaces.
_UNITS = re.compile(r"[A-Za-z0-9@#&_+\-./:=%]+|\s+|.", re.DOTALL)


def units(text: str) -> list[str]:
    return _UNITS.findall(text)


def break_lines(text: str, width: float, measure: Callable[[str], float], first_width: float | None = None) -> list[str]:
    """Split ``text`` into lines no wider than ``width`` (the first one ``first_width``), honouring 避头尾."""
    lines: list[str] = []
    for hard_line in text.split("\n"):
        parts = [piece for unit in units(hard_line)
                 for piece in (unit if len(unit) > 1 and not unit.isspace() and measure(unit) > width else (unit,))]
        lines.extend(_break_one(parts, width, measure, width if lines else first_width or width))
    return lines


def _break_one(parts: list[str], width: float, measure: Callable[[str], float], first_width: float) -> list[str]:
    if not parts:
        return [""]
    lines: list[str] = []
    start = 0
    while start < len(parts):
        end = _fit(parts, start, first_width if not lines else width, measure)
        end = _respect_kinsoku(parts, start, end)
        lines.append("".join(parts[start:end]).rstrip(" \t"))
        start = end
        while start < len(parts) and parts[start].isspace():
            start += 1
    return lines


def _fit(parts: list[str], start: int, width: float, measure: Callable[[str], float]) -> int:
    """The end index of the longest run of units from ``start`` that fits; at least one unit."""
    end = start
    used = 0.0
    while end < len(parts):
        step = measure(parts[end])
        if used + step > width and end > start and not parts[end].isspace():
            break
        used += step
        end += 1
    return end


def _respect_kinsoku(parts: list[str], start: int, end: int) -> int:
    """Move the break left while the next line would begin with closing or this one end with opening punctuation."""
    if end >= len(parts):
        return end
    candidate = end
    while candidate > start + 1 and (parts[candidate][0] in NO_LINE_START or parts[candidate - 1][-1] in NO_LINE_END):
        candidate -= 1
    return candidate if candidate > start + 1 or parts[candidate][0] not in NO_LINE_START else end
