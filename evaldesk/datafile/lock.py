"""One writer per data file: a lock file beside it says who is writing (user, computer, since when, process).

The window holds the lock while a file is open; a command holds it while it writes. A second window is told who
holds it and may open the file read-only; a command that would write is refused. A lock left by a program that
crashed is recovered: on the same computer its process no longer runs. A lock from another computer (a file on a
shared folder) is never taken over silently — the filler is told whose it is.

The lock file is created with O_EXCL, so two programs starting at the same moment cannot both get it; the same
format is used by the window and by the command, so each sees the other's. It is named after the file itself (its
real path, through any symbolic link). The data file itself is locked too, by the operating system (FileHold):
a hard link from another folder, which has another name, is the same file and meets that lock; and as the system
drops it when its process ends, a lock file on this computer whose writer no longer holds the file is known stale
even when its process number now belongs to another program (Windows reuses them quickly).
"""

from __future__ import annotations

import datetime as _dt
import errno
import getpass
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from evaldesk.datafile.file_errors import os_reason, place
from evaldesk.quoting import quote
from evaldesk.datafile.errors import CannotWrite, StoreError


@dataclass(frozen=True)
class Holder:
    """Who holds a data file's lock, as its lock file says."""

    user: str
    host: str
    since: str
    pid: int
    program: str = "evaldesk"

    def describe(self) -> str:
        since = self.since.replace("T", " ")[:16] or "不明时间"
        return f"{quote(self.user, 20) or '未知用户'}（计算机 {quote(self.host, 30) or '不明'}，自 {since} 起，{self.program}）"


class FileLocked(CannotWrite):
    """Someone else writes this data file; ``holder`` says who."""

    def __init__(self, path: Path, holder: Holder):
        self.holder = holder
        super().__init__(f"数据文件“{place(path)}”正由 {holder.describe()} 编辑，为免互相覆盖，现在不能修改。"
                         "请等对方关闭后再试，或以只读方式查看。"
                         f"如果确定对方已不在编辑（例如那台计算机死机、断电后留下了锁），可以强制解除：窗口中选“强制解除锁定”，"
                         f"命令加 --break-lock，或删除锁文件“{place(lock_path(path))}”。")


