"""Signatures on real PDFs: they validate, they name the signer, and any change to the file is caught."""

import asyncio
import datetime as dt
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pypdf import PdfReader

import report_samples as samples
from reports.identity import IdentityError, Unit, create_identity, fingerprint, open_pkcs12
from reports.render import render
from reports.signing import Signer, verify
from reports.trust import Trust, TrustedIdentity

NAME = "省科学技术厅评审办公室"


def trusting(*certificates) -> Trust:
    return Trust(tuple(TrustedIdentity(fingerprint(c)) for c in certificates))


@pytest.fixture(scope="module")
def p12():
    return create_identity(NAME, b"secret", Unit("山东省", "山东省科学技术厅", "评审办公室"))


@pytest.fixture(scope="module")
def signed(p12):
    rendered = render(samples.expert_letter())
    return Signer(p12, b"secret").sign(rendered.pdf, rendered.signature_page, rendered.signature_box)


def test_signature_validates_and_names_the_signer(p12, signed):
    result = verify(signed, trusting(open_pkcs12(p12, b"secret")))
    assert result.intact and result.trusted
    assert result.signer == NAME and result.signed_at and not result.problem


def test_the_container_is_what_pyhanko_builds_for_the_document_but_for_the_signature_value(p12, signed):
    """Containers are put together from parts built once (speed): they must hold exactly what pyHanko itself
    builds for the same document digest (certificates, algorithms, signed attributes), whatever the time."""
    embedded = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    ours = embedded.signed_data.native
    digest = next(a["values"][0] for a in ours["signer_infos"][0]["signed_attrs"] if a["type"] == "message_digest")
    own = signers.SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=b"secret")
    theirs = asyncio.run(own.async_sign(digest, "sha256", use_pades=True, signed_attr_settings=PdfCMSSignedAttributes(
        signing_time=dt.datetime.now(dt.timezone.utc))))["content"].native
    assert embedded.compute_digest() == digest
    for data in (ours, theirs):
        assert len(data["signer_infos"][0].pop("signature")) > 60
    assert ours == theirs


def test_unknown_signer_is_intact_but_not_trusted(signed):
    other = open_pkcs12(create_identity("别人", b"x"), b"x")
    result = verify(signed, trusting(other))
    assert result.intact and not result.trusted


@pytest.mark.parametrize("where", [0.05, 0.3, 0.5, 0.7, 0.8, 0.9, 0.97])
def test_a_changed_byte_is_not_intact(p12, signed, where):
    tampered = bytearray(signed)
    position = int(len(tampered) * where)
    tampered[position] = (tampered[position] + 1) % 256
    result = verify(bytes(tampered), trusting(open_pkcs12(p12, b"secret")))
    assert not result.intact and not result.trusted


def test_bytes_appended_after_signing_are_not_intact(p12, signed):
    result = verify(signed + b"\n% added later\n", trusting(open_pkcs12(p12, b"secret")))
    assert not result.intact and result.problem


def test_unsigned_file_has_no_signature():
    result = verify(render(samples.expert_letter()).pdf, Trust(()))
    assert not result.intact and result.signer is None and "没有数字签名" in result.problem


def test_visible_stamp_shows_signer_in_an_embedded_font(signed):
    reader = PdfReader(__import__("io").BytesIO(signed))
    widget = next(a.get_object() for page in reader.pages for a in page.get("/Annots", [])
                  if a.get_object().get("/FT") == "/Sig")
    appearance = widget["/AP"]["/N"].get_object()
    fonts = appearance["/Resources"]["/Font"]
    stamp_font = next(iter(fonts.values())).get_object()
    descendant = stamp_font["/DescendantFonts"][0].get_object()
    assert "/FontFile2" in descendant["/FontDescriptor"].get_object() or \
        "/FontFile3" in descendant["/FontDescriptor"].get_object()
    rect = [float(v) for v in widget["/Rect"]]
    assert rect[2] - rect[0] > 100 and rect[3] - rect[1] > 40


def test_wrong_passphrase_is_a_clear_error(p12):
    with pytest.raises(IdentityError, match="口令错误"):
        Signer(p12, b"wrong")
