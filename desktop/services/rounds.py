"""Use cases of review rounds and their panels: create, correct or delete a draft, open it (freezing the method),
add, correct and remove panels until the draw. A round is named by a ``RoundRef`` (workspace and id) where it may
come from a window that has since opened another workspace."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import delete, func
from sqlmodel import select
from sqlmodel import Session

from desktop.domain.corrections import BadValue, check_panel_size, check_panels_correctable, \
    check_review_date, check_round_correctable, clean_name
from desktop.domain.errors import NotFound, UserError
from desktop.domain.methods import Method, RoundSettings, RoundState, check_method_change, check_same_method, \
    check_transition
from desktop.services import limits
from desktop.services.accounts import Operator, require
from desktop.services.uow import change, reading, workspace_of
from desktop.store import seating
from desktop.store.round_tables import Draw, Panel, PanelApplication, ReviewRound
from desktop.store.tables import Application, FieldCode
from desktop.store.workspace import Workspace

Place = Path | Workspace


class OtherWorkspace(UserError):
    """The round named belongs to another workspace than the one open: acting on it there would act on a stranger."""


@dataclass(frozen=True)
class RoundRef:
    """A round as the window holds it: its workspace and its id together, since every workspace has a round 1."""
    workspace: Path
    id: int


def round_id_in(place: Place, round_ref: int | RoundRef) -> int:
    """The id of ``round_ref`` in the workspace at ``place``; a reference to another workspace's round is refused,
    so a page still showing the round of the workspace open before can never act on this one's."""
    if not isinstance(round_ref, RoundRef):
        return round_ref
    root = workspace_of(place).root
    if Path(round_ref.workspace).resolve() != root:
        raise OtherWorkspace(f"评审轮次 {round_ref.id} 属于工作区 {round_ref.workspace}，而当前打开的是 {root}："
                             "操作未执行，请在当前工作区中重新选择评审轮次")
    return round_ref.id


@dataclass(frozen=True)
class RoundInfo:
    ref: RoundRef
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
    issuer: str = ""       # who issues the round's documents (落款)
    venue: str = ""
    review_time: str = ""
    limits: dict | None = None  # what opening the round listed for decision (desktop.services.limits.listed)
    unanswered: tuple[dict, ...] = ()  # seats of the current draw without an acceptance: {"panel", "name", "status"}

    def to_dict(self) -> dict:
        return {key: value for key, value in self.__dict__.items()
                if key != "ref" and not (key == "limits" and value is None)}


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


def _info(workspace: Workspace, session: Session, row: ReviewRound) -> RoundInfo:
    method = method_of(row)
    draws = session.execute(select(func.count()).select_from(Draw).where(Draw.round_id == row.id)).scalar_one()
    return RoundInfo(RoundRef(workspace.root, row.id), row.id, row.name, row.programme, row.stage, row.review_date, method.to_dict(), method.describe(),
                     json.loads(row.settings), row.state, RoundState(row.state).label, _panels(session, row.id), draws,
                     row.issuer, row.venue, row.review_time, unanswered=tuple(
                         {"panel": p, "name": n, "status": s} for p, n, s in seating.unanswered(session, row.id)))


def _check_unique_name(session: Session, name: str, programme: str, round_id: int | None = None) -> None:
    """Two rounds of one programme with the same name cannot be told apart in lists, letters or the archive."""
    same = select(ReviewRound.id).where(ReviewRound.name == name, ReviewRound.programme == programme)
    if round_id is not None:
        same = same.where(ReviewRound.id != round_id)
    if session.execute(same).first() is not None:
        raise BadValue(f"计划类别「{programme or '（未填）'}」中已有名为「{name}」的评审轮次，请换一个名称")


def create_round(place: Place, actor: Operator, *, name: str, review_date: dt.date, method: Method,
                 settings: RoundSettings = RoundSettings(), programme: str = "", stage: str = "",
                 issuer: str = "", venue: str = "", review_time: str = "",
                 confirm_past_date: bool = False) -> RoundInfo:
    require(actor, "round.edit", place)
    name, programme, stage = clean_name(name, "评审轮次"), programme.strip(), stage.strip()
    check_review_date(review_date, dt.date.today(), confirm_past_date)
    with change(place, actor, "round.create") as unit:
        _check_unique_name(unit.session, name, programme)
        row = ReviewRound(name=name, programme=programme, stage=stage, review_date=review_date.isoformat(),
                          method=json.dumps(method.to_dict(), ensure_ascii=False),
                          settings=json.dumps(settings.to_dict(), ensure_ascii=False), created_at=_now(),
                          issuer=issuer.strip(), venue=venue.strip(), review_time=review_time.strip())
        unit.session.add(row)
        unit.session.flush()
        unit.target = f"round:{row.id}"
        unit.after = _record(row)
        return _info(unit.workspace, unit.session, row)


