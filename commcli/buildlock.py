"""One build per workspace at a time: a lock file in ``.cache/`` holding the builder's pid.

Two builds of one week at once would mix their files (a manifest whose hashes do not match) and race on
the cache. The lock is an advisory ``flock`` where the system has one: the kernel releases it when the
holder dies, so a lock left by a killed build is simply taken over. Elsewhere a lock file created
exclusively, with the holder's pid; a lock whose process is gone is renamed away (only one taker wins).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import EXIT_CONTENT, CommcliError, InputError, Problem
from .i18n import _

LOCK = Path(".cache") / "build.lock"


def _busy(path: Path, pid: str) -> CommcliError:
    return CommcliError(Problem(
        _("Another commcli command is building or changing this workspace (process {pid}); nothing was changed.").format(pid=pid or "?"),
        file=path, hint=_("Wait until it has finished, then run the command again."), code="workspace.busy"),
        exit_code=EXIT_CONTENT)


def _pid_of(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()[:20]
    except OSError:
        return ""


@contextmanager
def workspace_lock(root: Path) -> Iterator[None]:
    """Hold the workspace's build lock for the duration of the block; refuse (exit 1) when it is held."""
    root = Path(root if isinstance(root, (str, os.PathLike)) else root.root)
    folder = root / LOCK.parent
    if folder.is_symlink():
        raise InputError(Problem(
            _("{path} is a symbolic link; commcli keeps its cache inside the workspace and does not follow it.").format(path=folder),
            file=folder, hint=_("Delete the link (the cache is rebuilt), then run the command again."), code="path.link"))
    folder.mkdir(parents=True, exist_ok=True)
    path = root / LOCK
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        fcntl = None
    if fcntl is None:  # pragma: no cover - Windows
        with _exclusive_file(path):
            yield
        return
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise _busy(path, _pid_of(path)) from None
        # The holder before us may have removed the file after we opened it: lock the file that is there.
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
        os.close(fd)


@contextmanager
def _exclusive_file(path: Path) -> Iterator[None]:  # pragma: no cover - systems without flock
    from .outputs import _pid_alive

    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            break
        except FileExistsError:
            pid = _pid_of(path)
            if pid.isdigit() and _pid_alive(int(pid)):
                raise _busy(path, pid) from None
            try:  # stale: rename it away; of two takers only one rename succeeds
                os.replace(path, path.with_name(f"{path.name}.stale.{os.getpid()}"))
                os.unlink(path.with_name(f"{path.name}.stale.{os.getpid()}"))
            except FileNotFoundError:
                pass
    else:
        raise _busy(path, _pid_of(path))
    try:
        os.write(fd, f"{os.getpid()}\n".encode())
        os.close(fd)
        yield
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass
