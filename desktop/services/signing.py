"""The workspace's signing identity: the secretariat's key and certificate that sign every generated PDF.

Kept in the workspace as ``signing/KEY_ID.p12`` (``identity.p12`` in older workspaces) with ``signing/identity.json``
(subject, fingerprint, key id: the one file that says which identity is in use, switched by a rename). The PKCS#12
passphrase of an encrypted workspace is sealed in the workspace with its data key (``secrets.workspace_secrets``),
so whoever signed in may sign, on any machine; a plain workspace keeps it in the keyring under service "PanelDesk"
and the key id, never in a file. The key id is
random, not derived from the folder, so a workspace moved or copied to another machine still names its entry.
Creating or importing an identity is a change of the workspace and is audited, and the audit log is what says which
identities were the workspace's and when (``workspace_trust``): a replaced identity's certificate is kept under
``signing/retired/`` for the audit checkpoints it signed, but a file in that folder makes nothing trusted by
being there (docs/security.md).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets as random_secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Sequence

from cryptography import x509
from sqlalchemy import or_
from sqlmodel import Session, select

from desktop.domain.errors import RuleError, UserError
from desktop.services import audit
from desktop.services.accounts import Operator, require
from desktop.services.secrets import Secrets, open_secrets, workspace_secrets
from desktop.services.uow import change, reading, workspace_of
from desktop.store.tables import AuditEntry
from desktop.store.workspace import Workspace, opened_key
from reports.batch import SigningKey
from reports.files import private_folder, replace as replace_file, stage, write_atomically
from reports.identity import (IdentityInfo, Unit, create_identity as new_pkcs12, describe_certificate, fingerprint,
                              normalised_fingerprint, open_pkcs12)
from reports.trust import Trust, TrustedIdentity, Verification

FOLDER = "signing"
P12_NAME = "identity.p12"
META_NAME = "identity.json"
RETIRED = "retired"
IDENTITY_ACTIONS = ("signer.created", "signer.imported")
IMPORT_ACTION = "archive.import"  # a round archive imported: its signer vouches for the documents it wrote

Password = str | Callable[[], str] | None


class SigningError(UserError):
    """A signing identity problem the user must see (message in Chinese)."""


@dataclass(frozen=True)
class SigningIdentity:
    subject: str
    common_name: str
    fingerprint: str
    key_id: str
    not_before: str
    not_after: str
    source: str          # created | imported
    certificate_pem: str


def _folder(workspace: Path) -> Path:
    return Path(workspace) / FOLDER


def _identity(info: IdentityInfo, key_id: str, source: str) -> SigningIdentity:
    return SigningIdentity(info.subject, info.common_name, info.fingerprint, key_id, info.not_before.isoformat(),
                           info.not_after.isoformat(), source, info.certificate_pem)


def show_identity(workspace: Path, op: Operator) -> SigningIdentity:
    require(op, "signer.show", workspace)
    return _current(workspace)


def _current(workspace: Path) -> SigningIdentity:
    meta = _folder(workspace) / META_NAME
    if not meta.exists():
        raise SigningError("本工作区还没有签名身份：请先执行 signer create 或 signer import")
    return SigningIdentity(**json.loads(meta.read_text(encoding="utf-8")))


def create_identity(workspace: Path, actor: Operator, name: str, unit: Unit = Unit(), password: Password = None,
                    replace: bool = False) -> tuple[SigningIdentity, Secrets]:
    """Make a new key and self-signed certificate for the secretariat, its subject naming the real unit; its
    fingerprint is what they publish."""
    require(actor, "signer.replace", workspace)
    store = _secrets(workspace, password)
    passphrase = random_secrets.token_urlsafe(32)
    p12 = new_pkcs12(name, passphrase.encode("ascii"), unit)
    return _install(workspace, actor, p12, passphrase, "created", store, replace), store


def import_identity(workspace: Path, actor: Operator, p12_path: Path, p12_passphrase: str, password: Password = None,
                    replace: bool = False) -> tuple[SigningIdentity, Secrets]:
    """Adopt a PKCS#12 file the secretariat already has (for instance one issued by its CA)."""
    require(actor, "signer.replace", workspace)
    try:
        p12 = Path(p12_path).read_bytes()
    except OSError as error:
        raise SigningError(f"无法读取 {p12_path}：{error.strerror}") from error
    store = _secrets(workspace, password)
    return _install(workspace, actor, p12, p12_passphrase, "imported", store, replace), store


