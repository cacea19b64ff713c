"""CONFIDENTIAL: personal numbers are masked wherever PanelDesk shows them — command line, JSON and window alike —
and shown whole only as a deliberate act that writes one audit entry naming what was shown.

One masking for every face: an ID number keeps its region and its last four characters (370102********2078), a
mobile its first three and last four (138****0001). Values are masked wherever they sit in a listing, a record or a
sentence, found as valid ID numbers (GB 11643: a credit code is never mistaken for one) or under a mobile key.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desktop.domain.errors import NotFound, UserError
from desktop.domain.ids import canonical, id_number_problem, mask_id  # mask_id: the faces mask through here
from desktop.services.accounts import Operator, require
from desktop.services.uow import change
from desktop.store.tables import Person
from desktop.store.workspace import Workspace

Place = Path | Workspace

_ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"1\d{10}")
_PHONE_KEYS = {"mobile"}
REVEALABLE = {"id_number": Person.id_number, "mobile": Person.mobile}
_FIELD_NAMES = {"id_number": "身份证号", "mobile": "手机号"}
_NAMED_AT_MOST = 100  # an audit entry names this many people; beyond that it gives their number


def mask_phone(value: str) -> str:
    """138****0001."""
    if not value:
        return ""
    if len(value) == 11:
        return f"{value[:3]}****{value[-4:]}"
    return "*" * max(0, len(value) - 4) + value[-4:]


def _ids_in(text: str) -> list[str]:
    return [m.group(0) for m in _ID_LIKE.finditer(text) if id_number_problem(m.group(0).upper()) is None]


def mask_ids_in(text: str) -> str:
    """Every valid ID number inside a text (a value, an audit target, a sentence) masked."""
    if len(text) < 18:
        return text
    return _ID_LIKE.sub(lambda m: mask_id(m.group(0)) if id_number_problem(m.group(0).upper()) is None
                        else m.group(0), text)


def masked(value: Any, key: str = "") -> Any:
    """``value`` (a row, a record, a list of them, JSON-like) with every ID number and mobile masked."""
    if isinstance(value, dict):
        return {k: masked(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [masked(v, key) for v in value]
    if isinstance(value, str):
        return mask_phone(value) if key in _PHONE_KEYS else mask_ids_in(value)
    return value


def people_in(value: Any) -> list[str]:
    """The ID numbers a value shows, in order of first appearance: what a reveal names."""
    found: dict[str, None] = {}

    def walk(item: Any) -> None:
        if isinstance(item, dict):
            for v in item.values():
                walk(v)
        elif isinstance(item, (list, tuple)):
            for v in item:
                walk(v)
        elif isinstance(item, str) and len(item) >= 18:
            found.update(dict.fromkeys(_ids_in(item)))
    walk(value)
    return list(found)


def shown(place: Place, actor: Operator, what: str, value: Any) -> Any:
    """``value`` whole, after one audit entry naming what was shown (the listing or record, and whose numbers)."""
    require(actor, "experts.reveal", place)
    people = people_in(value)
    with change(place, actor, "reveal", what) as unit:
        unit.after = {"shown": what, "fields": list(_FIELD_NAMES.values()), "count": len(people),
                      "people": people[:_NAMED_AT_MOST]}
    return value


def reveal_person(place: Place, actor: Operator, key: str, fields: tuple[str, ...] = ("id_number", "mobile")
                  ) -> dict[str, str]:
    """The whole numbers of one person, with one audit entry for them all (one click, one entry)."""
    require(actor, "experts.reveal", place)
    unknown = [f for f in fields if f not in REVEALABLE]
    if unknown or not fields:
        raise UserError(f"不能显示此项：{'、'.join(unknown) or '（未指定）'}")
    with change(place, actor, "reveal", f"persons:{key}") as unit:
        row = unit.session.execute(select(*(REVEALABLE[f] for f in fields))
                                   .where(Person.id_number == canonical(key))).first()
        if row is None:
            raise NotFound(f"未找到人员 {key}")
        unit.after = {"fields": [_FIELD_NAMES[f] for f in fields]}
        return dict(zip(fields, row))


def whole_token(term: str) -> str | None:
    """A search term that is a whole ID number or mobile, as the token the search keys carry for it; None for any
    other term. The token is a digest, so part of a number never finds it: the hidden digits cannot be recovered
    one keystroke at a time."""
    value = term.strip().upper()
    if (len(value) == 18 and id_number_problem(value) is None) or _MOBILE.fullmatch(value):
        return "#" + hashlib.blake2b(value.encode("ascii"), digest_size=8).hexdigest()
    return None


def searchable(id_number: str, mobile: str = "") -> list[str]:
    """What a person is found by in a search: the visible part of their numbers, and each whole number's token."""
    out = [mask_id(id_number), mask_phone(mobile)]
    out += [t for t in (whole_token(id_number), whole_token(mobile) if mobile else None) if t]
    return [p for p in out if p]
