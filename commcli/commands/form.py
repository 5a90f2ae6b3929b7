"""`commcli form list|render`: bilingual forms, blank for handwriting or filled from a data file."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..i18n import _


def coverage_line(coverage: dict) -> str:
    """"Labels translated: hmn 16/39 *" and, when some are missing, what that means on the page."""
    line = _("Labels translated: {lang} {translated}/{total}").format(**coverage)
    if coverage["translated"] < coverage["total"]:
        line += " * — " + _("the others print once, in Vietnamese, marked * (not a finished bilingual form)")
    return line


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=_("Bilingual printable forms: list them, print them blank or filled from a spreadsheet."),
                      no_args_is_help=True, rich_markup_mode=None)

    @sub.command("list", help=_("List the forms of the workspace with their field ids (the column names of a data file)."))
    def list_command() -> None:
        from ..cli import echo, state
        from ..errors import InputError
        from ..forms import load_forms
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        forms, problems = load_forms(ws)
        errors = [p for p in problems if p.is_error]
        for loaded in forms:
            if loaded.form is None:
                continue
            form = loaded.form
            echo(f"{form.id}  —  {form.title_vi or form.title}  ({ws.relative(loaded.path)})")
            if not state.quiet:
                fields = ", ".join(f.id + ("*" if f.required else "") for f in form.all_fields())
                echo("    " + _("fields (* required): {fields}").format(fields=fields))
        if errors:
            raise InputError(errors)

    @sub.command("sheet", help=_("Write an Excel workbook to collect a form's data: its columns, typed so the "
                                 "spreadsheet keeps leading zeros and dates, with drop-down lists for choices."))
    def sheet_command(
        form: str = typer.Argument(..., metavar=_("FORM"), help=_("The form's id (see 'commcli form list').")),
        output: Path = typer.Option(..., "--output", "-o", help=_("The workbook to write (.xlsx)."), dir_okay=False),
    ) -> None:
        from ..cli import echo, state
        from ..forms.sheet import write_data_workbook
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        path = write_data_workbook(ws, form, output)
        echo(_("Wrote {path}: fill one row per person, then: commcli form render {form} --data {path} "
               "--lang LANG -o FILE.pdf").format(path=path, form=form))

    @sub.command("render", help=_("Print a form in Vietnamese and another language: blank (--blank) or filled "
                                  "from a YAML or CSV file (--data), one copy per row."))
    def render_command(
        form: str = typer.Argument(..., metavar=_("FORM"), help=_("The form's id (see 'commcli form list').")),
        lang: str = typer.Option(..., "--lang", "-l", help=_("Language printed under the Vietnamese: hmn, blt-Latn, blt-Tavt, kjg… (vi: Vietnamese only).")),
        blank: bool = typer.Option(False, "--blank", help=_("A blank form to fill in by hand (dotted lines, boxes for the ID number).")),
        data: Optional[Path] = typer.Option(None, "--data", "-d", help=_("The answers: an Excel workbook (.xlsx) or CSV, one person per row, or YAML (one person or a list)."), dir_okay=False),
        output: Optional[Path] = typer.Option(None, "--output", "-o", help=_("The PDF to write (all copies in one file)."), dir_okay=False),
        split: Optional[Path] = typer.Option(None, "--split", help=_("Also write one PDF per person into this folder."), file_okay=False),
        name: Optional[str] = typer.Option(None, "--name", help=_("File names for --split from field ids, e.g. \"{so_thu_tu}-{ho_ten}\".")),
        skip_invalid: bool = typer.Option(False, "--skip-invalid", help=_("Print the valid rows and list the rejected ones in a CSV, instead of refusing the batch.")),
        jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help=_("Worker processes typesetting a large batch (default: one per core).")),
        volume_size: Optional[int] = typer.Option(None, "--volume-size", help=_("Write -o as numbered files of at most this many forms each (FILE-001.pdf, FILE-002.pdf…), e.g. for a print shop.")),
    ) -> None:
        from ..cli import echo, state
        from ..forms import render_forms
        from ..report import format_problems
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        with _progress_bar(not state.quiet) as progress:
            result = render_forms(ws, form, lang, output=output, blank=blank, data=data, split=split, name=name,
                                  skip_invalid=skip_invalid, jobs=jobs, volume_size=volume_size, progress=progress)
        if result.warnings and not state.quiet:
            echo(format_problems(result.warnings, ws.root, max_warnings_per_kind=3), err=True)
        if result.coverage and result.coverage["lang"] != "vi":
            echo(coverage_line(result.coverage))
        if result.pdf is not None:
            echo(_("Wrote {path}: {copies} form(s), {pages} page(s).").format(
                path=result.pdf, copies=result.copies, pages=result.pages))
        if result.volumes:
            echo(_("Wrote {count} volume(s), {first} … {last}: {copies} form(s), {pages} page(s).").format(
                count=len(result.volumes), first=result.volumes[0], last=result.volumes[-1].name,
                copies=result.copies, pages=result.pages))
        if result.split_dir is not None:
            echo(_("Wrote {count} file(s) into {folder}.").format(count=len(result.split_files), folder=result.split_dir))
        if result.rejected_csv is not None:
            echo(_("{count} row(s) rejected: see {path}.").format(count=result.rejected, path=result.rejected_csv))

    app.add_typer(sub, name="form", help=_("Bilingual printable forms (list, render)."))


class _progress_bar:
    """A progress bar on the terminal for batches of more than one chunk (nothing when piped or quiet)."""

    def __init__(self, enabled: bool):
        import sys

        self.enabled = enabled and sys.stderr.isatty()
        self.bar = None

    def __enter__(self):
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        import sys

        import click

        if self.bar is None:
            if done >= total:
                return  # one chunk: done before a bar would show
            self.bar = click.progressbar(length=total, label=_("Typesetting the forms"), file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
