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
import hashlib
import io
import os
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import cms
from asn1crypto import parser as asn1_parser
from cryptography import x509
from fontTools import subset
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator, GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from reports.clock import BEIJING
from reports.fonts import SHIPPED_HEI
from reports.identity import IdentityError, describe_certificate, open_pkcs12
from reports.trust import SignatureCheck, Trust, TrustedIdentity, Verification

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
            loaded = signers.SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=passphrase)
        except ValueError as error:
            raise IdentityError("无法载入签名私钥") from error
        self._signer = _TemplatedCMS(signing_cert=loaded.signing_cert, signing_key=loaded.signing_key,
                                     cert_registry=loaded.cert_registry,
                                     signature_mechanism=loaded.signature_mechanism)
        characters = "".join(sorted(_STAMP_FIXED | set(self.info.common_name)))
        # Red like a seal, its text at the top, so that the 署名 and date it presses on stay readable below it.
        style = TextStampStyle(
            stamp_text=STAMP_TEXT, timestamp_format=STAMP_TIME_FORMAT, border_width=1, border_color=SEAL_RED,
            inner_content_layout=SimpleBoxLayoutRule(x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MAX,
                                                     margins=Margins(4, 4, 4, 4)),
            text_box_style=TextBoxStyle(font=_StampFont(str(_stamp_font(characters)), font_size=9),
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


def _der(tag: int, body: bytes) -> bytes:
    """One DER value: its tag, its length (short or long form) and ``body``."""
    size = len(body)
    if size < 0x80:
        return bytes((tag, size)) + body
    length = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(length))) + length + body


class _TemplatedCMS(signers.SimpleSigner):
    """pyHanko's signer, with the CMS container of a PAdES signature assembled from parts built once.

    Building the container with asn1crypto (signed attributes, certificates copied and encoded again) was some
    70 % of a signature's time. In a PAdES signature without a timestamp the signed attributes differ from one
    document to the next only in the document's digest (pyHanko leaves the signing time out of them; the time is
    in the signature dictionary), and everything else in the container is the same for every document but the
    signature value. So pyHanko builds the container once, for a placeholder digest; then each document gets
    those signed attributes with its own digest, a fresh signature over them, and the same parts around them.
    Before relying on it the signer checks, with pyHanko's own containers for two digests at two times, that
    the attributes differ in the digest alone and that the parts put back together give pyHanko's bytes; if not,
    and for any other kind of signature, pyHanko builds every container itself.
    """

    _templates: dict[tuple[str, int], _Parts | None]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._templates = {}

    async def async_sign(self, data_digest: bytes, digest_algorithm: str, dry_run=False, use_pades=False,
                         timestamper=None, signed_attr_settings=None, is_pdf_sig=True, encap_content_info=None):
        settings = signed_attr_settings or PdfCMSSignedAttributes()
        plain = (use_pades and is_pdf_sig and not dry_run and timestamper is None and encap_content_info is None
                 and settings.cades_signed_attrs is None and getattr(settings, "adobe_revinfo_attr", None) is None)
        template = await self._template(digest_algorithm, len(data_digest)) if plain else None
        if template is None:
            return await super().async_sign(data_digest, digest_algorithm, dry_run=dry_run, use_pades=use_pades,
                                            timestamper=timestamper, signed_attr_settings=signed_attr_settings,
                                            is_pdf_sig=is_pdf_sig, encap_content_info=encap_content_info)
        attrs = template.attrs.replace(template.digest, data_digest)
        signature = await self.async_sign_raw(_der(0x31, attrs), digest_algorithm)
        return cms.ContentInfo.load(template.assemble(attrs, signature))

    async def _template(self, digest_algorithm: str, digest_size: int) -> _Parts | None:
        """The parts of this signer's containers (None: not to be used), built and checked once per digest."""
        key = (digest_algorithm, digest_size)
        if key not in self._templates:
            self._templates[key] = await self._build_template(digest_algorithm, digest_size)
        return self._templates[key]

    async def _build_template(self, digest_algorithm: str, digest_size: int) -> _Parts | None:
        built = []
        for when in (dt.datetime(2001, 1, 1, tzinfo=dt.timezone.utc), dt.datetime.now(dt.timezone.utc)):
            digest = os.urandom(digest_size)
            container = await super().async_sign(digest, digest_algorithm, use_pades=True,
                                                 signed_attr_settings=PdfCMSSignedAttributes(signing_time=when))
            built.append((digest, container.dump()))
        (first, first_der), (second, second_der) = built
        template = _Parts.of(first_der, first)
        again = _Parts.of(second_der, second)
        if template is None or again is None or template.attrs.replace(first, second) != again.attrs:
            return None
        if template.assemble(template.attrs, template.signature) != first_der:
            return None
        return template


