"""Signed checkpoints of the audit chain: its length and head hash, signed with the workspace's signing identity.

A hash chain shows an edited or inserted entry, but not a chain cut short or rewritten from some entry on: whoever
can write the file can recompute every hash after it. A checkpoint made at each draw, batch of documents and export
pins the head as it was then, under a signature that only the holder of the identity's passphrase can make, so
``audit verify`` finds truncation and rewriting at or before the last checkpoint. Entries after it are covered only
by the chain, and verification says how many there are. A workspace without an identity gets unsigned checkpoints
that say so; they still show a truncation by someone who did not also delete them.

The signature is a detached one over the checkpoint's text with the identity's own key (ECDSA P-256 for identities
PanelDesk makes, RSA for imported ones), checked against the identity's certificate or a retired one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from sqlmodel import Session, select

from desktop.domain.errors import UserError
from desktop.services.errors import SPOKEN
from desktop.store.audit_tables import AuditCheckpoint
from reports.identity import fingerprint

Password = str | Callable[[], str] | None


def _text(entries: int, head_hash: str, at: str, fingerprint_: str) -> bytes:
    return f"PanelDesk audit checkpoint v1\nentries={entries}\nhead={head_hash}\nat={at}\nsigner={fingerprint_}\n" \
        .encode("utf-8")


def _private_key(root: Path, password: Password):
    """The identity's key and certificate fingerprint, or the reason there is none to sign with."""
    from desktop.services import signing  # signing's identity changes are themselves units of work (uow)
    try:
        key = signing.signing_key(root, password)
    except SPOKEN as error:
        return None, str(error)
    private, certificate, _ = pkcs12.load_key_and_certificates(key.p12, key.passphrase)
    return (private, fingerprint(certificate)), ""


def _sign(private, data: bytes) -> bytes:
    if isinstance(private, ec.EllipticCurvePrivateKey):
        return private.sign(data, ec.ECDSA(hashes.SHA256()))
    if isinstance(private, rsa.RSAPrivateKey):
        return private.sign(data, padding.PKCS1v15(), hashes.SHA256())
    raise UserError("签名身份的密钥类型不受支持（应为 ECDSA 或 RSA）")


def _signature_checks(certificate: x509.Certificate, signature: bytes, data: bytes) -> bool:
    public = certificate.public_key()
    try:
        if isinstance(public, ec.EllipticCurvePublicKey):
            public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
        elif isinstance(public, rsa.RSAPublicKey):
            public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            return False
    except InvalidSignature:
        return False
    return True


def write(session: Session, root: Path, entries: int, head_hash: str, password: Password = None) -> AuditCheckpoint:
    """Sign the chain's head inside the caller's transaction (the entry and its checkpoint commit together)."""
    at = dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")
    found, why = _private_key(root, password)
    if found is None:
        row = AuditCheckpoint(entries=entries, head_hash=head_hash, at=at, note=why)
    else:
        private, signer = found
        row = AuditCheckpoint(entries=entries, head_hash=head_hash, at=at, fingerprint=signer,
                              signature=_sign(private, _text(entries, head_hash, at, signer)).hex())
    session.add(row)
    return row


@dataclass(frozen=True)
class CheckpointStatus:
    """What the checkpoints prove: the last signed one (if any), how many entries came after it, and problems."""
    signed_entries: int | None  # entries covered by the last signed checkpoint
    fingerprint: str
    at: str
    after: int  # entries after the last signed checkpoint, covered by the chain alone
    note: str  # why there is no signed checkpoint, when there is none
    problems: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"signed": self.signed_entries is not None, "entries": self.signed_entries,
                "fingerprint": self.fingerprint, "at": self.at, "after": self.after, "note": self.note}


def check(session: Session, hashes_: list[str], demanded: dict[int, str],
          certificates: list[x509.Certificate]) -> CheckpointStatus:
    """Check every checkpoint against the chain (``hashes_[i]`` is the hash of entry i+1) and its signature, and
    that each entry that demanded a checkpoint (position → action) has one."""
    rows = session.exec(select(AuditCheckpoint).order_by(AuditCheckpoint.entries, AuditCheckpoint.id))
    return check_rows(list(rows), hashes_, demanded, certificates)


def check_rows(rows: list[AuditCheckpoint], hashes_: list[str], demanded: dict[int, str],
               certificates: list[x509.Certificate]) -> CheckpointStatus:
    """``check`` over checkpoints already read, in order (a round archive's, read without any database)."""
    by_fingerprint = {fingerprint(c): c for c in certificates}
    problems: list[str] = []
    last_signed: AuditCheckpoint | None = None
    last: AuditCheckpoint | None = None
    made = set()
    for row in rows:
        made.add(row.entries)
        if row.entries > len(hashes_):
            problems.append(f"检查点（{row.at}）记录日志有 {row.entries} 条，现只有 {len(hashes_)} 条：日志被截断")
            continue
        if row.entries < 1 or hashes_[row.entries - 1] != row.head_hash:
            problems.append(f"检查点（{row.at}）记录的第 {row.entries} 条日志与现有日志不符：日志被改写")
            continue
        if row.signature:
            certificate = by_fingerprint.get(row.fingerprint)
            if certificate is None:
                problems.append(f"检查点（{row.at}）的签名者（指纹 {row.fingerprint}）不是本工作区的签名身份")
                continue
            if not _signature_checks(certificate, bytes.fromhex(row.signature),
                                     _text(row.entries, row.head_hash, row.at, row.fingerprint)):
                problems.append(f"检查点（{row.at}，第 {row.entries} 条）的签名不符：检查点被改动")
                continue
            last_signed = row
        last = row
    for position, action in sorted(demanded.items()):
        if position not in made:
            problems.append(f"第 {position} 条日志（{action}）应有检查点，但检查点已不存在：检查点在 PanelDesk 之外被删除")
    if last_signed is not None:
        return CheckpointStatus(last_signed.entries, last_signed.fingerprint, last_signed.at,
                                len(hashes_) - last_signed.entries, "", tuple(problems))
    note = last.note if last is not None else "尚无检查点（还没有抽取、生成文书或导出）"
    return CheckpointStatus(None, "", "", len(hashes_), note, tuple(problems))
