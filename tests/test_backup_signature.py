"""A backup's manifest is signed with the workspace's identity, and a restore checks the signature before it replaces
anything: a backup made up by someone who knows its password (a former colleague, with a key of their own) or one
whose signature was removed restores nothing; the fingerprint the office published, when given, must be the signer's;
without it the restore says the signer was not confirmed."""

import json

import pytest

from desktop.cli import main
from desktop.services import backup, signing
from desktop.services.archive import cms
from reports.batch import SigningKey
from reports.identity import create_identity
from tests.conftest import signed

PASSWORD = "backup-password"


@pytest.fixture
def signed_stick(demo_workspace, tmp_path):
    root = demo_workspace
    identity, _ = signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
    folder = tmp_path / "usb"
    made = backup.backup_workspace(root, signed(root, "王秘书"), folder, PASSWORD)
    assert made["signer"] == identity.fingerprint
    return folder, folder / "snapshots" / made["snapshot"], identity.fingerprint


def _before(root) -> list[str]:
    return sorted(p.name for p in root.iterdir())


def test_a_signed_backup_restores_trusted_with_the_published_fingerprint(signed_stick, tmp_path, capsys,
                                                                          monkeypatch):
    folder, _, fingerprint = signed_stick
    done = backup.restore_backup(folder, tmp_path / "a", PASSWORD, fingerprint=fingerprint.replace(":", "").lower())
    assert (done["signer"], done["trusted"]) == (fingerprint, True)
    unconfirmed = backup.restore_backup(folder, tmp_path / "b", PASSWORD)
    assert (unconfirmed["signer"], unconfirmed["trusted"]) == (fingerprint, False)
    monkeypatch.setenv("PANELDESK_BACKUP_PASSWORD", PASSWORD)
    assert main(["--workspace", str(tmp_path / "c"), "restore", "--from", str(folder)]) == 0
    assert f"指纹为 {fingerprint} 的签名身份签名，未经确认" in capsys.readouterr().out


def test_another_fingerprint_restores_nothing(demo_workspace, signed_stick):
    folder, _, fingerprint = signed_stick
    before = _before(demo_workspace)
    with pytest.raises(backup.BackupProblem, match=f"签名者指纹为 {fingerprint}，不是所给的"):
        backup.restore_backup(folder, demo_workspace, PASSWORD, fingerprint="AB" * 32)
    assert _before(demo_workspace) == before


def _forge(folder, snapshot, sign=None, remove=False) -> None:
    """The snapshot's manifest rewritten by someone who knows the backup password, and signed with ``sign``."""
    key = backup._key(folder, PASSWORD, create=False)
    manifest = backup._manifest(folder, key, snapshot.name)
    manifest["created_by"] = "冒名者"
    data = json.dumps(manifest).encode("utf-8")
    backup._seal_to(snapshot / backup.MANIFEST, (data,), key)
    if remove:
        (snapshot / backup.SIGNATURE).unlink()
    else:
        backup._seal_to(snapshot / backup.SIGNATURE, (sign(data),), key)


def test_a_manifest_re_signed_with_another_key_restores_nothing(demo_workspace, signed_stick):
    folder, snapshot, fingerprint = signed_stick
    attacker = SigningKey(create_identity("省科学技术厅评审办公室", b"x"), b"x")
    _forge(folder, snapshot, lambda data: cms.sign(data, attacker))
    before = _before(demo_workspace)
    with pytest.raises(backup.BackupProblem, match="不是备份中的签名身份"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)
    assert _before(demo_workspace) == before


def test_a_manifest_changed_under_the_genuine_signature_or_without_it_restores_nothing(demo_workspace, signed_stick):
    folder, snapshot, fingerprint = signed_stick
    genuine = b"".join(backup._unseal(snapshot / backup.SIGNATURE, backup._key(folder, PASSWORD, create=False), "s"))
    _forge(folder, snapshot, lambda data: genuine)
    with pytest.raises(backup.BackupProblem, match="签名不符"):
        backup.restore_backup(folder, demo_workspace, PASSWORD, fingerprint=fingerprint)
    _forge(folder, snapshot, remove=True)
    with pytest.raises(backup.BackupProblem, match="签名缺失"):
        backup.restore_backup(folder, demo_workspace, PASSWORD)


def test_an_unsigned_backup_restores_only_when_no_fingerprint_is_demanded(demo_workspace, tmp_path):
    folder = tmp_path / "usb"
    assert backup.backup_workspace(demo_workspace, signed(demo_workspace, "王秘书"), folder, PASSWORD)["signer"] is None
    with pytest.raises(backup.BackupProblem, match="备份没有签名"):
        backup.restore_backup(folder, demo_workspace, PASSWORD, fingerprint="AB" * 32)
    done = backup.restore_backup(folder, demo_workspace, PASSWORD)
    assert (done["signer"], done["trusted"]) == (None, False)
