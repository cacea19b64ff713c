"""Files PanelDesk writes: private to the user, complete or absent, and a plain message when the disk is full.

Everything PanelDesk creates may name people, so files are 0600 and the folders it makes 0700 whatever the umask
(folders the user chose and that already exist are left as they are). A file is written under a temporary name
(``.~NAME.PID.part``) in its folder and renamed when complete; a ``.part`` whose writer no longer runs is a
leftover of a killed process and is removed the next time that folder is written to.
"""

from __future__ import annotations

import errno
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

from reports.errors import DiskFull
from reports.lifetime import running

TEMP_PREFIX = ".~"
TEMP_SUFFIX = ".part"
FILE_MODE = 0o600
FOLDER_MODE = 0o700
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def is_disk_full(error: BaseException) -> bool:
    """An OSError for a full disk or quota, or SQLite's "database or disk is full" (SQLITE_FULL, 13)."""
    if isinstance(error, OSError):
        return error.errno in _FULL
    error = getattr(error, "orig", None) or error  # SQLAlchemy's wrapper of the sqlite3 error
    return getattr(error, "sqlite_errorcode", None) == 13 or "database or disk is full" in str(error)


def disk_full(folder: Path) -> DiskFull:
    return DiskFull(f"磁盘空间不足，无法写入 {folder}：请腾出空间后重试（未写完的内容没有保留）")


def private_folder(path: Path) -> Path:
    """Make ``path`` and any missing parents, each new one 0700; an existing folder is left as it is."""
    path = Path(path)
    missing = []
    while not path.exists():
        missing.append(path)
        path = path.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue
        except OSError as error:
            raise disk_full(folder.parent) if is_disk_full(error) else error
        if os.name != "nt":
            os.chmod(folder, FOLDER_MODE)
    return Path(missing[0]) if missing else path


def make_private(path: Path) -> None:
    """Set an existing file PanelDesk made (a database, its journal) to 0600."""
    if os.name != "nt" and Path(path).exists():
        os.chmod(path, FILE_MODE)


def open_private(path: Path) -> BinaryIO:
    """``path`` opened for writing as a new 0600 file (truncated if it exists): a file PanelDesk writes is its
    user's alone from the moment it exists, whatever the umask. A symbolic link there is not followed (a link planted
    under a temporary name would have its target overwritten)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, FILE_MODE)
    if os.name != "nt":
        os.fchmod(fd, FILE_MODE)  # an existing file keeps its mode through O_CREAT
    return open(fd, "wb")


def temp_path(path: Path) -> Path:
    return path.with_name(f"{TEMP_PREFIX}{path.name}.{os.getpid()}{TEMP_SUFFIX}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` (0600) through a temporary sibling and a rename; no partial file survives a failure,
    and a full disk is a DiskFull."""
    replace(stage(path, data), path)


def stage(path: Path, data: bytes) -> Path:
    """Write ``data`` completely (0600, flushed to disk) to the temporary sibling of ``path`` and return it, to be
    put in place by ``replace`` once everything else of the change has succeeded."""
    path = Path(path)
    temp = temp_path(path)
    try:
        with open_private(temp) as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError) and is_disk_full(error):
            raise disk_full(path.parent) from error
        raise
    return temp


def replace(temp: Path, path: Path) -> None:
    """Put a staged file in place: one rename, so readers see the old file or the new one, never a mix."""
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def remove_stray_parts(folder: Path) -> list[Path]:
    """Remove the temporary files in ``folder`` left by writers that no longer run; return what was removed."""
    removed = []
    for temp in Path(folder).glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        pid = temp.name[:-len(TEMP_SUFFIX)].rpartition(".")[2]
        if not (pid.isdigit() and running(int(pid))):
            temp.unlink(missing_ok=True)
            removed.append(temp)
    return removed


def written_since(path: Path, since_ns: int) -> bool:
    """Whether ``path`` exists and was last written at or after ``since_ns`` (time.time_ns())."""
    try:
        return Path(path).stat().st_mtime_ns >= since_ns
    except OSError:
        return False


class FlushedBehind:
    """A large file's bytes sent to the disk while it is still written: every ``every`` bytes the writer reports,
    an fsync on a thread of its own (the writer goes on meanwhile), and when the block ends without an error, the
    file flushed and synced once more on the same descriptor, every earlier fsync's error raised: the file is on
    the disk whole before it may take its final name. The last fsync then waits for the last stretch alone, not for
    the gigabytes of a round's recordings."""

    def __init__(self, file: BinaryIO, every: int = 256 << 20):
        self.file, self.every, self.pending = file, every, 0
        self.thread = ThreadPoolExecutor(1, thread_name_prefix="flush-behind")
        self.running: Future | None = None

    def __enter__(self) -> FlushedBehind:
        return self

    def __exit__(self, error_type, _error, _traceback) -> None:
        self.thread.shutdown(wait=True)
        if error_type is None:
            if self.running is not None:
                self.running.result()  # a write-back error is reported once, to a descriptor open at the time
            self.file.flush()
            os.fsync(self.file.fileno())

    def wrote(self, size: int) -> None:
        self.pending += size
        if self.pending >= self.every and (self.running is None or self.running.done()):
            if self.running is not None:
                self.running.result()
            self.running, self.pending = self.thread.submit(os.fsync, self.file.fileno()), 0
