"""Small read-only questions the window asks that the catalogue does not answer, and the audited reveal.

Lists mask ID and phone numbers (CONFIDENTIAL); showing one whole is a deliberate act, so ``reveal`` writes an
audit entry before it hands the value back.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sqlalchemy import Integer, func, select

from desktop.services.uow import change, reading
from desktop.store import queries
from desktop.store.round_tables import Draw, DrawMember, Panel, ReviewRound
from desktop.store.tables import Application, Expert, FieldCode, Person
from desktop.store.workspace import Workspace

Place = Path | Workspace

REVEALABLE = {"id_number": Person.id_number, "mobile": Person.mobile}
_KEY_KINDS = {"experts", "persons"}


def reveal(place: Place, actor: str, kind: str, key: str, field: str) -> str:
    """The whole value of one field of one person, after recording who asked for it."""
    if kind not in _KEY_KINDS or field not in REVEALABLE:
        raise LookupError(f"不能显示此项：{kind} {field}")
    with change(place, actor, "reveal", f"{kind}:{key}") as unit:
        value = unit.session.execute(select(REVEALABLE[field]).where(Person.id_number == key.upper())).scalar()
        if value is None:
            raise LookupError(f"未找到人员 {key}")
        unit.after = {"field": field}
        return value


def rounds_served(place: Place, id_number: str) -> list[dict]:
    """The rounds an expert was drawn for (members and reserves) in draws still in force."""
    with reading(place) as session:
        rows = session.execute(
            select(ReviewRound.name, ReviewRound.review_date, Panel.name, DrawMember.reserve, DrawMember.position)
            .join(Draw, Draw.id == DrawMember.draw_id).join(ReviewRound, ReviewRound.id == Draw.round_id)
            .join(Panel, Panel.id == DrawMember.panel_id).join(Person, Person.id == DrawMember.person_id)
            .where(Person.id_number == id_number.upper(), Draw.superseded.is_(False))
            .order_by(ReviewRound.review_date)).all()
    return [{"round": r, "date": d, "panel": p, "reserve": bool(res), "position": pos} for r, d, p, res, pos in rows]


def field_coverage(place: Place, digits: int = 3) -> list[dict]:
    """Experts and applications per field cut to ``digits`` (the top level by default), most applications first:
    a field with applications and few experts is where a draw will run short."""
    with reading(place) as session:
        names = dict(session.execute(select(FieldCode.code, FieldCode.name)).all())
        experts: Counter[str] = Counter()
        for (codes,) in session.execute(select(Expert.fields)):
            experts.update({c[:digits] for c in codes.split(";") if c})
        applications = Counter(code[:digits] for (code,) in session.execute(select(Application.field_code)))
    keys = set(experts) | set(applications)
    rows = [{"field": k, "name": names.get(k, ""), "experts": experts[k], "applications": applications[k]}
            for k in keys]
    return sorted(rows, key=lambda r: (-r["applications"], -r["experts"], r["field"]))


def enterprise_share(place: Place) -> dict[str, int]:
    """Experts in the pool by whether they count as enterprise experts (ENTERPRISE_THIRD)."""
    with reading(place) as session:
        total, enterprise = session.execute(select(func.count(), func.sum(Expert.enterprise, type_=Integer))).one()
    return {"enterprise": int(enterprise or 0), "other": total - int(enterprise or 0)}


def expert_rows(place: Place) -> list[dict]:
    """The expert listing as the pool table shows it (no e-mail, no organisation code), read as fast as the store
    can: on 50,000 experts this decides how soon the pool opens."""
    with reading(place) as session:
        return queries.expert_table(session)