def _install(workspace: Path, actor: Operator, p12: bytes, passphrase: str, source: str, store: Secrets,
             replace: bool) -> SigningIdentity:
    """The new identity's files are written beside the old ones (the key under its own key id's name, the new
    identity.json staged), the change is committed, and only then does one rename switch identity.json to the new
    key: a failure before, a full disk included, leaves the old identity whole and no audit entry; none after."""
    folder = _folder(workspace)
    meta_path = folder / META_NAME
    previous = _current(workspace) if meta_path.exists() else None
    if previous and not replace:
        raise SigningError(f"本工作区已有签名身份（{previous.common_name}，指纹 {previous.fingerprint}）；"
                           "如确需更换，请加 --replace")
    info = describe_certificate(open_pkcs12(p12, passphrase.encode("utf-8")))
    key_id = f"signing-{uuid.uuid4().hex}"
    identity = _identity(info, key_id, source)
    workspace_of(workspace)  # a folder that is no workspace is refused before any file is written
    written: list[Path] = []
    try:
        private_folder(folder)
        if previous:  # the old certificate stays trusted either way, so it may be written first
            private_folder(folder / RETIRED)
            write_atomically(folder / RETIRED / f"{previous.fingerprint.replace(':', '')[:16]}.pem",
                             previous.certificate_pem.encode("ascii"))
        written.append(folder / f"{key_id}.p12")
        write_atomically(written[-1], p12)
        written.append(stage(meta_path, json.dumps(asdict(identity), ensure_ascii=False, indent=2).encode("utf-8")))
        with change(workspace, actor, f"signer.{source}", target=info.fingerprint) as unit:
            unit.before = {"fingerprint": previous.fingerprint, "subject": previous.subject} if previous else None
            unit.after = {"fingerprint": info.fingerprint, "subject": info.subject, "key_id": key_id,
                          "secrets": store.kind}
            store.set(key_id, passphrase)  # a new entry: the old identity's stays until the switch
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    replace_file(written[-1], meta_path)
    if previous and _p12_path(workspace, previous) != written[0]:
        _p12_path(workspace, previous).unlink(missing_ok=True)  # the retired key itself is no longer needed
    return identity


def _p12_path(workspace: Path, identity: SigningIdentity) -> Path:
    """The identity's key: named by its key id; identity.p12 in workspaces made before keys were named so."""
    named = _folder(workspace) / f"{identity.key_id}.p12"
    return named if named.exists() else _folder(workspace) / P12_NAME


def _secrets(workspace: Path, password: Password) -> Secrets:
    """The workspace's own sealed secrets when it is encrypted, else the keyring (or file keyring)."""
    key = opened_key(workspace)  # an encrypted workspace is open in this process once someone signed in
    return workspace_secrets(workspace, key) if key else open_secrets(password)


def _passphrase(workspace: Path, key_id: str, password: Password) -> str | None:
    """The identity's passphrase. An identity made before the workspace was encrypted has it in the keyring: it is
    found there (a password may be asked for) and sealed into the workspace for next time."""
    store = _secrets(workspace, password)
    passphrase = store.get(key_id)
    if passphrase is None and store.kind == "workspace":
        passphrase = open_secrets(password).get(key_id)
        if passphrase is not None:
            store.set(key_id, passphrase)
    return passphrase


_held: ContextVar[tuple[Path, SigningKey] | None] = ContextVar("paneldesk_held_signing_key", default=None)


@contextmanager
def held_key(workspace: Path, password: Password = None) -> Iterator[SigningKey]:
    """The signing key, opened once for a piece of work that signs twice (an archive's manifest, then the audit
    checkpoint of its entry): within the block, in this thread, ``signing_key`` gives it again without opening the
    keyring (a scrypt of 32 MiB on a file keyring); after it, the key is asked for again."""
    key = signing_key(workspace, password)
    token = _held.set((Path(workspace).resolve(), key))
    try:
        yield key
    finally:
        _held.reset(token)


def signing_key(workspace: Path, password: Password = None) -> SigningKey:
    """The key and its passphrase, ready to hand to ``reports.batch.render_batch``."""
    held = _held.get()
    if held is not None and held[0] == Path(workspace).resolve():
        return held[1]
    identity = _current(workspace)
    passphrase = _passphrase(workspace, identity.key_id, password)
    if passphrase is None:
        raise SigningError(f"钥匙串中没有签名身份“{identity.common_name}”的口令（{identity.key_id}）："
                           "请在原电脑上操作，或重新导入签名身份")
    return SigningKey(_p12_path(workspace, identity).read_bytes(), passphrase.encode("utf-8"))


