"""The archive file: a zip whose members are sealed with a key derived from the password chosen at export.

Why a zip of sealed members rather than an encrypted container (a 7z, a VeraCrypt volume, zip's own AES): a zip is
read everywhere and by Python's standard library alone, member by member, so a verifier streams each member from the
file without extracting anything; zip's own AES (WinZip AE-2) is not in the standard library, and zip's legacy
encryption is broken. Each member's bytes are the PanelDesk sealed stream of desktop.store.blobs (AES-256-GCM in
64 KiB chunks, each chunk's nonce its index and a last-chunk flag, so no chunk can be changed, moved or dropped, nor
the member cut short, without the read failing), under the key Argon2id derives from the password and the salt in
the one plain member, ``paneldesk-archive.json``. Members are stored, not deflated: sealed bytes do not compress.

Member names in the zip are opaque (``payload/000001``): names of files can name people. The sealed manifest maps
each to its path in the archive with its SHA-256 and size.

Reading refuses, before anything of a member is read: names that are absolute, contain ``..`` or a backslash or a
drive, or resolve outside the archive (``os.path.commonpath``, not ``commonprefix``, which takes ``../a2`` for inside
``a``), duplicates, symbolic links, directories, and sizes or compression ratios beyond ``Caps``.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import stat
import struct
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass

from desktop.store import blobs, keyslots

HEADER = "paneldesk-archive.json"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.p7s"
FORMAT = "PanelDesk round archive v1"
CIPHER = "AES-256-GCM, 64 KiB chunks (PanelDesk sealed stream v1), key Argon2id(password)"


@dataclass(frozen=True)
class Caps:
    members: int = 200_000  # a round of 1,750 letters, recordings and scans has some 10,000
    directory_bytes: int = 200_000 * 256  # the central directory, which zipfile reads whole before anything else
    member_bytes: int = 64 * 1024 ** 3  # one recording of several hours is a few GB
    total_bytes: int = 2 * 1024 ** 4
    ratio: int = 100  # uncompressed / compressed, for a member that is compressed at all
    small_bytes: int = 256 * 1024 ** 2  # members read whole into memory: the manifest, the round, the signature


CAPS = Caps()


def member_name(index: int) -> str:
    return f"payload/{index:06d}"


def new_key(password: str) -> tuple[bytes, dict]:
    """A key for a new archive and the plain header that lets the password open it again."""
    kdf = keyslots.new_kdf()
    key = keyslots.password_key(password, kdf)
    return key, {"format": FORMAT, "cipher": CIPHER, "kdf": kdf, "check": keyslots.check_value(key)}


# The header is plain, so anyone can change it: parameters beyond these would have every verifier spend gigabytes or
# hours deriving a key before the check value could say anything. PanelDesk writes keyslots.ARGON2 (64 MiB, 3 passes).
KDF_LIMITS = {"time_cost": (1, 16), "memory_cost": (8, 256 * 1024), "parallelism": (1, 16)}  # KiB for memory


def kdf_problem(kdf) -> str:
    """Why the header's key derivation must not be run, or ''."""
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id":
        return "密钥派生参数不是 Argon2id"
    for field, (low, high) in KDF_LIMITS.items():
        value = kdf.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            return f"密钥派生参数 {field}={value!r} 超出 {low}–{high}（归档头被改动）"
    salt = kdf.get("salt")
    if not isinstance(salt, str) or len(salt) < 22:
        return "密钥派生参数中的盐缺失或过短（归档头被改动）"
    return ""


def key_from(header: dict, password: str) -> bytes | None:
    """The archive's key from its header and the password; None when the password is not the one chosen;
    ValueError, before any work, when the header asks for a derivation beyond ``KDF_LIMITS``."""
    why = kdf_problem(header.get("kdf"))
    if why:
        raise ValueError(why)
    key = keyslots.password_key(password, header["kdf"])
    return key if keyslots.check_value(key) == header["check"] else None


def write_sealed(archive: zipfile.ZipFile, name: str, chunks: Iterable[bytes], key: bytes,
                 hashing: Executor | None = None) -> tuple[str, int]:
    """Add a sealed member; its plain content's SHA-256 and size. With ``hashing`` (one thread), the SHA-256 runs
    there while the next megabyte is encrypted and written (``blobs.seal_hashing``)."""
    digest = hashlib.sha256()
    counted = Counted(chunks)
    write_presealed(archive, name, blobs.seal(counted, key, digest) if hashing is None
                    else blobs.seal_hashing(counted, key, digest, hashing))
    return digest.hexdigest(), counted.size


def write_presealed(archive: zipfile.ZipFile, name: str, sealed: Iterable[bytes]) -> None:
    """Add a member whose bytes were sealed already (desktop.services.archive.beside)."""
    with archive.open(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), "w", force_zip64=True) as out:
        for piece in sealed:
            out.write(piece)


