"""Documents made from the workspace: the commitment letters of a drawn round, and any batch of plain documents.

The window and the command line both come here, so a letter is built, signed and logged the same way wherever it is
made. CONFIDENTIAL: every export of documents naming experts or applicants is one audit entry saying who made which
files, also when the batch is cancelled part way (the files already written are listed). Documents from plain data
can be made outside any workspace; there is then no log to write to, and no identity to sign with.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from sqlmodel import select

from desktop.domain.errors import RuleError
from desktop.services import signing
from desktop.services.draws import latest_draw
from desktop.services.rounds import show_round
from desktop.services.uow import change, reading
from desktop.store.engine import DB_NAME
from desktop.store.tables import Expert, Organisation, Person
from desktop.store.workspace import Workspace
from reports.batch import BatchCancelled, render_batch
from reports.documents import Document, ExpertCommitment, RoundInfo

Place = Path | Workspace
Progress = Callable[[int, int], None]
ORGANISER = "评审办公室"


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


def export_documents(place: Place, actor: str, documents: Sequence[Document], out_dir: Path, *, action: str,
                     target: str, sign: bool, progress: Progress | None = None,
                     cancel: threading.Event | None = None, password: signing.Password = None) -> list[Path]:
    """Render (and sign) ``documents`` into ``out_dir`` in worker processes, and log the export."""
    key = signing.signing_key(_root(place), password) if sign else None
    out_dir = Path(out_dir).resolve()
    try:
        paths = render_batch(documents, out_dir, sign_with=key, progress=progress, cancel=cancel)
    except BatchCancelled as stopped:
        _log(place, actor, action, target, out_dir, stopped.done, sign, cancelled=True)
        raise
    _log(place, actor, action, target, out_dir, paths, sign, cancelled=False)
    return paths


def _log(place: Place, actor: str, action: str, target: str, out_dir: Path, paths: list[Path], sign: bool,
         cancelled: bool) -> None:
    if not (_root(place) / DB_NAME).exists():
        return
    with change(place, actor, action, target) as unit:
        unit.after = {"out": str(out_dir), "files": [p.name for p in paths], "count": len(paths), "signed": sign,
                      **({"cancelled": True} if cancelled else {})}


def round_letters(place: Place, round_id: int, *, organiser: str = ORGANISER,
                  venue: str = "") -> list[ExpertCommitment]:
    """One commitment letter (EXPERT_COMMITMENT) per member of each panel of the round's latest draw."""
    info = show_round(place, round_id)
    draw = latest_draw(place, round_id)
    if draw is None:
        raise RuleError("EXPERT_COMMITMENT", f"评审轮次“{info.name}”尚未抽取专家，无法生成承诺书")
    round_info = RoundInfo(info.name, info.programme, info.method_text, dt.date.fromisoformat(info.review_date[:10]),
                           organiser, venue)
    members = [(panel["name"], member) for panel in draw.panels for member in panel["members"]]
    organisations = _organisations(place, [member["expert"] for _, member in members])
    return [ExpertCommitment(round_info, panel, member["name"], organisations.get(member["expert"], ""))
            for panel, member in members]


def _organisations(place: Place, id_numbers: list[str]) -> dict[str, str]:
    """Each expert's organisation as the pool records it today, by ID number."""
    with reading(place) as session:
        return dict(session.execute(
            select(Person.id_number, Organisation.name).join(Expert, Expert.person_id == Person.id)
            .join(Organisation, Organisation.id == Expert.organisation_id)
            .where(Person.id_number.in_(id_numbers))).all())


def generate_letters(place: Place, actor: str, round_id: int, out_dir: Path, *, sign: bool,
                     organiser: str = ORGANISER, venue: str = "", progress: Progress | None = None,
                     cancel: threading.Event | None = None, password: signing.Password = None) -> list[LetterFile]:
    """The commitment letters of the round's drawn members, written (and signed) into ``out_dir``."""
    letters = round_letters(place, round_id, organiser=organiser, venue=venue)
    paths = export_documents(place, actor, letters, out_dir, action="documents.letters", target=f"round:{round_id}",
                             sign=sign, progress=progress, cancel=cancel, password=password)
    return [LetterFile(path, letter.panel, letter.expert_name, sign) for path, letter in zip(paths, letters)]
