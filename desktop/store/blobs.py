"""blobs/: attachments (call recordings, scanned forms), content-addressed, written once, encrypted with the data key.

A blob is written and read as a stream of chunks, so an hour of recording never sits in memory whole. In an
encrypted workspace each file is

    MAGIC (8 bytes) | salt (16) | chunk 0 | chunk 1 | …      each chunk: AES-GCM of up to 64 KiB, 16-byte tag

under a key of its own (HKDF of the data key and the file's salt); chunk i's nonce is i with a last-chunk flag, so
chunks cannot be reordered, dropped or the file cut short without the read failing. A blob is named by its content's
SHA-256 either way, so a name the database keeps still holds once the workspace is converted (which encrypts each
plain blob under its own name); a plain workspace stores the bytes as they are. Each blob is written to a temporary
name and renamed when complete.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.domain.errors import UserError
from reports.files import open_private, private_folder, replace, temp_path

MAGIC = b"PDBLOB1\x00"
SALT = 16
CHUNK = 64 * 1024
TAG = 16
BLOCK = 16  # chunks handed to the hashing thread at once by hash_sealed and seal_hashing (about 1 MiB)
PLAIN_READ = 1024 * 1024  # bytes of a plain blob read at once


class BlobDamaged(UserError):
    """A blob that does not decrypt: changed, cut short, or from another workspace."""


def _subkey(key: bytes, salt: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=salt, info=b"PanelDesk blob").derive(key)


def _nonce(index: int, last: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _rechunk(chunks: Iterable[bytes]) -> Iterator[tuple[bytes, bool]]:
    """The stream cut into CHUNK-sized pieces (views, not copies, of what came in), each with whether it is the
    last: the last holds 1 to CHUNK bytes (an empty stream: one empty piece)."""
    pending = b""
    for chunk in chunks:
        data = memoryview(pending + chunk if pending else chunk)
        whole = (len(data) - 1) // CHUNK * CHUNK  # at least one byte is kept back: it may be the last
        for at in range(0, whole, CHUNK):
            yield data[at:at + CHUNK], False
        pending = bytes(data[max(whole, 0):])
    yield pending, True


def seal(chunks: Iterable[bytes], key: bytes, digest=None) -> Iterator[bytes]:
    """The stream in the sealed format above (MAGIC, salt, then each chunk under AES-GCM); ``digest``, when given, is
    updated with the plain content as it passes. Also the format of each member of a round archive."""
    salt = os.urandom(SALT)
    yield MAGIC + salt
    sealer = AESGCM(_subkey(key, salt))
    for index, (piece, last) in enumerate(_rechunk(chunks)):
        if digest is not None:
            digest.update(piece)
        yield sealer.encrypt(_nonce(index, last), piece, MAGIC)


def seal_hashing(chunks: Iterable[bytes], key: bytes, digest, hashing: Executor) -> Iterator[bytes]:
    """``seal``, with ``digest`` updated on ``hashing``'s thread while the next block of ``BLOCK`` chunks is
    encrypted, and the sealed chunks handed out a block (about 1 MiB) at a time. SHA-256 costs about twice AES-GCM
    and both let go of Python's lock, so on two cores a member takes the time of its hashing alone."""
    salt = os.urandom(SALT)
    yield MAGIC + salt
    sealer = AESGCM(_subkey(key, salt))
    plain, sealed, pending = [], [], None
    try:
        for index, (piece, last) in enumerate(_rechunk(chunks)):
            plain.append(piece)
            sealed.append(sealer.encrypt(_nonce(index, last), piece, MAGIC))
            if len(plain) == BLOCK or last:
                if pending is not None:
                    pending.result()
                pending = hashing.submit(_update, digest, plain)
                plain = []
                yield b"".join(sealed)
                sealed = []
    finally:
        if pending is not None:
            pending.result()


def _store(temp: Path, chunks: Iterable[bytes], key: bytes | None) -> str:
    """Write the stream to ``temp`` (sealed when ``key`` is given), flushed to disk; return its content's SHA-256."""
    digest = hashlib.sha256()
    with open_private(temp) as out:
        if key:
            for piece in seal(chunks, key, digest):
                out.write(piece)
        else:
            for piece, _last in _rechunk(chunks):
                digest.update(piece)
                out.write(piece)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()


def write(folder: Path, chunks: Iterable[bytes], key: bytes | None) -> str:
    """Store the stream in ``folder``; return its name. Encrypted when ``key`` is given."""
    private_folder(folder)
    temp = temp_path(Path(folder) / "incoming")
    try:
        name = _store(temp, chunks, key)
        if (Path(folder) / name).exists():
            temp.unlink()  # written once: the same content is already there
        else:
            replace(temp, Path(folder) / name)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return name


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as file:
        return file.read(len(MAGIC)) == MAGIC


