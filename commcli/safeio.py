"""Reading the officer's input files within bounds: regular files only, never blocking, never too large.

A FIFO or a device given as a data file would hang or fill memory (``/dev/zero`` as CSV); a 10 MB line
would take gigabytes to parse. ``read_input`` refuses them with a message that names the file and the
limit. The limits are documented in the README ("Limits").
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError, Problem
from .i18n import _

MB = 1024 * 1024
# Documented defaults (README "Limits"): far above any real commune's files.
LIMITS = {
    "yaml": 5 * MB,  # commune.yaml, glossary, templates, bulletins
    "csv": 50 * MB,  # form data (about 250,000 rows)
    "tbx": 20 * MB,  # glossary exchange files
    "audio": 200 * MB,  # one recording (about 20 minutes of WAV)
    "json": 20 * MB,
}
MAX_LINE = 20_000  # characters on one line of a YAML file


def read_input(path: Path, kind: str) -> bytes:
    """The bytes of ``path``, which must be a regular file no larger than ``LIMITS[kind]``.

    Opened without blocking (a FIFO opens at once and is refused), checked on the open descriptor (no race
    with a swap), read with a cap (a file that grows while read is still refused). Raises InputError.
    """
    path = Path(path)
    refuse_link_out(path)
    limit = LIMITS[kind]
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(Problem(
                _("{path} is not a regular file (it is a device, a pipe or a socket); commcli reads only files.").format(path=path),
                file=path, hint=_("Give a file saved on the disk."), code="file.not-regular"))
        if info.st_size > limit:
            raise too_large(path, kind)
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise too_large(path, kind)
        return b"".join(chunks)
    finally:
        os.close(fd)


def refuse_link_out(path: Path) -> None:
    """Refuse a symbolic link that leads out of the folder it stands in (data/x.csv → /etc/passwd): a link put
    in the officer's folders must not make commcli read, and echo in its messages, a file from elsewhere."""
    if not os.path.islink(path):
        return
    target = Path(os.path.realpath(path))
    home = Path(os.path.realpath(path.parent))
    if target.parent != home and home not in target.parents:
        raise InputError(Problem(
            _("{path} is a symbolic link to a file outside its folder; commcli does not follow it.").format(path=path),
            file=path, hint=_("Copy the file itself into this folder (not a link), then run the command again."),
            code="path.link-out"))


def too_large(path: Path, kind: str) -> InputError:
    return InputError(Problem(
        _("{path} is larger than commcli accepts for this kind of file ({limit} MB).").format(
            path=path, limit=LIMITS[kind] // MB),
        file=path, hint=_("Split the file into smaller ones, or check that it is the right file."),
        code="file.too-large"))


def is_regular(path: Path) -> bool:
    """True for a regular file (after following links); False for folders, pipes, devices, missing files."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
