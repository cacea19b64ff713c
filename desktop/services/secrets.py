"""Where PanelDesk keeps secrets (the signing key's passphrase): the workspace itself, the system keyring, or an
encrypted file.

An encrypted workspace keeps its secrets in its own folder, sealed with a key derived from its data key
(``workspace_secrets``): they belong to the workspace, open with it for whoever signed in, and move with it. The
rest of this applies to plain workspaces.

The system keyring (Windows Credential Manager, macOS Keychain, Secret Service on Kylin/UOS desktops) is used when
the machine has one. A bare Linux laptop or a CI runner has none; then secrets go to an encrypted file in the user's
config folder, unlocked by the operator's password: the window asks for it, the command line reads
``PANELDESK_PASSPHRASE`` (as borg and restic do). keyrings.alt's encrypted keyring needs PyCryptodome and falls back
to ``getpass`` on a terminal, which breaks every unattended run; the file keyring here uses ``cryptography``
(already needed for signing): scrypt for the key and AES-GCM for each entry.

Which store is in use is always reported (``Secrets.description``), so nobody wonders where a passphrase went.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import keyring
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

from desktop.domain.errors import UserError
from reports.files import private_folder, write_atomically

SERVICE = "PanelDesk"
PASSPHRASE_ENV = "PANELDESK_PASSPHRASE"
FILE_NAME = "secrets.json"
WORKSPACE_FILE = "signing/secrets.json"


class PassphraseRequired(UserError):
    """No system keyring, and no operator password was given to open the encrypted file keyring."""

    def __init__(self):
        super().__init__(f"本机没有系统钥匙串，需要操作员口令才能打开加密的密钥文件：请在环境变量 {PASSPHRASE_ENV} 中"
                         "提供口令（命令行），或在窗口中输入")


class WrongPassphrase(UserError):
    def __init__(self, path: Path):
        super().__init__(f"操作员口令不正确，无法打开加密的密钥文件 {path}")


def config_dir() -> Path:
    """The per-user folder for PanelDesk's own files (not workspace data)."""
    if os.name == "nt":
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config"))
    return base / "PanelDesk"


class EncryptedFileKeyring(KeyringBackend):
    """A keyring in one JSON file; each secret sealed with AES-GCM under a scrypt key from the operator's password.

    The password is checked on opening (a sealed marker), so a wrong one fails at once, not at first use.
    """

    priority = 0.1  # never chosen by keyring on its own; PanelDesk picks it explicitly

    def __init__(self, path: Path, password: str):
        super().__init__()
        self.path = Path(path)
        data = self._read()
        if "salt" not in data:
            data = {"version": 1, "salt": _b64(os.urandom(16)), "entries": {}}
        self._key = _derive(password, _unb64(data["salt"]))
        if "check" in data:
            try:
                self._open(data["check"], "check")
            except InvalidTag as error:
                raise WrongPassphrase(self.path) from error
        else:
            data["check"] = self._seal(b"PanelDesk", "check")
            self._write(data)

    def _read(self) -> dict:
        return json.loads(self.path.read_text(encoding="utf-8")) if self.path.exists() else {}

    def _write(self, data: dict) -> None:
        private_folder(self.path.parent)
        write_atomically(self.path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))

    def _seal(self, value: bytes, label: str) -> str:
        nonce = os.urandom(12)
        return _b64(nonce + AESGCM(self._key).encrypt(nonce, value, label.encode("utf-8")))

    def _open(self, sealed: str, label: str) -> bytes:
        raw = _unb64(sealed)
        return AESGCM(self._key).decrypt(raw[:12], raw[12:], label.encode("utf-8"))

    def get_password(self, service: str, username: str) -> str | None:
        label = f"{service}\x00{username}"
        sealed = self._read().get("entries", {}).get(label)
        return self._open(sealed, label).decode("utf-8") if sealed else None

    def set_password(self, service: str, username: str, password: str) -> None:
        label = f"{service}\x00{username}"
        data = self._read()
        data.setdefault("entries", {})[label] = self._seal(password.encode("utf-8"), label)
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._read()
        if data.get("entries", {}).pop(f"{service}\x00{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._write(data)


class WorkspaceKeyring(EncryptedFileKeyring):
    """The file keyring of an encrypted workspace: each secret sealed under a key derived from the data key, so
    there is no password of its own to check."""

    def __init__(self, path: Path, data_key: bytes):
        KeyringBackend.__init__(self)
        self.path = Path(path)
        self._key = HKDF(hashes.SHA256(), 32, salt=None, info=b"PanelDesk workspace secrets").derive(data_key)


def _derive(password: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=2**15, r=8, p=1).derive(password.encode("utf-8"))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text)


def _is_real(backend: KeyringBackend) -> bool:
    """Not the no-op backends, and not keyrings.alt's file stores (its default one keeps passwords in plain text)."""
    if isinstance(backend, (fail.Keyring, null.Keyring)):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return any(_is_real(inner) for inner in backend.backends)
    return not type(backend).__module__.startswith("keyrings.alt")


def system_keyring() -> KeyringBackend | None:
    """The keyring the ``keyring`` package selected (or a test set), if it is a real secret store."""
    backend = keyring.get_keyring()
    return backend if _is_real(backend) else None


def needs_password() -> bool:
    """Whether opening the secrets will need the operator's password: no system keyring, none in the environment."""
    return system_keyring() is None and not os.environ.get(PASSPHRASE_ENV)


@dataclass(frozen=True)
class Secrets:
    """The chosen store. ``kind`` is "system" or "file"; ``description`` says which, in Chinese, for the user."""

    backend: KeyringBackend
    kind: str
    description: str

    def get(self, key_id: str) -> str | None:
        return self.backend.get_password(SERVICE, key_id)

    def set(self, key_id: str, secret: str) -> None:
        self.backend.set_password(SERVICE, key_id, secret)


def workspace_secrets(root: Path, data_key: bytes) -> Secrets:
    path = Path(root) / WORKSPACE_FILE
    return Secrets(WorkspaceKeyring(path, data_key), "workspace", f"工作区内（{path}，由工作区数据密钥加密）")


def open_secrets(password: str | Callable[[], str] | None = None, file_path: Path | None = None) -> Secrets:
    """The system keyring when there is one; else the encrypted file keyring opened with the operator's password.

    ``password`` may be a callable (the window's password dialog), called only if the file keyring is needed.
    Without it, ``PANELDESK_PASSPHRASE`` is read; with neither, PassphraseRequired is raised.
    """
    backend = system_keyring()
    if backend is not None:
        name = getattr(backend, "name", type(backend).__name__)
        return Secrets(backend, "system", f"系统钥匙串（{name}）")
    path = file_path or config_dir() / FILE_NAME
    given = password() if callable(password) else password
    given = given or os.environ.get(PASSPHRASE_ENV)
    if not given:
        raise PassphraseRequired()
    return Secrets(EncryptedFileKeyring(path, given), "file", f"加密文件钥匙串（{path}，由操作员口令解锁）")
