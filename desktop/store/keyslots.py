"""keys.json: the workspace's data key, wrapped several ways, so losing one way in does not lose the workspace.

One random 32-byte data key encrypts the database (SQLCipher) and the files under blobs/. keys.json (0600, in the
workspace root) never holds it in the clear: each slot holds it sealed with AES-GCM under a key of its own,

- ``password``: one per account, the key derived from the account's password with Argon2id (argon2-cffi's
  ``hash_secret_raw``; the parameters and salt are kept in the slot, so stronger ones can come later);
- ``keyring``: a random key kept in the operating system's keyring (Windows Credential Manager, macOS Keychain,
  Secret Service), where the machine has one;
- ``recovery``: a random code printed once on paper for the unit head's safe (desktop.services.recovery); being
  random, it needs no stretching: HKDF turns it into the slot's key.

Each slot's associated data names its kind and account, so a slot copied onto another account's does not open.
Changing a password re-wraps that account's slot only. The file is replaced atomically (temp + fsync + rename), so a
crash leaves the old slots or the new ones, never a mix.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import uuid
from pathlib import Path

import argon2.low_level
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.store.cipher import KEY_BYTES, WrongKey
from reports.files import write_atomically

FILE_NAME = "keys.json"
VERSION = 1
SERVICE = "PanelDesk"
# RFC 9106's second recommended choice (low memory): what argon2-cffi uses by default for passwords.
ARGON2 = {"time_cost": 3, "memory_cost": 65536, "parallelism": 4}
# The recovery code: 25 characters of Crockford's base32 (125 bits), written in five groups of five.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH, GROUP = 25, 5


def path(root: Path) -> Path:
    return Path(root) / FILE_NAME


def encrypted(root: Path) -> bool:
    """Whether the workspace has a data key (keys.json): its database is encrypted, or is converted on next open."""
    return path(root).exists()


def _read(root: Path) -> dict:
    try:
        data = json.loads(path(root).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise WrongKey("工作区没有密钥文件 keys.json") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise WrongKey(f"密钥文件 {path(root)} 已损坏") from error
    return data


def _write(root: Path, data: dict) -> None:
    write_atomically(path(root), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)


def _aad(kind: str, account: str) -> bytes:
    return f"PanelDesk keyslot\x00{kind}\x00{account}".encode("utf-8")


def _seal(wrapping: bytes, key: bytes, kind: str, account: str = "") -> dict:
    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "sealed": _b64(AESGCM(wrapping).encrypt(nonce, key, _aad(kind, account)))}


def _open(wrapping: bytes, slot: dict) -> bytes:
    try:
        key = AESGCM(wrapping).decrypt(_unb64(slot["nonce"]), _unb64(slot["sealed"]),
                                       _aad(slot["kind"], slot.get("account", "")))
    except (InvalidTag, KeyError, ValueError) as error:
        raise WrongKey() from error
    if len(key) != KEY_BYTES:
        raise WrongKey()
    return key


def _put(root: Path, slot: dict, *, replacing) -> None:
    """Add ``slot``, dropping the slots ``replacing(slot)`` is true of; one atomic write."""
    data = _read(root)
    data["slots"] = [s for s in data["slots"] if not replacing(s)] + [slot]
    _write(root, data)


def create(root: Path) -> bytes:
    """A new random data key and an empty keys.json for it; the caller adds the slots (a password first)."""
    if encrypted(root):
        raise FileExistsError(path(root))
    key = os.urandom(KEY_BYTES)
    # The check lets a key given directly (a test, a script) be told right or wrong before the database is touched.
    _write(root, {"version": VERSION, "id": uuid.uuid4().hex, "check": check_value(key), "slots": []})
    return key


def check_value(key: bytes) -> str:
    """A value that tells a right key from a wrong one without revealing it (HKDF of the key)."""
    return _b64(HKDF(hashes.SHA256(), 16, salt=None, info=b"PanelDesk key check").derive(key))


def verify(root: Path, key: bytes) -> None:
    """WrongKey unless ``key`` is this workspace's data key."""
    if len(key) != KEY_BYTES or not secrets.compare_digest(check_value(key), _read(root)["check"]):
        raise WrongKey()


# -- passwords ------------------------------------------------------------------------------------------------------

def new_kdf() -> dict:
    """Argon2id parameters with a fresh salt, kept beside what a password's key seals."""
    return {"name": "argon2id", **ARGON2, "salt": _b64(os.urandom(16))}


def password_key(password: str, kdf: dict) -> bytes:
    """The 32-byte key Argon2id derives from ``password`` with the parameters and salt of ``kdf``."""
    return argon2.low_level.hash_secret_raw(
        password.encode("utf-8"), _unb64(kdf["salt"]), time_cost=kdf["time_cost"], memory_cost=kdf["memory_cost"],
        parallelism=kdf["parallelism"], hash_len=32, type=argon2.low_level.Type.ID)


