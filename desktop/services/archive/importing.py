"""Import a round archive into another workspace, after a full verify: the round appears closed (read-only: no step
of a closed round can be changed), with its panels, applications and draws, and what its execution and after-review
recorded with the attachments they name (desktop.services.archive.executed_rows), its deadlines with the calendar
version each was counted on and the calendar years this workspace lacked (desktop.services.archive.imported_deadlines),
and its generated documents, written where the round's documents are listed from
(desktop.services.archive.imported_documents); persons are merged by ID number and
organisations by credit code, so none is duplicated, and where the archive's details differ from this workspace's
the workspace keeps its own and the difference is reported. A round is imported once: the signed manifest's hash, the
signer and the round's number where it came from are kept, and importing the same archive again, or another export of
the same round by the same signer, merges nothing and names the round it became.

The import's audit entry lists the documents it wrote with their SHA-256, and the signer: the workspace vouches for
exactly those files, signed by that identity, which the operator confirmed by its fingerprint or certificate to import
the archive (desktop.services.signing.workspace_trust); a document signed by it that did not come with the archive is
not trusted here."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from cryptography import x509
from sqlmodel import select

from desktop.domain.draw import canonical_json
from desktop.domain.errors import UserError
from desktop.domain.methods import RoundState
from desktop.services.accounts import Operator, require
from desktop.services.archive import container
from desktop.services.archive import imported_documents
from desktop.services.archive.imported_deadlines import import_deadlines, import_years
from desktop.services.archive.executed_rows import import_rows
from desktop.services.archive.sections import audit as audit_section, calendar, execution, pool, \
    round as round_section
from desktop.services.archive.verify import verify_archive
from desktop.services.confidential import mask_ids_in
from desktop.services.uow import change, reading, writable
from desktop.store import records
from desktop.store.archive_tables import ArchivedRound
from desktop.store.calendar_tables import Deadline
from desktop.store.round_tables import Draw, DrawCommitment, DrawMember, Exclusion, Panel, PanelApplication, ReviewRound
from desktop.store.tables import Application, ApplicationPartner, Organisation, Person, TeamMember


class ArchiveRefused(UserError):
    """The archive did not verify: nothing of it was imported."""


def import_archive(place, actor: Operator, path: Path, password: str, *, trust: list[x509.Certificate] = (),
                   fingerprint: str = "", progress: Callable[[int, int, str], None] | None = None) -> dict:
    """{"round", "already_imported", "persons", "organisations", "applications", "differences", …}."""
    require(actor, "archive.import", place)
    workspace = writable(place)
    verdict = verify_archive(path, password, trust=trust, fingerprint=fingerprint, progress=progress)
    if not (verdict["intact"] and verdict["trusted"] and verdict["draw_replayed"]):
        raise ArchiveRefused("归档未通过核验，没有导入任何内容：" + "；".join(verdict["problems"]))
    with zipfile.ZipFile(path) as zf:
        opened = container.Opened(zf, password)
        sha = hashlib.sha256(opened.manifest_bytes).hexdigest()
        if sha != verdict["manifest_sha256"]:  # the file was replaced after the verify: import only what was verified
            raise ArchiveRefused("归档文件在核验之后被替换或改动，没有导入任何内容：请重新导入")
        with reading(workspace) as session:
            earlier = session.exec(select(ArchivedRound).where(ArchivedRound.manifest_sha256 == sha)).first() or \
                session.exec(select(ArchivedRound).where(  # another export of the same round of the same workspace
                    ArchivedRound.signer == verdict["signer"]["fingerprint"],
                    ArchivedRound.source_round_id == opened.manifest["round"]["id"])).first()
            if earlier is not None:
                return {"already_imported": True, "round": earlier.round_id, "imported_at": earlier.imported_at,
                        "earlier_file": earlier.file_name, "same_file": earlier.manifest_sha256 == sha,
                        "persons": {}, "organisations": {}, "applications": {}, "differences": []}
        data = opened.json(round_section.ROUND)
        schema = opened.json(pool.SCHEMA)
        tables = {t: [dict(zip(schema[t]["columns"], row)) for row in _pool_rows(opened, t)]
                  for t in ("organisation", "person", "application", "application_partner", "team_member")}
        exclusions = list(opened.lines(round_section.EXCLUSIONS))
        executed = {t: list(opened.lines(execution.rows_path(t))) for t in execution.TABLES}
        archived_calendar = opened.json(calendar.CALENDAR)
        manifest = opened.manifest
        documents = imported_documents.archived_documents(opened.by_path, data["round"]["id"])
        kinds = imported_documents.kinds(opened.lines(audit_section.ENTRIES), data["round"]["id"],
                                         data["draws"][-1]["at"] if data["draws"] else "", documents)
        folder = f"{imported_documents.FOLDER}round-{data['round']['id']}/"
        placed: list[Path] = []  # the documents' folder once in place: removed again if the change does not commit
        try:
            with change(workspace, actor, "archive.import", "") as unit:
                merge = _Merge(unit.session, tables)
                years, calendar_differences = import_years(unit.session, archived_calendar["years"], actor.name,
                                                           Path(path).name)
                merge.differences += calendar_differences
                new_round = _round(unit.session, merge, data)
                unit.session.add(ArchivedRound(round_id=new_round, manifest_sha256=sha, source_round_id=data["round"]["id"],
                                               source_state=data["round"]["state"], signer=verdict["signer"]["fingerprint"],
                                               file_name=Path(path).name, imported_at=_now(),
                                               differences=json.dumps(merge.differences, ensure_ascii=False)))
                ids = _draws(unit.session, merge, data, exclusions, new_round)
                rows = import_rows(unit.session, unit.workspace, executed.__getitem__, ids,
                                   lambda source: merge.person(merge.persons[source]["id_number"]),
                                   lambda source: merge.application(merge.app_numbers[source]),
                                   lambda name: opened.read(f"{execution.FOLDER}{name}"))
                rows[Deadline.__tablename__] = import_deadlines(unit.session, archived_calendar["deadlines"],
                                                                data["round"]["id"], new_round, ids.get("appeal.id", {}))
                unit.target = f"round:{new_round}"
                building, final, digests = imported_documents.write_documents(
                    unit.workspace, new_round, documents, lambda relative: opened.read(folder + relative))
                try:
                    summary = {"already_imported": False, "round": new_round, "source_round": data["round"]["id"],
                               "name": manifest["round"]["name"], "manifest_sha256": sha, "file": Path(path).name,
                               "signer": verdict["signer"]["fingerprint"], "persons": merge.counts["person"],
                               "organisations": merge.counts["organisation"],
                               "applications": merge.counts["application"], "rows": rows,
                               "documents": {"out": str(final), "files": documents, "kinds": kinds, "sha256": digests},
                               "calendar_years": years, "differences": merge.differences}
                    unit.after = summary | {"differences": len(merge.differences)}
                    imported_documents.place(building, final)  # inside the unit: a failed rename records nothing
                    placed.append(final)
                finally:
                    shutil.rmtree(building, ignore_errors=True)
                return summary
        except BaseException:
            for written in placed:
                shutil.rmtree(written, ignore_errors=True)
            raise


def _pool_rows(opened: container.Opened, table: str):
    """A pool table's rows as lists of values, from its records or, in an archive written before them, JSON Lines."""
    if pool.rows_path(table) in opened.by_path:
        return records.values(records.split(opened.read(pool.rows_path(table))))
    return opened.lines(pool.json_rows_path(table))


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class _Merge:
    """The archive's rows matched to this workspace's by their natural keys, added where missing."""

    def __init__(self, session, tables: dict[str, list[dict]]):
        self.session = session
        self.orgs = {r["id"]: r for r in tables["organisation"]}
        self.persons = {r["id"]: r for r in tables["person"]}
        self.person_by_number = {r["id_number"]: r for r in tables["person"]}
        self.apps = {r["number"]: r for r in tables["application"]}
        self.app_numbers = {r["id"]: r["number"] for r in tables["application"]}
        self.partners, self.team = tables["application_partner"], tables["team_member"]
        self.counts = {k: {"new": 0, "merged": 0} for k in ("person", "organisation", "application")}
        self.differences: list[str] = []
        self._ids: dict[tuple[str, str], int] = {}

    def _differs(self, what: str, fields: dict[str, tuple]) -> None:
        for name, (here, there) in fields.items():
            if here != there:
                self.differences.append(f"{what}：{name}本库为「{here}」，归档为「{there}」（保留本库的）")

    def organisation(self, source_id: int | None) -> int | None:
        if source_id is None:
            return None
        row = self.orgs[source_id]
        if ("organisation", row["credit_code"]) not in self._ids:
            found = self.session.exec(select(Organisation).where(Organisation.credit_code == row["credit_code"])).first()
            if found is None:
                found = Organisation(credit_code=row["credit_code"], name=row["name"], kind=row["kind"])
                self.session.add(found)
                self.session.flush()
                self.counts["organisation"]["new"] += 1
            else:
                self.counts["organisation"]["merged"] += 1
                self._differs(f"单位 {row['credit_code']}", {"名称": (found.name, row["name"]),
                                                             "类型": (found.kind, row["kind"])})
            self._ids[("organisation", row["credit_code"])] = found.id
        return self._ids[("organisation", row["credit_code"])]

    def person(self, id_number: str) -> int:
        if ("person", id_number) not in self._ids:
            row = self.person_by_number[id_number]
            found = self.session.exec(select(Person).where(Person.id_number == id_number)).first()
            if found is None:
                found = Person(id_number=id_number, name=row["name"], mobile=row["mobile"], email=row["email"])
                self.session.add(found)
                self.session.flush()
                self.counts["person"]["new"] += 1
            else:
                self.counts["person"]["merged"] += 1
                self._differs(f"人员 {mask_ids_in(id_number)}", {"姓名": (found.name, row["name"]),
                                                                 "手机": (found.mobile, row["mobile"]),
                                                                 "电子邮箱": (found.email, row["email"])})
            self._ids[("person", id_number)] = found.id
        return self._ids[("person", id_number)]

    def application(self, number: str) -> int:
        if ("application", number) not in self._ids:
            self._ids[("application", number)] = self._application(number)
        return self._ids[("application", number)]

    def _application(self, number: str) -> int:
        row = self.apps[number]
        applicant = self.organisation(row["applicant_org_id"])
        found = self.session.exec(select(Application).where(Application.number == number)).first()
        if found is not None:
            self.counts["application"]["merged"] += 1
            self._differs(f"项目 {number}", {"名称": (found.title, row["title"]),
                                            "学科代码": (found.field_code, row["field_code"]),
                                            "申报单位信用代码": (self.session.get(Organisation, found.applicant_org_id).credit_code,
                                                         self.orgs[row["applicant_org_id"]]["credit_code"])})
            return found.id
        found = Application(number=number, title=row["title"], field_code=row["field_code"], applicant_org_id=applicant)
        self.session.add(found)
        self.session.flush()
        self.counts["application"]["new"] += 1
        for partner in (p for p in self.partners if p["application_id"] == row["id"]):
            self.session.add(ApplicationPartner(application_id=found.id,
                                                organisation_id=self.organisation(partner["organisation_id"])))
        for member in (m for m in self.team if m["application_id"] == row["id"]):
            self.session.add(TeamMember(application_id=found.id,
                                        person_id=self.person(self.persons[member["person_id"]]["id_number"]),
                                        role=member["role"], organisation_id=self.organisation(member["organisation_id"]),
                                        position=member["position"]))
        return found.id


