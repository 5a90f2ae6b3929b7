"""Faults of the machine, not of the content (disk full, read-only folder, file-size limit…) as plain problems.

``problem_for(exc)`` turns an OSError (or ffmpeg's failure to write) into a Problem naming the path and
what to do; the CLI's single error place uses it, so such faults exit 2 with a message, never exit 3.
Writes are atomic (``commcli.publish``), so after any of these the previous outputs are untouched.
"""

from __future__ import annotations

import errno
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import EXIT_INPUT, Problem
from .i18n import _

EXIT_FAULT = EXIT_INPUT


def ignore_file_size_signal() -> None:
    """Without this, going over ``ulimit -f`` kills the process (SIGXFSZ); ignored, a write fails with EFBIG.

    The disposition is inherited by ffmpeg, which then reports the error instead of dying.
    """
    if hasattr(signal, "SIGXFSZ"):
        try:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        except (ValueError, OSError):  # not the main thread
            pass


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """Give an OSError raised without a file name (a write() on a full disk) the name of ``path``."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None and exc.errno is not None:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise


def _what(code: int | None) -> tuple[str, str]:
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (_("the disk is full"),
                _("Free some space (or choose an output folder on another disk), then run the command again."))
    if code == errno.EFBIG:
        return (_("the file is larger than this system allows (file-size limit)"),
                _("Raise the limit ('ulimit -f unlimited') or write to another disk, then run the command again."))
    if code == errno.EROFS:
        return (_("the folder is on a read-only disk"),
                _("Choose a folder you can write to (for example with -o), or make the disk writable."))
    if code in (errno.EACCES, errno.EPERM):
        return (_("permission denied"),
                _("Give your user the right to read and write there, or choose another folder."))
    if code == errno.ENOENT:
        return (_("it does not exist"), _("Check the path and run the command again."))
    if code == errno.EISDIR:
        return (_("it is a folder, not a file"), _("Give a file, not a folder."))
    if code == errno.ENOTDIR:
        return (_("a part of the path is not a folder"), _("Check the path and run the command again."))
    if code in (errno.EMFILE, errno.ENFILE, errno.ENOMEM):
        return (_("the system ran out of resources"), _("Close other programs and run the command again."))
    if code == errno.ELOOP:
        return (_("it goes through too many symbolic links"), _("Remove the links and run the command again."))
    return (_("the system refused the operation"), _("Check the path and the disk, then run the command again."))


def os_reason(exc: OSError) -> str:
    """What went wrong with a file, in the UI language (the system's own text is English)."""
    return _what(exc.errno)[0]


def problem_for(exc: BaseException) -> Problem:
    """A Problem for a file-system fault (OSError) or a failed ffmpeg write, in the UI language."""
    from .audio.ffmpeg import FfmpegError

    if isinstance(exc, FfmpegError):
        return Problem(
            _("ffmpeg could not write {path}: {reason}").format(path=exc.dest, reason=exc.reason or exc.returncode),
            file=exc.dest, hint=_("Nothing of the previous build was changed. Run the command again; if it fails "
                                  "again, check the disk and the ffmpeg installation."),
            code="file.ffmpeg")
    code = getattr(exc, "errno", None)
    path = getattr(exc, "filename", None)
    what, hint = _what(code)
    if path:
        message = _("Cannot use {path}: {what}.").format(path=path, what=what)
    else:
        message = _("A file could not be read or written: {what}.").format(what=what)
    return Problem(message, hint=hint + " " + _("Nothing half-written was left; earlier outputs are unchanged."),
                   code="file.system")
