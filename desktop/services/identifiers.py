"""What the faces need to know of an identifier before they show it: whether it is an ID number (masked) or not
(a credit code, shown whole). The checks themselves are the domain's (RULES.md IDENTIFIERS)."""

from __future__ import annotations

from desktop.domain.ids import id_number_problem


def is_id_number(value: str) -> bool:
    return id_number_problem(value) is None
