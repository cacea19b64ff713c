"""Use cases of review rounds and their panels: create, change settings, open (freezing the method), add panels."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func
from sqlmodel import select
from sqlmodel import Session

from desktop.domain.errors import NotFound, UserError
from desktop.domain.methods import Method, RoundSettings, RoundState, RoundStateError, check_method_change, \
    check_same_method, check_transition
from desktop.services.uow import change, reading
from desktop.store.round_tables import Draw, Panel, PanelApplication, ReviewRound
from desktop.store.tables import Application, FieldCode
from desktop.store.workspace import Workspace

Place = Path | Workspace




@dataclass(frozen=True)
class RoundInfo:
    id: int
    name: str
    programme: str
    stage: str
    review_date: str
    method: dict
    method_text: str
    settings: dict
    state: str
    state_label: str
    panels: list[dict]
    draws: int

    def to_dict(self) -> dict:
        return self.__dict__.copy()


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def get_round(session: Session, round_id: int) -> ReviewRound:
    found = session.get(ReviewRound, round_id)
    if found is None:
        raise NotFound(f"评审轮次 {round_id} 不存在")
    return found


def method_of(row: ReviewRound) -> Method:
    return Method.from_dict(json.loads(row.method))


def settings_of(row: ReviewRound) -> RoundSettings:
    return RoundSettings.from_dict(json.loads(row.settings))


def _panels(session: Session, round_id: int) -> list[dict]:
    panels = session.exec(select(Panel).where(Panel.round_id == round_id).order_by(Panel.position)).all()
    numbers: dict[int, list[str]] = {}
    for panel_id, number in session.execute(
            select(PanelApplication.panel_id, Application.number)
            .join(Application, Application.id == PanelApplication.application_id)
            .where(PanelApplication.round_id == round_id).order_by(Application.number)):
        numbers.setdefault(panel_id, []).append(number)
    return [{"id": p.id, "name": p.name, "size": p.size, "fields": [f for f in p.fields.split(";") if f],
             "applications": numbers.get(p.id, [])} for p in panels]


def _info(session: Session, row: ReviewRound) -> RoundInfo:
    method = method_of(row)
    draws = session.execute(select(func.count()).select_from(Draw).where(Draw.round_id == row.id)).scalar_one()
    return RoundInfo(row.id, row.name, row.programme, row.stage, row.review_date, method.to_dict(), method.describe(),
                     json.loads(row.settings), row.state, RoundState(row.state).label, _panels(session, row.id), draws)


def create_round(place: Place, actor: str, *, name: str, review_date: dt.date, method: Method,
                 settings: RoundSettings = RoundSettings(), programme: str = "", stage: str = "") -> RoundInfo:
    if not name.strip():
        raise UserError("评审轮次名称不能为空")
    with change(place, actor, "round.create") as unit:
        row = ReviewRound(name=name.strip(), programme=programme, stage=stage, review_date=review_date.isoformat(),
                          method=json.dumps(method.to_dict(), ensure_ascii=False),
                          settings=json.dumps(settings.to_dict(), ensure_ascii=False), created_at=_now())
        unit.session.add(row)
        unit.session.flush()
        unit.target = f"round:{row.id}"
        unit.after = {"name": row.name, "review_date": row.review_date, "method": method.to_dict(),
                      "settings": settings.to_dict()}
        return _info(unit.session, row)


def update_round(place: Place, actor: str, round_id: int, *, method: Method | None = None,
                 settings: RoundSettings | None = None) -> RoundInfo:
    """Change the method or settings of a draft round; refused with ONE_METHOD once the round is opened."""
    with change(place, actor, "round.update", f"round:{round_id}") as unit:
        row = get_round(unit.session, round_id)
        check_method_change(row.state)
        unit.before = {"method": json.loads(row.method), "settings": json.loads(row.settings)}
        if method is not None:
            row.method = json.dumps(method.to_dict(), ensure_ascii=False)
        if settings is not None:
            row.settings = json.dumps(settings.to_dict(), ensure_ascii=False)
        unit.after = {"method": json.loads(row.method), "settings": json.loads(row.settings)}
        return _info(unit.session, row)


def set_state(session: Session, row: ReviewRound, target: RoundState) -> None:
    check_transition(row.state, target)
    row.state = target.value


def open_round(place: Place, actor: str, round_id: int) -> RoundInfo:
    """Opening freezes the method and the settings (ONE_METHOD)."""
    with change(place, actor, "round.open", f"round:{round_id}") as unit:
        row = get_round(unit.session, round_id)
        set_state(unit.session, row, RoundState.OPENED)
        row.opened_at = _now()
        unit.after = {"state": row.state, "method": json.loads(row.method)}
        return _info(unit.session, row)


def add_panel(place: Place, actor: str, round_id: int, *, name: str, size: int, applications: list[str],
              fields: list[str] = (), method: Method | None = None) -> dict:
    """A panel (评审组) of the round; a panel announcing a method other than the round's is refused (ONE_METHOD)."""
    with change(place, actor, "panel.add", f"round:{round_id}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        if method is not None:
            check_same_method(method_of(row), method, f"评审组「{name}」")
        if row.state not in (RoundState.DRAFT, RoundState.OPENED):
            raise RoundStateError(f"评审轮次已处于「{RoundState(row.state).label}」状态，不能再增加评审组")
        if size < 1:
            raise UserError("评审组人数至少为1")
        if not applications:
            raise UserError("评审组至少包含一个项目")
        ids = dict(session.execute(select(Application.number, Application.id)
                                   .where(Application.number.in_(applications))).all())
        missing = [n for n in applications if n not in ids]
        if missing:
            raise UserError(f"项目编号不存在：{'、'.join(missing)}")
        taken = session.execute(
            select(Application.number, Panel.name).join(PanelApplication, PanelApplication.application_id ==
                                                        Application.id)
            .join(Panel, Panel.id == PanelApplication.panel_id)
            .where(PanelApplication.round_id == round_id, Application.number.in_(applications))).all()
        if taken:
            raise UserError("以下项目已在本轮其他评审组中：" + "、".join(f"{n}（{p}）" for n, p in taken))
        known_fields = set(session.execute(select(FieldCode.code)).scalars())
        unknown = [f for f in fields if known_fields and f not in known_fields]
        if unknown:
            raise UserError(f"学科代码不在学科代码表中：{'、'.join(unknown)}")
        if session.exec(select(Panel).where(Panel.round_id == round_id, Panel.name == name)).first():
            raise UserError(f"本轮已有名为「{name}」的评审组")
        position = session.execute(select(func.count()).select_from(Panel)
                                   .where(Panel.round_id == round_id)).scalar_one()
        panel = Panel(round_id=round_id, name=name, size=size, fields=";".join(fields), position=position)
        session.add(panel)
        session.flush()
        for number in applications:
            session.add(PanelApplication(panel_id=panel.id, application_id=ids[number], round_id=round_id))
        unit.after = {"panel": name, "size": size, "applications": applications, "fields": list(fields)}
        return {"id": panel.id, "round": round_id, "name": name, "size": size, "fields": list(fields),
                "applications": list(applications)}


def show_round(place: Place, round_id: int) -> RoundInfo:
    with reading(place) as session:
        return _info(session, get_round(session, round_id))


def list_rounds(place: Place) -> list[RoundInfo]:
    with reading(place) as session:
        return [_info(session, row) for row in session.exec(select(ReviewRound).order_by(ReviewRound.id))]
