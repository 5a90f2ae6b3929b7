"""Helpers of the fault suite: a tiny workspace that builds audio in a second, hashing, subprocess runs,
read-only folders and small file systems (when this machine lets us mount them)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

COMMUNE = """\
province: Điện Biên
commune: Xã Thử
officer: {name: Lò Thị Hương}
languages: [vi]
villages:
  - {id: ban-a, name: Bản A, languages: [vi], cluster: c1}
slots:
  - {id: sang, name: Buổi sáng, days: [mon], start: "06:00", minutes: 5}
audio:
  gap_seconds: 0.3
  voices:
    vi: {engine: espeak, voice: vi}
"""

ITEM = """\
  - id: {id}
    title: {title}
    category: thong-bao
    priority: thuong
    status: approved
    approved_by: Lò Văn Thành
    approved_on: 2026-11-22
    text:
      vi: {text}
"""


def bulletin(*texts: str) -> str:
    items = "".join(ITEM.format(id=f"tin-{i}", title=f"Tin {i}", text=t) for i, t in enumerate(texts, 1))
    return f"week: 2026-W48\ntitle: Bản tin thử\nitems:\n{items}"


BULLETIN = bulletin("Tối thứ Bảy họp bản.", "Sáng thứ Hai tiêm chủng ở trạm y tế.")
WEEK = "bulletins/2026-W48.yaml"
LEFTOVER_MARKS = (".building.", ".old.", ".tmp")


def tiny_files(**extra: str) -> dict[str, str]:
    return {"commune.yaml": COMMUNE, WEEK: BULLETIN, "data/README.md": "Dữ liệu của xã.\n", **extra}


def tree_hashes(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file under ``root`` (links by their target), to compare a folder before and after."""
    found = {}
    if not root.exists():
        return found
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if rel.startswith(skip):
                continue
            if path.is_symlink():
                found[rel] = "-> " + os.readlink(path)
            elif path.is_file():
                found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def inputs_of(root: Path) -> dict[str, str]:
    """The officer's own files: everything but what commcli makes (out/, .cache/)."""
    return tree_hashes(root, skip=("out", ".cache"))


def leftovers(root: Path) -> list[str]:
    """Temporary files or folders anywhere under ``root`` (a killed or failed build must leave none)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            if any(mark in name for mark in LEFTOVER_MARKS) or name == "build.lock":
                found.append(str((Path(dirpath) / name).relative_to(root)))
    return found


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "commcli", *map(str, args)]


def run(root: Path, *args: str, limit_file_size: int | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """commcli in a child process (for faults that would hurt the test process: limits, kills)."""

    def limits() -> None:
        if limit_file_size is not None:
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    return subprocess.run(command("-w", root, *args), capture_output=True, text=True, timeout=timeout,
                          preexec_fn=limits if limit_file_size is not None else None,
                          env={**os.environ, "COMMCLI_DEBUG": ""})


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen, timeout: float = 30) -> bool:
    """Poll ``condition`` while ``proc`` runs; True when it held before the process ended."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    return False


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` read-only even for root: a read-only bind mount, else the immutable attribute."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            yield "chmod"
        finally:
            os.chmod(folder, 0o755)
        return
    if _mount("--bind", str(folder), str(folder)):
        try:
            if _mount("-o", "remount,ro,bind", str(folder)):
                yield "mount"
                return
        finally:
            subprocess.run(["umount", str(folder)], capture_output=True)
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        try:
            yield "chattr"
        finally:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        return
    pytest.skip("cannot make a folder read-only for root here (no bind mount, no chattr)")


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of ``size_kb`` on ``folder`` (skips when mounting is not allowed); unmounted afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=755", "tmpfs", str(folder)):
        pytest.skip("cannot mount a small tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path, keep_free: int = 4096) -> Path:
    """Fill the file system holding ``folder`` until at most ``keep_free`` bytes are left."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    filler = folder / "filler.bin"
    with open(filler, "wb") as handle:
        try:
            handle.write(b"\0" * max(0, free - keep_free))
        except OSError:
            pass
    return filler
