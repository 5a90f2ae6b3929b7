"""Writing outputs safely: atomic files, output folders built aside and renamed into place."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .faults import naming


def current_umask() -> int:
    """The process umask (read by setting it and putting it back: there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """Permissions a plain new file gets (0644 under the usual umask 022)."""
    return 0o666 & ~current_umask()


def folder_mode() -> int:
    return 0o777 & ~current_umask()


def apply_umask(tree: Path) -> None:
    """Give ``tree`` and everything in it the permissions the umask asks for.

    Temporary files and folders are created private (0600/0700); outputs must not stay so.
    """
    files, folders = file_mode(), folder_mode()
    os.chmod(tree, folders)
    for dirpath, dirnames, filenames in os.walk(tree):
        for name in dirnames:
            full = os.path.join(dirpath, name)
            if not os.path.islink(full):
                os.chmod(full, folders)
        for name in filenames:
            full = os.path.join(dirpath, name)
            if not os.path.islink(full):
                os.chmod(full, files)


def _clean_stale_temps(folder: Path, name: str) -> None:
    """Remove temporary files beside ``name`` left by killed processes (their pid is in the name)."""
    from .outputs import left_by_dead_process

    for path in left_by_dead_process(folder, f".{name}.", ".tmp"):
        try:
            os.unlink(path)
        except OSError:
            pass


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it: never half-written.

    The file gets the permissions the umask gives new files, as a plain write would.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale_temps(path.parent, path.name)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent)
    try:
        with naming(path), os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), file_mode())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return path


def fsync_replace(tmp: Path, path: Path) -> Path:
    """Flush a finished temporary file to disk, then rename it over ``path`` (same file system)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.chmod(tmp, file_mode())  # made private by mkstemp or a worker; outputs get what the umask says
    os.replace(tmp, path)
    return path


def write_text_atomic(path: Path, text: str, *, bom: bool = False, newline: str = "\n") -> Path:
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\n", newline)
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return write_bytes_atomic(path, data)


@contextmanager
def staged_folder(final: Path) -> Iterator[Path]:
    """Yield a temporary sibling of ``final`` to fill; on success it replaces ``final`` whole.

    Low level: it does not check what ``final`` holds. Commands use ``commcli.outputs.output_folder``,
    which refuses input folders and folders commcli did not make. On any exception the staging folder is removed and ``final`` is left as it was.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.building.{os.getpid()}.", dir=final.parent))
    try:
        yield staging
        apply_umask(staging)
        replace_folder(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def replace_folder(staging: Path, final: Path) -> None:
    """Rename the old folder away, the new one in, then delete the old: never a half-built ``final``."""
    old = None
    if final.exists():
        old = final.parent / f".{final.name}.old.{os.getpid()}"
        if old.exists():
            shutil.rmtree(old)
        os.replace(final, old)
    try:
        os.replace(staging, final)
    except BaseException:
        if old is not None:
            os.replace(old, final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def spreadsheet_csv(header, rows) -> bytes:
    """CSV as Excel and LibreOffice Calc open it without asking: UTF-8 with a BOM, CRLF, comma-separated."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
