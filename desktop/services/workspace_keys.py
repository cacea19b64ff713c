"""The workspace's data key as the accounts use it: made by init, unlocked by sign-in, wrapped again when a password
is set, dropped when an account is disabled (desktop.store.keyslots keeps the slots).

A workspace is encrypted from its ``init`` on; one made before (plain, with or without accounts) is converted when
its administrator runs ``init``. Signing in unlocks the account's own slot with its password, so the password is
checked twice: by the slot (which opens the database) and by the account's hash (which the accounts keep). While the
workspace is open in this process (the window's second sign-in of a witness, the idle lock) the key it holds is
used and the hash alone checks the password. A wrong password can be written to the audit log only if the key can be
had without it, from the system keyring; otherwise the database stays shut and the failure costs the delay alone.
"""

from __future__ import annotations

from pathlib import Path

from desktop.services.secrets import system_keyring
from desktop.store import keyslots
from desktop.store.workspace import opened_key
from reports.files import private_folder


def for_init(root: Path, admin: str, password: str) -> bytes:
    """The data key of a workspace being initialised: a new one wrapped by the administrator's password (and the
    system keyring, where there is one); the existing one if an earlier ``init`` made keys.json and was cut short."""
    root = Path(root).resolve()
    if keyslots.encrypted(root):
        return keyslots.unlock_password(root, admin, password)
    private_folder(root)
    key = keyslots.create(root)
    keyslots.add_password(root, key, admin, password)
    keyslots.add_keyring(root, key, system_keyring())
    return key


def for_sign_in(root: Path, account: str, password: str) -> bytes | None:
    """The key that opens the workspace for ``account``: None for a plain workspace, the one this process holds if
    it is open, else the account's slot opened with ``password`` (WrongKey if it does not open)."""
    root = Path(root).resolve()
    if not keyslots.encrypted(root):
        return None
    return opened_key(root) or keyslots.unlock_password(root, account, password)


def without_password(root: Path) -> bytes | None:
    """The key from the system keyring's slot (to record a failed sign-in), or None."""
    root = Path(root).resolve()
    if not keyslots.encrypted(root):
        return None
    return opened_key(root) or keyslots.unlock_keyring(root, system_keyring())


def wrap(root: Path, key: bytes | None, account: str, password: str) -> None:
    """Wrap the key with ``account``'s new password (only that account's slot changes); nothing on a plain one."""
    if key is not None:
        keyslots.add_password(root, key, account, password)


def drop(root: Path, key: bytes | None, account: str) -> None:
    if key is not None:
        keyslots.remove(root, account)
