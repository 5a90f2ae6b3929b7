"""Where commcli may write: never on the officer's inputs, and in a folder only what commcli made itself.

Every command that writes calls one of these before writing anything:

- ``check_output_file(ws, path, suffixes=(".pdf",))`` for one file (``-o FILE``);
- ``output_folder(ws, path, kind="…")`` (a context manager) for a folder of outputs (``-o DIR``, ``--split DIR``):
  it yields a staging folder to fill; on success the staging folder replaces ``path`` whole, with a marker
  file (``.commcli-made.json``) listing exactly the files commcli made. An existing ``path`` is replaced only
  when it is empty or when everything in it is listed in its marker (so nothing of the officer's is ever
  deleted); ``check_output_folder`` runs the same checks without writing (call it before long work).

Inputs are ``commune.yaml``, ``glossary/``, ``templates/``, ``bulletins/``, ``data/``, ``recordings/`` (and
``.git/``), plus any file the command reads (``extra_inputs``, e.g. the ``--data`` file). Paths are resolved
(symlinks included) before comparing. Outputs that commcli places by itself (``out/…``) must stay inside the
workspace: a symbolic link that leads elsewhere is refused.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError, Problem
from .i18n import _

INPUTS = ("commune.yaml", "glossary", "templates", "bulletins", "data", "recordings", ".git")
MARKER = ".commcli-made.json"
# Earlier bulletin builds carry no marker; their manifest lists what they made.
LEGACY_MANIFEST = "manifest.json"
_STALE = re.compile(r"^\.(?P<name>.+)\.(?P<what>building|old)\.(?P<pid>\d+)(?:\..*)?$")


def _root_of(ws) -> Path | None:
    if ws is None:
        return None
    return Path(ws if isinstance(ws, (str, os.PathLike)) else ws.root).resolve()


def _resolve(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser())).resolve()


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _refuse(message: str, path: Path, hint: str, code: str, option: str | None) -> InputError:
    return InputError(Problem(message, field=option, found=str(path), hint=hint, code=f"usage.{code}"))


def protected_paths(ws, extra_inputs: Iterable[Path] = ()) -> list[Path]:
    """The resolved paths commcli must never write on or into."""
    root = _root_of(ws)
    found = [root / name for name in INPUTS] if root else []
    found += [Path(p) for p in extra_inputs if p is not None]
    return [_resolve(p) for p in found]


def _check_not_input(ws, target: Path, shown: Path, option: str | None, extra_inputs: Iterable[Path],
                     *, folder: bool) -> None:
    root = _root_of(ws)
    for protected in protected_paths(ws, extra_inputs):
        if _within(target, protected) or (folder and _within(protected, target)):
            raise _refuse(
                _("Refused to write to {path}: it is (or holds) your own file {input}, which commcli only reads.").format(
                    path=shown, input=protected if root is None or not _within(protected, root) else protected.relative_to(root)),
                shown, _("Write outputs into out/ or another folder of your own, outside the input folders."),
                "output-on-input", option)
    if folder and root is not None and _within(root, target):
        raise _refuse(
            _("Refused to write to {path}: it is the workspace folder or a folder above it.").format(path=shown),
            shown, _("Give a new or empty folder, for example out/forms/."), "output-on-input", option)


def _check_inside(ws, target: Path, shown: Path, option: str | None) -> None:
    root = _root_of(ws)
    if root is not None and not _within(target, root):
        raise _refuse(
            _("Refused to write to {path}: it leads outside the workspace (through a symbolic link).").format(path=shown),
            shown, _("Remove the link, or choose the output folder with -o."), "output-outside", option)


def check_inside(ws, path: Path, *, option: str | None = None) -> Path:
    """Refuse a path commcli chose inside the workspace that a symbolic link leads elsewhere."""
    _check_inside(ws, _resolve(path), Path(path), option)
    return Path(path)


def check_output_file(ws, path: Path, *, suffixes: Iterable[str] = (), option: str | None = "-o",
                      extra_inputs: Iterable[Path] = (), chosen: bool = True) -> Path:
    """Refuse an output file that is (or is inside) an input, a folder, or an existing file of another kind.

    ``chosen`` says the user named the path; a path commcli chose itself must stay inside the workspace.
    Returns the path to write (as given: it is replaced atomically, a link at that name included).
    """
    path = Path(path)
    target = _resolve(path)
    _check_not_input(ws, target, path, option, extra_inputs, folder=False)
    if not chosen:
        _check_inside(ws, target, path, option)
    if os.path.lexists(path):
        if path.is_dir():
            raise _refuse(_("Refused to write to {path}: it is a folder.").format(path=path), path,
                          _("Give a file name, e.g. {example}.").format(example=path / f"output{next(iter(suffixes), '')}"),
                          "output-is-folder", option)
        suffixes = tuple(s.lower() for s in suffixes)
        if not path.is_file() or (suffixes and path.suffix.lower() not in suffixes):
            raise _refuse(
                _("Refused to replace {path}: it is not a {kinds} file that commcli would write.").format(
                    path=path, kinds="/".join(s.lstrip(".").upper() for s in suffixes) or "?"),
                path, _("Choose another file name, or move that file away first."), "output-other-kind", option)
    return path


def made_files(folder: Path) -> set[str] | None:
    """The files commcli lists as made in ``folder`` (relative, '/'-separated), or None without a listing."""
    marker = folder / MARKER
    try:
        if marker.is_file() and not marker.is_symlink():
            data = json.loads(marker.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("made_by") == "commcli" and isinstance(data.get("files"), list):
                return {str(f) for f in data["files"] if isinstance(f, str)} | {MARKER}
        legacy = folder / LEGACY_MANIFEST
        if legacy.is_file() and not legacy.is_symlink():
            data = json.loads(legacy.read_text(encoding="utf-8"))
            outputs = data.get("outputs") if isinstance(data, dict) else None
            if isinstance(outputs, list) and all(isinstance(o, dict) and isinstance(o.get("path"), str) for o in outputs):
                return {o["path"] for o in outputs} | {LEGACY_MANIFEST}
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return None


def _entries(folder: Path) -> Iterator[tuple[str, bool]]:
    """(relative path, is a real folder) for everything under ``folder``, links not followed."""
    for dirpath, dirnames, filenames in os.walk(folder):
        rel = Path(dirpath).relative_to(folder)
        for name in dirnames:
            full = Path(dirpath) / name
            yield (rel / name).as_posix(), not full.is_symlink()
        for name in filenames:
            yield (rel / name).as_posix(), False


def foreign_files(folder: Path) -> list[str] | None:
    """What ``folder`` holds that commcli did not list as made; None when it has no listing at all."""
    made = made_files(folder)
    if made is None:
        return None
    parents = {p.as_posix() for f in made for p in Path(f).parents if p.as_posix() != "."}
    return sorted(rel for rel, is_dir in _entries(folder) if rel not in made and not (is_dir and rel in parents))


def check_output_folder(ws, path: Path, *, option: str | None = "-o", extra_inputs: Iterable[Path] = (),
                        chosen: bool = True) -> Path:
    """Refuse an output folder that is or holds an input, or that holds files commcli did not make."""
    path = Path(path)
    target = _resolve(path)
    _check_not_input(ws, target, path, option, extra_inputs, folder=True)
    if not chosen:
        _check_inside(ws, target, path, option)
    recover_stale(path)
    if not os.path.lexists(path):
        return path
    if path.is_symlink() or not path.is_dir():
        raise _refuse(_("Refused to write to {path}: it is not a folder.").format(path=path), path,
                      _("Choose another folder, or move that file away first."), "output-not-folder", option)
    if not any(path.iterdir()):
        return path
    foreign = foreign_files(path)
    if foreign is None:
        raise _refuse(
            _("The folder {path} already holds files that commcli did not make; it is left untouched.").format(path=path),
            path, _("Choose a new or empty folder, or move those files away first."), "output-not-ours", option)
    if foreign:
        raise _refuse(
            _("The folder {path} was made by commcli but now also holds other files ({files}); it is left untouched.").format(
                path=path, files=", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")),
            path, _("Move those files elsewhere (or choose another folder), then run the command again."),
            "output-not-ours", option)
    return path


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def left_by_dead_process(folder: Path, prefix: str, suffix: str = "") -> list[Path]:
    """Entries of ``folder`` named ``<prefix><pid>.…<suffix>`` whose process no longer runs: what a killed run left."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return []
    found = []
    for entry in entries:
        if entry.startswith(prefix) and entry.endswith(suffix):
            pid = entry[len(prefix):].split(".", 1)[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                found.append(Path(folder) / entry)
    return found


def recover_stale(final: Path) -> None:
    """Clean what a killed build left beside ``final``: its staging folder, or the previous build set aside.

    A previous build set aside (``.NAME.old.PID``) while ``final`` is missing is put back; otherwise removed.
    Only entries of processes that no longer run are touched.
    """
    final = Path(final)
    parent = final.parent
    if not parent.is_dir():
        return
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in sorted(names):
        match = _STALE.match(name)
        if not match or match["name"] != final.name or _pid_alive(int(match["pid"])):
            continue
        stale = parent / name
        if stale.is_symlink() or not stale.is_dir():
            continue
        if match["what"] == "old" and not os.path.lexists(final):
            os.replace(stale, final)
        else:
            shutil.rmtree(stale, ignore_errors=True)


def write_marker(folder: Path, kind: str) -> None:
    """List every file under ``folder`` in its marker (sorted, no dates: the same build gives the same bytes)."""
    files = sorted(rel for rel, is_dir in _entries(folder) if not is_dir and rel != MARKER)
    data = {"made_by": "commcli", "kind": kind, "files": files}
    (folder / MARKER).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


@contextmanager
def output_folder(ws, path: Path, *, kind: str, option: str | None = "-o", extra_inputs: Iterable[Path] = (),
                  chosen: bool = True) -> Iterator[Path]:
    """Yield a staging folder beside ``path``; when the block succeeds it replaces ``path`` whole.

    Checks ``path`` first (see ``check_output_folder``); on any exception the staging folder is removed and
    ``path`` is left as it was.
    """
    from .publish import apply_umask, replace_folder

    final = check_output_folder(ws, path, option=option, extra_inputs=extra_inputs, chosen=chosen)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.building.{os.getpid()}.", dir=final.parent))
    try:
        yield staging
        write_marker(staging, kind)
        apply_umask(staging)
        # Checked again just before the swap: the officer may have put a file there meanwhile.
        check_output_folder(ws, final, option=option, extra_inputs=extra_inputs, chosen=chosen)
        replace_folder(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
