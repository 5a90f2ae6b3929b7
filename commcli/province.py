"""Many communes at once: each workspace's week built in its own process, a bounded pool, one summary.

A district or province office keeps one workspace per commune. Each build runs as a separate
``commcli bulletin build`` process, so one commune's failure (bad content, a full disk, a crash) cannot
stop or corrupt another's, and each process's memory is returned when it ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .errors import InputError, Problem
from .i18n import _, current_language


@dataclass
class CommuneRun:
    """How one commune's build went."""

    workspace: Path
    ok: bool
    exit_code: int
    seconds: float = 0.0
    bulletin: Path | None = None
    reason: str = ""
    """Why it failed: the build's own error lines (file:line: message), or what was missing."""


def latest_bulletin(root: Path, week: str | None) -> Path | None:
    """``bulletins/<week>.yaml``, or the latest week's file when no week is given; None when there is none."""
    folder = root / "bulletins"
    if week:
        path = folder / f"{week}.yaml"
        return path if path.is_file() else None
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return files[-1] if files else None


def _error_lines(stderr: str, limit: int = 3) -> str:
    """The first error lines of a build's output (warnings and hints left out)."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    marks = (": " + _("error") + ":", ": error:", _("error") + ":", "error:")
    errors = [line for line in lines if any(m in line for m in marks)]
    return "\n".join((errors or lines)[:limit])


def run_commune(root: Path, bulletin: Path, *, release: bool, audio: bool) -> tuple[int, str]:
    """One commune's ``commcli bulletin build`` in its own process: (exit code, stderr)."""
    command = [sys.executable, "-m", "commcli", "--workspace", str(root), "--ui-lang", current_language(),
               "--quiet", "bulletin", "build", str(bulletin)]
    if release:
        command.append("--release")
    if not audio:
        command.append("--no-audio")
    done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    return done.returncode, done.stderr


def build_communes(workspaces: list[Path], *, week: str | None = None, release: bool = False, audio: bool = True,
                   jobs: int | None = None, on_done: Callable[[CommuneRun], None] | None = None,
                   runner: Callable[..., tuple[int, str]] = run_commune) -> list[CommuneRun]:
    """Build each workspace's week (``week`` or its latest), ``jobs`` at a time (default: one per core).

    Never raises for one commune's failure: every outcome is in the list, in the order given. InputError
    only for usage (no workspace, ``jobs`` below 1).
    """
    if not workspaces:
        raise InputError(Problem(_("Name at least one commune workspace folder."), code="usage.province-none"))
    if jobs is not None and jobs < 1:
        raise InputError(Problem(_("--jobs must be 1 or more (the number of worker processes); {value} was given.").format(
            value=jobs), field="--jobs", hint=_("Leave it out to use one worker per core."), code="usage.jobs"))
    roots = list(dict.fromkeys(Path(w).resolve() for w in workspaces))
    cores = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
    # A commune's build holds a programme's audio in memory: more than four at a time per core only thrashes.
    jobs = min(jobs or cores, 4 * cores)

    def one(root: Path) -> CommuneRun:
        if not (root / "commune.yaml").is_file():
            run = CommuneRun(root, False, 2, reason=_("not a commune workspace: there is no commune.yaml"))
        else:
            bulletin = latest_bulletin(root, week)
            if bulletin is None:
                reason = (_("there is no bulletins/{week}.yaml").format(week=week) if week
                          else _("there is no bulletin in bulletins/"))
                run = CommuneRun(root, False, 2, reason=reason)
            else:
                start = time.perf_counter()
                code, stderr = runner(root, bulletin, release=release, audio=audio)
                run = CommuneRun(root, code == 0, code, time.perf_counter() - start, bulletin,
                                 "" if code == 0 else _error_lines(stderr))
        if on_done is not None:
            on_done(run)
        return run

    with ThreadPoolExecutor(max_workers=min(jobs, len(roots))) as pool:
        return list(pool.map(one, roots))