def _record(row: ReviewRound) -> dict:
    """A round's own fields as the audit keeps them before and after a change."""
    return {"name": row.name, "programme": row.programme, "stage": row.stage, "review_date": row.review_date,
            "method": json.loads(row.method), "settings": json.loads(row.settings), "issuer": row.issuer,
            "venue": row.venue, "review_time": row.review_time}


def edit_round(place: Place, actor: Operator, round_id: int | RoundRef, *, name: str | None = None,
               programme: str | None = None, stage: str | None = None, review_date: dt.date | None = None,
               method: Method | None = None, settings: RoundSettings | None = None,
               issuer: str | None = None, venue: str | None = None, review_time: str | None = None,
               confirm_past_date: bool = False) -> RoundInfo:
    """Correct a draft round: rename, re-date, re-configure (CORRECTIONS); the audit keeps before and after.
    Only what is given changes; once the round is opened everything here is frozen (ONE_METHOD) but its
    arrangements (issuer, venue, time), which are settled as the review day nears and print on its documents."""
    require(actor, "round.edit", place)
    round_id = round_id_in(place, round_id)
    if review_date is not None:
        check_review_date(review_date, dt.date.today(), confirm_past_date)
    with change(place, actor, "round.edit", f"round:{round_id}") as unit:
        row = get_round(unit.session, round_id)
        if method is not None or settings is not None:
            check_method_change(row.state)
        if any(value is not None for value in (name, programme, stage, review_date, method, settings)):
            check_round_correctable(row.state, "修改")
        unit.before = _record(row)
        row.issuer = issuer.strip() if issuer is not None else row.issuer
        row.venue = venue.strip() if venue is not None else row.venue
        row.review_time = review_time.strip() if review_time is not None else row.review_time
        row.name = clean_name(name, "评审轮次") if name is not None else row.name
        row.programme = programme.strip() if programme is not None else row.programme
        row.stage = stage.strip() if stage is not None else row.stage
        if review_date is not None:
            row.review_date = review_date.isoformat()
        if method is not None:
            row.method = json.dumps(method.to_dict(), ensure_ascii=False)
        if settings is not None:
            row.settings = json.dumps(settings.to_dict(), ensure_ascii=False)
        _check_unique_name(unit.session, row.name, row.programme, row.id)
        unit.after = _record(row)
        return _info(unit.workspace, unit.session, row)


