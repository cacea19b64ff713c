"""The detached CMS signature over an archive's manifest, made and checked with pyHanko.

A CMS SignedData (RFC 5652) rather than a bare signature: it carries the signer's certificate, so a verifier holding
only the published fingerprint can check it, and any CMS tool (``openssl cms -verify -binary -content manifest.json``)
can check it too once the member is opened. ``cryptography`` makes PKCS#7 but does not verify it; pyHanko does both.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from asn1crypto import cms
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.sign import signers
from pyhanko.sign.validation import generic_cms
from pyhanko_certvalidator import ValidationContext

from reports.batch import SigningKey
from reports.identity import describe_certificate, fingerprint, normalised_fingerprint


def sign(data: bytes, key: SigningKey) -> bytes:
    signer = signers.SimpleSigner.load_pkcs12_data(key.p12, other_certs=[], passphrase=key.passphrase)
    return asyncio.run(signer.async_sign_general_data(data, "sha256", detached=True)).dump()


@dataclass(frozen=True)
class Checked:
    valid: bool  # the manifest is exactly what the certificate's key signed
    trusted: bool  # valid, and the certificate is one given, or has the fingerprint given
    signer: str  # common name
    fingerprint: str
    certificate_pem: str
    problem: str = ""


def check(data: bytes, signature: bytes, trusted: list[x509.Certificate], wanted_fingerprint: str = "") -> Checked:
    """Check ``signature`` over ``data``; trusted when its certificate is among ``trusted`` or its SHA-256
    fingerprint is ``wanted_fingerprint`` (colons, spaces and case ignored; the whole 64 digits, as for a signed
    document: a shortened one would let a made-up key match it)."""
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # untrusted self-signed chains are logged as errors
    try:
        signed = cms.ContentInfo.load(signature)["content"]
        embedded = [c.chosen for c in signed["certificates"]]
        certificate = x509.load_der_x509_certificate(embedded[0].dump())
    except Exception as error:  # noqa: BLE001 - a damaged signature is a failed check
        return Checked(False, False, "", "", "", f"签名文件无法解析：{error}")
    info = describe_certificate(certificate)
    wanted = normalised_fingerprint(wanted_fingerprint) if wanted_fingerprint else ""
    by_fingerprint = bool(wanted) and info.fingerprint == wanted
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted]
    if by_fingerprint:
        roots.append(asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)))
    try:
        status = asyncio.run(generic_cms.async_validate_detached_cms(
            data, signed, signer_validation_context=ValidationContext(trust_roots=roots, allow_fetching=False)))
    except Exception as error:  # noqa: BLE001
        return Checked(False, False, info.common_name, info.fingerprint, info.certificate_pem, f"签名无法校验：{error}")
    valid = bool(status.intact and status.valid)
    known = {fingerprint(c) for c in trusted}
    trusted_ = valid and (by_fingerprint or info.fingerprint in known) and status.trusted
    if not valid:
        problem = "清单的签名不符：清单在签名后被改动，或签名不是对它做的"
    elif not trusted_:
        problem = (f"签名有效，但签名者（{info.common_name}，指纹 {info.fingerprint}）不是所给的可信证书或指纹"
                   if trusted or wanted else
                   f"签名有效，但未给出可信的证书或指纹（--trust 或 --fingerprint），签名者指纹为 {info.fingerprint}")
    else:
        problem = ""
    return Checked(valid, trusted_, info.common_name, info.fingerprint, info.certificate_pem, problem)
