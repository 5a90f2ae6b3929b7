"""`commcli bulletin`: start a week, build its scripts, running orders and audio, list the weeks."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=_("Weekly radio bulletins: start a week, build scripts, running orders and audio."),
                      no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(sub, name="bulletin", help=_("Weekly radio bulletins: start a week, build scripts, running orders and audio."))

    @sub.command("new", help=_("Start bulletins/<week>.yaml from the latest earlier week (recurring items carried over)."))
    def new(week: str = typer.Option(..., "--week", help=_("ISO week, e.g. 2026-W49."))) -> None:
        from ..bulletins.new import new_week
        from ..cli import echo, state
        from ..workspace import open_workspace, require_valid

        ws = open_workspace(state.workspace)
        require_valid(ws)
        path, carried, dropped = new_week(ws, week)
        echo(_("Created {path}.").format(path=ws.relative(path)))
        if not state.quiet:
            echo(_("Carried over: {items}").format(items=", ".join(carried) or "-"))
            echo(_("Dropped (expired): {items}").format(items=", ".join(dropped) or "-"))

    @sub.command("build", help=_("Build a week's announcer scripts, running orders, manifest and audio (draft unless --release)."))
    def build(
        file: Path = typer.Argument(..., metavar=_("BULLETIN"), help=_("The bulletin file, e.g. bulletins/2026-W48.yaml.")),
        release: bool = typer.Option(False, "--release", help=_("Release build: refuses drafts and unapproved content.")),
        no_audio: bool = typer.Option(False, "--no-audio", help=_("Build scripts and running orders only, no sound.")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("Output folder (default: out/<week>/)."), file_okay=False),
    ) -> None:
        from ..bulletins.build import build_bulletin
        from ..bulletins.duration import mmss
        from ..cli import echo, state
        from ..report import format_problems
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        result = build_bulletin(ws, file, output, release=release, audio=not no_audio, quiet=state.quiet)
        if result.warnings:
            echo(format_problems(result.warnings, ws.root, max_warnings_per_kind=3), err=True)
        if not state.quiet:
            names = {v.id: v.name for v in ws.commune.villages}
            for est in result.estimates:
                mark = "  <-- " + _("overrun") if est["overrun"] else ""
                echo(f"  {names.get(est['village'], est['village'])} / {est['slot']}: "
                     f"{mmss(est['seconds'])} / {mmss(est['limit_seconds'])}{mark}")
        kind = _("release") if release else _("DRAFT")
        echo(_("Built week {week} ({kind}) in {path}").format(week=result.week, kind=kind, path=result.out_dir))

    @sub.command("list", help=_("List the bulletin weeks with their item counts."))
    def list_weeks() -> None:
        from ..bulletins.load import bulletin_files, load_bulletin
        from ..cli import echo, state
        from ..errors import Problems
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        files = bulletin_files(ws)
        if not files:
            echo(_("No bulletins yet; start one with 'commcli bulletin new --week 2026-W49'."))
            return
        for path in files:
            lb = load_bulletin(path, Problems())
            if lb is None:
                echo(_("{week}: cannot be read (run 'commcli check')").format(week=path.stem))
                continue
            items = lb.bulletin.items
            approved = sum(1 for i in items if i.status == "approved")
            echo(_("{week}: {n} items, {approved} approved").format(week=lb.bulletin.week, n=len(items), approved=approved))
