"""The accounts and the data key together: init encrypts, sign-in unlocks with the account's own password, password
changes re-wrap one slot, and the printed recovery key opens a workspace whose passwords are forgotten."""

import json
import sqlite3

import pytest
from keyring.backends import fail
from pypdf import PdfReader
from sqlalchemy import text

from desktop.cli import main
from desktop.domain.roles import Role
from desktop.services import accounts, recovery
from desktop.store import keyslots
from desktop.store.cipher import KeyRequired, WrongKey
from desktop.store.engine import DB_NAME
from desktop.store.workspace import close_workspace, open_workspace
from tests.conftest import signed

ADMIN, ADMIN_PASSWORD = "管理员", "admin password"


def slots(root) -> dict:
    return {(s["kind"], s.get("account")): s for s in json.loads((root / "keys.json").read_text())["slots"]}


def actions(root) -> list[str]:
    with open_workspace(root).session() as session:
        return [a for (a,) in session.execute(text("SELECT action FROM audit_entry ORDER BY id"))]


@pytest.fixture
def admin(tmp_path):
    op = accounts.init_workspace(tmp_path / "ws", ADMIN, ADMIN_PASSWORD)
    yield op
    close_workspace(op.root)


def test_init_encrypts_the_new_workspace_under_the_administrators_password(admin):
    assert (admin.root / DB_NAME).read_bytes()[:16] != b"SQLite format 3\x00"
    assert set(slots(admin.root)) == {("password", ADMIN), ("keyring", None)}
    close_workspace(admin.root)
    with pytest.raises(KeyRequired):
        open_workspace(admin.root)
    again = accounts.sign_in(admin.root, ADMIN, ADMIN_PASSWORD)  # from cold: the slot gives the key
    assert again.key == admin.key and again.key is not None


def test_a_wrong_password_from_cold_is_refused_and_audited_through_the_keyring(admin, quick_accounts):
    close_workspace(admin.root)
    with pytest.raises(accounts.SignInFailed):
        accounts.sign_in(admin.root, ADMIN, "not the password")
    assert actions(admin.root)[-1] == "account.sign_in.failed" and quick_accounts


def test_without_a_keyring_a_wrong_password_still_only_costs_the_delay(tmp_path, quick_accounts):
    import keyring
    keyring.set_keyring(fail.Keyring())
    op = accounts.init_workspace(tmp_path / "ws", ADMIN, ADMIN_PASSWORD)
    assert set(slots(op.root)) == {("password", ADMIN)}
    close_workspace(op.root)
    with pytest.raises(accounts.SignInFailed, match=accounts.WRONG):
        accounts.sign_in(op.root, ADMIN, "not the password")
    assert quick_accounts == [accounts.delay(1)]
    assert accounts.sign_in(op.root, ADMIN, ADMIN_PASSWORD).key is not None
    close_workspace(op.root)


def test_each_account_opens_the_workspace_with_its_own_password_and_changes_rewrap_one_slot(admin):
    accounts.add_account(admin, "秘书甲", roles={Role.SECRETARY}, password="secretary 1")
    accounts.add_account(admin, "监督乙", roles={Role.SUPERVISOR}, password="supervisor 1")
    close_workspace(admin.root)
    secretary = accounts.sign_in(admin.root, "秘书甲", "secretary 1")
    before = slots(admin.root)
    accounts.change_password(secretary, "secretary 1", "secretary 2")
    accounts.reset_password(accounts.sign_in(admin.root, ADMIN, ADMIN_PASSWORD), "监督乙", "supervisor 2")
    after = slots(admin.root)
    assert after[("password", ADMIN)] == before[("password", ADMIN)]
    assert after[("password", "秘书甲")] != before[("password", "秘书甲")]
    assert after[("password", "监督乙")] != before[("password", "监督乙")]
    close_workspace(admin.root)
    assert accounts.sign_in(admin.root, "秘书甲", "secretary 2").key == admin.key
    close_workspace(admin.root)
    with pytest.raises(accounts.SignInFailed):
        accounts.sign_in(admin.root, "监督乙", "supervisor 1")
    close_workspace(admin.root)
    assert accounts.sign_in(admin.root, "监督乙", "supervisor 2").key == admin.key


