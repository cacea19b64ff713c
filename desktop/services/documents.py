"""Documents made from the workspace: the commitment letters of a drawn round, and any batch of plain documents.

The window and the command line both come here, so a letter is built, signed and logged the same way wherever it is
made. CONFIDENTIAL: every export of documents naming experts or applicants is logged before its first file is
written and closed with who made which files, also when the batch is cancelled, fails or is killed part way (the
files already written are listed; see services.batch_log). Documents from plain data
can be made outside any workspace; there is then no log to write to, and no identity to sign with.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from sqlmodel import select

from desktop.domain.errors import UserError
from desktop.domain.methods import Method, RoundSettings, Scoring
from desktop.services.accounts import Operator, require
from desktop.domain.calls import FREED
from desktop.services import audit_log, batch_log, invitations, signing
from desktop.services.draws import latest_draw
from desktop.services.rounds import RoundInfo as StoredRound
from desktop.services.rounds import RoundRef, round_id_in, show_round
from desktop.services.uow import reading, writable
from desktop.store.engine import DB_NAME
from desktop.store.round_tables import Draw
from desktop.store.tables import Application, Expert, Organisation, Person
from desktop.store.workspace import Workspace
from reports.batch import BatchCancelled, BatchStopped, render_batch, target_paths
from reports.files import private_folder, write_atomically, written_since
from reports.documents import (ENTERPRISE, ApplicationRef, Criterion, Document, ExpertCommitment, PanelMember,
                               RoundInfo, ScoreSheet, SignInSheet)
from reports.plain import PlainDataError, documents_from_plain

Place = Path | Workspace
Progress = Callable[[int, int], None]
LETTER = ExpertCommitment.template


@dataclass(frozen=True)
class LetterFile:
    path: Path
    panel: str
    expert: str
    signed: bool


def _root(place: Place) -> Path:
    return place.root if isinstance(place, Workspace) else Path(place)


def letters_folder(place: Place, round_id: int) -> Path:
    """Where a round's letters go unless the user picks another folder."""
    return _root(place) / "out" / f"round-{round_id}"


def plain_documents(path: Path, template: str | None = None) -> list[Document]:
    """The documents a JSON file of plain values describes (reports/plain.py); only those of ``template`` if given."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as error:
        raise PlainDataError(f"无法读取 {path}：{error.strerror}") from error
    except json.JSONDecodeError as error:
        raise PlainDataError(f"{path} 不是有效的 JSON：第{error.lineno}行第{error.colno}列 {error.msg}") from error
    return [d for d in documents_from_plain(data) if template is None or d.template == template]


def export_documents(place: Place, actor: Operator | None, documents: Sequence[Document], out_dir: Path, *, action: str,
                     target: str, sign: bool, progress: Progress | None = None,
                     cancel: threading.Event | None = None, password: signing.Password = None) -> list[Path]:
    """Render (and sign) ``documents`` into ``out_dir`` in worker processes; in a workspace the batch is logged
    before it starts and closed with what it produced, whatever stops it (services.batch_log). Outside a workspace
    (documents from a plain-data file into any folder) no account is involved and ``actor`` may be None."""
    if (_root(place) / DB_NAME).exists():
        require(actor, "letters", place)
        writable(place)
    key = signing.signing_key(_root(place), password) if sign else None
    out_dir = Path(out_dir).resolve()
    if not (_root(place) / DB_NAME).exists():
        return render_batch(documents, out_dir, sign_with=key, progress=progress, cancel=cancel)
    planned = [path.name for path in target_paths(documents, out_dir)]
    batch = batch_log.begin(place, actor, action, target, out_dir, planned, sign)
    started = time.time_ns()
    try:
        paths = render_batch(documents, out_dir, sign_with=key, progress=progress, cancel=cancel)
    except BatchStopped as stopped:
        batch_log.end(place, actor, batch, stopped.done,
                      "cancelled" if isinstance(stopped, BatchCancelled) else "failed")
        raise
    except BaseException:
        batch_log.end(place, actor, batch, [out_dir / n for n in planned if written_since(out_dir / n, started)],
                      "failed")
        raise
    batch_log.end(place, actor, batch, paths, "complete")
    return paths


def copy_documents(place: Place, actor: Operator, paths: Sequence[Path], out_dir: Path, *, action: str, target: str,
                   signed: bool) -> list[Path]:
    """Copies, byte for byte, of documents the workspace has made into another folder (a USB stick), logged as a
    batch as their making was (services.batch_log: where they went and, signed, their SHA-256): what leaves is
    exactly the file the workspace keeps."""
    require(actor, "letters", place)
    writable(place)
    out_dir = Path(out_dir).resolve()
    private_folder(out_dir)
    batch = batch_log.begin(place, actor, action, target, out_dir, [Path(p).name for p in paths], signed)
    copied: list[Path] = []
    try:
        for path in map(Path, paths):
            write_atomically(out_dir / path.name, path.read_bytes())
            copied.append(out_dir / path.name)
    except BaseException as error:
        batch_log.end(place, actor, batch, copied, "failed")
        if isinstance(error, OSError):
            raise UserError(f"无法复制到 {out_dir}：{error.strerror or error}（已复制 {len(copied)} 份）。"
                            f"工作区中的文书仍在 {Path(paths[0]).parent}") from error
        raise
    batch_log.end(place, actor, batch, copied, "complete")
    return copied


SHEETS = ("sign_in_sheet", "score_sheet")
_SCORING_SHEET = {Scoring.SCORE100: "weighted", Scoring.GRADES: "grade", Scoring.VOTE: "vote",
                  Scoring.RANKING: "rank"}


@dataclass(frozen=True)
class _Drawn:
    """A round's latest draw as its documents need it."""
    stored: StoredRound  # the round as the workspace holds it: method, panels and their applications
    info: RoundInfo  # the round as its documents head it
    panels: list[dict]  # the draw's panels, members with their ID numbers and names
    experts: dict[str, tuple[str, str]]  # ID number → (organisation, title) as the pool records them today


