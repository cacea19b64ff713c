"""FIELD: does an expert know an application's discipline? Codes of GB/T 13745 compared at the round's level.

Codes are 3, 5 or 7 digits (levels 1, 2, 3). Both codes are cut to the round's level — a shorter code stays whole —
and match when one cut is a prefix of the other, so a broad expert field (520) covers every narrower application
field beneath it and a narrow one (5201010) matches its siblings at level 2 (5201020).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable

from desktop.domain.errors import RuleError

LEVEL_DIGITS = {1: 3, 2: 5, 3: 7}
CODE_LENGTHS = (3, 5, 7)


def field_code_problem(code: str) -> str | None:
    """Why ``code`` is not a GB/T 13745 code, in Chinese, or None."""
    if not code.isdigit() or len(code) not in CODE_LENGTHS:
        return f"学科代码「{code}」应为3位、5位或7位数字（GB/T 13745）"
    return None


def cut(code: str, level: int) -> str:
    problem = field_code_problem(code)
    if problem:
        raise RuleError("FIELD", problem)
    return code[:LEVEL_DIGITS[level]]


def fields_match(a: str, b: str, level: int) -> bool:
    ca, cb = cut(a, level), cut(b, level)
    return ca.startswith(cb) or cb.startswith(ca)


def any_field_matches(expert_fields: Iterable[str], app_field: str, level: int) -> bool:
    return any(fields_match(f, app_field, level) for f in expert_fields)


def _prefixes(code: str) -> list[str]:
    return [code[:n] for n in CODE_LENGTHS if n <= len(code)]


class FieldIndex:
    """Which experts match a field, answered by dictionary look-ups rather than a scan of the pool.

    ``_by_cut`` maps an expert's cut code to the experts holding it: those are the matches whose code is a prefix of
    the application's cut code (look up each prefix of it). ``_by_prefix`` maps every prefix of every expert cut code
    to the experts: those are the matches the application's cut code is a prefix of. Answers are cached per cut
    code, since many applications share a field.
    """

    def __init__(self, experts: Iterable[tuple[Hashable, Iterable[str]]], level: int):
        self.level = level
        self._fields: dict[Hashable, tuple[str, ...]] = {}
        self._by_cut: dict[str, set[Hashable]] = defaultdict(set)
        self._by_prefix: dict[str, set[Hashable]] = defaultdict(set)
        self._cache: dict[str, frozenset[Hashable]] = {}
        keys_of: dict[str, tuple[set, list[set]]] = {}  # a pool repeats a few hundred codes: cut each once
        for key, codes in experts:
            codes = tuple(codes)
            self._fields[key] = codes
            for code in codes:
                sets = keys_of.get(code)
                if sets is None:
                    c = cut(code, level)
                    sets = keys_of[code] = (self._by_cut[c], [self._by_prefix[p] for p in _prefixes(c)])
                sets[0].add(key)
                for prefixed in sets[1]:
                    prefixed.add(key)

    def fields_of(self, key: Hashable) -> tuple[str, ...]:
        return self._fields.get(key, ())

    def matching(self, app_field: str) -> frozenset[Hashable]:
        """Every expert with a field that matches ``app_field`` at the index's level."""
        c = cut(app_field, self.level)
        found = self._cache.get(c)
        if found is None:
            keys = set(self._by_prefix.get(c, ()))
            for p in _prefixes(c):
                keys |= self._by_cut.get(p, set())
            found = self._cache[c] = frozenset(keys)
        return found

    def matches(self, key: Hashable, app_field: str) -> bool:
        return any_field_matches(self._fields.get(key, ()), app_field, self.level)