def write_plain(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    archive.writestr(zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0)), data)


class Counted:
    """The chunks, counting their bytes as they pass."""

    def __init__(self, chunks: Iterable[bytes]):
        self.chunks, self.size = chunks, 0

    def __iter__(self):
        for piece in self.chunks:
            self.size += len(piece)
            yield piece


def read_sealed(archive: zipfile.ZipFile, name: str, key: bytes, what: str) -> Iterator[bytes]:
    """A member's plain content, chunk by chunk; blobs.BlobDamaged naming ``what`` if it does not decrypt whole."""
    try:
        with archive.open(name) as file:
            yield from blobs.unseal(file, key, what)
    except zipfile.BadZipFile as error:  # the zip's own CRC, checked at the member's end
        raise blobs.BlobDamaged(f"{what} 已损坏或被改动（{error}）") from None


def read_small(archive: zipfile.ZipFile, name: str, key: bytes, what: str, caps: Caps = CAPS) -> bytes:
    parts, size = [], 0
    for piece in read_sealed(archive, name, key, what):
        size += len(piece)
        if size > caps.small_bytes:
            raise blobs.BlobDamaged(f"{what} 超过 {caps.small_bytes} 字节，不予读取")
        parts.append(piece)
    return b"".join(parts)


def read_header(archive: zipfile.ZipFile) -> dict:
    info = archive.getinfo(HEADER)
    if info.file_size > 65536:
        raise ValueError("归档头过大")
    try:
        header = json.loads(archive.read(HEADER).decode("utf-8"))
    except zipfile.BadZipFile as error:
        raise ValueError(f"已损坏或被改动（{error}）") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("不是 PanelDesk 轮次归档（归档头的格式不对）")
    return header


_DRIVE = re.compile(r"^[A-Za-z]:")
_ROOT = "/archive"
_OWN = re.compile(rf"({re.escape(HEADER)}|{re.escape(MANIFEST)}|{re.escape(SIGNATURE)}|payload/[0-9]{{6}})", re.ASCII)


def unsafe(info: zipfile.ZipInfo, caps: Caps = CAPS) -> str:
    """Why this member must not be read at all, or ''."""
    name = info.filename
    if "\\" in name:
        return "名称含反斜杠"
    if name.startswith("/") or _DRIVE.match(name):
        return "名称是绝对路径"
    if ".." in name.split("/"):
        return "名称含 ..（指向归档之外）"
    inside = posixpath.normpath(posixpath.join(_ROOT, name))
    if posixpath.commonpath([_ROOT, inside]) != _ROOT or inside == _ROOT:
        return "名称指向归档之外"
    if not _OWN.fullmatch(name):
        return "不是轮次归档会有的成员名（只有归档头、清单、签名和 payload/六位数字）"
    if stat.S_ISLNK(info.external_attr >> 16):
        return "是符号链接"
    if info.is_dir():
        return "是文件夹"
    if info.file_size > caps.member_bytes:
        return f"解压后 {info.file_size} 字节，超过上限 {caps.member_bytes}"
    if info.compress_type != zipfile.ZIP_STORED and info.file_size > caps.ratio * max(info.compress_size, 1):
        return f"压缩比 {info.file_size // max(info.compress_size, 1)}:1 超过上限 {caps.ratio}:1（疑似压缩炸弹）"
    return ""


def directory_problem(path, caps: Caps = CAPS) -> str:
    """Why the zip's central directory must not even be parsed, or '': zipfile reads it whole and makes an object
    per entry before a caller can count them, so a directory claiming millions of entries is refused from the
    end-of-central-directory record alone (its zip64 form included)."""
    with open(path, "rb") as file:
        end = zipfile._EndRecData(file)  # noqa: SLF001 - the standard library's own reader of that record
    if end is None:
        return ""  # not a zip: zipfile says so
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]  # noqa: SLF001
    if entries > caps.members:
        return f"归档有 {entries} 个成员，超过上限 {caps.members}"
    if size > caps.directory_bytes:
        return f"归档的目录有 {size} 字节，超过上限 {caps.directory_bytes}"
    return ""


def screen(archive: zipfile.ZipFile, caps: Caps = CAPS) -> tuple[list[str], set[str]]:
    """Problems with the zip's directory, and the names safe to read (each unique and safe)."""
    problems: list[str] = []
    infos = archive.infolist()
    if len(infos) > caps.members:
        return [f"归档有 {len(infos)} 个成员，超过上限 {caps.members}"], set()
    seen: dict[str, int] = {}
    for info in infos:
        seen[info.filename] = seen.get(info.filename, 0) + 1
    safe, total = set(), 0
    for info in infos:
        why = unsafe(info, caps)
        if seen[info.filename] > 1:
            why = why or f"名称重复出现 {seen[info.filename]} 次"
        if why:
            problems.append(f"成员「{info.filename}」不予读取：{why}")
        else:
            safe.add(info.filename)
            total += info.file_size
    if total > caps.total_bytes:
        return problems + [f"归档解压后共 {total} 字节，超过上限 {caps.total_bytes}"], set()
    return list(dict.fromkeys(problems)), safe


