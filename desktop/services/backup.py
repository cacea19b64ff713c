"""Backups of a whole workspace, so that a dead laptop loses nothing, and their restore.

A backup folder (a USB stick, say) holds ``paneldesk-backup.json`` (plain: the Argon2id salt and parameters of the
backup password and a check value; nothing else), ``snapshots/YYYYMMDD-HHMMSS/`` one folder per backup, and
``blobs/`` shared by every snapshot. A snapshot holds the database, copied with SQLite's online backup API (a
consistent state while the workspace stays open), ``keys.json`` (the data key's slots: the accounts' passwords open
the restored workspace as they opened the original), the signing identity (``signing/``), the generated documents
(``out/``) and a manifest of every file with its SHA-256 and size. Every file is sealed with the backup password's
key (the sealed stream of desktop.store.blobs, AES-256-GCM), the database of an encrypted workspace being already
encrypted besides. Blobs are copied by name (the SHA-256 of their content, prefixed by the workspace's key id, since
an encrypted workspace's blob bytes depend on its key) and only once: a blob is never changed once written, so the
next backup copies only the new ones.

The manifest is signed with the workspace's signing identity (``manifest.json.p7s.sealed``: a detached CMS
signature, as a round archive's, desktop.services.archive.cms) when the workspace has one: the backup password keeps
strangers out, but whoever knows it (a former colleague) could otherwise make a backup that restores as the office's.

A restore checks every file of the snapshot against its manifest and the manifest's signature before it touches
anything: the signer must be the identity the backup itself holds, and, when the user gives the fingerprint the
office published, have that fingerprint; without one the restore says the signer is not confirmed. It builds the
workspace in a folder beside the target, and only then swaps it in; a workspace already there is kept, renamed,
never deleted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

from desktop.domain.errors import Cancelled, UserError
from desktop.services.accounts import Operator, require
from desktop.services.archive import cms, container
from desktop.services.archive.export import check_password
from desktop.services.archive.sections.audit import head
from desktop.services.uow import change, reading, workspace_of
from desktop.services import signing
from desktop.services.signing import FOLDER as SIGNING_FOLDER, META_NAME
from desktop.store import blobs, keyslots
from desktop.store.engine import DB_NAME, copy_database
from desktop.store.workspace import close_workspace
from reports.identity import normalised_fingerprint
from reports.files import open_private, private_folder, replace, temp_path, write_atomically

HEADER = "paneldesk-backup.json"
FORMAT = "PanelDesk backup v1"
MANIFEST = "manifest.json.sealed"
SIGNATURE = "manifest.json.p7s.sealed"
IDENTITY = f"{SIGNING_FOLDER}/{META_NAME}"
CHUNK = 1024 * 1024
Progress = Callable[[int, int, str], None]


class BackupProblem(UserError):
    """A backup that does not check: nothing was restored."""


def _read_file(path: Path) -> Iterable[bytes]:
    with open(path, "rb") as file:
        while piece := file.read(CHUNK):
            yield piece


def _seal_to(path: Path, chunks: Iterable[bytes], key: bytes) -> tuple[str, int]:
    """Write ``chunks`` sealed to ``path`` (through a temporary name); the plain content's SHA-256 and size."""
    digest, size = hashlib.sha256(), 0

    def counted():
        nonlocal size
        for piece in chunks:
            size += len(piece)
            yield piece
    temp = temp_path(path)
    try:
        with open_private(temp) as out:
            for piece in blobs.seal(counted(), key, digest):
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())
        replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return digest.hexdigest(), size


def _unseal(path: Path, key: bytes, what: str) -> Iterable[bytes]:
    with open(path, "rb") as file:
        yield from blobs.unseal(file, key, what)


def _key(folder: Path, password: str, *, create: bool) -> bytes:
    header = folder / HEADER
    if not header.exists():
        if not create:
            raise BackupProblem(f"{folder} 中没有 PanelDesk 备份（缺少 {HEADER}）")
        key, fields = container.new_key(password)
        write_atomically(header, json.dumps(fields | {"format": FORMAT}, indent=1).encode("utf-8"))
        return key
    try:
        key = container.key_from(json.loads(header.read_text(encoding="utf-8")), password)
    except (ValueError, AttributeError) as error:
        raise BackupProblem(f"{header} 不可用：{error}") from None
    if key is None:
        raise BackupProblem(f"备份口令不对：{folder} 中的备份是用另一口令加密的")
    return key