DRAW_TABLES = ("review_round", "panel", "panel_application", "draw", "draw_member", "invitation", "person", "expert",
               "organisation", "application")  # what a round's documents are made from


def _as_invited(session, draw) -> list[dict]:
    """The draw's panels with each seat's current holder: a member replaced from the reserve or a supplementary draw
    gets the papers, and a seat still open has none."""
    current = session.get(Draw, draw.id)
    held = invitations.holders(invitations.seats(session, current))
    members: dict[str, list[dict]] = {}
    for seat in held.values():
        if seat.status not in FREED:
            members.setdefault(seat.panel, []).append({"expert": seat.expert, "name": seat.name,
                                                       "enterprise": seat.enterprise})
    return [dict(panel, members=members.get(panel["name"], [])) for panel in draw.panels]


def _drawn(place: Place, op: Operator, round_id: int, what: str) -> _Drawn:
    """The round's draw and arrangements as its documents print them: the issuing body, venue and time are the
    round's own (set with the method), never a default a reader could take for the real office."""
    audit_log.require_intact(place, DRAW_TABLES, what)  # TAMPER_EVIDENT: only from records that check
    info = show_round(place, op, round_id)
    draw = latest_draw(place, op, round_id)
    if draw is None:
        raise UserError(f"评审轮次“{info.name}”尚未抽取专家，无法生成{what}")
    if not info.issuer:
        raise UserError(f"评审轮次“{info.name}”尚未填写签发单位（文书落款），无法生成{what}：请在评审方法步骤中填写，"
                        f"或执行 round edit --round {info.id} --issuer 单位名称")
    round_info = RoundInfo(info.name, info.programme, info.method_text, dt.date.fromisoformat(info.review_date[:10]),
                           info.issuer, info.venue, info.review_time,
                           scoring=_SCORING_SHEET[Method.from_dict(info.method).scoring])
    with reading(place) as session:
        panels = _as_invited(session, draw)
    ids = [member["expert"] for panel in panels for member in panel["members"]]
    with reading(place) as session:
        experts = {i: (org, title) for i, org, title in session.execute(
            select(Person.id_number, Organisation.name, Expert.title).join(Expert, Expert.person_id == Person.id)
            .join(Organisation, Organisation.id == Expert.organisation_id).where(Person.id_number.in_(ids)))}
    return _Drawn(info, round_info, panels, experts)


