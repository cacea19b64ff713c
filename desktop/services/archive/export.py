"""Export a round as one archive (DESIGN.md "A round archive"): every member of every section, read in one read
transaction (so the archive is one consistent state), sealed with the export password, listed in a manifest with its
SHA-256 and size, and the manifest signed with the workspace's identity (detached CMS).

The file is written under a temporary name beside the target and renamed only when complete and recorded in the
audit log, so an interrupted or cancelled export leaves nothing under the final name; memory stays constant
whatever the size of the round, since each member streams from the workspace into the zip.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from desktop.domain.errors import Cancelled, UserError
from desktop.services import signing
from desktop.services.accounts import MIN_PASSWORD, Operator, require
from desktop.services.archive import cms, container
from desktop.services.archive.beside import Beside
from desktop.services.archive.members import CHUNK, Source, all_members
from desktop.services.archive.sections import execution, pool
from desktop.services.archive.sections.audit import head
from desktop.services.audit_log import check_intact, require_digested
from desktop.services.rounds import RoundRef, get_round, round_id_in
from desktop.services.uow import change, reading, writable
from desktop.store.engine import dbapi_cursor
from desktop.store.snapshot import POOL_TABLES
from reports.files import FlushedBehind, open_private, private_folder, replace, temp_path

Progress = Callable[[int, int, str], None]


# The tables kept in groups of one draw or panel, checked in this round's groups alone. The groups are named by the
# round's draws and panels (whose own tables are checked whole), so a group whose every row was deleted is noticed.
# A draw's exclusions hold each excluded expert's grounds, 15 MB a draw of the benchmark round: hashing all of a
# workspace's at every export made the export slower with every round ever drawn.
_OF_DRAWS = "t.draw_id IN (SELECT id FROM draw WHERE round_id = :round)"
ROUND_GROUPS = {
    "exclusion": (_OF_DRAWS, "SELECT id AS draw_id FROM draw WHERE round_id = :round"),
    "draw_member": (_OF_DRAWS, "SELECT d.id AS draw_id, p.id AS panel_id FROM draw d "
                               "JOIN panel p ON p.round_id = d.round_id WHERE d.round_id = :round"),
    # what the archive holds (the rows of the round) and what the round's panels hold: a row moved in from another
    # round's panel is checked in its own panel's group
    "panel_application": ("t.round_id = :round OR t.panel_id IN (SELECT id FROM panel WHERE round_id = :round)",
                          "SELECT id AS panel_id FROM panel WHERE round_id = :round "
                          "UNION SELECT panel_id FROM panel_application WHERE round_id = :round"),
}


class ExportCancelled(Cancelled):
    """The export was stopped: no archive was written."""


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"归档口令至少须有 {MIN_PASSWORD} 个字符：归档含保密材料，只有知道口令的人才能打开")


def export_round(place, actor: Operator, round_id: int | RoundRef, out: Path, password: str, *, app_version: str,
                 signing_password: signing.Password = None, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> dict:
    """Write the round's archive to ``out``; what was written ({"file", "members", "bytes", "manifest_sha256", …}).
    ``progress(done, total, path)`` hears of each member; ``cancelled()`` is asked between members and while a
    large one is copied, and a True answer removes the partial file (ExportCancelled). ``app_version`` is the
    program's version, which the manifest records (the services do not import the program's package)."""
    require(actor, "archive.export", place)
    workspace = writable(place)
    round_id = round_id_in(workspace, round_id)
    check_password(password)
    out = Path(out).resolve()
    if out.is_dir():
        raise UserError(f"{out} 是文件夹：请给出归档文件的名称，如 {out / f'round-{round_id}.zip'}")

    def stop() -> None:
        if cancelled is not None and cancelled():
            raise ExportCancelled("已取消导出，没有留下归档文件")

    # the key opened once, for the manifest's signature and the checkpoint of the export's audit entry; no identity,
    # no password: refused before any work
    with signing.held_key(workspace.root, signing_password) as key_of_signer:
        private_folder(out.parent)
        temp = temp_path(out)
        key, header = container.new_key(password)
        try:
            with ExitStack() as stack, reading(workspace) as session, open_private(temp) as file, \
                    FlushedBehind(file) as flushing, \
                    zipfile.ZipFile(file, "w", zipfile.ZIP_STORED, allowZip64=True) as zf, \
                    ThreadPoolExecutor(1, thread_name_prefix="archive-hash") as hashing:
                row = get_round(session, round_id)
                round_info = {"id": row.id, "name": row.name, "programme": row.programme, "state": row.state,
                              "review_date": row.review_date}
                entries, head_hash = head(session)
                beside = stack.enter_context(Beside(workspace.db_path, workspace.key, key, out.parent,
                                                    (entries, head_hash), stop))
                with dbapi_cursor(session) as cursor:
                    (schema_version,) = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
                source = Source(workspace, session, round_id, beside=beside)
                members = list(all_members(source))  # the pool's processes start
                # the commitment's candidates hash is what a replay on a changed pool relies on; the pool's own tables,
                # a million rows, are checked as they are written (below)
                chain = check_intact(session, tuple(pool.ROUND_TABLES) + ("draw", "draw_member", "draw_commitment",
                                                                          "exclusion") + execution.TABLES, "轮次归档",
                                     ROUND_GROUPS, {"round": round_id})
                container.write_plain(zf, container.HEADER, json.dumps(header, indent=1).encode("utf-8"))
                listed = []
                for index, member in enumerate(members, 1):
                    stop()
                    if progress is not None:
                        progress(index - 1, len(members), member.path)
                    listed.append(_written(zf, index, member, key, hashing, stop))
                    flushing.wrote(listed[-1]["size"])
                total = sum(m["size"] for m in listed)
                stop()
                require_digested(session, {t: source.digested[t].sealed() for t in POOL_TABLES}, "轮次归档", chain)
                manifest = {"format": container.FORMAT, "app": "PanelDesk", "app_version": app_version,
                            "schema_version": schema_version,
                            "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                            "created_by": actor.name,
                            "round": round_info,
                            "audit": {"entries": entries, "head": head_hash},
                            "members": listed}
                manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
                container.write_sealed(zf, container.MANIFEST, (manifest_bytes,), key)
                container.write_sealed(zf, container.SIGNATURE, (cms.sign(manifest_bytes, key_of_signer),), key)
            stop()
            summary = {"file": str(out), "round": round_id, "members": len(listed), "bytes": total,
                       "manifest_sha256": hashlib.sha256(manifest_bytes).hexdigest(),
                       "signer": signing.show_identity(workspace.root, actor).fingerprint,
                       "audit_entries": entries}
            with change(workspace, actor, "archive.export", f"round:{round_id}", password=signing_password,
                        round_unchanged=True) as unit:
                unit.after = summary | {"file": out.name}
                replace(temp, out)  # inside the unit: a failed rename records nothing
            if progress is not None:
                progress(len(members), len(members), "")
            return summary
        finally:
            temp.unlink(missing_ok=True)


def _written(zf: zipfile.ZipFile, index: int, member, key: bytes, hashing, stop: Callable[[], None]) -> dict:
    """One member sealed into the zip: its entry in the manifest. One sealed beside the export is copied as it is."""
    name = container.member_name(index)
    if member.sealed is None:
        sha256, size = container.write_sealed(zf, name, _checked(member.chunks(), stop), key, hashing)
    else:
        sealed = member.sealed()
        with open(sealed.file, "rb") as file:  # closed before anything removes it (Windows refuses to)
            container.write_presealed(zf, name, _checked(iter(lambda: file.read(CHUNK), b""), stop))
        sha256, size = sealed.sha256, sealed.size
    return {"path": member.path, "member": name, "sha256": sha256, "size": size}


def _checked(chunks, stop: Callable[[], None]):
    """The member's chunks, with a look at Cancel every 64 chunks (a recording of a GB is not waited out)."""
    for number, piece in enumerate(chunks):
        if number % 64 == 63:
            stop()
        yield piece