def test_a_disabled_account_no_longer_opens_the_workspace(admin):
    accounts.add_account(admin, "秘书甲", roles={Role.SECRETARY}, password="secretary 1")
    accounts.disable_account(admin, "秘书甲")
    assert ("password", "秘书甲") not in slots(admin.root)
    close_workspace(admin.root)
    with pytest.raises(WrongKey):
        keyslots.unlock_password(admin.root, "秘书甲", "secretary 1")
    with pytest.raises(accounts.AccountDisabled):  # the keyring opened the workspace, the account says why
        accounts.sign_in(admin.root, "秘书甲", "secretary 1")


def _before_accounts(root) -> None:
    """Make ``root`` a workspace as a version before the accounts left it: its data, no account rows."""
    close_workspace(root)
    with sqlite3.connect(root / DB_NAME) as db:
        db.execute("DELETE FROM account")


def test_init_of_a_plain_workspace_converts_it_in_place(demo_workspace):
    _before_accounts(demo_workspace)
    with open_workspace(demo_workspace).session() as session:
        experts = session.execute(text("SELECT count(*) FROM expert")).scalar_one()
    op = accounts.init_workspace(demo_workspace, ADMIN, ADMIN_PASSWORD)
    close_workspace(demo_workspace)
    assert (demo_workspace / DB_NAME).read_bytes()[:16] != b"SQLite format 3\x00"
    with open_workspace(demo_workspace, key=op.key).session() as session:
        assert session.execute(text("SELECT count(*) FROM expert")).scalar_one() == experts


def test_the_recovery_sheet_and_the_recovery_of_a_workspace_whose_passwords_are_forgotten(admin, tmp_path,
                                                                                           monkeypatch, capsys):
    sheet = recovery.issue_recovery_key(admin, tmp_path / "恢复密钥.pdf")
    page = PdfReader(sheet).pages[0]
    words = page.extract_text()
    code = next(line for line in words.splitlines() if line.count("  ") == 4).strip().replace("  ", "-")
    assert "恢复密钥" in words and keyslots.unlock_recovery(admin.root, code) == admin.key
    with open_workspace(admin.root).session() as session:
        logged = json.dumps([list(row) for row in session.execute(text("SELECT * FROM audit_entry"))], default=str)
    assert code not in logged and code.replace("-", "") not in logged  # the sheet is the code's only copy
    assert sheet.stat().st_mode & 0o077 == 0
    close_workspace(admin.root)
    monkeypatch.setenv("PANELDESK_NEW_PASSWORD", "a new admin password")
    assert main(["--workspace", str(admin.root), "recover", "--admin", ADMIN, "--code", code.lower()]) == 0
    assert "已重设" in capsys.readouterr().out
    close_workspace(admin.root)
    with pytest.raises(accounts.SignInFailed):
        accounts.sign_in(admin.root, ADMIN, ADMIN_PASSWORD)
    close_workspace(admin.root)
    assert accounts.sign_in(admin.root, ADMIN, "a new admin password").key == admin.key
    assert {"recovery.issue", "account.password.reset", "recovery.use"} <= set(actions(admin.root))


