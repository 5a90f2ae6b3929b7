"""`commcli alert TEMPLATE --set key=value …`: an emergency programme for the affected villages, in seconds."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    @app.command("alert", help=_("Build an emergency alert now from a template: each affected village in each of its "
                                 "languages, repeated with an urgent chime, with playlists (the week's build is not touched)."))
    def alert(
        template: str = typer.Argument(..., metavar=_("TEMPLATE"),
                                       help=_("Template name in templates/bulletins/, e.g. sat-lo-lu-quet.")),
        settings: Optional[list[str]] = typer.Option(None, "--set", metavar=_("KEY=VALUE"),
                                                     help=_("A value the template needs; repeat for each field.")),
        villages: Optional[str] = typer.Option(None, "--villages", metavar=_("ID,ID"),
                                               help=_("Affected villages (default: every village).")),
        repeat: int = typer.Option(3, "--repeat", help=_("How many times the alert is read, each after the chime.")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar=_("FOLDER"),
                                              help=_("Folder for the alert (default: out/alerts/<date>-<time>-<template>).")),
        release: bool = typer.Option(False, "--release", help=_("Refuse texts and voice-bank phrases nobody has reviewed.")),
    ) -> None:
        from ..cli import echo, state
        from ..report import format_problems
        from ..voice.alert import build_alert, parse_settings
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        chosen = [v.strip() for v in villages.split(",") if v.strip()] if villages else None
        result = build_alert(ws, template, parse_settings(settings or []), villages=chosen, repeat=repeat,
                             out_dir=output, release=release)
        if result.problems:
            echo(format_problems(result.problems, ws.root), err=True)
        if not state.quiet:
            for lang, path in result.programmes.items():
                echo(f"  {lang}: {path} ({result.seconds[lang]:.0f} s)")
            if result.left_out:
                echo(_("Left out (no sound yet): {langs}").format(langs=", ".join(result.left_out)))
        echo(_("Alert built in {path}: {count} language(s), {playlists} village playlist(s).").format(
            path=result.out_dir, count=len(result.programmes), playlists=len(result.playlists)))