@dataclass(frozen=True)
class _Parts:
    """A CMS container of one signer taken apart: its signed attributes (holding ``digest``) and its signature,
    and the encoded parts around them."""
    digest: bytes
    attrs: bytes          # the SET OF attributes' content, without its tag and length
    content_type: bytes   # signedData
    data_head: bytes      # SignedData's version, digest algorithms, encapsulated content info, certificates
    signer_head: bytes    # SignerInfo's version, signer identifier, digest algorithm
    algorithm: bytes      # SignerInfo's signature algorithm
    signature: bytes

    @classmethod
    def of(cls, container: bytes, digest: bytes) -> _Parts | None:
        """None when the digest is not found once in the attributes or the container has more than these parts
        (another signer, unsigned attributes, CRLs)."""
        info = cms.ContentInfo.load(container)
        data = info["content"]
        if len(data["signer_infos"]) != 1 or data["crls"].native is not None:
            return None
        signer = data["signer_infos"][0]
        if signer["unsigned_attrs"].native is not None:
            return None
        attrs = signer["signed_attrs"].contents
        if attrs.count(digest) != 1:
            return None
        return cls(digest, attrs, info["content_type"].dump(),
                   data["version"].dump() + data["digest_algorithms"].dump() + data["encap_content_info"].dump()
                   + data["certificates"].dump(),
                   signer["version"].dump() + signer["sid"].dump() + signer["digest_algorithm"].dump(),
                   signer["signature_algorithm"].dump(), signer["signature"].native)

    def assemble(self, attrs: bytes, signature: bytes) -> bytes:
        """ContentInfo { signedData, [0] SignedData { …, { SignerInfo { …, [0] attrs, …, signature } } } }"""
        signer = _der(0x30, self.signer_head + _der(0xA0, attrs) + self.algorithm + _der(0x04, signature))
        data = _der(0x30, self.data_head + _der(0x31, signer))
        return _der(0x30, self.content_type + _der(0xA0, data))


class _ProgramAsIs(CIDFontType2):
    """A TrueType font program embedded as the bytes it already is, compressed once per process."""

    def __init__(self, tt, base_ps_name: str, subset_prefix: str, program: bytes):
        super().__init__(tt, base_ps_name, subset_prefix)
        self._program = program

    def set_font_file(self, writer):
        stream = generic.StreamObject({generic.pdf_name("/Filter"): generic.pdf_name("/FlateDecode")},
                                      encoded_data=_compressed(self._program))
        reference = writer.add_object(stream)
        self._font_descriptor[generic.pdf_name("/FontFile2")] = reference
        return reference


@functools.cache
def _compressed(program: bytes) -> bytes:
    return zlib.compress(program)


class _WholeStampFont(GlyphAccumulator):
    """The stamp's font is already cut to the stamp's characters (``_stamp_font``). pyHanko would cut it again for
    each signature and recompile its outlines with fontTools, about a third of a signature's time: it is embedded
    whole instead (the digits of the time are all there anyway)."""

    def __init__(self, writer, program: bytes, font_size, obj_stream=None):
        super().__init__(writer, io.BytesIO(program), font_size, obj_stream=obj_stream)
        self.cidfont_obj = _ProgramAsIs(self.tt, self.cidfont_obj.name.split("+", 1)[1], self.subset_prefix, program)

    def _extract_subset(self, options=None):
        pass  # the program is embedded as it is


class _StampFont(GlyphAccumulatorFactory):
    def create_font_engine(self, writer, obj_stream=None):
        if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
            obj_stream = writer.prepare_object_stream()
        return _WholeStampFont(writer, _program(self.font_file), self.font_size, obj_stream)


@functools.cache
def _program(path: str) -> bytes:
    return Path(path).read_bytes()


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


def _checked(embedded) -> SignatureCheck:
    """Check one embedded signature against the bytes it covers; trust is decided by fingerprint, not here."""
    status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[], allow_fetching=False))
    info = describe_certificate(x509.load_der_x509_certificate(status.signing_cert.dump()))
    at = status.signer_reported_dt
    return SignatureCheck(embedded.field_name, info.common_name, info.fingerprint,
                          at.astimezone(BEIJING).isoformat() if at else None,
                          bool(status.intact and status.valid and _padding_untouched(embedded)),
                          status.coverage == SignatureCoverageLevel.ENTIRE_FILE)


