"""`paneldesk verify` against the forgeries a holder of a letter can make, each made here with pyHanko as an attacker
would, and each compared with what poppler's pdfsig says of the same file.

The office's identity is a self-signed certificate: anyone can make another one with the same name, so trust is the
certificate's fingerprint as the workspace's audit log records it (or as published), never its name and never a
file that sits in the signing folder.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.stamp import TextStamp, TextStampStyle

from desktop.cli import main
from desktop.commands.documents import NOT_INTACT, NOT_TRUSTED
from desktop.services import signing
from desktop.store.workspace import close_workspace, open_workspace
from reports.identity import create_identity, describe_certificate
from reports.render import render

from tests.conftest import signed
from tests.reports import report_samples as samples
from tests.reports.report_pdfs import text_of

OFFICE = "省科学技术厅评审办公室"
LETTERS = {"round": {"name": samples.ROUND.name, "programme": samples.ROUND.programme, "method": samples.ROUND.method,
                     "review_date": "2026-05-12", "organiser": samples.ROUND.organiser, "venue": samples.ROUND.venue},
           "expert_commitments": [{"panel": "先进制造第一组", "expert_name": "欧阳明远", "expert_org": "山东大学"},
                                  {"panel": "新材料组", "expert_name": "张伟"}]}


def run(capsys, root: Path, *argv: str) -> tuple[int, dict | str, str]:
    code = main(["--workspace", str(root), "--operator", "王秘书", *argv])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if "--json" in argv and out else out), err


def pdfsig(path: Path) -> list[dict]:
    """Each signature as poppler sees it: its signer, whether it covers the whole file, whether its digest holds."""
    out = subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout
    return [{"signer": re.search(r"Common Name: (.*)", block).group(1),
             "whole": "- Total document signed" in block,
             "valid": "Signature Validation: Signature is Valid." in block}
            for block in re.split(r"^Signature #\d+:", out, flags=re.M)[1:]]


@pytest.fixture
def office(tmp_path, capsys):
    """A workspace with its identity, and two letters it signed."""
    root = tmp_path / "ws"
    open_workspace(root, create=True)
    signed(root, "王秘书")
    assert run(capsys, root, "signer", "create", "--name", OFFICE)[0] == 0
    data = tmp_path / "letters.json"
    data.write_text(json.dumps(LETTERS, ensure_ascii=False), encoding="utf-8")
    code, made, err = run(capsys, root, "letters", "--from-json", str(data), "--out", str(tmp_path / "out"), "--sign",
                          "--json")
    assert code == 0, err
    yield root, [Path(f) for f in made["files"]]
    close_workspace(root)


def thief() -> tuple[bytes, bytes]:
    """A key and self-signed certificate anyone can make, bearing the office's own name."""
    return create_identity(OFFICE, b"thief"), b"thief"


