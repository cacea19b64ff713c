"""The documents from the shell: a signing identity, signed letters from plain values, and their verification."""

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

import report_samples as samples
from desktop.cli import main
from desktop.services.audit import entries
from desktop.services.secrets import EncryptedFileKeyring
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed
from report_pdfs import text_of

PLAIN = {
    "round": {"name": samples.ROUND.name, "programme": samples.ROUND.programme, "method": samples.ROUND.method,
              "review_date": "2026-05-12", "organiser": samples.ROUND.organiser, "venue": samples.ROUND.venue},
    "expert_commitments": [{"panel": "先进制造第一组", "expert_name": "欧阳明远", "expert_org": "山东大学"},
                           {"panel": "先进制造第一组", "expert_name": "李华"},
                           {"panel": "新材料组", "expert_name": "张伟"}],
    "outcome_notices": [{"application_no": "2026ZD0101", "application_title": samples.TITLE,
                         "applicant_org": "济南精工机床有限公司", "pi_name": "王立新", "result": "拟立项",
                         "score_summary": "平均86.4分", "opinions": ["创新性强。", "建议压缩设备费。"],
                         "appeal_channel": "向评审办公室提交书面申诉", "appeal_deadline": "2026-06-02",
                         "notice_date": "2026-05-19"}],
    "sign_in_sheets": [{"panel": "先进制造第一组", "members": [{"name": "欧阳明远", "org": "山东大学"}]}],
}


@pytest.fixture
def workspace(tmp_path):
    open_workspace(tmp_path / "ws", create=True)
    signed(tmp_path / "ws", "王秘书")
    yield tmp_path / "ws"
    close_workspace(tmp_path / "ws")


def run(capsys, *argv):
    if "--operator" not in argv:  # the secretary, who makes documents (a workspace-less export signs nobody in)
        argv = (*argv[:2], "--operator", "王秘书", *argv[2:])
    code = main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


def plain_file(tmp_path) -> Path:
    path = tmp_path / "round.json"
    path.write_text(json.dumps(PLAIN, ensure_ascii=False), encoding="utf-8")
    return path


def test_signer_create_show_and_signed_letters_verify(workspace, tmp_path, capsys, memory_keyring):
    code, out, _ = run(capsys, "--workspace", str(workspace), "--operator", "王秘书", "signer", "create",
                       "--name", "省科学技术厅评审办公室", "--json")
    assert code == 0
    created = json.loads(out)
    assert len(created["fingerprint"]) == 95 and "系统钥匙串" in created["secrets"]
    assert [v for (service, _), v in memory_keyring.entries.items() if service == "PanelDesk"]
    assert b"PRIVATE" not in (workspace / "signing" / "identity.json").read_bytes()

    code, out, _ = run(capsys, "--workspace", str(workspace), "--operator", "王秘书", "signer", "show", "--json")
    assert json.loads(out)["fingerprint"] == created["fingerprint"]

    out_dir = tmp_path / "letters"
    code, out, _ = run(capsys, "--workspace", str(workspace), "--operator", "王秘书", "letters", "--from-json",
                       str(plain_file(tmp_path)), "--out", str(out_dir), "--sign", "--json")
    files = [Path(f) for f in json.loads(out)["files"]]
    assert code == 0 and [f.name for f in files] == ["承诺书_先进制造第一组_欧阳明远.pdf",
                                                    "承诺书_先进制造第一组_李华.pdf", "承诺书_新材料组_张伟.pdf"]
    assert "欧阳明远" in text_of(files[0].read_bytes())
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".")]

    code, out, _ = run(capsys, "--workspace", str(workspace), "verify", str(files[0]), "--json")
    report = json.loads(out)
    assert code == 0
    assert {k: report[k] for k in ("signer", "intact", "trusted")} == {
        "signer": "省科学技术厅评审办公室", "intact": True, "trusted": True}
    assert report["signed_at"]

    tampered = tmp_path / "tampered.pdf"
    data = bytearray(files[0].read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    code, out, _ = run(capsys, "--workspace", str(workspace), "verify", str(tampered), "--json")
    assert code != 0 and json.loads(out)["intact"] is False and json.loads(out)["trusted"] is False

    actions = [e.action for e in entries(open_workspace(workspace).session())]
    assert "signer.created" in actions and "documents.letters" in actions


def test_trust_is_the_workspace_identity_or_a_given_certificate(workspace, tmp_path, capsys):
    run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "甲办公室")
    run(capsys, "--workspace", str(workspace), "signer", "show", "--certificate", str(tmp_path / "a.pem"))
    out_dir = tmp_path / "out"
    run(capsys, "--workspace", str(workspace), "letters", "--from-json", str(plain_file(tmp_path)),
        "--out", str(out_dir), "--sign")
    letter = next(out_dir.glob("*.pdf"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code, out, _ = run(capsys, "--workspace", str(elsewhere), "verify", str(letter), "--json")
    assert code == 3 and json.loads(out)["trusted"] is False and json.loads(out)["intact"] is True
    code, out, _ = run(capsys, "--workspace", str(elsewhere), "verify", str(letter), "--trust",
                       str(tmp_path / "a.pem"), "--json")
    assert json.loads(out)["trusted"] is True


def test_second_identity_needs_replace_and_old_letters_stay_trusted(workspace, tmp_path, capsys):
    run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "甲办公室")
    out_dir = tmp_path / "out"
    run(capsys, "--workspace", str(workspace), "letters", "--from-json", str(plain_file(tmp_path)),
        "--out", str(out_dir), "--sign")
    code, _, err = run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "乙办公室")
    assert code == 1 and "--replace" in err
    assert run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "乙办公室", "--replace")[0] == 0
    code, out, _ = run(capsys, "--workspace", str(workspace), "verify", str(next(out_dir.glob("*.pdf"))), "--json")
    assert json.loads(out)["trusted"] is True and json.loads(out)["signer"] == "甲办公室"


