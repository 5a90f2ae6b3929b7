"""`commcli recordings kit|import|status`: human recordings for languages no voice speaks."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=_("Human recordings for H'Mông, Thái, Khơ Mú: recording kits, import, status."),
                      no_args_is_help=True, rich_markup_mode=None)

    @sub.command("kit", help=_("Write a recording kit (printable script, clip list, instructions) for one language."))
    def kit(
        bulletin: Path = typer.Argument(..., metavar=_("BULLETIN"), help=_("The week's bulletin file.")),
        lang: str = typer.Option(..., "--lang", "-l", help=_("Language to record, e.g. hmn, blt-Tavt, kjg.")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar=_("FOLDER"),
                                              help=_("Folder for the kit (default: out/recording-kits/<week>-<lang>).")),
        only_missing: bool = typer.Option(False, "--only-missing", help=_("Only clips with no recording or a stale one.")),
        force: bool = typer.Option(False, "--force", help=_("Replace the folder if it already exists.")),
    ) -> None:
        from ..voice.clips import load_bulletin_programmes
        from ..voice.kit import build_kit
        from ..cli import echo, state
        from ..workspace import open_workspace, require_valid

        ws = open_workspace(state.workspace)
        require_valid(ws)
        programmes = load_bulletin_programmes(ws, bulletin)
        if output is None:
            week = programmes[0].week if programmes else bulletin.stem
            output = ws.out_dir / "recording-kits" / f"{week}-{lang}"
        result = build_kit(ws, programmes, lang, output, only_missing=only_missing, force=force)
        if not state.quiet:
            echo(_("Recording kit for {lang}: {count} clip(s) in {folder}").format(
                lang=lang, count=len(result.lines), folder=result.folder))
            echo(_("Print script.pdf for the announcer; put the recorded files into that folder, then run: "
                   "commcli recordings import {folder}").format(folder=result.folder))

    @sub.command("import", help=_("Check, trim, convert and store recordings named by clip id (WAV, MP3, M4A, OGG)."))
    def import_(
        folder: Path = typer.Argument(..., metavar=_("FOLDER"), help=_("Folder with the recorded files (usually the kit).")),
        lang: Optional[str] = typer.Option(None, "--lang", "-l", help=_("Import only recordings in this language.")),
        skip_invalid: bool = typer.Option(False, "--skip-invalid",
                                          help=_("Import the good files even if some are refused.")),
    ) -> None:
        from ..voice.importer import import_recordings
        from ..cli import echo, state
        from ..report import format_problems
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        result = import_recordings(ws, folder, lang=lang, skip_invalid=skip_invalid)
        notes = [*result.refused, *result.warnings]
        if notes:
            echo(format_problems(notes, ws.root), err=True)
        if not state.quiet:
            for recording in result.imported:
                echo(_("imported {clip} ({seconds:.1f} s) from {file}").format(
                    clip=recording.clip_id, seconds=recording.duration, file=recording.source.name))
            if result.other_language:
                echo(_("{count} file(s) in other languages left for later.").format(count=result.other_language))
        echo(_("{count} recording(s) imported, {refused} refused.").format(
            count=len(result.imported), refused=len(result.refused)))

    @sub.command("status", help=_("For each clip: ok, missing, or stale (its text changed since it was recorded)."))
    def status(
        bulletin: Optional[Path] = typer.Argument(None, metavar=_("BULLETIN"),
                                                  help=_("One bulletin (default: every bulletin).")),
        lang: Optional[str] = typer.Option(None, "--lang", "-l",
                                           help=_("One language (default: every language that uses recordings).")),
    ) -> None:
        from .. import langs
        from ..voice.clips import needs_recording, status_rows, workspace_clips
        from ..cli import echo, state
        from ..errors import InputError, Problem
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        if lang is not None and not langs.is_known(lang):
            raise InputError(Problem(langs.unknown_tag_message(lang), field="--lang", code="usage.language"))
        clips = workspace_clips(ws, None if bulletin is None else [bulletin])
        if lang is not None:
            clips = [c for c in clips if langs.matches(c.language, lang)]
        else:
            clips = [c for c in clips if needs_recording(ws, c.language)]
        rows = status_rows(ws, clips)
        words = {"ok": _("ok"), "missing": _("missing"), "stale": _("stale")}
        width = max((len(r.clip.clip_id) for r in rows), default=0)
        for row in rows:
            echo(f"{words[row.status]:<8} {row.clip.clip_id:<{width}}  {row.clip.title}")
        counts = {k: sum(1 for r in rows if r.status == k) for k in words}
        if rows and not state.quiet:
            echo()
        echo(_("{ok} ok, {missing} missing, {stale} stale").format(**counts))

    app.add_typer(sub, name="recordings", help=_("Human recordings for H'Mông, Thái, Khơ Mú: recording kits, import, status."))