def read(path: Path, key: bytes | None) -> Iterator[bytes]:
    """The blob's content, chunk by chunk; BlobDamaged if an encrypted one does not check to its last chunk."""
    with open(path, "rb") as file:
        head = file.read(len(MAGIC))
        if head != MAGIC:
            file.seek(0)
            while piece := file.read(PLAIN_READ):  # a plain blob: one from before the workspace was encrypted
                yield piece
            return
        if key is None:
            raise BlobDamaged(f"{path.name} 已加密：请先登录")
        yield from unseal(file, key, f"附件 {path.name}", magic_read=True)


def unseal(file, key: bytes, name: str, magic_read: bool = False) -> Iterator[bytes]:
    """The plain content of a sealed stream read from ``file`` (anything with ``read(n)``), chunk by chunk;
    BlobDamaged, naming ``name``, if it does not check to its last chunk (changed, cut short, wrong key)."""
    if not magic_read and file.read(len(MAGIC)) != MAGIC:
        raise BlobDamaged(f"{name} 不是加密的数据流，或已损坏")
    salt = file.read(SALT)
    opener = AESGCM(_subkey(key, salt))
    index, sealed = 0, file.read(CHUNK + TAG)
    while True:
        following = file.read(CHUNK + TAG)
        try:
            yield opener.decrypt(_nonce(index, not following), sealed, MAGIC)
        except InvalidTag:
            raise BlobDamaged(f"{name} 已损坏或被改动，无法解密") from None
        if not following:
            return
        index, sealed = index + 1, following


def hash_sealed(file, size: int, key: bytes, name: str, hashing: Executor) -> tuple[str, int]:
    """The SHA-256 and size of the plain content of the ``size`` sealed bytes at ``file``'s position, checked as
    ``unseal`` checks them (BlobDamaged naming ``name``), without keeping any of it.

    Why not ``unseal`` and a digest: this is what an archive's verify spends its time on, and SHA-256 costs about
    twice AES-GCM. The bytes are read a block of ``BLOCK`` chunks at a time, and while one block is decrypted
    (which holds Python's lock) the one before is hashed on ``hashing``'s thread (hashlib lets go of the lock), so
    on two cores the time is that of hashing alone rather than the sum of the two."""
    head = file.read(len(MAGIC) + SALT)
    if len(head) != len(MAGIC) + SALT or head[:len(MAGIC)] != MAGIC:
        raise BlobDamaged(f"{name} 不是加密的数据流，或已损坏")
    opener, sealed = AESGCM(_subkey(key, head[len(MAGIC):])), CHUNK + TAG
    digest, remaining, plain, index, pending = hashlib.sha256(), size - len(head), 0, 0, None
    try:
        while True:
            block = memoryview(file.read(min(remaining, sealed * BLOCK)))
            if len(block) != min(remaining, sealed * BLOCK):
                raise BlobDamaged(f"{name} 被截短，无法解密")
            remaining -= len(block)
            pieces = []
            for at in range(0, max(len(block), 1), sealed):
                last = remaining == 0 and at + sealed >= len(block)
                pieces.append(opener.decrypt(_nonce(index, last), block[at:at + sealed], MAGIC))
                index += 1
            if pending is not None:
                pending.result()
            pending = hashing.submit(_update, digest, pieces)
            plain += sum(map(len, pieces))
            if remaining == 0:
                pending.result()
                return digest.hexdigest(), plain
    except (InvalidTag, ValueError):
        raise BlobDamaged(f"{name} 已损坏或被改动，无法解密") from None
    finally:
        if pending is not None:
            pending.result()


def _update(digest, pieces: list[bytes]) -> None:
    for piece in pieces:
        digest.update(piece)


def encrypt_plain(folder: Path, key: bytes) -> int:
    """Encrypt the plain blobs of a workspace being converted, each under its own name (a sealed copy renamed over
    it, then the plain content, still open, overwritten with zeros); return how many. Safe to repeat after a kill."""
    done = 0
    for path in sorted(Path(folder).glob("*")):
        if path.is_file() and not path.name.startswith(".") and not is_encrypted(path):
            temp = temp_path(path)
            with open(path, "r+b") as plain:
                try:
                    _store(temp, iter(lambda: plain.read(CHUNK), b""), key)
                    replace(temp, path)
                finally:
                    temp.unlink(missing_ok=True)
                plain.seek(0)
                for offset in range(0, os.fstat(plain.fileno()).st_size, CHUNK):
                    plain.write(bytes(CHUNK))
                plain.flush()
                os.fsync(plain.fileno())
            done += 1
    return done
