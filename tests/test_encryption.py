"""Encryption at rest on real SQLCipher files: the database unreadable without its key, keys.json's slots, a plain
workspace converted in place (and killed at each step of it), blobs sealed in chunks, a round archived."""

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop.services import accounts
from desktop.services.archive.verify import verify_archive
from desktop.services.audit_log import verify_log
from desktop.services.importing.run import import_files
from desktop.store import blobs, conversion, keyslots
from desktop.store.cipher import KeyRequired, WrongKey
from desktop.store.engine import DB_NAME, SchemaError
from desktop.store.workspace import close_workspace, open_workspace
from tests.archive.conftest import PASSWORD as ARCHIVE_PASSWORD, drawn_round, export
from tests.conftest import signed

PASSWORD = "correct horse 1"


def new_encrypted(root: Path) -> bytes:
    root.mkdir(parents=True)
    key = keyslots.create(root)
    keyslots.add_password(root, key, "admin", PASSWORD)
    open_workspace(root, key=key, create=True)
    close_workspace(root)
    return key


def count(root: Path, key: bytes | None, table: str) -> int:
    with open_workspace(root, key=key).session() as session:
        return session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def assert_unreadable_without_key(db: Path) -> None:
    assert db.read_bytes()[:16] != b"SQLite format 3\x00"
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        sqlite3.connect(db).execute("SELECT name FROM sqlite_master").fetchall()
    if shutil.which("file"):
        # "data", or now and then whatever format the random first bytes happen to resemble: never SQLite
        assert "SQLite" not in subprocess.run(["file", "-b", str(db)], capture_output=True, text=True).stdout
    if shutil.which("sqlite3"):
        assert subprocess.run(["sqlite3", str(db), ".tables"], capture_output=True).returncode != 0


