"""SQLCipher connections: the workspace database encrypted with its 32-byte data key.

The key is given raw (``PRAGMA key = "x'…'"``): SQLCipher then skips its own PBKDF2, which would cost every new
connection of the pool about 100 ms. The data key is random, so it needs no stretching; the passwords that wrap it
are stretched once, with Argon2id, when keys.json is unlocked (desktop.store.keyslots).

Two settings differ from SQLCipher 4's defaults, measured on the benchmark pool (a full read of 850,000 relations:
+26 % over plain SQLite with the defaults, +9 % with these): 16 KiB pages instead of 4 KiB, so a page's IV and MAC are
paid a quarter as often, and HMAC-SHA-256 instead of HMAC-SHA-512 as the page MAC, which the processor's SHA
instructions compute. They are part of the file's format: every connection sets them right after the key. Each connection also gets a
page cache of up to 64 MiB (SQLite's default is 2 MiB, SQLCipher's 8 MiB): a plain database's pages read again come
from the operating system's file cache for the cost of a copy, an encrypted one's are decrypted again unless
SQLCipher's own cache still holds them.

A plain SQLite file begins with "SQLite format 3"; an encrypted one with random bytes, so which a file is can be read
from its first 16 bytes without a key. A wrong key makes SQLCipher say "file is not a database" at the first read; it
is read at once and turned into ``WrongKey``.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from desktop.domain.errors import UserError

KEY_BYTES = 32
SETTINGS = ("cipher_page_size = 16384", "cipher_hmac_algorithm = HMAC_SHA256")
CACHE = "cache_size = -65536"  # KiB
PLAIN_HEADER = b"SQLite format 3\x00"


class WrongKey(UserError):
    """The key (or the password, keyring entry or recovery code that gave it) does not open this workspace."""

    def __init__(self, detail: str = ""):
        super().__init__("口令不正确，无法打开工作区" + (f"（{detail}）" if detail else ""))


class KeyRequired(UserError):
    """The workspace is encrypted and no key was given: the operator must sign in first."""

    def __init__(self, root: Path):
        super().__init__(f"工作区 {root} 已加密：请先登录（--operator 与口令）后再打开")


def is_encrypted_file(path: Path) -> bool:
    """Whether ``path`` exists, is not empty and is not a plain SQLite file (so: a SQLCipher one)."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != PLAIN_HEADER


def key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise WrongKey("密钥长度不对")
    return f"PRAGMA key = \"x'{key.hex()}'\""


def attach(connection, path: Path, schema: str, key: bytes) -> None:
    """ATTACH an encrypted database file under ``schema``, keyed with the raw key, with the format's settings."""
    quoted = str(path).replace("'", "''")
    connection.execute(f"ATTACH DATABASE '{quoted}' AS {schema} KEY \"x'{key.hex()}'\"")
    for setting in SETTINGS:
        connection.execute(f"PRAGMA {schema}.{setting}")


def connect(target: str, key: bytes, *, uri: bool = False, check: bool = True) -> sqlcipher.Connection:
    """A SQLCipher connection keyed before anything else is run on it; with ``check``, a wrong key is a WrongKey
    now rather than "file is not a database" at some later read."""
    connection = sqlcipher.connect(target, uri=uri, check_same_thread=False)
    try:
        connection.execute(key_pragma(key))
        for setting in (*SETTINGS, CACHE):
            connection.execute(f"PRAGMA {setting}")
        if check:
            connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlcipher.DatabaseError as error:
        connection.close()
        raise WrongKey() from error
    return connection
