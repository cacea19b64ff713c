"""Masking personal numbers in lists (CONFIDENTIAL): enough to tell rows apart, not enough to copy."""

from __future__ import annotations

import re

_ID = re.compile(r"\b(\d{6})\d{8}(\d{3}[\dXx])\b")


def mask_id(value: str) -> str:
    """370102********1234; short or odd values are masked all but the last four characters."""
    if not value:
        return ""
    if len(value) == 18:
        return f"{value[:6]}{'*' * 8}{value[-4:]}"
    return "*" * max(0, len(value) - 4) + value[-4:]


def mask_phone(value: str) -> str:
    """138****0001."""
    if not value:
        return ""
    if len(value) == 11:
        return f"{value[:3]}****{value[-4:]}"
    return "*" * max(0, len(value) - 4) + value[-4:]


def mask_ids_in(text: str) -> str:
    """Every 18-character ID number inside free text (audit targets, explanations) masked."""
    return _ID.sub(lambda m: f"{m.group(1)}{'*' * 8}{m.group(2)}", text)