def _logged_identities(session: Session) -> tuple[tuple[TrustedIdentity, ...], frozenset[str]]:
    """The identities the audit log says the workspace has had, each from its entry until the next one replaced it,
    and the SHA-256 of every signed document its batches recorded; then the signers of the round archives it
    imported (``imported``: each vouches only for the documents its import wrote, whose SHA-256 the import's entry
    keeps, since the operator confirmed that signer's fingerprint to import the archive), unless the signer is one
    of the workspace's own, whose periods stand."""
    rows = session.execute(select(AuditEntry.at, AuditEntry.action, AuditEntry.after)
                           .where(or_(AuditEntry.action.in_(IDENTITY_ACTIONS + (IMPORT_ACTION,)),
                                      AuditEntry.action.like("documents.%")))
                           .order_by(AuditEntry.id)).all()
    periods: list[tuple[str, dt.datetime]] = []
    known: set[str] = set()
    imported: dict[str, None] = {}
    for at, action, after in rows:
        values = json.loads(after or "{}")
        if action in IDENTITY_ACTIONS:
            periods.append((values["fingerprint"], dt.datetime.fromisoformat(at)))
        elif action == IMPORT_ACTION:
            if values.get("documents", {}).get("sha256"):
                known.update(values["documents"]["sha256"])
                imported[values["signer"]] = None
        else:
            known.update(values.get("sha256", ()))
    identities = tuple(TrustedIdentity(fingerprint, since, periods[i + 1][1] if i + 1 < len(periods) else None)
                       for i, (fingerprint, since) in enumerate(periods))
    own = {fingerprint for fingerprint, _ in periods}
    return identities + tuple(TrustedIdentity(f, imported=True) for f in imported if f not in own), frozenset(known)


def workspace_trust(place: Path | Workspace, op: Operator) -> Trust:
    """Whom the workspace vouches for: its identities as the audit log records them, with the time each was in
    use, never whatever certificate files sit in its folder. Refused when the log's chain is broken, since then
    it cannot say which identities were the workspace's (TAMPER_EVIDENT)."""
    require(op, "signer.show", place)
    with reading(place) as session:
        chain = audit.walk(session)
        if chain.first_broken is not None:
            raise RuleError("TAMPER_EVIDENT", f"审计日志在第{chain.first_broken}条处断开（{chain.reason}），"
                                              "无法确定本工作区的签名身份，不能核验签名")
        identities, known = _logged_identities(session)
    return Trust(identities, known, "本工作区审计日志所记的签名身份")


def logged_certificates(session: Session, root: Path) -> list[x509.Certificate]:
    """The certificates on disk (the identity in use and the retired ones) that the audit log records as the
    workspace's: a certificate copied into the folder is not among them."""
    logged = {identity.fingerprint for identity in _logged_identities(session)[0] if not identity.imported}
    pems: list[bytes] = []
    if (_folder(root) / META_NAME).exists():
        pems.append(_current(root).certificate_pem.encode("ascii"))
    pems += [path.read_bytes() for path in sorted((_folder(root) / RETIRED).glob("*.pem"))]
    certificates = [x509.load_pem_x509_certificate(pem) for pem in pems]
    return [c for c in certificates if fingerprint(c) in logged]


def certificate_files(paths: Sequence[Path]) -> list[x509.Certificate]:
    """Certificates given by hand as files (PEM or DER)."""
    found = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
            found.append(x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data
                         else x509.load_der_x509_certificate(data))
        except OSError as error:
            raise SigningError(f"无法读取 {path}：{error.strerror}") from error
        except ValueError as error:
            raise SigningError(f"{path} 不是证书文件（PEM 或 DER）") from error
    return found


def published_trust(fingerprints: Sequence[str] = (), certificates: Sequence[Path] = ()) -> Trust:
    """Trust given by hand, with no workspace: fingerprints the issuer published, or certificate files."""
    found = [normalised_fingerprint(text) for text in fingerprints]
    found += [fingerprint(certificate) for certificate in certificate_files(certificates)]
    return Trust(tuple(TrustedIdentity(f) for f in found), source="给出的证书指纹")


def verify_file(path: Path, trust: Trust) -> Verification:
    """Is the signed PDF at ``path`` unchanged since an identity of ``trust`` signed it, while it was in use?"""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise SigningError(f"无法读取 {path}：{error.strerror}") from error
    from reports.signing import verify  # pyHanko takes a second to load: the window starts without it
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # it logs untrusted self-signed chains as errors
    return verify(data, trust)
