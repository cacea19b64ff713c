"""Whom a signature check trusts and what it found: plain values, so that a program can hold trust and show a
verdict without loading pyHanko, which only the check itself needs (reports.signing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class TrustedIdentity:
    """A signing certificate, by its SHA-256 fingerprint, and the time it was in use: from ``since`` to ``until``
    (None: no bound). Once retired (``until`` set) it vouches only for documents its issuer's log records, since
    whoever kept the old key can write any signing time into a new signature. One ``imported`` (the signer of a round
    archive the workspace imported) vouches only for the documents that import wrote, which the log records."""
    fingerprint: str
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    imported: bool = False


@dataclass(frozen=True)
class Trust:
    """Whom a check trusts, and where that came from (named in the reasons it gives)."""
    identities: tuple[TrustedIdentity, ...]
    known: frozenset[str] = frozenset()  # SHA-256 (hex) of every signed document the issuer's log records
    source: str = "可信的签名身份"


@dataclass(frozen=True)
class SignatureCheck:
    """One signature of the file as found, in file order."""
    field: str
    signer: str
    fingerprint: str
    signed_at: str | None
    sound: bool    # the bytes it covers are the bytes it signed, and its padding is untouched
    whole: bool    # it covers the whole file (only the last one can)


@dataclass(frozen=True)
class Verification:
    signer: str | None          # the certificate's common name: the trusted signature's, else the last one's
    signed_at: str | None       # as the signer's clock reported it, ISO 8601
    intact: bool                # the file is byte for byte what that signer signed, nothing added by anyone else
    trusted: bool               # intact, and signed by a trusted identity while it was in use
    fingerprint: str | None     # SHA-256 of that signer's certificate
    problem: str = ""           # why not intact or not trusted, in Chinese, for the user
    signatures: tuple[SignatureCheck, ...] = ()
