"""Verify a round archive anywhere, with no workspace: the archive's own members and a password are all it needs,
with the certificate or the fingerprint the secretariat published.

Nothing is extracted: every member is read from the zip as a stream after its name and sizes passed
``container.screen``, straight from the file at its offset when it is stored as an export writes it
(``container.stored_extents``, ``blobs.hash_sealed``), else through ``ZipFile.open``. The verdict has three parts,
each with its reasons in ``problems``: ``intact`` (every member decrypts and matches the manifest's SHA-256 and
size, nothing missing or extra, the signature valid over the manifest, the audit slice's chain linked from its
first entry to the head the manifest pins, and its checkpoints consistent with it, the attachments and the
working-day calendar consistent with the round's rows), ``trusted`` (the signer is the certificate or fingerprint
given), and ``draw_replayed`` (desktop.services.archive.replay, every supplementary batch included).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from cryptography import x509

from desktop.services import audit, checkpoints
from desktop.services.archive import cms, container
from desktop.services.archive.replay import json_pool, records_pool, replay
from desktop.services.archive.sections import audit as audit_section, calendar, execution, pool, round as round_section
from desktop.store.audit_tables import AuditCheckpoint
from desktop.store import blobs, records
from desktop.store.blobs import BlobDamaged
from desktop.store.tables import AuditEntry

Progress = Callable[[int, int, str], None]


def verify_archive(path: Path, password: str, *, trust: list[x509.Certificate] = (), fingerprint: str = "",
                   progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                   caps: container.Caps = container.CAPS) -> dict:
    """{"intact", "trusted", "draw_replayed", "problems", …} for the archive at ``path``."""
    result = {"file": str(path), "intact": False, "trusted": False, "draw_replayed": False, "problems": [],
              "notes": [], "round": None, "signer": None, "members": 0}
    problems = result["problems"]
    try:
        too_big = container.directory_problem(path, caps)
        if too_big:
            problems.append(too_big)
            return result
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as error:
        problems.append(f"无法作为 zip 打开：{error}")
        return result
    with archive:
        found, safe = container.screen(archive, caps)
        problems += found
        try:
            header = container.read_header(archive) if container.HEADER in safe else None
        except (ValueError, KeyError, UnicodeDecodeError) as error:
            header = None
            problems.append(f"归档头 {container.HEADER} 无法读取：{error}")
        if header is None:
            problems.append(f"缺少可读的归档头 {container.HEADER}：不是 PanelDesk 轮次归档，或已损坏")
            return result
        try:
            key = container.key_from(header, password)
        except ValueError as error:
            problems.append(f"归档头 {container.HEADER} 不予使用：{error}")
            return result
        if key is None:
            problems.append("口令不对（或归档头被改动）：无法解密归档")
            return result
        try:
            manifest_bytes = container.read_small(archive, container.MANIFEST, key, "清单 manifest.json") \
                if container.MANIFEST in safe else None
            signature = container.read_small(archive, container.SIGNATURE, key, "签名 manifest.json.p7s") \
                if container.SIGNATURE in safe else None
        except (BlobDamaged, KeyError) as error:
            problems.append(str(error))
            return result
        if manifest_bytes is None or signature is None:
            problems.append("缺少清单 manifest.json 或其签名 manifest.json.p7s")
            return result
        checked = cms.check(manifest_bytes, signature, list(trust), fingerprint)
        result["signer"] = {"name": checked.signer, "fingerprint": checked.fingerprint}
        if not checked.valid:
            problems.append(checked.problem)
        try:
            manifest = json.loads(manifest_bytes)
            result["manifest_sha256"] = hashlib.sha256(manifest_bytes).hexdigest()
            result["round"] = manifest["round"]
            by_path = {m["path"]: m for m in manifest["members"]}
            listed = {m["member"]: m for m in manifest["members"]}
        except (ValueError, KeyError, TypeError) as error:
            problems.append(f"清单 manifest.json 的格式不对：{error!r}")
            return result
        names = {i.filename for i in archive.infolist()}
        for name in sorted(names - set(listed) - {container.HEADER, container.MANIFEST, container.SIGNATURE}):
            problems.append(f"归档中有清单未列出的成员「{name}」（被添加或改名）")
        extents, unreadable = container.stored_extents(path, archive, safe)
        problems += unreadable
        good = set()
        with open(path, "rb") as raw, ThreadPoolExecutor(1) as hashing:
            for number, (name, member) in enumerate(listed.items()):
                if cancelled is not None and cancelled():
                    problems.append("校验已取消")
                    return result
                if progress is not None:
                    progress(number, len(listed), member["path"])
                if name not in names:
                    problems.append(f"清单列出的「{member['path']}」（{name}）不在归档中（被删除或改名）")
                    continue
                if name not in safe:
                    continue
                try:
                    digest, size = _hash_member(archive, raw, extents, name, key, f"「{member['path']}」", hashing)
                except BlobDamaged as error:
                    problems.append(f"{error}（成员 {name}）")
                    continue
                if digest != member["sha256"] or size != member["size"]:
                    problems.append(f"「{member['path']}」的内容与清单记录的 SHA-256 或大小不符")
                    continue
                good.add(member["path"])
        result["members"] = len(listed)
        result["intact"] = checked.valid and not problems

        def read(path_: str) -> Iterator[bytes]:
            return container.read_sealed(archive, by_path[path_]["member"], key, path_)

        attachment_problems = execution.problems(by_path, good, lambda table: container.json_lines(
            read(execution.rows_path(table))))
        problems += attachment_problems
        if calendar.CALENDAR in good:
            try:
                calendar_problems, calendar_notes = calendar.problems(json.loads(b"".join(read(calendar.CALENDAR))))
            except (ValueError, KeyError, TypeError) as error:  # listed and signed, but not by whom it should be
                calendar_problems, calendar_notes = [f"工作日日历 {calendar.CALENDAR} 的格式不对：{error!r}"], []
            result["notes"] += calendar_notes
        else:
            calendar_problems = [f"缺少或损坏本轮所用的工作日日历 {calendar.CALENDAR}"]
        problems += calendar_problems
        result["intact"] = result["intact"] and not attachment_problems and not calendar_problems
        certificates = [x509.load_pem_x509_certificate(c) for c in _pems(b"".join(read(audit_section.CERTIFICATES)))] \
            if audit_section.CERTIFICATES in good else []
        audit_problems, status = _audit(manifest, good, read, certificates + list(trust))
        problems += audit_problems
        result["audit"] = status
        result["intact"] = result["intact"] and not audit_problems
        result["trusted"] = result["intact"] and checked.trusted
        if checked.valid and checked.problem:
            problems.append(checked.problem)  # valid but not trusted: says whom it would have to trust
        if not result["trusted"]:  # the replay runs the archive's own CREATE TABLE statements: only a trusted signer's
            problems.append("签名者未获信任或归档不完整，未重算抽取（重算要执行归档中的建表语句，只对可信的归档执行）")
            return result
        pool_path = pool.rows_path if pool.rows_path(pool.TABLES[0]) in by_path else pool.json_rows_path
        needed = [round_section.ROUND, pool.SCHEMA] + [pool_path(t) for t in pool.TABLES] \
            + [execution.rows_path(t) for t in execution.BATCH_TABLES]
        missing = [p for p in needed if p not in good]
        if missing:
            problems.append("无法重算抽取：缺少或损坏 " + "、".join(missing))
            return result
        round_data = json.loads(b"".join(read(round_section.ROUND)))
        schema = json.loads(b"".join(read(pool.SCHEMA)))
        archived = records_pool(schema, lambda table: records.split(read(pool.rows_path(table)))) \
            if pool_path is pool.rows_path else \
            json_pool(schema, lambda table: container.json_lines(read(pool.json_rows_path(table))))
        replayed = replay(round_data, archived, lambda table: container.json_lines(read(execution.rows_path(table))))
        drawn_as_logged = draw_audit_problems(round_data, container.json_lines(read(audit_section.ENTRIES))) \
            if audit_section.ENTRIES in good else ["审计日志片段缺失或损坏，抽取记录无法与之对照"]
        problems += replayed["problems"] + drawn_as_logged
        result["notes"] += replayed["notes"]
        result["draw"] = {k: replayed.get(k) for k in ("draw", "seed", "pool_hash_matches", "batches", "panels")}
        result["draw_replayed"] = replayed["replayed"] and not drawn_as_logged
    if progress is not None:
        progress(result["members"], result["members"], "")
    return result


def _hash_member(archive, raw, extents, name: str, key: bytes, what: str, hashing) -> tuple[str, int]:
    """A member's plain SHA-256 and size: read by its offset when it is stored as an export writes it
    (container.stored_extents), else through ``ZipFile.open``."""
    if name in extents:
        offset, size = extents[name]
        raw.seek(offset)
        return blobs.hash_sealed(raw, size, key, what, hashing)
    digest, size = hashlib.sha256(), 0
    for piece in container.read_sealed(archive, name, key, what):
        digest.update(piece)
        size += len(piece)
    return digest.hexdigest(), size


_LOGGED = ("commitment", "secret", "witness_digits", "seed", "pool_hash")


def draw_audit_problems(round_data: dict, entries) -> list[str]:
    """Each archived draw against the audit entry that recorded it (``round.draw``: commitment, secret, witness
    digits, seed, pool hash and each panel's members) and against its own member rows (what an import writes).
    The replay shows the record is self-consistent; this binds it to the chain, whose entries are hash-linked and
    signed at checkpoints, so panels changed together with the pool and the commitment's candidates still differ
    from what was logged when the draw was made."""
    target = f"round:{round_data['round']['id']}"
    logged = {}
    for entry in entries:
        if entry.get("action") == "round.draw" and entry.get("target") == target:
            after = json.loads(entry["after"] or "{}")
            logged[after.get("draw")] = after
    problems = []
    for record in round_data["draws"]:
        after = logged.get(record["id"])
        if after is None:
            problems.append(f"第 {record['id']} 次抽取在审计日志中没有记录（round.draw）：抽取记录不是由抽取产生的")
            continue
        for field in _LOGGED:
            if after.get(field) != record.get(field):
                problems.append(f"第 {record['id']} 次抽取的 {field} 与审计日志记录的不同")
        panels = {p["name"]: [m["expert"] for m in p["members"]] for p in record["panels"]}
        for name in sorted(set(panels) | set(after.get("panels", {}))):
            if panels.get(name) != after.get("panels", {}).get(name):
                problems.append(f"第 {record['id']} 次抽取中评审组「{name}」的评审专家与审计日志记录的不同")
        rows = {}
        for panel, id_number, reserve, _position, _enterprise, _basis in record.get("rows", []):
            rows.setdefault(panel, ([], []))[1 if reserve else 0].append(id_number)
        if rows != {p["name"]: (panels[p["name"]], list(p["reserve"])) for p in record["panels"]}:
            problems.append(f"第 {record['id']} 次抽取的成员行（导入时写入的）与抽取记录不同")
    return problems


def verdict_words(result: dict) -> str:
    """The verdict in words, for the command line and the window."""
    lines = [f"归档：{result['file']}"]
    if result.get("round"):
        lines.append(f"评审轮次：{result['round']['name']}（编号 {result['round']['id']}）")
    if result.get("signer"):
        lines.append(f"签名者：{result['signer']['name']}，指纹 {result['signer']['fingerprint']}")
    lines.append(("完整：各成员与清单一致，签名有效，审计日志链完整" if result["intact"] else "不完整") + "；"
                 + ("签名者可信" if result["trusted"] else "签名者未获信任") + "；"
                 + ("抽取已按归档重算，评审组与记录完全相同" if result["draw_replayed"] else "抽取未能重算为记录的结果"))
    lines += [f"  问题：{p}" for p in result["problems"]]
    lines += [f"  说明：{n}" for n in result.get("notes", [])]
    return "\n".join(lines)


def _pems(data: bytes) -> list[bytes]:
    marker = b"-----END CERTIFICATE-----"
    return [part + marker for part in data.split(marker) if b"-----BEGIN" in part]


def _audit(manifest: dict, good: set[str], read, certificates: list[x509.Certificate]) -> tuple[list[str], dict]:
    """The slice's chain from its first entry to the head the manifest pins, and its checkpoints."""
    if audit_section.ENTRIES not in good or audit_section.CHECKPOINTS not in good:
        return ["审计日志片段缺失或损坏，无法校验"], {}
    problems, hashes, demanded, previous = [], [], {}, audit.GENESIS
    for position, entry in enumerate(container.json_lines(read(audit_section.ENTRIES)), 1):
        if entry["prev_hash"] != previous:
            problems.append(f"审计日志第 {position} 条与上一条的哈希链断开（记录被删除或插入）")
            break
        if "action" in entry:
            if audit.entry_hash(AuditEntry(**entry)) != entry["hash"]:
                problems.append(f"审计日志第 {position} 条（{entry['action']}）的内容与其哈希不符（记录被修改）")
                break
            if entry.get("digests"):
                demanded[position] = entry["action"]
        previous = entry["hash"]
        hashes.append(previous)
    pinned = manifest["audit"]
    if not problems and (len(hashes) != pinned["entries"] or (hashes[-1] if hashes else "") != pinned["head"]):
        problems.append(f"审计日志片段到第 {len(hashes)} 条为止，与清单所记（{pinned['entries']} 条）不符：日志被截断或改写")
    rows = [AuditCheckpoint(**c) for c in json.loads(b"".join(read(audit_section.CHECKPOINTS)))]
    status = checkpoints.check_rows(rows, hashes, demanded, certificates)
    problems += list(status.problems)
    return problems, {"entries": len(hashes), "head": previous, "checkpoint": status.to_dict()}
