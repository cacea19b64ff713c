"""Entering scores (ONE_METHOD, EXPERT_COMMITMENT, recusal at scoring, NO_SUBSTITUTE), single or double entry.

Every score is an expert's sheet for one application as an operator entered it (``score_entry``); the score that
counts (``score``) is that entry, or under double entry (双人录入, the round's ``double_entry``) the two entries of
two different operators once they agree — every difference is listed for resolution and counts only when resolved.
Each call checks every value and every expert first, then writes all of it in one transaction with one audit entry,
or nothing. The first score moves the round from confirmed to scoring; once results are approved a score changes
only with a reason, and the results need a new approval.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import delete, select
from sqlmodel import Session

from desktop.domain.errors import NotFound, UserError
from desktop.domain.grounds import GroundCode
from desktop.domain.ids import canonical
from desktop.domain.methods import Method, RoundSettings, RoundState, Scoring
from desktop.domain.scores import Mark, Scorer, check_ranks, check_scorer, parse_mark
from desktop.services.accounts import Operator, require
from desktop.services.conflicts import load_round
from desktop.services.rounds import RoundRef, get_round, method_of, round_id_in, set_state, settings_of
from desktop.services.uow import change, reading
from desktop.store import bulk, digests, seating
from desktop.store.execution_tables import Score, ScoreEntry
from desktop.store.tables import Application
from desktop.store.workspace import Workspace

Place = Path | Workspace
ENTERING = (RoundState.CONFIRMED, RoundState.SCORING, RoundState.RESULTS)


class ScoresClosed(UserError):
    """The round is not at a stage where scores are entered, or its approved results need a reason to change."""


@dataclass(frozen=True)
class ScoreInput:
    """One cell of a score sheet: the expert (ID number), the application (number), the value as typed."""
    expert: str
    application: str
    value: str | Mark
    opinion: str = ""


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class RoundScoring:
    """What the round's scoring is checked against, read once in the caller's session."""
    session: Session
    round_id: int
    method: Method
    settings: RoundSettings
    state: str
    panels: list[seating.PanelRow]
    seats: list[seating.Seat]
    committed: set[int]
    attendance: dict[int, str]
    _panel_grounds: dict[str, dict[str, tuple]] = field(default_factory=dict)  # panel → seated expert → grounds
    _knows_field: dict[tuple[str, str], bool] = field(default_factory=dict)  # (expert, field) → no FIELD ground
    _canonical: dict[str, str] = field(default_factory=dict)  # an ID number as typed → canonical
    _cleared: dict[tuple[int, str], seating.Seat | None] = field(default_factory=dict)  # see ``cleared``

    @classmethod
    def read(cls, session: Session, round_id: int) -> RoundScoring:
        row = get_round(session, round_id)
        return cls(session, round_id, method_of(row), settings_of(row), row.state, seating.panels(session, round_id),
                   seating.seats(session, round_id), seating.committed(session, round_id),
                   seating.attendance(session, round_id))

    @cached_property
    def panel_of(self) -> dict[str, seating.PanelRow]:
        return {number: panel for panel in self.panels for number in panel.applications}

    @cached_property
    def panel_by_name(self) -> dict[str, seating.PanelRow]:
        return {panel.name: panel for panel in self.panels}

    @cached_property
    def seat_of(self) -> dict[tuple[int, str], seating.Seat]:
        return {(seat.panel_id, seat.id_number): seat for seat in self.seats}

    @cached_property
    def person_names(self) -> dict[str, str]:
        return {seat.id_number: seat.name for seat in self.seats}

    @cached_property
    def conflicts(self):
        """Every ground of the seated members on the current data (desktop.domain.recusal through the draw's own
        reading of the round, over their rows of the pool alone), computed once per call and only when a score is
        checked."""
        return load_round(self.session, self.round_id, {seat.id_number for seat in self.seats}).conflicts

    def panel(self, name: str) -> seating.PanelRow:
        found = self.panel_by_name.get(name.strip())
        if found is None:
            raise NotFound(f"本轮没有名为「{name}」的评审组")
        return found

    def grounds(self, panel: seating.PanelRow, expert: str, application: str) -> tuple:
        """Every ground of the expert against the application on the current data: the panel's non-FIELD grounds
        read once for all its seated experts (a 35,000-row workbook asks for every pair), then FIELD for the pair."""
        conflicts = self.conflicts
        if expert not in conflicts.experts:
            return ()
        whole_round = conflicts.round_grounds.get(expert, ())
        grounds = list(whole_round) + [g for g in self._exclusions(panel).get(expert, ())
                                       if g not in whole_round and g.facts.get("application") == application]
        if not self._knows(expert, application):
            grounds.append(conflicts.field_ground(application, expert))
        return tuple(sorted(grounds, key=lambda g: list(GroundCode).index(g.code)))

    def _exclusions(self, panel: seating.PanelRow) -> dict[str, tuple]:
        found = self._panel_grounds.get(panel.name)
        if found is None:
            members = {s.id_number for s in self.seats if s.panel_id == panel.id}
            found = self._panel_grounds[panel.name] = self.conflicts.panel_exclusions(panel.name, members)
        return found

    def _knows(self, expert: str, application: str) -> bool:
        """No FIELD ground: many applications share a field, so asked once per expert and field."""
        known = (expert, self.conflicts.applications[application].field)
        if known not in self._knows_field:
            self._knows_field[known] = self.conflicts.field_ground(application, expert) is None
        return self._knows_field[known]

    def cleared(self, panel: seating.PanelRow, expert: str, application: str) -> seating.Seat | None:
        """The expert's seat when nothing keeps them from scoring the application: seated, committed, not absent,
        no ground in the panel at all and the application's field known. Worked out once per expert and panel, so
        the cells of a large sheet cost a lookup each; None sends a cell to ``scorer``, which says what is wrong
        (or finds a ground in the panel that is not against this application)."""
        key = (panel.id, expert)
        if key not in self._cleared:
            seat = self.seat_of.get(key)
            free = (seat is not None and seat.person_id in self.committed
                    and self.attendance.get(seat.person_id) != "absent"
                    and (expert not in self.conflicts.experts
                         or not (self.conflicts.round_grounds.get(expert) or self._exclusions(panel).get(expert))))
            self._cleared[key] = seat if free else None
        seat = self._cleared[key]
        if seat is None or (expert in self.conflicts.experts and not self._knows(expert, application)):
            return None
        return seat

    def scorer(self, panel: seating.PanelRow, expert: str, application: str) -> Scorer:
        seat = self.seat_of.get((panel.id, expert))
        if seat is None:
            return Scorer(self.person_names.get(expert, expert), False, False, None)
        return Scorer(seat.name, True, seat.person_id in self.committed, self.attendance.get(seat.person_id),
                      self.grounds(panel, expert, application))

    def check(self, cell: ScoreInput) -> tuple[seating.PanelRow, seating.Seat, Mark, str]:
        """The cell read and checked: its panel, seat, mark and opinion; raises the first thing wrong with it."""
        number = cell.application.strip()
        panel = self.panel_of.get(number)
        if panel is None:
            raise NotFound(f"项目{number}不在本轮任何评审组中")
        expert = self._canonical.get(cell.expert)
        if expert is None:
            expert = self._canonical[cell.expert] = canonical(cell.expert)
        try:
            mark = parse_mark(self.method, cell.value, len(panel.applications))
            seat = self.cleared(panel, expert, number)
            if seat is None:
                check_scorer(self.scorer(panel, expert, number), number, panel.name)
                seat = self.seat_of[(panel.id, expert)]
        except UserError as error:
            error.cell = (expert, number)  # the window selects the cell refused
            raise
        return panel, seat, mark, cell.opinion.strip()


@dataclass
class Entered:
    """What one call wrote: counts, and the cells whose two entries differ (double entry)."""
    entered: int = 0
    settled: int = 0
    waiting: int = 0  # double entry: the first of two entries
    differences: list[dict] = field(default_factory=list)
    state: str = ""
    changes: list[dict] = field(default_factory=list)  # each counting score that replaced another, before and after

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "changes"}

    def corrections(self) -> list[dict]:
        """What the audit entry lists: every score that replaced another, before and after (a new score is counted
        in ``settled``; the table's digest in the same entry vouches for its value)."""
        return self.changes


def check_open(scoring: RoundScoring, reason: str) -> None:
    state = RoundState(scoring.state)
    if state not in ENTERING:
        raise ScoresClosed(f"评审轮次当前为「{state.label}」：各评审组确认之后才能录入评分")
    if state is RoundState.RESULTS and not reason.strip():
        raise ScoresClosed("本轮评审结果已审批并冻结：修改评分须写明理由，修改后须重新提交审批")


def check_panel_ranks(scoring: RoundScoring, checked: list[tuple]) -> None:
    """A ranking gives each place of a panel once per expert, counting what the expert's sheet already holds."""
    if scoring.method.scoring is not Scoring.RANKING:
        return
    numbers = {app_id: number for panel in scoring.panels for number, app_id in panel.application_ids.items()}
    ranks: dict[tuple[int, int], dict[str, int]] = {}
    for person, panel_id, app_id, value in scoring.session.execute(
            select(Score.person_id, Score.panel_id, Score.application_id, Score.value)
            .where(Score.round_id == scoring.round_id)):
        ranks.setdefault((panel_id, person), {})[numbers[app_id]] = Mark.from_json(Scoring.RANKING, value).rank
    for panel, seat, mark, _, cell in checked:
        ranks.setdefault((panel.id, seat.person_id), {})[cell.application.strip()] = mark.rank
    names = {s.person_id: s.name for s in scoring.seats}
    for (_, person), given in ranks.items():
        check_ranks(names.get(person, str(person)), given)


ENTRY_COLUMNS = ("round_id", "panel_id", "person_id", "application_id", "pass_no", "value", "opinion", "entered_by",
                 "entered_at", "source")
SCORE_COLUMNS = ("round_id", "person_id", "application_id", "panel_id", "value", "opinion", "settled_by", "settled_at")
ENTRY_KEY, SCORE_KEY = ("round_id", "person_id", "application_id", "pass_no"), ("round_id", "person_id", "application_id")


@dataclass
class _Writes:
    """What a batch of cells changes, worked out against the round's entries and scores read once, then written in
    a few statements (desktop.store.bulk): a 35,000-row workbook must not cost two queries per cell."""
    round_id: int
    actor: str
    source: str
    at: str
    entries: dict[tuple[int, int], dict[int, dict]]  # (person, application) → pass → the entry's columns
    scores: dict[tuple[int, int], dict]  # (person, application) → the score that counts
    new_entries: list[tuple] = field(default_factory=list)  # in ENTRY_COLUMNS
    new_scores: list[tuple] = field(default_factory=list)  # in SCORE_COLUMNS
    dropped: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def read(cls, session: Session, round_id: int, actor: str, source: str) -> _Writes:
        entries: dict[tuple[int, int], dict[int, dict]] = {}
        for person, app, pass_no, by, value, opinion in session.execute(
                select(ScoreEntry.person_id, ScoreEntry.application_id, ScoreEntry.pass_no, ScoreEntry.entered_by,
                       ScoreEntry.value, ScoreEntry.opinion).where(ScoreEntry.round_id == round_id)):
            entries.setdefault((person, app), {})[pass_no] = {"entered_by": by, "value": value, "opinion": opinion}
        scores = {(person, app): {"value": value, "opinion": opinion} for person, app, value, opinion in
                  session.execute(select(Score.person_id, Score.application_id, Score.value, Score.opinion)
                                  .where(Score.round_id == round_id))}
        return cls(round_id, actor, source, now(), entries, scores)

    def cell(self, double: bool, panel, seat, number: str, mark: Mark, opinion: str, done: Entered) -> None:
        key = (seat.person_id, panel.application_ids[number])
        value = mark.to_json()
        before = self.scores.get(key)
        pass_no = 1
        if double:
            entries = self.entries.setdefault(key, {})
            pass_no = self._pass(entries, seat.name)
            entries[pass_no] = {"entered_by": self.actor, "value": value, "opinion": opinion}
        self.new_entries.append((self.round_id, panel.id, key[0], key[1], pass_no, value, opinion, self.actor,
                                 self.at, self.source))
        done.entered += 1
        if double:
            other = entries.get(3 - pass_no)
            if other is None:
                done.waiting += 1
                return
            if (other["value"], other["opinion"]) != (value, opinion):
                if self.scores.pop(key, None) is not None:
                    self.dropped.append(key)
                done.differences.append({"expert": seat.id_number, "name": seat.name, "panel": panel.name,
                                         "application": number})
                return
        after = {"value": value, "opinion": opinion}
        self.scores[key] = after
        self.new_scores.append((self.round_id, key[0], key[1], panel.id, value, opinion, self.actor, self.at))
        done.settled += 1
        if before is not None and before != after:
            done.changes.append({"expert": seat.id_number, "application": number, "before": before, "after": after})

    def _pass(self, entries: dict[int, dict], name: str) -> int:
        """Double entry: the operator's own pass again, else the first free one; a third operator is refused."""
        mine = [p for p, e in entries.items() if e["entered_by"] == self.actor]
        if mine:
            return mine[0]
        if len(entries) < 2:
            return 2 if 1 in entries else 1
        raise UserError(f"专家{name}对项目的两遍录入已由{entries[1]['entered_by']}和{entries[2]['entered_by']}完成；"
                        "如两遍不一致，请在「录入差异」中裁定")

    def write(self, session: Session) -> None:
        with digests.bulk(session, (ScoreEntry.__tablename__, Score.__tablename__), "t.round_id = ?",
                          (self.round_id,)):
            self._write(session)

    def _write(self, session: Session) -> None:
        for person, app in self.dropped:
            session.execute(delete(Score).where(Score.round_id == self.round_id, Score.person_id == person,
                                                Score.application_id == app))
        for table, columns, rows, keys in ((ScoreEntry, ENTRY_COLUMNS, self.new_entries, ENTRY_KEY),
                                           (Score, SCORE_COLUMNS, self.new_scores, SCORE_KEY)):
            if rows:
                bulk.upsert_tuples(session, table, columns, rows, keys, tuple(c for c in columns if c not in keys))


def record_scores(session: Session, scoring: RoundScoring, checked: list[tuple], actor: str, source: str) -> Entered:
    """Write cells already checked (``RoundScoring.check`` and the ranks) in the caller's transaction."""
    done = Entered()
    writes = _Writes.read(session, scoring.round_id, actor, source)
    for panel, seat, mark, opinion, cell in checked:
        writes.cell(scoring.settings.double_entry, panel, seat, cell.application.strip(), mark, opinion, done)
    writes.write(session)
    row = get_round(session, scoring.round_id)
    if row.state == RoundState.CONFIRMED and checked:
        set_state(session, row, RoundState.SCORING)
    done.state = row.state
    return done


def enter_scores(place: Place, actor: Operator, round_id: int | RoundRef, cells: list[ScoreInput], *,
                 source: str = "window", reason: str = "") -> Entered:
    """Enter one or more cells; any cell refused refuses all, with the rule's code in the message."""
    require(actor, "scores.enter", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "scores.enter", f"round:{round_id}") as unit:
        scoring = RoundScoring.read(unit.session, round_id)
        check_open(scoring, reason)
        checked = [(*scoring.check(cell), cell) for cell in cells]
        check_panel_ranks(scoring, checked)
        done = record_scores(unit.session, scoring, checked, actor.name, source)
        unit.after = {"source": source, "entered": done.entered, "settled": done.settled, "reason": reason.strip(),
                      "scores": done.corrections(), "differences": len(done.differences)}
        return done


def resolve_difference(place: Place, actor: Operator, round_id: int | RoundRef, expert: str, application: str,
                       value: str, opinion: str = "", *, reason: str = "") -> Entered:
    """Settle a double entry whose two entries differ, with the value read from the expert's paper sheet."""
    require(actor, "scores.enter", place)
    round_id = round_id_in(place, round_id)
    with change(place, actor, "scores.resolve", f"round:{round_id}") as unit:
        session = unit.session
        scoring = RoundScoring.read(session, round_id)
        check_open(scoring, reason)
        cell = ScoreInput(expert, application, value, opinion)
        panel, seat, mark, opinion = scoring.check(cell)
        app_id = panel.application_ids[application.strip()]
        entries = session.execute(select(ScoreEntry).where(
            ScoreEntry.round_id == round_id, ScoreEntry.person_id == seat.person_id,
            ScoreEntry.application_id == app_id)).scalars().all()
        if len(entries) < 2:
            raise UserError(f"专家{seat.name}对项目{application}尚无两遍录入，无需裁定")
        check_panel_ranks(scoring, [(panel, seat, mark, opinion, cell)])
        session.execute(delete(Score).where(Score.round_id == round_id, Score.person_id == seat.person_id,
                                            Score.application_id == app_id))
        session.add(Score(round_id=round_id, person_id=seat.person_id, application_id=app_id, panel_id=panel.id,
                          value=mark.to_json(), opinion=opinion, settled_by=actor.name, settled_at=now()))
        unit.after = {"expert": seat.id_number, "application": application, "value": mark.to_json(),
                      "entries": {e.entered_by: e.value for e in entries}, "reason": reason.strip()}
        return Entered(settled=1, state=scoring.state)


# --- reading ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetRow:
    expert: str
    name: str
    may_score: bool
    why_not: str  # why this expert's cells are closed, when they are


@dataclass(frozen=True)
class Sheet:
    """One panel's score sheet as the window shows it: experts by applications; under double entry only the
    signed-in operator's own entries are shown, so the second pass is entered blind."""
    panel: str
    method: str
    scoring: str
    columns: list[str]  # what a value holds: the criteria of a 百分制 sheet, else one column
    applications: list[tuple[str, str]]  # (number, title)
    experts: list[SheetRow]
    cells: dict[tuple[str, str], dict]  # (expert, application) → {"value", "opinion", "state"}
    double_entry: bool


def value_columns(method: Method) -> list[str]:
    if method.scoring is Scoring.SCORE100:
        return [f"{c.name}（{c.weight}分）" for c in method.criteria] or ["总分（100分）"]
    return {Scoring.GRADES: ["等级（A/B/C/D）"], Scoring.VOTE: ["表决（同意/不同意/弃权）"],
            Scoring.RANKING: ["排序（第几名）"]}[method.scoring]


def _why_not(scoring: RoundScoring, seat: seating.Seat) -> str:
    if scoring.attendance.get(seat.person_id) == "absent":
        return "缺席"
    if seat.person_id not in scoring.committed:
        return "未登记承诺书"
    return ""


def score_sheet(place: Place, op: Operator, round_id: int | RoundRef, panel: str) -> Sheet:
    require(op, "scores.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        scoring = RoundScoring.read(session, round_id)
        row = scoring.panel(panel)
        apps = dict(session.execute(select(Application.number, Application.title)
                                    .where(Application.number.in_(row.applications))).all())
        seats = [s for s in scoring.seats if s.panel_id == row.id]
        by_person = {s.person_id: s.id_number for s in seats}
        numbers = {app_id: number for number, app_id in row.application_ids.items()}
        cells: dict[tuple[str, str], dict] = {}
        for score in session.execute(select(Score).where(Score.round_id == round_id, Score.panel_id == row.id)
                                     ).scalars():
            mark = Mark.from_json(scoring.method.scoring, score.value)
            cells[(by_person[score.person_id], numbers[score.application_id])] = {
                "value": mark.text(), "opinion": score.opinion, "state": "settled"}
        for entry in session.execute(select(ScoreEntry).where(ScoreEntry.round_id == round_id,
                                                              ScoreEntry.panel_id == row.id)).scalars():
            key = (by_person[entry.person_id], numbers[entry.application_id])
            if key in cells and not scoring.settings.double_entry:
                continue
            if scoring.settings.double_entry and entry.entered_by != op.name:
                cells.setdefault(key, {"value": "", "opinion": "", "state": "other"})
                continue
            mark = Mark.from_json(scoring.method.scoring, entry.value)
            state = cells.get(key, {}).get("state", "waiting")
            cells[key] = {"value": mark.text(), "opinion": entry.opinion,
                          "state": "settled" if state == "settled" else "waiting"}
        experts = [SheetRow(s.id_number, s.name, not _why_not(scoring, s), _why_not(scoring, s)) for s in seats]
        return Sheet(row.name, scoring.method.describe(), scoring.method.scoring.value,
                     value_columns(scoring.method), [(n, apps[n]) for n in row.applications], experts, cells,
                     scoring.settings.double_entry)


def differences(place: Place, op: Operator, round_id: int | RoundRef) -> list[dict]:
    """Every cell of a double entry whose two entries differ and is not resolved yet, with both entries."""
    require(op, "scores.read", place)
    round_id = round_id_in(place, round_id)
    with reading(place) as session:
        scoring = RoundScoring.read(session, round_id)
        return pending_entries(session, scoring)["differences"]


def pending_entries(session: Session, scoring: RoundScoring) -> dict[str, list[dict]]:
    """Cells entered but not counting yet: ``waiting`` for their second entry, ``differences`` whose two differ."""
    settled = set(session.execute(select(Score.person_id, Score.application_id)
                                  .where(Score.round_id == scoring.round_id)).all())
    seats = {(s.panel_id, s.person_id): s for s in scoring.seats}
    numbers = {(p.id, app_id): n for p in scoring.panels for n, app_id in p.application_ids.items()}
    names = {p.id: p.name for p in scoring.panels}
    grouped: dict[tuple[int, int, int], list[ScoreEntry]] = {}
    for entry in session.execute(select(ScoreEntry).where(ScoreEntry.round_id == scoring.round_id)
                                 .order_by(ScoreEntry.pass_no)).scalars():
        if (entry.person_id, entry.application_id) not in settled:
            grouped.setdefault((entry.panel_id, entry.person_id, entry.application_id), []).append(entry)
    found: dict[str, list[dict]] = {"waiting": [], "differences": []}
    for (panel_id, person, app_id), entries in grouped.items():
        seat = seats.get((panel_id, person))
        item = {"panel": names[panel_id], "application": numbers[(panel_id, app_id)],
                "expert": seat.id_number if seat else "", "name": seat.name if seat else "",
                "entries": [{"pass": e.pass_no, "by": e.entered_by,
                             "value": Mark.from_json(scoring.method.scoring, e.value).text(),
                             "opinion": e.opinion} for e in entries]}
        found["differences" if len(entries) > 1 else "waiting"].append(item)
    return found