def _workspace_files(root: Path) -> list[tuple[str, Path]]:
    """keys.json, the signing identity and the generated documents, by their path in the workspace."""
    found = [(keyslots.FILE_NAME, root / keyslots.FILE_NAME)] if (root / keyslots.FILE_NAME).exists() else []
    for folder in (SIGNING_FOLDER, "out"):
        found += [(p.relative_to(root).as_posix(), p) for p in sorted((root / folder).rglob("*"))
                  if p.is_file() and not p.name.startswith(".")]
    return found


def backup_workspace(place, actor: Operator, out: Path, password: str, *, progress: Progress | None = None,
                     cancelled: Callable[[], bool] | None = None, signing_password: signing.Password = None) -> dict:
    """One snapshot of the workspace in the backup folder ``out``: {"snapshot", "files", "bytes", "new_blobs",
    "signer"} (``signer``: the fingerprint of the identity that signed its manifest, None without one)."""
    require(actor, "backup", place)
    workspace = workspace_of(place)
    check_password(password)
    signer = None
    if (workspace.root / IDENTITY).exists():  # its key is needed before any work: refused here without it
        key_of_signer = signing.signing_key(workspace.root, signing_password)
        signer = signing.show_identity(workspace.root, actor).fingerprint
    out = Path(out).resolve()
    private_folder(out)
    key = _key(out, password, create=True)
    stamp = base = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    while (out / "snapshots" / stamp).exists():  # two backups within a second
        stamp = f"{base}-{int(stamp.rsplit('-', 1)[1]) + 1 if stamp != base else 2}"
    snapshot = out / "snapshots" / stamp
    building = out / "snapshots" / f".{stamp}.part"
    private_folder(building)
    private_folder(out / "blobs")
    prefix = json.loads(keyslots.path(workspace.root).read_text())["id"] if keyslots.encrypted(workspace.root) \
        else "plain"
    listed, new_blobs = [], 0
    done = snapshots(out)
    earlier = {f["stored"]: f for f in _manifest(out, key, done[-1])["files"]} if done else {}
    try:
        copy = building / "database.tmp"
        copy_database(workspace.engine, copy, workspace.key)
        with reading(workspace) as session:
            entries, head_hash = head(session)
        sha, size = _seal_to(building / f"{DB_NAME}.sealed", _read_file(copy), key)
        copy.unlink()
        listed.append({"path": DB_NAME, "stored": f"snapshots/{stamp}/{DB_NAME}.sealed", "sha256": sha,
                       "size": size})
        files = _workspace_files(workspace.root)
        blob_files = sorted(p for p in workspace.blobs.glob("*") if p.is_file() and not p.name.startswith("."))
        total = len(files) + len(blob_files)
        for number, (path, file) in enumerate(files):
            if cancelled is not None and cancelled():
                raise Cancelled("已取消备份，没有留下不完整的备份")
            if progress is not None:
                progress(number, total, path)
            stored = f"{number:06d}.sealed"
            sha, size = _seal_to(building / stored, _read_file(file), key)
            listed.append({"path": path, "stored": f"snapshots/{stamp}/{stored}", "sha256": sha, "size": size})
        for number, file in enumerate(blob_files, len(files)):
            if cancelled is not None and cancelled():
                raise Cancelled("已取消备份，没有留下不完整的备份")
            if progress is not None:
                progress(number, total, f"blobs/{file.name}")
            stored = f"blobs/{prefix}-{file.name}"
            if stored in earlier and (out / stored).exists():  # copied by an earlier backup, never changed since
                sha, size = earlier[stored]["sha256"], earlier[stored]["size"]
            else:
                sha, size = _seal_to(out / stored, _read_file(file), key)
                new_blobs += 1
            listed.append({"path": f"blobs/{file.name}", "stored": stored, "sha256": sha, "size": size})
        manifest = {"format": FORMAT, "snapshot": stamp, "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "created_by": actor.name, "workspace": str(workspace.root),
                    "audit": {"entries": entries, "head": head_hash}, "signer": signer, "files": listed}
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        _seal_to(building / MANIFEST, (manifest_bytes,), key)
        if signer is not None:
            _seal_to(building / SIGNATURE, (cms.sign(manifest_bytes, key_of_signer),), key)
        summary = {"folder": str(out), "snapshot": stamp, "files": len(listed), "new_blobs": new_blobs,
                   "bytes": sum(f["size"] for f in listed), "audit_entries": entries, "signer": signer}
        with change(workspace, actor, "backup", str(out)) as unit:
            unit.after = summary
            os.replace(building, snapshot)
        return summary
    finally:
        if building.exists():
            for leftover in building.iterdir():
                leftover.unlink()
            building.rmdir()