def test_without_a_system_keyring_the_operator_password_unlocks_a_file(workspace, tmp_path, capsys, monkeypatch):
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    code, _, err = run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "甲办公室")
    assert code == 1 and "PANELDESK_PASSPHRASE" in err and "系统钥匙串" in err
    assert not list(workspace.glob("signing/*.p12"))

    monkeypatch.setenv("PANELDESK_PASSPHRASE", "操作员口令 correct horse")
    code, out, _ = run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "甲办公室", "--json")
    assert code == 0 and "加密文件钥匙串" in json.loads(out)["secrets"]
    secrets_file = tmp_path / "config" / "PanelDesk" / "secrets.json"
    key_id = json.loads((workspace / "signing" / "identity.json").read_text(encoding="utf-8"))["key_id"]
    passphrase = EncryptedFileKeyring(secrets_file, "操作员口令 correct horse").get_password("PanelDesk", key_id)
    assert passphrase and passphrase not in secrets_file.read_text(encoding="utf-8")

    out_dir = tmp_path / "out"
    code, _, _ = run(capsys, "--workspace", str(workspace), "letters", "--from-json", str(plain_file(tmp_path)),
                     "--out", str(out_dir), "--sign")
    assert code == 0

    monkeypatch.setenv("PANELDESK_PASSPHRASE", "wrong")
    code, _, err = run(capsys, "--workspace", str(workspace), "letters", "--from-json", str(plain_file(tmp_path)),
                       "--out", str(out_dir), "--sign")
    assert code == 1 and "口令不正确" in err


def test_notices_from_plain_values(tmp_path, capsys):
    code, out, _ = run(capsys, "--workspace", str(tmp_path), "notices", "--from-json", str(plain_file(tmp_path)),
                       "--out", str(tmp_path / "n"), "--json")
    names = sorted(Path(f).name for f in json.loads(out)["files"])
    assert code == 0 and "评审结果通知书_2026ZD0101_济南精工机床有限公司.pdf" in names
    assert "签到表_先进制造第一组.pdf" in names


def test_bad_plain_data_and_template_errors_are_clear(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**PLAIN, "outcome_notices": [{"application_no": "1", "result": "x"}]}),
                   encoding="utf-8")
    code, _, err = run(capsys, "--workspace", str(tmp_path), "notices", "--from-json", str(bad), "--out",
                       str(tmp_path / "n"))
    assert code == 1 and "outcome_notices[0] 缺少字段" in err


def test_signing_without_identity_says_what_to_do(tmp_path, capsys):
    code, _, err = run(capsys, "--workspace", str(tmp_path), "letters", "--from-json", str(plain_file(tmp_path)),
                       "--out", str(tmp_path / "o"), "--sign")
    assert code == 1 and "signer create" in err


def test_the_certificate_names_the_real_unit(workspace, capsys):
    code, out, _ = run(capsys, "--workspace", str(workspace), "signer", "create", "--name", "评审办公室",
                       "--province", "山东省", "--department", "山东省科学技术厅", "--office", "评审办公室", "--json")
    assert code == 0
    assert json.loads(out)["subject"] == "CN=评审办公室,OU=评审办公室,O=山东省科学技术厅,ST=山东省,C=CN"