def _round(session, merge: _Merge, data: dict) -> int:
    """The round, closed, its panels and their applications; the new round's id."""
    source = data["round"]
    name = source["name"]
    while session.exec(select(ReviewRound.id).where(ReviewRound.name == name,
                                                    ReviewRound.programme == source["programme"])).first():
        name += "（归档导入）"
    row = ReviewRound(name=name, programme=source["programme"], stage=source["stage"],
                      review_date=source["review_date"], method=source["method"], settings=source["settings"],
                      state=RoundState.CLOSED.value, created_at=source["created_at"], opened_at=source["opened_at"])
    session.add(row)
    session.flush()
    for panel in data["panels"]:
        added = Panel(round_id=row.id, name=panel["name"], size=panel["size"], fields=panel["fields"],
                      position=panel["position"])
        session.add(added)
        session.flush()
        for number in panel["applications"]:
            session.add(PanelApplication(panel_id=added.id, application_id=merge.application(number), round_id=row.id))
    session.flush()
    return row.id


def _draws(session, merge: _Merge, data: dict, exclusions: list[dict], round_id: int) -> dict[str, dict[int, int]]:
    """The draws with their members, commitments and exclusions; the archive's round, draw and panel numbers mapped
    to the rows made here (what the execution rows refer to)."""
    panel_ids = {p.name: p.id for p in session.exec(select(Panel).where(Panel.round_id == round_id))}
    by_source_panel = {p["id"]: panel_ids[p["name"]] for p in data["panels"]}
    draw_ids = {}
    for record in data["draws"]:
        draw = Draw(round_id=round_id, seed=record["seed"], seed_source=record["seed_source"],
                    witness_digits=record["witness_digits"], pool_hash=record["pool_hash"],
                    rules=canonical_json(record["rules"]), operator=record["operator"], witness=record["witness"],
                    reason=record["reason"], at=record["at"], superseded=record["superseded"])
        session.add(draw)
        session.flush()
        draw_ids[record["id"]] = draw.id
        for panel, id_number, reserve, position, enterprise, basis in record["rows"]:
            session.add(DrawMember(draw_id=draw.id, panel_id=panel_ids[panel], person_id=merge.person(id_number),
                                   reserve=reserve, position=position, enterprise=enterprise, enterprise_basis=basis))
        for made in (c for c in data["commitments"] if c["draw_id"] == record["id"]):
            session.add(DrawCommitment(round_id=round_id, commitment=made["commitment"], secret=made["secret"],
                                       pool_hash=made["pool_hash"], candidates_hash=made["candidates_hash"],
                                       made_by=made["made_by"], made_at=made["made_at"], state=made["state"],
                                       draw_id=draw.id))
        for row in (e for e in exclusions if e["draw"] == record["id"]):
            session.add(Exclusion(draw_id=draw.id, panel_id=by_source_panel.get(row["panel"]),
                                  grounds=canonical_json(row["grounds"])))
    session.flush()
    return {"review_round.id": {data["round"]["id"]: round_id}, "draw.id": draw_ids, "panel.id": by_source_panel}
