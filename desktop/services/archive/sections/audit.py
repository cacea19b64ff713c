"""The audit log up to the export: the whole chain from its first entry, so its links can be checked, with this
round's entries in full and every other entry reduced to its hash and its link (their content belongs to other
rounds and to the pool; the chain needs only their hashes); every checkpoint of that chain; and the certificates
that signed them (the identity's own and its retired ones)."""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from sqlmodel import select

from desktop.services import signing
from desktop.services.archive.members import Member, Source, json_member, lines_member
from desktop.store.audit_tables import AuditCheckpoint
from desktop.store.tables import AuditEntry

ENTRIES = "audit/entries.jsonl"
CHECKPOINTS = "audit/checkpoints.json"
CERTIFICATES = "audit/certificates.pem"


def head(session) -> tuple[int, str]:
    """How many entries the chain has and its last hash: what the archive's manifest pins."""
    last = session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    return (0, "") if last is None else (last.id, last.hash)


def members(source: Source):
    session, target = source.session, f"round:{source.round_id}"
    last, _ = head(session)

    def entries():
        for entry in session.exec(select(AuditEntry).where(AuditEntry.id <= last).order_by(AuditEntry.id)):
            if entry.target == target:
                yield entry.model_dump()
            else:
                yield {"id": entry.id, "prev_hash": entry.prev_hash, "hash": entry.hash}
    yield lines_member(ENTRIES, entries)
    yield json_member(CHECKPOINTS, [c.model_dump() for c in session.exec(
        select(AuditCheckpoint).where(AuditCheckpoint.entries <= last)
        .order_by(AuditCheckpoint.entries, AuditCheckpoint.id))])
    pem = b"".join(c.public_bytes(serialization.Encoding.PEM)
                   for c in signing.logged_certificates(session, source.workspace.root))
    yield Member(CERTIFICATES, lambda: (pem,), len(pem))
