"""`commcli recordings kit|import|status`: human recordings for languages no voice speaks."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=_("Human voice for H'Mông, Thái, Khơ Mú: recording kits, voice bank, import, review, status."),
                      no_args_is_help=True, rich_markup_mode=None)

    @sub.command("kit", help=_("Write a recording kit (printable script, clip list, instructions) for one language; "
                               "with --bank, the voice-bank phrases still missing."))
    def kit(
        bulletin: Optional[Path] = typer.Argument(None, metavar=_("BULLETIN"),
                                                  help=_("The week's bulletin file (not needed with --bank).")),
        lang: str = typer.Option(..., "--lang", "-l", help=_("Language to record, e.g. hmn, blt-Tavt, kjg.")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar=_("FOLDER"),
                                              help=_("Folder for the kit (default: out/recording-kits/<week>-<lang>).")),
        only_missing: bool = typer.Option(False, "--only-missing", help=_("Only clips with no recording or a stale one.")),
        force: bool = typer.Option(False, "--force", help=_("Replace the folder if it already exists.")),
        bank: bool = typer.Option(False, "--bank", help=_("Kit for the voice bank: every template segment, number word, "
                                                          "village and value still missing, recorded once for many weeks.")),
    ) -> None:
        from ..cli import echo, state
        from ..errors import InputError, Problem
        from ..workspace import open_workspace, require_valid

        if bank:
            from ..voice.bankkit import build_bank_kit

            ws = open_workspace(state.workspace)
            require_valid(ws)
            output = output or ws.out_dir / "recording-kits" / f"bank-{lang}"
            lines = build_bank_kit(ws, lang, output, force=force, only_missing=True)
            if not state.quiet:
                echo(_("Voice-bank kit for {lang}: {count} phrase(s) in {folder}").format(
                    lang=lang, count=len(lines), folder=output))
                echo(_("Print script.pdf for the reader; put the recorded files into that folder, then run: "
                       "commcli recordings import {folder}").format(folder=output))
            return
        if bulletin is None:
            raise InputError(Problem(_("Name the week's bulletin file, or add --bank for a voice-bank kit."),
                                     code="usage.bulletin", hint=_("Example: commcli recordings kit bulletins/2026-W48.yaml --lang hmn")))
        from ..voice.clips import load_bulletin_programmes
        from ..voice.kit import build_kit

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

        from ..errors import Problems
        from ..voice.bank import load_bank
        from ..voice.coverage import coverage

        every = workspace_clips(ws, None if bulletin is None else [bulletin])
        if lang is not None:
            every = [c for c in every if langs.matches(c.language, lang)]
        found = coverage(ws, every)
        if found:
            echo()
            echo(_("How the clips are voiced:"))
        for tag, cov in found.items():
            echo("  " + _("{lang}: {bank} from the voice bank, {recording} whole recording(s), {tts} by a synthetic "
                          "voice, {none} not voiced").format(lang=tag, **cov.counts))
            bank_entries = load_bank(ws, tag, Problems())
            if bank_entries:
                by = {k: sum(1 for e in bank_entries.values() if e.status == k) for k in ("draft", "reviewed", "approved")}
                echo("    " + _("voice bank: {count} phrase(s), {draft} draft, {reviewed} reviewed, {approved} approved").format(
                    count=len(bank_entries), **by))
            if cov.phrases or cov.whole:
                echo("    " + _("to voice the rest, record {phrases} phrase(s) and {whole} whole item(s):").format(
                    phrases=len(cov.phrases), whole=len(cov.whole)))
                if cov.phrases:
                    echo("      " + _("phrases: {ids}").format(ids=", ".join(cov.phrases)))
                if cov.whole:
                    echo("      " + _("whole items: {ids}").format(ids=", ".join(cov.whole)))

    @sub.command("review", help=_("Mark voice-bank phrases as checked by a native speaker (draft → reviewed or approved)."))
    def review(
        ids: Optional[list[str]] = typer.Argument(None, metavar="[ID]...",
                                                  help=_("Phrase ids, e.g. n.5 t.hop-ban.1 (default: every draft phrase).")),
        lang: str = typer.Option(..., "--lang", "-l", help=_("Language of the bank, e.g. hmn, blt-Latn.")),
        by: str = typer.Option(..., "--by", help=_("Name of the native speaker who listened to the phrases.")),
        approve: bool = typer.Option(False, "--approve", help=_("Mark them approved instead of reviewed.")),
    ) -> None:
        from ..cli import echo, state
        from ..voice.bank import review_bank
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        changed = review_bank(ws, lang, reviewer=by, status="approved" if approve else "reviewed", phrase_ids=ids or None)
        for tag, done in changed.items():
            if not state.quiet:
                echo(_("{lang}: {count} phrase(s) marked {status} by {name}").format(
                    lang=tag, count=len(done), status=_("approved") if approve else _("reviewed"), name=by))
        if not changed:
            echo(_("No draft phrase to mark."))

    app.add_typer(sub, name="recordings", help=_("Human voice for H'Mông, Thái, Khơ Mú: recording kits, voice bank, import, review, status."))