def round_letters(place: Place, op: Operator, round_id: int) -> list[ExpertCommitment]:
    """One commitment letter (EXPERT_COMMITMENT) per member of each panel of the round's latest draw."""
    require(op, "letters", place)
    drawn = _drawn(place, op, round_id, "承诺书")
    return [ExpertCommitment(drawn.info, panel["name"], member["name"], drawn.experts.get(member["expert"], ("",))[0])
            for panel in drawn.panels for member in panel["members"]]


def round_sheets(place: Place, op: Operator, round_id: int, kind: str) -> list[Document]:
    """The panels' papers for the review day from the latest draw: a sign-in sheet per panel listing its members,
    or a score sheet per member listing the panel's applications in the round's own scoring (ONE_METHOD)."""
    require(op, "letters", place)
    if kind not in SHEETS:
        raise ValueError(f"未知的文书：{kind}（应为 {'、'.join(SHEETS)} 之一）")
    drawn = _drawn(place, op, round_id, "签到表" if kind == "sign_in_sheet" else "评分表")
    if kind == "sign_in_sheet":
        fraction = str(RoundSettings.from_dict(drawn.stored.settings).enterprise_fraction)
        made_by, made_at = f"{op.display_name}（{op.name}）", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
        return [SignInSheet(drawn.info, panel["name"], tuple(
            PanelMember(m["name"], *drawn.experts.get(m["expert"], ("", "")), ENTERPRISE if m["enterprise"] else "")
            for m in panel["members"]), fraction, made_by, made_at) for panel in drawn.panels]
    method = Method.from_dict(drawn.stored.method)
    numbers = {panel["name"]: panel["applications"] for panel in drawn.stored.panels}
    titles = _titles(place, [n for numbers_ in numbers.values() for n in numbers_])
    criteria = tuple(Criterion(c.name, c.weight) for c in method.criteria)
    return [ScoreSheet(drawn.info, panel["name"], _SCORING_SHEET[method.scoring],
                       tuple(ApplicationRef(n, titles[n]) for n in numbers[panel["name"]]), criteria,
                       member["name"], str(method.pass_fraction))
            for panel in drawn.panels for member in panel["members"]]


def _titles(place: Place, numbers: list[str]) -> dict[str, str]:
    with reading(place) as session:
        return dict(session.execute(select(Application.number, Application.title)
                                    .where(Application.number.in_(numbers))).all())


def generate_sheets(place: Place, actor: Operator, round_id: int | RoundRef, kind: str, out_dir: Path, *, sign: bool,
                    progress: Progress | None = None,
                    cancel: threading.Event | None = None, password: signing.Password = None) -> list[Path]:
    """A drawn round's sign-in or score sheets, written (and signed) into ``out_dir``."""
    require(actor, "letters", place)
    round_id = round_id_in(place, round_id)
    return export_documents(place, actor, round_sheets(place, actor, round_id, kind),
                            out_dir, action=f"documents.{kind}", target=f"round:{round_id}", sign=sign,
                            progress=progress, cancel=cancel, password=password)


def generate_letters(place: Place, actor: Operator, round_id: int | RoundRef, out_dir: Path, *, sign: bool,
                     progress: Progress | None = None,
                     cancel: threading.Event | None = None, password: signing.Password = None) -> list[LetterFile]:
    """The commitment letters of the round's drawn members, written (and signed) into ``out_dir``."""
    require(actor, "letters", place)
    round_id = round_id_in(place, round_id)
    letters = round_letters(place, actor, round_id)
    paths = export_documents(place, actor, letters, out_dir, action="documents.letters", target=f"round:{round_id}",
                             sign=sign, progress=progress, cancel=cancel, password=password)
    return [LetterFile(path, letter.panel, letter.expert_name, sign) for path, letter in zip(paths, letters)]
