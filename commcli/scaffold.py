"""Create a new workspace from the sample that ships with commcli (`commcli init`)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .errors import InputError, Problem
from .i18n import _
from .workspace import MARKER

SAMPLE_PARTS = ("commune.yaml", "glossary", "templates", "bulletins", "data", "recordings", "schemas")
GITIGNORE = "out/\n.cache/\n"


def sample_source() -> Path:
    """Where the sample's files are: inside the installed package (a wheel), or the source checkout's root."""
    packaged = Path(__file__).resolve().parent / "_sample"
    if (packaged / MARKER).is_file():
        return packaged
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / MARKER).is_file():
        return checkout
    raise InputError(Problem(_("The sample workspace is missing from this installation of commcli."),
                             hint=_("Reinstall commcli."), code="usage.no-sample"))


def _git_checkout(source: Path) -> bool:
    return (source / ".git").exists() and shutil.which("git") is not None


def copy_pristine_sample(source: Path, staging: Path) -> None:
    """Copy the sample as shipped into ``staging``.

    A wheel ships the sample as package data: copied as it is. A source checkout (editable install, CI
    clone) is also the developers' demo workspace and may hold half-edited files: the sample is then
    taken from the last commit (``git archive HEAD``), never from the live files. Only a checkout
    without git (an unpacked source archive, pristine by construction) is copied from its files.
    """
    if source.name != "_sample" and _git_checkout(source) and _copy_from_git(source, staging):
        return
    for name in SAMPLE_PARTS:
        src = source / name
        if src.is_dir():
            shutil.copytree(src, staging / name, ignore=shutil.ignore_patterns("__pycache__", ".cache"))
        elif src.is_file():
            shutil.copy2(src, staging / name)


def _copy_from_git(checkout: Path, staging: Path) -> bool:
    """The sample's parts as committed at HEAD, extracted into ``staging``; False when git cannot say."""
    import io
    import subprocess
    import tarfile

    def git(*args: str) -> bytes | None:
        try:
            done = subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    listed = git("ls-tree", "--name-only", "HEAD")
    if listed is None:
        return False
    committed = set(listed.decode("utf-8", "replace").splitlines())
    parts = [name for name in SAMPLE_PARTS if name in committed]
    if MARKER not in parts:
        return False
    archive = git("archive", "--format=tar", "HEAD", "--", *parts)
    if archive is None:
        return False
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(staging, filter="data")
        else:  # pragma: no cover - Python without extraction filters; git's own archive is trusted
            tar.extractall(staging)
    return True


def create_workspace(target: Path) -> list[Path]:
    """Copy the sample into ``target`` (created if needed); refuses to overwrite anything.

    Everything is copied into a temporary folder beside ``target`` first, then moved in, so a failure
    leaves no half-made workspace.
    """
    target = Path(target).resolve()
    source = sample_source()
    if (target / MARKER).exists():
        raise InputError(Problem(
            _("{folder} is already a workspace (it has commune.yaml); nothing was changed.").format(folder=target),
            hint=_("Choose an empty or new folder."), code="usage.exists",
        ))
    clashes = [name for name in (*SAMPLE_PARTS, ".gitignore") if (target / name).exists()]
    if clashes:
        raise InputError(Problem(
            _("{folder} already contains {names}; nothing was changed.").format(folder=target, names=", ".join(clashes)),
            hint=_("Choose an empty or new folder."), code="usage.exists",
        ))
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        copy_pristine_sample(source, staging)
        (staging / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
        if not target.exists():
            os.replace(staging, target)
            staging = None
        else:
            for entry in sorted(staging.iterdir()):
                os.replace(entry, target / entry.name)
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return sorted(target.iterdir())
