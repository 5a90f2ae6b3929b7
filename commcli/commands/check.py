"""`commcli check`: validate the whole workspace and print a summary table (or JSON)."""

from __future__ import annotations

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    @app.command("check", help=_("Check every file of the workspace and every cross-reference; exit 1 on errors."))
    def check(
        output_format: str = typer.Option("text", "--format", "-f", help=_("Output format: text or json.")),
        show_all: bool = typer.Option(False, "--all", help=_("Show every warning, not only the first few of each kind per file.")),
    ) -> None:
        from ..check import check_workspace, summary_table
        from ..cli import echo, state
        from ..errors import EXIT_INPUT, exit_code_for
        from ..report import counts_line, dumps, format_problems
        from ..workspace import open_workspace

        if output_format not in ("text", "json"):
            echo(_("Unknown format '{value}'; use text or json.").format(value=output_format), err=True)
            raise typer.Exit(EXIT_INPUT)
        ws = open_workspace(state.workspace)
        report = check_workspace(ws)
        if output_format == "json":
            echo(dumps(report.to_json()))
        else:
            if report.problems:
                echo(format_problems(report.problems, ws.root, max_warnings_per_kind=None if show_all else 3))
                echo()
            echo(summary_table(report))
            echo()
            echo(counts_line(report.problems))
            if not report.has_errors and not state.quiet:
                echo(_("The workspace is ready."))
        code = exit_code_for(report.problems)
        if code:
            raise typer.Exit(code)