def delete_round(place: Place, actor: Operator, round_id: int | RoundRef) -> None:
    """Delete a draft round with its panels (a round made by mistake); the audit keeps what it was."""
    require(actor, "round.edit", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "round.delete", f"round:{round_id}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        check_round_correctable(row.state, "删除")
        unit.before = {**_record(row), "panels": _panels(session, round_id)}
        session.execute(delete(PanelApplication).where(PanelApplication.round_id == round_id))
        session.execute(delete(Panel).where(Panel.round_id == round_id))
        session.delete(row)
        unit.after = {"deleted": True}


def set_state(session: Session, row: ReviewRound, target: RoundState) -> None:
    check_transition(row.state, target)
    row.state = target.value


def open_round(place: Place, actor: Operator, round_id: int | RoundRef) -> RoundInfo:
    """Opening freezes the method and the settings (ONE_METHOD), and says how many of its applications the limits
    list names for the secretariat's decision (PROJECT_LIMIT, APPLICANT_INTEGRITY, LOBBIED)."""
    require(actor, "round.edit", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "round.open", f"round:{round_id}") as unit:
        row = get_round(unit.session, round_id)
        set_state(unit.session, row, RoundState.OPENED)
        row.opened_at = _now()
        unit.session.flush()
        found = limits.listed(unit.session, round_id)
        unit.after = {"state": row.state, "method": json.loads(row.method), "limits": found}
        return replace(_info(unit.workspace, unit.session, row), limits=found)


def _application_ids(session: Session, round_id: int, numbers: list[str], panel_id: int | None = None) -> dict:
    """The applications ``numbers`` name, each existing and in no other panel of the round."""
    ids = dict(session.execute(select(Application.number, Application.id)
                               .where(Application.number.in_(numbers))).all())
    missing = [n for n in numbers if n not in ids]
    if missing:
        raise BadValue(f"项目编号不存在：{'、'.join(missing)}")
    taken = select(Application.number, Panel.name).join(
        PanelApplication, PanelApplication.application_id == Application.id).join(
        Panel, Panel.id == PanelApplication.panel_id).where(PanelApplication.round_id == round_id,
                                                            Application.number.in_(numbers))
    if panel_id is not None:
        taken = taken.where(Panel.id != panel_id)
    found = session.execute(taken).all()
    if found:
        raise BadValue("以下项目已在本轮其他评审组中：" + "、".join(f"{n}（{p}）" for n, p in found))
    return ids


def _check_fields(session: Session, fields: list[str]) -> None:
    known_fields = set(session.execute(select(FieldCode.code)).scalars())
    unknown = [f for f in fields if known_fields and f not in known_fields]
    if unknown:
        raise BadValue(f"学科代码不在学科代码表中：{'、'.join(unknown)}")


def _check_panel_name(session: Session, round_id: int, name: str, panel_id: int | None = None) -> str:
    name = clean_name(name, "评审组")
    same = select(Panel.id).where(Panel.round_id == round_id, Panel.name == name)
    if panel_id is not None:
        same = same.where(Panel.id != panel_id)
    if session.execute(same).first() is not None:
        raise BadValue(f"本轮已有名为「{name}」的评审组")
    return name


def _set_applications(session: Session, panel: Panel, ids: dict[str, int], numbers: list[str]) -> None:
    session.execute(delete(PanelApplication).where(PanelApplication.panel_id == panel.id))
    for number in numbers:
        session.add(PanelApplication(panel_id=panel.id, application_id=ids[number], round_id=panel.round_id))


def _panel_record(session: Session, panel: Panel) -> dict:
    numbers = session.execute(select(Application.number).join(
        PanelApplication, PanelApplication.application_id == Application.id)
        .where(PanelApplication.panel_id == panel.id).order_by(Application.number)).scalars().all()
    return {"id": panel.id, "round": panel.round_id, "name": panel.name, "size": panel.size,
            "fields": [f for f in panel.fields.split(";") if f], "applications": list(numbers)}


def add_panel(place: Place, actor: Operator, round_id: int | RoundRef, *, name: str, size: int, applications: list[str],
              fields: list[str] = (), method: Method | None = None) -> dict:
    """A panel (评审组) of the round; a panel announcing a method other than the round's is refused (ONE_METHOD)."""
    require(actor, "round.edit", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "panel.add", f"round:{round_id}") as unit:
        session = unit.session
        row = get_round(session, round_id)
        if method is not None:
            check_same_method(method_of(row), method, f"评审组「{name}」")
        check_panels_correctable(row.state)
        check_panel_size(size)
        if not applications:
            raise BadValue("评审组至少包含一个项目")
        name = _check_panel_name(session, round_id, name)
        ids = _application_ids(session, round_id, applications)
        _check_fields(session, list(fields))
        position = session.execute(select(func.count()).select_from(Panel)
                                   .where(Panel.round_id == round_id)).scalar_one()
        panel = Panel(round_id=round_id, name=name, size=size, fields=";".join(fields), position=position)
        session.add(panel)
        session.flush()
        _set_applications(session, panel, ids, applications)
        unit.after = _panel_record(session, panel)
        return unit.after


def _get_panel(session: Session, round_id: int, panel_id: int) -> Panel:
    panel = session.get(Panel, panel_id)
    if panel is None or panel.round_id != round_id:
        raise NotFound(f"评审轮次 {round_id} 中没有评审组 {panel_id}")
    return panel


def edit_panel(place: Place, actor: Operator, round_id: int | RoundRef, panel_id: int, *, name: str | None = None,
               size: int | None = None, applications: list[str] | None = None,
               fields: list[str] | None = None) -> dict:
    """Correct a panel before the draw: rename, resize, change (or empty) its applications or fields
    (CORRECTIONS); the audit keeps before and after."""
    require(actor, "round.edit", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "panel.edit", f"round:{round_id}") as unit:
        session = unit.session
        check_panels_correctable(get_round(session, round_id).state)
        panel = _get_panel(session, round_id, panel_id)
        unit.before = _panel_record(session, panel)
        if name is not None:
            panel.name = _check_panel_name(session, round_id, name, panel.id)
        if size is not None:
            check_panel_size(size)
            panel.size = size
        if fields is not None:
            _check_fields(session, list(fields))
            panel.fields = ";".join(fields)
        if applications is not None:
            _set_applications(session, panel, _application_ids(session, round_id, applications, panel.id),
                              applications)
        session.flush()
        unit.after = _panel_record(session, panel)
        return unit.after


def remove_panel(place: Place, actor: Operator, round_id: int | RoundRef, panel_id: int) -> None:
    """Remove a panel before the draw; its applications are free for another panel. The audit keeps what it was."""
    require(actor, "round.edit", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "panel.remove", f"round:{round_id}") as unit:
        session = unit.session
        check_panels_correctable(get_round(session, round_id).state)
        panel = _get_panel(session, round_id, panel_id)
        unit.before = _panel_record(session, panel)
        session.execute(delete(PanelApplication).where(PanelApplication.panel_id == panel.id))
        session.delete(panel)
        unit.after = {"removed": panel.name}


def show_round(place: Place, op: Operator, round_id: int | RoundRef) -> RoundInfo:
    require(op, "rounds.read", place)
    round_id = round_id_in(place, round_id)
    workspace = workspace_of(place)
    with reading(workspace) as session:
        return _info(workspace, session, get_round(session, round_id))


def list_rounds(place: Place, op: Operator) -> list[RoundInfo]:
    require(op, "rounds.read", place)
    workspace = workspace_of(place)
    with reading(workspace) as session:
        return [_info(workspace, session, row) for row in session.exec(select(ReviewRound).order_by(ReviewRound.id))]