def test_a_new_encrypted_workspace_is_unreadable_without_its_key_and_migrated_through_alembic(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    assert_unreadable_without_key(root / DB_NAME)
    with open_workspace(root, key=key).session() as session:  # every migration ran on SQLCipher
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert session.execute(text("SELECT json_extract('{\"a\": 7}', '$.a')")).scalar_one() == 7


def test_a_wrong_key_or_password_is_the_users_message_never_file_is_not_a_database(tmp_path):
    root = tmp_path / "ws"
    new_encrypted(root)
    with pytest.raises(WrongKey, match="^口令不正确，无法打开工作区$"):
        open_workspace(root, key=os.urandom(32))
    with pytest.raises(WrongKey, match="^口令不正确，无法打开工作区$"):
        keyslots.unlock_password(root, "admin", "wrong password")
    with pytest.raises(WrongKey, match="^口令不正确，无法打开工作区$"):
        keyslots.unlock_password(root, "nobody", PASSWORD)
    with pytest.raises(KeyRequired, match="已加密"):
        open_workspace(root)


def test_a_key_that_passes_the_check_but_not_sqlcipher_is_still_a_wrong_key(tmp_path):
    """keys.json swapped for another workspace's: the database itself refuses the key, in the user's words."""
    root, other = tmp_path / "ws", tmp_path / "other"
    new_encrypted(root)
    key = new_encrypted(other)
    shutil.copy(other / "keys.json", root / "keys.json")
    with pytest.raises(WrongKey, match="^口令不正确，无法打开工作区$"):
        open_workspace(root, key=key)


def test_the_password_slot_opens_the_workspace_and_a_change_rewraps_only_that_slot(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    keyslots.add_password(root, key, "秘书甲", "secretary pass")
    keyslots.add_recovery(root, key)
    before = {(s["kind"], s.get("account")): s for s in json.loads((root / "keys.json").read_text())["slots"]}
    keyslots.add_password(root, key, "秘书甲", "a new password")
    after = {(s["kind"], s.get("account")): s for s in json.loads((root / "keys.json").read_text())["slots"]}
    assert after[("password", "admin")] == before[("password", "admin")]
    assert after[("recovery", None)] == before[("recovery", None)]
    assert after[("password", "秘书甲")] != before[("password", "秘书甲")]
    assert after[("password", "秘书甲")]["kdf"]["name"] == "argon2id"
    assert keyslots.unlock_password(root, "秘书甲", "a new password") == key
    with pytest.raises(WrongKey):
        keyslots.unlock_password(root, "秘书甲", "secretary pass")
    assert count(root, keyslots.unlock_password(root, "admin", PASSWORD), "audit_entry") >= 0
    if os.name != "nt":
        assert stat.S_IMODE((root / "keys.json").stat().st_mode) == 0o600
    assert not list(root.glob(".~*"))  # written through a temporary file, renamed


def test_a_slot_moved_to_another_account_does_not_open(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    keyslots.add_password(root, key, "秘书甲", "secretary pass")
    data = json.loads((root / "keys.json").read_text())
    theirs = next(s for s in data["slots"] if s.get("account") == "秘书甲")
    mine = next(s for s in data["slots"] if s.get("account") == "admin")
    mine.update({k: v for k, v in theirs.items() if k != "account"})
    (root / "keys.json").write_text(json.dumps(data))
    with pytest.raises(WrongKey):
        keyslots.unlock_password(root, "admin", "secretary pass")


def test_the_recovery_code_opens_a_workspace_whose_passwords_are_forgotten(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    code = keyslots.add_recovery(root, key)
    assert len(code.split("-")) == 5 and all(len(group) == 5 for group in code.split("-"))
    typed = code.lower().replace("-", " ").replace("0", "o")  # as read back from paper
    assert keyslots.unlock_recovery(root, typed) == key
    assert count(root, keyslots.unlock_recovery(root, code), "audit_entry") >= 0
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    with pytest.raises(WrongKey):
        keyslots.unlock_recovery(root, wrong)
    with pytest.raises(WrongKey, match="25 个"):
        keyslots.unlock_recovery(root, "ABCDE")
    assert keyslots.add_recovery(root, key) != code  # a new code retires the old one
    with pytest.raises(WrongKey):
        keyslots.unlock_recovery(root, code)


def test_the_system_keyring_slot(tmp_path, memory_keyring):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    assert keyslots.unlock_keyring(root, memory_keyring) is None
    assert keyslots.add_keyring(root, key, None) is False
    assert keyslots.add_keyring(root, key, memory_keyring) is True
    assert keyslots.unlock_keyring(root, memory_keyring) == key
    assert key.hex() not in repr(memory_keyring.entries)  # the keyring holds a wrapping key, not the data key
    memory_keyring.entries.clear()
    assert keyslots.unlock_keyring(root, memory_keyring) is None


def test_a_plain_workspace_is_encrypted_in_place_on_its_first_open_with_a_key(demo_workspace):
    root = demo_workspace
    experts, entries = count(root, None, "expert"), count(root, None, "audit_entry")
    close_workspace(root)
    key = keyslots.create(root)
    open_workspace(root, key=key)
    close_workspace(root)
    assert_unreadable_without_key(root / DB_NAME)
    assert sorted(p.name for p in root.glob(DB_NAME + "*")) == [DB_NAME]  # no plain copy, no journal left
    assert count(root, key, "expert") == experts and count(root, key, "audit_entry") == entries
    report = verify_log(root, signed(root))
    assert report.intact, report


def test_a_read_only_encrypted_copy_opens_with_its_key(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    os.chmod(root / DB_NAME, 0o400)
    try:
        workspace = open_workspace(root, key=key)
        assert workspace.read_only and count(root, key, "audit_entry") == 0
    finally:
        close_workspace(root)
        os.chmod(root / DB_NAME, 0o600)


def test_a_plain_workspace_from_an_older_schema_is_encrypted_then_migrated(tmp_path):
    from alembic import command
    from alembic.config import Config
    from desktop.store.engine import MIGRATIONS, make_engine
    root = tmp_path / "ws"
    root.mkdir()
    engine = make_engine(root / DB_NAME)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    command.upgrade(config, "0004")
    engine.dispose()
    key = keyslots.create(root)
    with open_workspace(root, key=key).session() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar_one() != "0004"
    close_workspace(root)
    assert_unreadable_without_key(root / DB_NAME)


def test_a_key_without_keys_json_is_refused_before_anything_is_encrypted(demo_workspace):
    close_workspace(demo_workspace)
    with pytest.raises(WrongKey, match="keys.json"):
        open_workspace(demo_workspace, key=os.urandom(32))
    assert (demo_workspace / DB_NAME).read_bytes()[:16] == b"SQLite format 3\x00"


# Runs in the child: the conversion of ROOT with KEY, killed (SIGKILL, as kill -9) just before the step named.
CONVERT = """
import os, signal, sys
from pathlib import Path
from desktop.store import conversion
from desktop.store.workspace import open_workspace
ROOT, POINT, KEY = Path(sys.argv[1]), sys.argv[2], bytes.fromhex(sys.argv[3])

def killed_before(step, function, when=lambda *args: True):
    def run(*args, **kwargs):
        if step == POINT and when(*args):
            os.kill(os.getpid(), signal.SIGKILL)
        return function(*args, **kwargs)
    return run

conversion._check_copy = killed_before("copied", conversion._check_copy)
os.link = killed_before("link", os.link)
os.replace = killed_before("swap", os.replace)
conversion._wipe = killed_before("wipe", conversion._wipe)
Path.unlink = killed_before("unlink", Path.unlink, lambda path, *rest: path.name == conversion.PLAIN)
open_workspace(ROOT, key=KEY)
os.kill(os.getpid(), signal.SIGKILL)  # "after": done, killed before closing anything
"""


@pytest.mark.parametrize("point, encrypted", [("copied", False), ("link", False), ("swap", False), ("wipe", True),
                                              ("unlink", True), ("after", True)])
def test_a_conversion_killed_at_any_step_leaves_a_workspace_that_opens(demo_workspace, point, encrypted):
    root = demo_workspace
    experts = count(root, None, "expert")
    close_workspace(root)
    key = keyslots.create(root)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(CONVERT), str(root), point, key.hex()],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    if encrypted:
        with pytest.raises(KeyRequired):
            open_workspace(root)
    else:
        assert count(root, None, "expert") == experts  # still the plain workspace, whole
        close_workspace(root)
    assert count(root, key, "expert") == experts  # opened with its key: encrypted now, whatever was left
    assert verify_log(root, signed(root)).intact
    close_workspace(root)
    assert_unreadable_without_key(root / DB_NAME)
    assert sorted(p.name for p in root.glob(DB_NAME + "*")) == [DB_NAME]


def test_a_conversion_refuses_while_another_connection_has_the_plain_database_open(demo_workspace):
    close_workspace(demo_workspace)
    key = keyslots.create(demo_workspace)
    # Another process (SQLite's locks are per process): it reads, then waits with the database open.
    other = subprocess.Popen([sys.executable, "-c", "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
                              "db.execute('SELECT count(*) FROM expert').fetchone(); print('open', flush=True); "
                              "sys.stdin.read()", str(demo_workspace / DB_NAME)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert other.stdout.readline().strip() == "open"
        with pytest.raises(conversion.InUse):
            open_workspace(demo_workspace, key=key)
    finally:
        other.communicate("")
    assert (demo_workspace / DB_NAME).read_bytes()[:16] == b"SQLite format 3\x00"
    assert not (demo_workspace / conversion.ENCRYPTING).exists()


def test_blobs_are_sealed_in_chunks_and_refused_when_changed_cut_or_unkeyed(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    workspace = open_workspace(root, key=key)
    content = os.urandom(3 * blobs.CHUNK + 1000)
    name = workspace.write_blob(content[i:i + 5000] for i in range(0, len(content), 5000))
    path = workspace.blobs / name
    assert content[:64] not in path.read_bytes() and b"".join(workspace.read_blob(name)) == content
    assert workspace.write_blob([content]) == name and len(list(workspace.blobs.iterdir())) == 1
    sealed = path.read_bytes()
    with pytest.raises(blobs.BlobDamaged):
        b"".join(blobs.read(path, None))
    for damaged in (sealed[:-(blobs.CHUNK + blobs.TAG)],  # the last chunk dropped: the file cut short
                    sealed[:40] + bytes([sealed[40] ^ 1]) + sealed[41:]):
        path.write_bytes(damaged)
        with pytest.raises(blobs.BlobDamaged, match="已损坏"):
            b"".join(workspace.read_blob(name))
    assert b"".join(workspace.read_blob(workspace.write_blob([]))) == b""
    close_workspace(root)


def test_plain_blobs_are_encrypted_with_the_database_keeping_their_names(demo_workspace):
    workspace = open_workspace(demo_workspace)
    recording = os.urandom(200_000)
    name = workspace.write_blob([recording])
    assert (workspace.blobs / name).read_bytes() == recording
    close_workspace(demo_workspace)
    key = keyslots.create(demo_workspace)
    workspace = open_workspace(demo_workspace, key=key)
    assert blobs.is_encrypted(workspace.blobs / name) and b"".join(workspace.read_blob(name)) == recording
    assert sorted(p.name for p in workspace.blobs.iterdir()) == [name]


def test_an_encrypted_workspace_from_a_newer_version_is_refused_in_words(tmp_path):
    root = tmp_path / "ws"
    key = new_encrypted(root)
    with open_workspace(root, key=key).engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    close_workspace(root)
    with pytest.raises(SchemaError, match="更新版本"):
        open_workspace(root, key=key)


def test_an_import_writes_through_sqlcipher(tmp_path):
    from desktop.synthetic.writer import write_dataset
    root = tmp_path / "ws"
    admin = accounts.init_workspace(root, "管理员", PASSWORD)  # encrypted from its init on
    accounts.add_account(admin, "王秘书", roles="秘书", password=PASSWORD)
    secretary = accounts.sign_in(root, "王秘书", PASSWORD)
    files = write_dataset(tmp_path / "pool", seed=3, experts=60, applications=6)
    import_files(root, sorted(files[0].parent.glob("*.xlsx")), secretary)
    assert secretary.key == admin.key and count(root, secretary.key, "expert") == 60
    assert verify_log(root, secretary).intact


def test_a_round_of_an_encrypted_workspace_is_archived_by_processes_opening_it_with_its_key(demo_workspace, tmp_path):
    """The pool's tables are read by processes beside the export, each through SQLCipher with the data key."""
    root = demo_workspace
    close_workspace(root)
    open_workspace(root, key=keyslots.create(root))
    fingerprint = drawn_round(root)
    export(root, tmp_path / "round-1.zip")
    result = verify_archive(tmp_path / "round-1.zip", ARCHIVE_PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and result["trusted"] and result["draw_replayed"], result["problems"]
    assert result["draw"]["pool_hash_matches"]