def snapshots(folder: Path) -> list[str]:
    return sorted(p.name for p in (Path(folder) / "snapshots").glob("*") if p.is_dir() and not p.name.startswith("."))


def _manifest(folder: Path, key: bytes, snapshot: str) -> dict:
    return json.loads(_manifest_bytes(folder, key, snapshot))


def _manifest_bytes(folder: Path, key: bytes, snapshot: str) -> bytes:
    return b"".join(_unseal(folder / "snapshots" / snapshot / MANIFEST, key, "备份清单"))


def _opened(folder: Path, password: str, snapshot: str | None) -> tuple[bytes, str, list[str]]:
    """The backup's key, the snapshot asked for (the latest by default) and every complete snapshot."""
    key = _key(folder, password, create=False)
    available = snapshots(folder)
    if not available:
        raise BackupProblem(f"{folder} 中没有完整的备份")
    snapshot = snapshot or available[-1]
    if snapshot not in available:
        raise BackupProblem(f"没有名为 {snapshot} 的备份；现有：{'、'.join(available)}")
    return key, snapshot, available


def describe_backup(folder: Path, password: str, snapshot: str | None = None) -> dict:
    """What a snapshot says of itself, read before anything is checked, for the user to confirm before a restore:
    {"snapshot", "snapshots", "created_at", "created_by", "workspace", "files", "signer", "signer_name"}.
    ``signer`` is the fingerprint of the certificate the manifest's signature names (None: unsigned); only the
    restore (``check_signature``) says whether that signature holds and whether the backup holds that identity."""
    folder = Path(folder)
    key, snapshot, available = _opened(folder, password, snapshot)
    try:
        manifest_bytes = _manifest_bytes(folder, key, snapshot)
        manifest = json.loads(manifest_bytes)
        signature = folder / "snapshots" / snapshot / SIGNATURE
        checked = cms.check(manifest_bytes, b"".join(_unseal(signature, key, "备份清单的签名")), [], "") \
            if signature.is_file() else None
    except (blobs.BlobDamaged, ValueError, OSError) as error:
        raise BackupProblem(f"备份 {snapshot} 的清单无法读取：{error}") from None
    return {"snapshot": snapshot, "snapshots": available, "created_at": manifest.get("created_at", ""),
            "created_by": manifest.get("created_by", ""), "workspace": manifest.get("workspace", ""),
            "files": len(manifest.get("files", ())), "signer": checked.fingerprint if checked else None,
            "signer_name": checked.signer if checked else ""}