def test_init_writes_the_first_recovery_sheet_beside_the_workspace(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PANELDESK_PASSWORD", ADMIN_PASSWORD)
    root = tmp_path / "科技厅2027"
    assert main(["--workspace", str(root), "init", "--admin", ADMIN, "--json"]) == 0
    sheet = tmp_path / "科技厅2027-恢复密钥.pdf"
    assert json.loads(capsys.readouterr().out)["recovery_sheet"] == str(sheet)
    words = PdfReader(sheet).pages[0].extract_text()
    code = next(line for line in words.splitlines() if line.count("  ") == 4).strip().replace("  ", "-")
    close_workspace(root)
    assert keyslots.unlock_recovery(root.resolve(), code) == accounts.sign_in(root, ADMIN, ADMIN_PASSWORD).key
    close_workspace(root)


def test_commands_sign_in_before_they_open_an_encrypted_workspace(admin, monkeypatch, capsys):
    """Every command opened the workspace before --operator signed in, so none ran on an encrypted one."""
    accounts.add_account(admin, "秘书甲", roles={Role.SECRETARY}, password="secretary 1")
    close_workspace(admin.root)
    monkeypatch.setenv("PANELDESK_PASSWORD", "secretary 1")
    base = ["--workspace", str(admin.root), "--operator", "秘书甲"]
    assert main([*base, "list", "experts", "--json"]) == 0 and json.loads(capsys.readouterr().out) == []
    close_workspace(admin.root)
    assert main([*base, "audit", "verify"]) == 0 and "审计日志完整" in capsys.readouterr().out


def test_a_wrong_recovery_code_and_a_non_administrator_are_refused(admin, tmp_path, monkeypatch, capsys):
    accounts.add_account(admin, "秘书甲", roles={Role.SECRETARY}, password="secretary 1")
    code = keyslots.add_recovery(admin.root, admin.key)
    close_workspace(admin.root)
    monkeypatch.setenv("PANELDESK_NEW_PASSWORD", "a new password")
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    assert main(["--workspace", str(admin.root), "recover", "--admin", ADMIN, "--code", wrong]) != 0
    assert "口令不正确，无法打开工作区" in capsys.readouterr().err
    assert main(["--workspace", str(admin.root), "recover", "--admin", "秘书甲", "--code", code]) != 0
    assert "管理员" in capsys.readouterr().err


def test_the_signing_passphrase_is_sealed_in_the_encrypted_workspace_not_in_a_keyring(admin, memory_keyring):
    import keyring
    from desktop.services import signing
    accounts.add_account(admin, "秘书甲", roles={Role.SECRETARY}, password="secretary 1")
    secretary = accounts.sign_in(admin.root, "秘书甲", "secretary 1")
    identity, store = signing.create_identity(admin.root, secretary, "省科学技术厅评审办公室")
    assert store.kind == "workspace"
    assert all(entry.startswith("workspace-key-") for _, entry in memory_keyring.entries)  # the data key's slot only
    keyring.set_keyring(fail.Keyring())  # another machine: no keyring, no PANELDESK_PASSPHRASE
    close_workspace(admin.root)
    accounts.sign_in(admin.root, ADMIN, ADMIN_PASSWORD)
    assert signing.signing_key(admin.root).passphrase
    replaced, _ = signing.create_identity(admin.root, secretary, "省科学技术厅评审办公室", replace=True)
    with open_workspace(admin.root).session() as session:
        before, after = session.execute(text("SELECT before, after FROM audit_entry WHERE action = 'signer.created' "
                                             "ORDER BY id DESC")).first()
    assert identity.fingerprint in before and replaced.fingerprint in after  # both fingerprints audited
    trust = signing.workspace_trust(admin.root, secretary)  # both, each for the time it was in use
    assert [(i.fingerprint, i.until is None) for i in trust.identities] == [(identity.fingerprint, False),
                                                                          (replaced.fingerprint, True)]


def test_a_passphrase_kept_in_the_keyring_before_encryption_moves_into_the_workspace(demo_workspace, memory_keyring):
    from desktop.services import signing
    identity, store = signing.create_identity(demo_workspace, signed(demo_workspace, "秘书甲"), "省科学技术厅评审办公室")
    assert store.kind == "system"
    _before_accounts(demo_workspace)
    op = accounts.init_workspace(demo_workspace, ADMIN, ADMIN_PASSWORD)
    assert signing.signing_key(op.root).passphrase  # found in the keyring, sealed into the workspace
    memory_keyring.entries.pop(("PanelDesk", identity.key_id))
    assert signing.signing_key(op.root).passphrase


def test_the_administrator_prints_a_new_recovery_sheet_from_the_command_line(admin, tmp_path, monkeypatch, capsys):
    old = keyslots.add_recovery(admin.root, admin.key)
    close_workspace(admin.root)
    monkeypatch.setenv("PANELDESK_PASSWORD", ADMIN_PASSWORD)
    sheet = tmp_path / "新恢复密钥.pdf"
    assert main(["--workspace", str(admin.root), "--operator", ADMIN, "recovery-key", "--out", str(sheet)]) == 0
    assert "已失效" in capsys.readouterr().out
    words = PdfReader(sheet).pages[0].extract_text()
    code = next(line for line in words.splitlines() if line.count("  ") == 4).strip().replace("  ", "-")
    assert keyslots.unlock_recovery(admin.root, code) == admin.key
    with pytest.raises(WrongKey):
        keyslots.unlock_recovery(admin.root, old)
