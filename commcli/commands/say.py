"""`commcli say`: print text as the voice will read it (or write it as an MP3) to hear it before air."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    @app.command("say", help=_("Print text as the voice will read it (numbers, dates, abbreviations in words); "
                               "-o writes it as an MP3 in the workspace's voice."))
    def say(
        text: Optional[str] = typer.Argument(None, metavar="[TEXT]", help=_("The text to read (in quotes).")),
        file: Optional[Path] = typer.Option(None, "--file", "-f", metavar="FILE",
                                            help=_("Read the text from a UTF-8 file, line by line ('-' for standard input).")),
        output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE.mp3",
                                              help=_("Also write the speech as an MP3 with the workspace's voice and loudness.")),
        lang: str = typer.Option("vi", "--lang", "-l", help=_("Language of the text and of the voice (default vi).")),
    ) -> None:
        import sys

        from .. import langs
        from ..cli import echo, state
        from ..errors import InputError, Problem
        from ..report import format_problems
        from ..say import abbreviations_of, read_text_file, require_text, speak_to_mp3, spoken_lines

        if (text is None) == (file is None):
            raise InputError(Problem(_("Give either TEXT or --file FILE."), code="say.usage",
                                     hint=_("Example: commcli say \"Họp lúc 14h30 ngày 5/12\"")))
        if langs.base_of(lang) not in {langs.base_of(t) for t in langs.LANGUAGES}:
            raise InputError(Problem(_("Unknown language '{lang}'.").format(lang=lang), found=lang,
                                     expected=", ".join(sorted(langs.LANGUAGES)), code="say.language"))
        problems = []
        source = None
        if file is not None:
            if str(file) == "-":
                lines = sys.stdin.read().replace("\r\n", "\n").split("\n")
            else:
                source = file
                lines, problems = read_text_file(file)
            if lines and lines[-1] == "":
                lines = lines[:-1]
        else:
            lines = text.replace("\r\n", "\n").split("\n")
        require_text(lines, source)
        if output is not None and source is not None and output.resolve() == source.resolve():
            raise InputError(Problem(_("The output {path} is the input file; choose another name.").format(path=output),
                                     file=output, code="say.output-is-input"))
        ws = _workspace_if_any()
        spoken = spoken_lines(lines, lang, abbreviations=abbreviations_of(ws), file=source)
        for line in spoken.lines:
            echo(line)
        problems += spoken.warnings
        if output is not None:
            seconds, audio_problems = speak_to_mp3(ws, " ".join(l for l in spoken.lines if l.strip()), lang, output)
            problems += audio_problems
            if not state.quiet:
                echo(_("Wrote {path} ({seconds:.1f} s).").format(path=output, seconds=seconds), err=True)
        if problems:
            echo(format_problems(problems, ws.root if ws else None, max_warnings_per_kind=5), err=True)


def _workspace_if_any():
    """The workspace when there is one (its glossary and voice); None when run outside any workspace."""
    from ..cli import state
    from ..errors import InputError
    from ..workspace import open_workspace

    try:
        return open_workspace(state.workspace)
    except InputError:
        if state.workspace is not None:
            raise
        return None