def add_password(root: Path, key: bytes, account: str, password: str) -> None:
    """Wrap the data key with ``account``'s password, replacing that account's slot (a password change) only."""
    verify(root, key)
    kdf = new_kdf()
    slot = {"kind": "password", "account": account, "kdf": kdf,
            **_seal(password_key(password, kdf), key, "password", account)}
    _put(root, slot, replacing=lambda s: s["kind"] == "password" and s.get("account") == account)


def remove(root: Path, account: str) -> None:
    """Drop ``account``'s slot (a disabled account no longer opens the workspace)."""
    data = _read(root)
    data["slots"] = [s for s in data["slots"] if not (s["kind"] == "password" and s.get("account") == account)]
    _write(root, data)


def accounts(root: Path) -> list[str]:
    return [s["account"] for s in _read(root)["slots"] if s["kind"] == "password"]


def unlock_password(root: Path, account: str, password: str) -> bytes:
    """The data key, from ``account``'s slot; WrongKey for an unknown account or a wrong password alike."""
    for slot in _read(root)["slots"]:
        if slot["kind"] == "password" and slot.get("account") == account:
            return _open(password_key(password, slot["kdf"]), slot)
    raise WrongKey()


# -- the system keyring ---------------------------------------------------------------------------------------------

def add_keyring(root: Path, key: bytes, backend) -> bool:
    """Wrap the data key with a random key kept in ``backend``, the system keyring (the services tell a real one
    from none: desktop.services.secrets.system_keyring); False, and nothing written, without one."""
    if backend is None:
        return False
    verify(root, key)
    entry = f"workspace-key-{_read(root)['id']}"
    wrapping = os.urandom(32)
    backend.set_password(SERVICE, entry, _b64(wrapping))
    _put(root, {"kind": "keyring", "entry": entry, **_seal(wrapping, key, "keyring")},
         replacing=lambda s: s["kind"] == "keyring")
    return True


def unlock_keyring(root: Path, backend) -> bytes | None:
    """The data key from the system keyring's slot, or None: no slot, no keyring here, or no entry in it."""
    slot = next((s for s in _read(root)["slots"] if s["kind"] == "keyring"), None)
    if backend is None or slot is None:
        return None
    stored = backend.get_password(SERVICE, slot["entry"])
    if stored is None:
        return None
    try:
        return _open(_unb64(stored), slot)
    except WrongKey:
        return None  # another workspace's entry under the same name (a copied folder re-keyed): not ours


# -- the recovery code ----------------------------------------------------------------------------------------------

def _recovery_key(code: str, salt: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=salt, info=b"PanelDesk recovery").derive(code.encode("ascii"))


def normalise_code(text: str) -> str:
    """The code as typed back from paper: case, spaces and hyphens ignored, O read as 0 and I, L as 1."""
    cleaned = "".join(text.split()).replace("-", "").upper().translate(str.maketrans("OIL", "011"))
    if len(cleaned) != CODE_LENGTH or any(c not in ALPHABET for c in cleaned):
        raise WrongKey(f"恢复密钥应为 {CODE_LENGTH} 个字母或数字（{CODE_LENGTH // GROUP} 组，每组 {GROUP} 个）")
    return cleaned


def format_code(code: str) -> str:
    return "-".join(code[i:i + GROUP] for i in range(0, len(code), GROUP))


def new_code() -> str:
    """A random recovery code, grouped for printing."""
    return format_code("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)))


def add_recovery(root: Path, key: bytes, code: str | None = None) -> str:
    """A recovery code (``code``, or a new one) wrapping the data key, replacing any earlier one; returned grouped,
    once, for printing: keys.json keeps only what it wraps."""
    verify(root, key)
    code = normalise_code(code or new_code())
    salt = os.urandom(16)
    slot = {"kind": "recovery", "kdf": {"name": "hkdf-sha256", "salt": _b64(salt)},
            **_seal(_recovery_key(code, salt), key, "recovery")}
    _put(root, slot, replacing=lambda s: s["kind"] == "recovery")
    return format_code(code)


def has_recovery(root: Path) -> bool:
    return any(s["kind"] == "recovery" for s in _read(root)["slots"])


def unlock_recovery(root: Path, code: str) -> bytes:
    code = normalise_code(code)
    for slot in _read(root)["slots"]:
        if slot["kind"] == "recovery":
            return _open(_recovery_key(code, _unb64(slot["kdf"]["salt"])), slot)
    raise WrongKey("本工作区没有恢复密钥")