_LOCAL = struct.Struct("<4s22xHH")  # a local file header: its signature, then the name's and the extra field's lengths


def stored_extents(path, archive: zipfile.ZipFile, safe: set[str]) -> tuple[dict[str, tuple[int, int]], list[str]]:
    """Where the sealed bytes of each safe stored member lie in the file ({name: (offset, size)}), so verify can
    read them straight from the file (``blobs.hash_sealed``) instead of through ``ZipFile.open``; and why a member
    cannot be read so.

    Reading a stored member by its offset loses nothing zipfile's reader checks: the offset is taken from the member's
    own local header, whose signature and name must match the central directory as zipfile requires; the size is the
    central directory's, which a stored member's data must fill; and zipfile's CRC-32 adds nothing over what covers
    every byte already (each 64 KiB is authenticated by its AES-GCM tag, with its place in the stream, and the
    plain content must have the SHA-256 the signed manifest lists) but a third pass over the data. Added here: no
    member's bytes may reach into the next member's header or the central directory, so no two entries share data
    (the overlapping-entries zip bomb). Members not stored as this writes them (compressed, flagged encrypted) are
    left to ``ZipFile.open``."""
    found, problems = {}, []
    infos = sorted(archive.infolist(), key=lambda i: i.header_offset)
    limits = [i.header_offset for i in infos[1:]] + [archive.start_dir]
    with open(path, "rb") as file:
        for info, limit in zip(infos, limits):
            if info.filename not in safe or info.compress_type != zipfile.ZIP_STORED or info.flag_bits & 0x1 \
                    or info.compress_size != info.file_size:
                continue
            file.seek(info.header_offset)
            header = file.read(_LOCAL.size)
            signature, name_length, extra_length = _LOCAL.unpack(header) if len(header) == _LOCAL.size \
                else (b"", 0, 0)
            name = file.read(name_length).decode("utf-8" if info.flag_bits & 0x800 else "cp437", "replace")
            start = info.header_offset + _LOCAL.size + name_length + extra_length
            if signature != zipfile.stringFileHeader or name != info.orig_filename:
                problems.append(f"成员「{info.filename}」已损坏或被改动（其本地文件头与目录不符）")
            elif start + info.compress_size > limit:
                problems.append(f"成员「{info.filename}」的数据与其后的成员或目录重叠（疑似重叠成员的压缩炸弹），不予读取")
            else:
                found[info.filename] = (start, info.compress_size)
    return found, problems


class Opened:
    """An archive opened with its password: its manifest, and each member read by its path (after a verify)."""

    def __init__(self, archive: zipfile.ZipFile, password: str):
        self.archive = archive
        self.key = key_from(read_header(archive), password)
        if self.key is None:
            raise ValueError("口令不对，无法解密归档")
        self.manifest_bytes = read_small(archive, MANIFEST, self.key, "清单 manifest.json")
        self.manifest = json.loads(self.manifest_bytes)
        self.by_path = {m["path"]: m for m in self.manifest["members"]}

    def read(self, path: str) -> Iterator[bytes]:
        """The member's content, hashed as it is read: BlobDamaged at its end unless it is what the manifest lists
        (the file may have changed since it was verified; what is read is what is checked)."""
        listed, digest, size = self.by_path[path], hashlib.sha256(), 0
        for piece in read_sealed(self.archive, listed["member"], self.key, path):
            digest.update(piece)
            size += len(piece)
            yield piece
        if digest.hexdigest() != listed["sha256"] or size != listed["size"]:
            raise blobs.BlobDamaged(f"{path} 的内容与清单记录的 SHA-256 或大小不符（归档在核验后被改动）")

    def json(self, path: str):
        return json.loads(b"".join(self.read(path)))

    def lines(self, path: str) -> Iterator:
        return json_lines(self.read(path))


def json_lines(chunks: Iterable[bytes]) -> Iterator:
    """The values of a JSON Lines stream, one per line, as its chunks arrive. The lines a chunk completes are parsed
    in one call as the items of one array (a pool of a million rows parses in a third of the time it takes line by
    line); a line holding anything but one value is refused, as it would be alone."""
    pending = b""
    for piece in chunks:
        pending += piece
        *whole, pending = pending.split(b"\n")
        yield from _parsed([line for line in whole if line.strip()])
    yield from _parsed([pending] if pending.strip() else [])


def _parsed(lines: list[bytes]) -> list:
    if not lines:
        return []
    values = json.loads(b"[" + b",".join(lines) + b"]")
    if len(values) != len(lines):
        raise ValueError("JSON Lines 中有一行不是恰好一个值")
    return values