def _short(fingerprint_hex: str) -> str:
    return fingerprint_hex[:23] + "…"


def _outside_use(identity: TrustedIdentity, signature: SignatureCheck, digest: str, trust: Trust) -> str:
    """Why ``signature`` by ``identity`` is not trusted for its time, or "" when it is."""
    if identity.imported and digest not in trust.known:
        return ("该签名身份属于导入的轮次归档的签发单位，只为随归档导入本工作区的文件作证，而这份文件不在其中"
                "：请用 --fingerprint 给出签发单位公布的指纹核验")
    if signature.signed_at is None:
        return "签名中没有签名时间，无法判断它是否在签名身份的使用期内"
    at = dt.datetime.fromisoformat(signature.signed_at)
    if identity.since is not None and at < identity.since:
        return f"签名时间 {_beijing(at)} 早于该签名身份启用的时间 {_beijing(identity.since)}"
    if identity.until is not None:
        if at > identity.until:
            return f"该签名身份已于 {_beijing(identity.until)} 停用，而签名时间为 {_beijing(at)}，在停用之后"
        if digest not in trust.known:
            return ("该签名身份已停用，而审计日志中没有这份文件的记录：停用的签名身份只为工作区当时生成的文件作证"
                    "（签名时间由签名者自报，持有旧密钥者可以伪造）")
    return ""


def _beijing(at: dt.datetime) -> str:
    return at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")


def verify(pdf: bytes, trust: Trust) -> Verification:
    """Check every signature of ``pdf``, then whether a trusted identity signed the whole of it.

    Not intact when any signature's bytes changed, when anything but a signature of the same identity was added
    after the trusted signature (an incremental update re-signed by someone else, whatever name their certificate
    bears), when anything was appended after the last signature, or when the file no longer parses. Trusted only
    when intact, signed by an identity of ``trust`` (by certificate fingerprint, never by name), within the time it
    was in use. pyHanko's ``valid`` alone stays True on a tampered file: ``intact`` and the coverage tell.
    """
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except Exception as error:  # noqa: BLE001 - any parse failure of a changed file means "not intact"
        return Verification(None, None, False, False, None, f"文件无法解析：{error}")
    if not embedded:
        return Verification(None, None, False, False, None, "文件中没有数字签名")
    checks: list[SignatureCheck] = []
    for number, signature in enumerate(embedded, 1):
        try:
            checks.append(_checked(signature))
        except Exception as error:  # noqa: BLE001 - a damaged signature container is a failed check, not a crash
            return Verification(None, None, False, False, None, f"第{number}个签名无法校验：{error}", tuple(checks))
    by_fingerprint = {identity.fingerprint: identity for identity in trust.identities}
    ours = next((i for i, c in enumerate(checks) if c.fingerprint in by_fingerprint), None)
    shown = checks[-1] if ours is None else checks[ours]

    def verdict(intact: bool, problem: str) -> Verification:
        return Verification(shown.signer, shown.signed_at, intact, intact and not problem, shown.fingerprint,
                            problem, tuple(checks))

    broken = next((i for i, c in enumerate(checks) if not c.sound), None)
    if broken is not None:
        which = f"第{broken + 1}个签名（{checks[broken].signer}）" if len(checks) > 1 else "签名"
        return verdict(False, f"{which}与文件内容不符：签名所覆盖的内容被改动")
    if ours is None:
        if not checks[-1].whole:
            return verdict(False, "签名后文件被追加或修改")
        return verdict(True, f"签名证书（{shown.signer}，指纹 {_short(shown.fingerprint)}）不是{trust.source}"
                             "：同名的证书谁都可以自制，只有指纹可以核对")
    stranger = next((c for c in checks[ours + 1:] if c.fingerprint != shown.fingerprint), None)
    if stranger is not None:
        return verdict(False, f"{shown.signer}签名之后，文件被改动并由另一证书（{stranger.signer}，"
                              f"指纹 {_short(stranger.fingerprint)}）签名：可信签名不覆盖整个文件")
    if not checks[-1].whole:
        return verdict(False, "签名后文件被追加或修改")
    digest = hashlib.sha256(pdf).hexdigest()
    identity = by_fingerprint[shown.fingerprint]
    problem = next(filter(None, (_outside_use(identity, c, digest, trust) for c in checks[ours:])), "")
    return verdict(True, problem)