def check_backup(folder: Path, password: str, snapshot: str | None = None, *, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> tuple[dict, list[str]]:
    """The snapshot's manifest and every problem found by reading each of its files whole; ``progress(done, total,
    path)`` hears of each file and ``cancelled()`` is asked before each (RestoreCancelled)."""
    folder = Path(folder)
    key, snapshot, _ = _opened(folder, password, snapshot)
    try:
        manifest = _manifest(folder, key, snapshot)
    except blobs.BlobDamaged as error:
        raise BackupProblem(str(error)) from None
    if manifest.get("snapshot") != snapshot:  # an older snapshot renamed to pass for the latest
        raise BackupProblem(f"备份 {snapshot} 的清单记录的是备份 {manifest.get('snapshot')}：备份文件夹被改名或调换，"
                            "没有恢复任何内容")
    problems = [_path_problem(entry) for entry in manifest["files"]]
    problems = [p for p in problems if p]
    seen = [entry["path"] for entry in manifest["files"]]
    problems += [f"备份清单中 {path} 出现不止一次" for path in sorted({p for p in seen if seen.count(p) > 1})]
    if problems:
        return manifest | {"snapshot": snapshot}, problems
    for number, entry in enumerate(manifest["files"]):
        _step(progress, cancelled, number, len(manifest["files"]), entry["path"])
        stored = folder / entry["stored"]
        if stored.is_symlink() or not stored.is_file():
            problems.append(f"缺少 {entry['path']}（{entry['stored']}）" if not os.path.lexists(stored) else
                            f"{entry['stored']} 不是普通文件（符号链接或设备），不予读取")
            continue
        digest, size = hashlib.sha256(), 0
        try:
            for piece in _unseal(stored, key, entry["path"]):
                digest.update(piece)
                size += len(piece)
        except blobs.BlobDamaged as error:
            problems.append(str(error))
            continue
        if digest.hexdigest() != entry["sha256"] or (entry["size"] >= 0 and size != entry["size"]):
            problems.append(f"{entry['path']} 的内容与备份清单不符")
    return manifest | {"snapshot": snapshot}, problems


_STORED = re.compile(r"(snapshots/[0-9]{8}-[0-9]{6}(-[0-9]+)?/[0-9A-Za-z_.-]+\.sealed|blobs/[0-9A-Za-z_.-]+)", re.ASCII)


def _path_problem(entry: dict) -> str:
    """Why a manifest entry's paths must not be used, or '': where it is read from must be a file of the backup
    folder, and where it is written a plain relative path inside the workspace (checked before anything is written,
    so a refused backup leaves nothing behind)."""
    path, stored = entry.get("path", ""), entry.get("stored", "")
    if not _STORED.fullmatch(stored) or ".." in stored.split("/"):
        return f"备份清单中的存放位置 {stored!r} 不在备份文件夹内"
    parts = path.split("/")
    if not path or path.startswith("/") or "\\" in path or "\x00" in path or any(p in ("", ".", "..") for p in parts) \
            or re.match(r"^[A-Za-z]:", path):
        return f"备份清单中的路径 {path!r} 指向工作区之外"
    return ""


def check_signature(folder: Path, password: str, manifest: dict, fingerprint: str = "") -> dict:
    """{"signer", "trusted"} of a checked snapshot's manifest (``check_backup``), or BackupProblem: a signature that
    does not hold over the manifest, a signer other than the identity the backup holds (a backup made up by someone
    who knows its password, with a key of their own), a signed backup whose signature is gone, or, when the user
    gives the ``fingerprint`` the office published, any signer without it (an unsigned backup included)."""
    folder, key = Path(folder), _key(Path(folder), password, create=False)
    snapshot = folder / "snapshots" / manifest["snapshot"]
    manifest_bytes = _manifest_bytes(folder, key, manifest["snapshot"])
    if json.loads(manifest_bytes) | {"snapshot": manifest["snapshot"]} != manifest:
        raise BackupProblem("备份清单在校验之后被调换，没有恢复任何内容")
    held = next((e for e in manifest["files"] if e["path"] == IDENTITY), None)
    if not (snapshot / SIGNATURE).is_file():
        if held is not None or manifest.get("signer"):
            raise BackupProblem("备份中有签名身份，但备份清单的签名缺失（被删除）：没有恢复任何内容")
        if fingerprint:
            raise BackupProblem(f"备份没有签名（备份时工作区还没有签名身份），无法确认它出自指纹为 {fingerprint} 的签名身份："
                                "没有恢复任何内容")
        return {"signer": None, "trusted": False}
    try:
        signature = b"".join(_unseal(snapshot / SIGNATURE, key, "备份清单的签名"))
        own = json.loads(b"".join(_unseal(folder / held["stored"], key, IDENTITY)))["certificate_pem"] if held else ""
    except (blobs.BlobDamaged, ValueError, KeyError, TypeError) as error:
        raise BackupProblem(f"备份清单的签名或备份中的签名身份无法读取：{error}") from None
    wanted = normalised_fingerprint(fingerprint) if fingerprint else ""
    checked = cms.check(manifest_bytes, signature, [], wanted)
    if not checked.valid:
        raise BackupProblem(f"{checked.problem}：没有恢复任何内容")
    if not own or checked.certificate_pem.strip() != own.strip():
        raise BackupProblem(f"备份清单的签名者（{checked.signer}，指纹 {checked.fingerprint}）不是备份中的签名身份："
                            "备份是别人用自己的密钥做的，没有恢复任何内容")
    if wanted and not checked.trusted:
        raise BackupProblem(f"备份的签名者指纹为 {checked.fingerprint}，不是所给的 {wanted}：没有恢复任何内容")
    return {"signer": checked.fingerprint, "trusted": checked.trusted}


_MARK = "paneldesk-restoring"  # in a folder being built by a restore: what an interrupted one left, safe to remove


class RestoreCancelled(Cancelled):
    """The restore was stopped before the swap: the workspace is as it was."""


def _step(progress: Progress | None, cancelled: Callable[[], bool] | None, done: int, total: int, what: str) -> None:
    if cancelled is not None and cancelled():
        raise RestoreCancelled("已取消恢复，工作区没有任何改动")
    if progress is not None:
        progress(done, total, what)


def restore_backup(folder: Path, target: Path, password: str, snapshot: str | None = None, *,
                   fingerprint: str = "", progress: Progress | None = None,
                   cancelled: Callable[[], bool] | None = None) -> dict:
    """Restore a snapshot into ``target`` after checking all of it and its signature (``check_signature``: its signer
    must have ``fingerprint`` when one is given; "trusted" says whether it was); an existing ``target`` is kept,
    renamed. ``progress(done, total, path)`` hears of each file, checked and then written (total: twice the files);
    ``cancelled()`` is asked before each, and stops the restore before anything is replaced (RestoreCancelled)."""
    if Path(target).is_dir() and not (Path(target) / DB_NAME).exists() and any(Path(target).iterdir()):
        raise BackupProblem(f"{Path(target).resolve()} 不是 PanelDesk 工作区且不是空文件夹：请用 --workspace 指定"
                            "要恢复到的工作区文件夹（可以是新的）")
    def checking(done: int, total: int, what: str) -> None:
        if progress is not None:
            progress(done, 2 * total, what)
    manifest, problems = check_backup(folder, password, snapshot, progress=checking, cancelled=cancelled)
    if problems:
        raise BackupProblem("备份校验未通过，没有恢复任何内容：" + "；".join(problems))
    signed_by = check_signature(folder, password, manifest, fingerprint)
    folder, target = Path(folder), Path(target).resolve()
    key = _key(folder, password, create=False)
    building = target.with_name(f".{target.name}.restoring")
    if building.exists():  # an interrupted restore's copy of the backup (the backup itself is still there)
        if (building / _MARK).is_file():
            shutil.rmtree(building)
        elif building.is_dir() and not any(building.iterdir()):
            building.rmdir()  # killed between making the folder and marking it
        else:
            raise BackupProblem(f"{building} 已存在且不是 PanelDesk 恢复时建的：请先移走它")
    private_folder(building)
    (building / _MARK).write_text(str(folder.resolve()), encoding="utf-8")
    total = len(manifest["files"])
    for number, entry in enumerate(manifest["files"]):
        try:
            _step(progress, cancelled, total + number, 2 * total, entry["path"])
        except RestoreCancelled:
            shutil.rmtree(building)
            raise
        path = building / entry["path"]
        private_folder(path.parent)
        digest = hashlib.sha256()
        with open(path, "wb") as out:
            for piece in _unseal(folder / entry["stored"], key, entry["path"]):
                digest.update(piece)
                out.write(piece)
            os.fsync(out.fileno())
        if digest.hexdigest() != entry["sha256"]:  # changed since the check: another sealed file put in its place
            shutil.rmtree(building)
            raise BackupProblem(f"{entry['path']} 在校验之后被调换，没有恢复任何内容")
        os.chmod(path, 0o600)
    kept = None
    close_workspace(target)
    if target.exists():
        kept = target.with_name(f"{target.name}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}")
        os.replace(target, kept)
    os.replace(building, target)
    (target / _MARK).unlink()
    return {"workspace": str(target), "snapshot": manifest["snapshot"], "files": len(manifest["files"]),
            "kept": str(kept) if kept else None, "audit_entries": manifest["audit"]["entries"]} | signed_by
