"""`commcli province build`: many communes' weeks built side by side, one summary of what failed and why."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=_("Many communes at once (a district or province office): build every workspace's week."),
                      no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(sub, name="province", help=_("Many communes at once (a district or province office): build every workspace's week."))

    @sub.command("build", help=_("Build the week of each commune workspace given, a few at a time, then list which "
                                 "communes failed and why (exit 1 if any did)."))
    def build(
        workspaces: List[Path] = typer.Argument(..., metavar=_("WORKSPACE…"), help=_("Commune workspace folders, e.g. xa/*/."),
                                                file_okay=False),
        week: Optional[str] = typer.Option(None, "--week", help=_("ISO week, e.g. 2026-W48 (default: each workspace's latest bulletin).")),
        release: bool = typer.Option(False, "--release", help=_("Release builds: refuse drafts and unapproved content.")),
        no_audio: bool = typer.Option(False, "--no-audio", help=_("Build scripts and running orders only, no sound.")),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help=_("Communes built at the same time (default: one per core).")),
    ) -> None:
        from ..cli import echo, state
        from ..errors import EXIT_CONTENT
        from ..province import build_communes

        def shown(path: Path) -> str:
            try:
                return str(path.relative_to(Path.cwd()))
            except ValueError:
                return str(path)

        def progress(run) -> None:
            if state.quiet:
                return
            if run.ok:
                echo(_("  ✓ {commune} ({seconds:.0f} s)").format(commune=shown(run.workspace), seconds=run.seconds), err=True)
            else:
                echo(_("  ✗ {commune}").format(commune=shown(run.workspace)), err=True)

        runs = build_communes(list(workspaces), week=week, release=release, audio=not no_audio, jobs=jobs,
                              on_done=progress)
        failed = [r for r in runs if not r.ok]
        echo(_("{built} of {total} commune(s) built.").format(built=len(runs) - len(failed), total=len(runs)))
        if failed:
            echo(_("Failed:"))
            for run in failed:
                echo(f"  {shown(run.workspace)} ({_('exit code')} {run.exit_code}):")
                for line in run.reason.splitlines() or [""]:
                    echo(f"      {line}")
            raise typer.Exit(EXIT_CONTENT)
