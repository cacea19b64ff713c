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
from cryptography import x509
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
    """Check ``signature`` over ``data``. The signer is the certificate the signature's SignerInfo names (never merely
    the first certificate the CMS carries: it may carry the genuine certificate beside the one that signed). Trusted
    when that certificate has the SHA-256 fingerprint ``wanted_fingerprint`` (colons, spaces and case ignored; the
    whole 64 digits, as for a signed document: a shortened one would let a made-up key match it) and, when
    certificates are given (``--trust``), is one of them: given both, both must hold, so a certificate handed over with the archive cannot
    stand in for the fingerprint the secretariat published."""
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)  # untrusted self-signed chains are logged as errors
    try:
        signed = cms.ContentInfo.load(signature)["content"]
        if len(signed["signer_infos"]) != 1:
            raise ValueError(f"签名应恰有一个签名者，实有 {len(signed['signer_infos'])} 个")
        named = generic_cms.extract_certs_for_validation(signed).signer_cert
        certificate = x509.load_der_x509_certificate(named.dump())
    except Exception as error:  # noqa: BLE001 - a damaged signature is a failed check
        return Checked(False, False, "", "", "", f"签名文件无法解析：{error}")
    info = describe_certificate(certificate)
    wanted = normalised_fingerprint(wanted_fingerprint) if wanted_fingerprint else ""
    by_fingerprint = bool(wanted) and info.fingerprint == wanted
    known = {fingerprint(c) for c in trusted}
    chosen = (by_fingerprint or not wanted) and (info.fingerprint in known or not trusted) and bool(wanted or trusted)
    roots = [named] if chosen else []
    try:
        status = asyncio.run(generic_cms.async_validate_detached_cms(
            data, signed, signer_validation_context=ValidationContext(trust_roots=roots, allow_fetching=False)))
    except Exception as error:  # noqa: BLE001
        return Checked(False, False, info.common_name, info.fingerprint, info.certificate_pem, f"签名无法校验：{error}")
    valid = bool(status.intact and status.valid) and status.signing_cert.dump() == named.dump()
    trusted_ = valid and chosen and status.trusted
    if not valid:
        problem = "清单的签名不符：清单在签名后被改动，或签名不是对它做的"
    elif not trusted_:
        problem = (f"签名有效，但签名者（{info.common_name}，指纹 {info.fingerprint}）不是所给的可信证书或指纹"
                   + ("（给出了指纹，签名者须有此指纹，所给证书不能代替它）" if wanted and trusted else "")
                   if trusted or wanted else
                   f"签名有效，但未给出可信的证书或指纹（--trust 或 --fingerprint），签名者指纹为 {info.fingerprint}")
    else:
        problem = ""
    return Checked(valid, trusted_, info.common_name, info.fingerprint, info.certificate_pem, problem)