def add_visible_text(pdf: bytes, p12: bytes, passphrase: bytes, signing_time: dt.datetime | None = None) -> bytes:
    """An incremental update that writes a line of text over page 1, signed in a new field with ``p12``."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    TextStamp(writer, TextStampStyle(stamp_text="VOID - REVOKED", border_width=0)).apply(0, 100, 500)
    return sign_with(writer, p12, passphrase, signing_time)


def sign_with(writer, p12: bytes, passphrase: bytes, signing_time: dt.datetime | None = None) -> bytes:
    class Clocked(signers.PdfSigner):  # the signing time is whatever the signer's clock says: here, any time
        def init_signing_session(self, *args, **kwargs):
            session = super().init_signing_session(*args, **kwargs)
            session.system_time = signing_time or session.system_time
            return session

    signer = signers.SimpleSigner.load_pkcs12_data(p12, other_certs=[], passphrase=passphrase)
    out = io.BytesIO()
    Clocked(signers.PdfSignatureMetadata(field_name="Approval", md_algorithm="sha256"), signer).sign_pdf(
        writer, output=out)
    return out.getvalue()


def fresh_letter(p12: bytes, passphrase: bytes, signing_time: dt.datetime | None = None) -> bytes:
    """A letter of PanelDesk's own layout signed with ``p12`` in an incremental update, as the office's look."""
    writer = IncrementalPdfFileWriter(io.BytesIO(render(samples.expert_letter(name="冒名专家")).pdf), strict=False)
    return sign_with(writer, p12, passphrase, signing_time)


def fingerprint_of(root: Path, capsys) -> str:
    return run(capsys, root, "signer", "show", "--json")[1]["fingerprint"]


def test_a_letter_the_office_signed_is_intact_and_trusted_and_pdfsig_agrees(office, capsys, tmp_path):
    root, (letter, _) = office
    code, report, _ = run(capsys, root, "verify", str(letter), "--json")
    assert code == 0 and report["intact"] and report["trusted"] and "problem" not in report
    assert report["signer"] == OFFICE and report["fingerprint"] == fingerprint_of(root, capsys)
    assert len(report["signatures"]) == 1 and report["signatures"][0]["whole"]
    code, text, _ = run(capsys, root, "verify", str(letter))
    assert f"SHA-256 指纹：{report['fingerprint']}" in text and "可信签名身份：是" in text
    assert pdfsig(letter) == [{"signer": OFFICE, "whole": True, "valid": True}]


def test_visible_text_added_and_resigned_with_a_same_name_certificate_fails(office, capsys, tmp_path):
    root, (letter, _) = office
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(add_visible_text(letter.read_bytes(), *thief()))
    assert "VOID" in text_of(forged.read_bytes()) and "VOID" not in text_of(letter.read_bytes())
    # poppler: both signatures are valid, the office's no longer covers the document
    assert pdfsig(forged) == [{"signer": OFFICE, "whole": False, "valid": True},
                              {"signer": OFFICE, "whole": True, "valid": True}]
    code, report, _ = run(capsys, root, "verify", str(forged), "--json")
    assert code == NOT_INTACT and not report["intact"] and not report["trusted"]
    assert "另一证书" in report["problem"] and "不覆盖整个文件" in report["problem"]
    assert report["fingerprint"] == fingerprint_of(root, capsys)  # the office's signature, named by its fingerprint
    assert [s["whole"] for s in report["signatures"]] == [False, True]
    code, report, _ = run(capsys, root, "verify", str(forged), "--fingerprint", fingerprint_of(root, capsys), "--json")
    assert code == NOT_INTACT and "另一证书" in report["problem"]


def test_a_letter_signed_with_an_unrelated_key_of_the_same_name_fails(office, capsys, tmp_path):
    root, (letter, _) = office
    forged = tmp_path / "forged.pdf"
    forged.write_bytes(fresh_letter(*thief()))
    assert pdfsig(forged) == pdfsig(letter)  # poppler cannot tell them apart: both self-signed, same name
    code, report, _ = run(capsys, root, "verify", str(forged), "--json")
    assert code == NOT_TRUSTED and report["intact"] and not report["trusted"]
    assert "不是本工作区审计日志所记的签名身份" in report["problem"] and report["signer"] == OFFICE
    assert report["fingerprint"] != fingerprint_of(root, capsys)
    code, text, _ = run(capsys, root, "verify", str(forged))
    assert code == NOT_TRUSTED and "可信签名身份：否" in text and "问题：签名证书" in text


def test_a_certificate_copied_into_the_retired_folder_trusts_nothing(office, capsys, tmp_path):
    root, (letter, _) = office
    p12, passphrase = thief()
    _, certificate, _ = pkcs12.load_key_and_certificates(p12, passphrase)
    (root / "signing" / "retired").mkdir(exist_ok=True)
    (root / "signing" / "retired" / "0000000000000000.pem").write_text(
        describe_certificate(certificate).certificate_pem, encoding="ascii")
    forged, updated = tmp_path / "forged.pdf", tmp_path / "updated.pdf"
    forged.write_bytes(fresh_letter(p12, passphrase))
    updated.write_bytes(add_visible_text(letter.read_bytes(), p12, passphrase))
    assert run(capsys, root, "verify", str(forged), "--json")[0] == NOT_TRUSTED
    assert run(capsys, root, "verify", str(updated), "--json")[0] == NOT_INTACT
    assert run(capsys, root, "audit", "verify")[0] == 0  # the stray file is no part of the workspace's identities


def test_the_old_key_after_replace_signs_nothing_trusted(office, capsys, tmp_path):
    root, (letter, _) = office
    old = signing.signing_key(root)  # as someone who copied the key and its passphrase before the replacement
    assert run(capsys, root, "signer", "create", "--name", OFFICE, "--replace")[0] == 0
    retired = dt.datetime.now(dt.timezone.utc)

    code, report, _ = run(capsys, root, "verify", str(letter), "--json")
    assert code == 0 and report["trusted"]  # signed while it was in use, and the log knows the file
    while_in_use = dt.datetime.fromisoformat(report["signed_at"])

    later, backdated = tmp_path / "later.pdf", tmp_path / "backdated.pdf"
    later.write_bytes(fresh_letter(old.p12, old.passphrase, retired + dt.timedelta(days=1)))  # the day after
    backdated.write_bytes(fresh_letter(old.p12, old.passphrase, while_in_use))
    code, report, _ = run(capsys, root, "verify", str(later), "--json")
    assert code == NOT_TRUSTED and report["intact"] and "停用之后" in report["problem"]
    code, report, _ = run(capsys, root, "verify", str(backdated), "--json")
    assert code == NOT_TRUSTED and "审计日志中没有这份文件的记录" in report["problem"]
    code, report, _ = run(capsys, root, "verify", str(tmp_path / "out" / letter.name), "--json")
    assert code == 0

    data = tmp_path / "again.json"
    data.write_text(json.dumps(LETTERS, ensure_ascii=False), encoding="utf-8")
    code, made, _ = run(capsys, root, "letters", "--from-json", str(data), "--out", str(tmp_path / "new"), "--sign",
                        "--json")
    code, report, _ = run(capsys, root, "verify", made["files"][0], "--json")
    assert code == 0 and report["fingerprint"] == fingerprint_of(root, capsys)


def test_a_published_fingerprint_is_trusted_without_any_workspace(office, capsys, tmp_path):
    root, (letter, _) = office
    published = fingerprint_of(root, capsys)
    nowhere = tmp_path / "nowhere"
    nowhere.mkdir()
    argv = ["--workspace", str(nowhere), "verify", str(letter), "--json"]
    assert main([*argv, "--fingerprint", published.replace(":", "").lower()]) == 0
    assert json.loads(capsys.readouterr().out)["trusted"]
    assert main([*argv, "--fingerprint", "00" * 32]) == NOT_TRUSTED
    assert "不是给出的证书指纹" in json.loads(capsys.readouterr().out)["problem"]
    assert main(argv) == NOT_TRUSTED
    assert "--fingerprint" in json.loads(capsys.readouterr().out)["problem"]
    assert main([*argv, "--fingerprint", published[:23]]) == 1  # a short fingerprint could be matched by a made key
    assert "64 位" in capsys.readouterr().err


def test_a_broken_audit_log_vouches_for_no_identity(office, capsys):
    root, (letter, _) = office
    close_workspace(root)
    with sqlite3.connect(root / "paneldesk.db") as db:
        db.execute("UPDATE audit_entry SET after = replace(after, 'signing-', 'signinG-') "
                   "WHERE action = 'signer.created'")
    code, _, err = run(capsys, root, "verify", str(letter), "--json")
    assert code != 0 and "审计日志" in err and "无法确定本工作区的签名身份" in err
