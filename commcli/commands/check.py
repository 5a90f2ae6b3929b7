"""`commcli check`: errors first (each once, with file:line and the fix), then a short to-do; or everything."""

from __future__ import annotations

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    @app.command("check", help=_("Check every file of the workspace and every cross-reference; exit 1 on errors."))
    def check(
        output_format: str = typer.Option("text", "--format", "-f", help=_("Output format: text or json.")),
        show_all: bool = typer.Option(False, "--all", help=_("List every warning one by one, with the summary per area, instead of the short to-do.")),
        quiet: bool = typer.Option(False, "--quiet", "-q", help=_("Print only the errors.")),
    ) -> None:
        from ..check import check_workspace, summary_table
        from ..cli import echo, state
        from ..errors import EXIT_INPUT, exit_code_for
        from ..report import counts_line, dumps, format_problem, unique
        from ..todo import build_todo, bulletin_texts, format_todo
        from ..workspace import open_workspace

        if output_format not in ("text", "json"):
            echo(_("Unknown format '{value}'; use text or json.").format(value=output_format), err=True)
            raise typer.Exit(EXIT_INPUT)
        ws = open_workspace(state.workspace)
        report = check_workspace(ws)
        problems = unique(report.problems)
        errors = [p for p in problems if p.is_error]
        if output_format == "json":
            echo(dumps(report.to_json()))
        elif state.quiet or quiet:
            for problem in errors:
                echo(format_problem(problem, ws.root))
        else:
            todo = None
            if show_all:
                shown = problems
            else:
                todo = build_todo(problems, bulletin_texts(ws) if ws.commune is not None else ())
                shown = errors + todo.other
            from ..cli import MAX_ERRORS_SHOWN

            hidden = 0
            if not show_all and len(errors) > MAX_ERRORS_SHOWN:
                hidden = len(errors) - MAX_ERRORS_SHOWN
                shown = errors[:MAX_ERRORS_SHOWN] + todo.other
            for problem in shown:
                echo(format_problem(problem, ws.root))
            if hidden:
                echo(_("… and {count} more error(s); 'commcli check --all' lists every one.").format(count=hidden))
            if shown:
                echo()
            if todo is None:
                echo(summary_table(report))
                echo()
            elif todo:
                echo("\n".join(format_todo(todo, ws.root)))
                echo()
            verdict = _("The workspace has errors to fix (listed above).") if errors else _("The workspace is ready.")
            echo(counts_line(problems) + ". " + verdict)
        code = exit_code_for(report.problems)
        if code:
            raise typer.Exit(code)
