"""PAdES signatures on generated PDFs, with a visible stamp that names the signer and the time, and their check.

Offline there is no timestamp authority, so signatures are PAdES B-B. The stamp needs a TrueType font or Chinese
turns into mojibake; a subset of Zen Hei holding only the stamp's characters keeps a signature at tens of
milliseconds instead of half a second (the whole font would be embedded and shaped each time). The key is loaded
once per signer object: reloading it per document costs more than the signature itself.
"""

from __future__ import annotations

import atexit
import datetime as dt
import functools
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import parser as asn1_parser
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from fontTools import subset
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from reports.clock import BEIJING
from reports.fonts import SHIPPED_HEI
from reports.identity import IdentityError, describe_certificate, fingerprint, open_pkcs12

FIELD_NAME = "PanelDeskSignature"
SIGNATURE_ROOM = 16384  # bytes for the CMS container: an RSA-4096 chain of three certificates still fits
STAMP_TEXT = "数字签名：%(signer)s\n时间：%(ts)s"
STAMP_TIME_FORMAT = "%Y-%m-%d %H:%M:%S %z"
_STAMP_FIXED = set(STAMP_TEXT.replace("%(signer)s", "").replace("%(ts)s", "")) | set("0123456789-:+ ")
SEAL_RED = (0.8, 0.0, 0.0)


def verify_note(fingerprint_hex: str) -> tuple[str, ...]:
    """What a document prints beside its stamp so that a reader can check it: the short fingerprint (the first 64
    bits of the certificate's SHA-256, as the secretariat publishes it) and the command."""
    digits = fingerprint_hex.replace(":", "")[:16]
    return (f"签名证书指纹：{' '.join(digits[i:i + 4] for i in range(0, 16, 4))}", "核验方法：paneldesk verify 本文件")


class _ZonedSigner(signers.PdfSigner):
    """pyHanko stamps the laptop's local time; a document states the time of its zone (Beijing unless told)."""

    zone: dt.tzinfo = BEIJING

    def init_signing_session(self, *args, **kwargs):
        session = super().init_signing_session(*args, **kwargs)
        session.system_time = dt.datetime.now(self.zone)
        return session


class Signer:
    """A loaded signing key with its stamp font: build once, sign many documents (one per process)."""

    def __init__(self, p12: bytes, passphrase: bytes, reason: str = "评审办公室签发", zone: dt.tzinfo = BEIJING):
        certificate = open_pkcs12(p12, passphrase)
        self.info = describe_certificate(certificate)
        try:
            self._signer = signers.SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=passphrase)
        except ValueError as error:
            raise IdentityError("无法载入签名私钥") from error
        characters = "".join(sorted(_STAMP_FIXED | set(self.info.common_name)))
        # Red like a seal, its text at the top, so that the 署名 and date it presses on stay readable below it.
        style = TextStampStyle(
            stamp_text=STAMP_TEXT, timestamp_format=STAMP_TIME_FORMAT, border_width=1, border_color=SEAL_RED,
            inner_content_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MAX,
                                                     margins=Margins(4, 4, 4, 4)),
            text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(_stamp_font(characters)), font_size=9),
                                        text_color=SEAL_RED))
        self.note = verify_note(self.info.fingerprint)
        self._pdf_signer = _ZonedSigner(
            signers.PdfSignatureMetadata(field_name=FIELD_NAME, subfilter=fields.SigSeedSubFilter.PADES,
                                         md_algorithm="sha256", reason=reason, name=self.info.common_name),
            signer=self._signer, stamp_style=style)
        self._pdf_signer.zone = zone

    def sign(self, pdf: bytes, page: int, box: tuple[float, float, float, float]) -> bytes:
        """``pdf`` with a signature whose visible stamp fills ``box`` on page ``page`` (0-based)."""
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        fields.append_signature_field(writer, fields.SigFieldSpec(FIELD_NAME, on_page=page,
                                                                  box=tuple(round(v, 2) for v in box)))
        output = io.BytesIO()
        # Reserving room for the signature skips pyHanko's trial signature that only measures its size.
        self._pdf_signer.sign_pdf(writer, output=output, bytes_reserved=SIGNATURE_ROOM)
        return output.getvalue()


@functools.cache
def _stamp_font(characters: str) -> Path:
    """A TrueType subset of Zen Hei with just ``characters``, written once per process to a temporary file."""
    font = TTFont(str(SHIPPED_HEI), fontNumber=0)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.drop_tables += ["BDF", "FFTM"]  # bitmap strikes and a FontForge stamp: not needed, and noisy
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=characters)
    subsetter.subset(font)
    handle, name = tempfile.mkstemp(prefix="paneldesk-stamp-", suffix=".ttf")
    with os.fdopen(handle, "wb") as out:
        font.save(out)
    atexit.register(os.unlink, name)
    return Path(name)


def _padding_untouched(embedded) -> bool:
    """The signature's /Contents is outside the signed byte range: past the CMS container it must be zeros."""
    contents = bytes(embedded.sig_object["/Contents"])
    _, _, _, header, body, _ = asn1_parser.parse(contents)
    return not contents[len(header) + len(body):].strip(b"\0")


@dataclass(frozen=True)
class Verification:
    signer: str | None          # the signing certificate's common name
    signed_at: str | None       # as the signer's clock reported it, ISO 8601
    intact: bool                # the file is byte for byte what was signed
    trusted: bool               # intact, and signed by one of the trusted certificates
    fingerprint: str | None     # SHA-256 of the signer's certificate
    problem: str = ""           # why not intact, in Chinese, for the user


def verify(pdf: bytes, trusted: list[x509.Certificate]) -> Verification:
    """Check the last signature of ``pdf`` against the document and against the ``trusted`` certificates.

    Not intact when any signed byte changed, when anything was appended after signing, or when the file no longer
    parses as a signed PDF. pyHanko's ``valid`` alone stays True on a tampered file: ``intact`` and the coverage
    are what tell.
    """
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception as error:  # noqa: BLE001 - any parse failure of a changed file means "not intact"
        return Verification(None, None, False, False, None, f"文件无法解析：{error}")
    if not signatures:
        return Verification(None, None, False, False, None, "文件中没有数字签名")
    embedded = signatures[-1]
    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in trusted]
    try:
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=roots, allow_fetching=False))
    except Exception as error:  # noqa: BLE001 - a damaged signature container is a failed check, not a crash
        return Verification(None, None, False, False, None, f"签名无法校验：{error}")
    certificate = x509.load_der_x509_certificate(status.signing_cert.dump())
    info = describe_certificate(certificate)
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    intact = bool(status.intact and status.valid and whole and _padding_untouched(embedded))
    problem = "" if intact else ("签名后文件被追加或修改" if status.intact and status.valid else "签名与文件内容不符")
    known = {fingerprint(c) for c in trusted}
    signed_at = status.signer_reported_dt.isoformat() if status.signer_reported_dt else None
    return Verification(info.common_name, signed_at, intact, intact and info.fingerprint in known, info.fingerprint,
                        problem)