def computer_name() -> str:
    """This computer's name, as socket.gethostname() gives it (on Linux that call reads uname's node name, so
    uname is asked directly: importing socket costs the window's start about 2 ms)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


_HELD: set[Path] = set()
"""Lock files this process holds (two windows of one process on one file must not both write)."""


def lock_path(data_file: Path) -> Path:
    """The lock file beside the data file itself (a symbolic link's target, not the link)."""
    real = Path(os.path.realpath(data_file))
    return real.with_name(f".~{real.name}.lock")


# A byte in SQLite's lock-byte page (at 1 GiB; it never holds data, and SQLite's own locks use its first 512 bytes):
# locking it on Windows, where a lock bars others from reading the bytes it covers, leaves every page readable.
_HOLD_BYTE = 0x40000000 + 0x300


class FileHold:
    """An operating-system lock on the data file itself, held while its writer lives (flock on POSIX, a byte lock on
    Windows) and dropped by the system when that process ends, however it ends."""

    def __init__(self):
        self.fd: int | None = None

    def take(self, data_file: Path) -> bool | None:
        """True: taken; False: another writer holds this very file (by whatever name); None: not to be had here
        (no such file yet, or a file system without locks) — the lock file alone then decides."""
        try:
            fd = os.open(data_file, os.O_RDONLY)
        except OSError:
            return None
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(fd, _HOLD_BYTE, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            os.close(fd)
            held = isinstance(err, BlockingIOError) or err.errno in (errno.EACCES, errno.EAGAIN, errno.EDEADLK)
            return False if held else None
        self.fd = fd
        return True

    def drop(self) -> None:
        """Let go. Called after the store's own connection is closed: on POSIX closing any descriptor of a file
        drops the process's fcntl locks on it, SQLite's included."""
        if self.fd is None:
            return
        try:
            if sys.platform == "win32":
                import msvcrt

                os.lseek(self.fd, _HOLD_BYTE, os.SEEK_SET)
                msvcrt.locking(self.fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            os.close(self.fd)
            self.fd = None


BREAK_WARNING = ("强制解除前请务必确认对方确实已不在编辑这个数据文件（例如请对方关闭 evaldesk，或确认那台计算机已关机）。"
                 "如果对方仍在编辑，两边的修改会互相覆盖，造成数据丢失。")


def break_lock(data_file: Path) -> Holder | None:
    """Remove the lock on ``data_file`` whoever holds it (the filler confirmed, after BREAK_WARNING, that its holder
    no longer writes); returns the holder it named. StoreError if the lock file cannot be removed."""
    holder = read_holder(data_file)
    try:
        lock_path(data_file).unlink()
    except FileNotFoundError:
        pass
    except OSError as err:
        raise StoreError(f"无法删除锁文件“{place(lock_path(data_file))}”：{os_reason(err)}。") from None
    return holder


def _me(program: str) -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to refuse the lock
        user = ""
    return Holder(user, computer_name(), _dt.datetime.now().isoformat(timespec="seconds"), os.getpid(), program)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer. (On Windows os.kill(pid, 0) would end it: ask the kernel.)"""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_holder(data_file: Path) -> Holder | None:
    """Who holds the lock on ``data_file`` now, or None (no lock, or a stale one from a process that ended)."""
    try:
        raw = lock_path(data_file).read_text(encoding="utf-8")
        data = json.loads(raw)
        holder = Holder(str(data["user"]), str(data["host"]), str(data["since"]), int(data["pid"]),
                        str(data.get("program", "evaldesk")))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        # Half-written by a program that died while writing it (the lock is written in one small write, so a
        # live writer's is whole): stale.
        return None
    if holder.host == computer_name() and (not _alive(holder.pid) or _before_boot(holder.since)):
        return None  # its process ended (a crash, a power cut); after a restart its number may be another's
    return holder


def _before_boot(since: str) -> bool:
    """Whether a lock taken at ``since`` predates this computer's last start (so no process of then still runs)."""
    booted = _boot_time()
    try:
        taken = _dt.datetime.fromisoformat(since)
    except ValueError:
        return True
    return booted is not None and taken < booted


def _boot_time() -> _dt.datetime | None:
    import time

    try:
        if sys.platform == "win32":
            import ctypes

            uptime = ctypes.windll.kernel32.GetTickCount64() / 1000
            return _dt.datetime.fromtimestamp(time.time() - uptime)
        with open("/proc/stat", encoding="ascii") as stat:
            for line in stat:
                if line.startswith("btime "):
                    return _dt.datetime.fromtimestamp(int(line.split()[1]))
    except (OSError, ValueError, AttributeError):
        pass
    return None


class DataFileLock:
    """The lock on one data file, held by this process until :meth:`release`."""

    def __init__(self, data_file: Path, program: str = "evaldesk 窗口"):
        self.data_file = Path(data_file)
        self.path = lock_path(self.data_file)
        self.program = program
        self.held = False
        self.hold = FileHold()

    def acquire(self) -> None:
        """Take the lock, or raise FileLocked (someone else holds it) / StoreError (the folder is not writable)."""
        hold = self.hold.take(self.data_file)
        if hold is False:  # the same file, opened for writing by another program, perhaps by another name
            raise FileLocked(self.data_file, read_holder(self.data_file) or Holder(
                "", computer_name(), "", 0, "另一个 evaldesk 窗口或命令，可能经由另一个路径或链接打开了同一个文件"))
        try:
            self._create(holding_the_file=hold is True)
        except BaseException:
            self.hold.drop()
            raise

    def _create(self, *, holding_the_file: bool) -> None:
        for _attempt in range(3):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.data_file)
                if holder is not None and holding_the_file and holder.host == computer_name() \
                        and holder.pid != os.getpid():
                    holder = None  # a writer on this computer holds the file itself: we do, so that one is gone
                ours = holder is not None and holder.pid == os.getpid() and holder.host == computer_name()
                if holder is not None and (not ours or self._key() in _HELD):
                    raise FileLocked(self.data_file, holder) from None
                self._remove()  # stale: left by a process that ended (or by this one, released without removing)
                continue
            except OSError as err:
                # A read-only folder or a full disk: the file can still be read (the window offers read-only).
                raise CannotWrite(f"无法在“{place(self.path.parent)}”中建立锁文件：{os_reason(err)}。"
                                  "可以只读方式查看。") from None
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    handle.write(json.dumps(_me(self.program).__dict__, ensure_ascii=False))
            except OSError as err:  # a full disk: the file exists but its content could not be written
                self._remove()
                raise CannotWrite(f"无法在“{place(self.path.parent)}”中建立锁文件：{os_reason(err)}。"
                                  "可以只读方式查看。") from None
            self.held = True
            _HELD.add(self._key())
            return
        raise StoreError(f"无法锁定数据文件“{place(self.data_file)}”：锁文件反复出现又消失。请稍后再试。")

    def _key(self) -> Path:
        return self.path.resolve()

    def _remove(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as err:
            raise StoreError(f"无法清除旧的锁文件“{place(self.path)}”：{os_reason(err)}。") from None

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        _HELD.discard(self._key())
        holder = read_holder(self.data_file)
        if holder is not None and holder.pid == os.getpid():  # never remove a lock that is not ours
            try:
                self.path.unlink()
            except OSError:
                pass
        self.hold.drop()

    def __enter__(self):
        self.acquire()
        return self

    def __exit__(self, *_exc):
        self.release()
