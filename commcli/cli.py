"""The command-line shell: parse arguments, call the core, turn problems into messages and exit codes.

This is the single place where errors become exits. Command groups live in ``commcli/commands/``;
each has ``register(app)`` and imports the core lazily inside its commands so ``--help`` is fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

try:  # typer >= 0.20 vendors click as typer._click; its exceptions are the ones raised
    from typer._click.exceptions import ClickException
except ImportError:  # pragma: no cover - older typer on real click
    from click import ClickException

from . import __version__
from .errors import EXIT_CONTENT, EXIT_INPUT, CommcliError
from .i18n import _, set_language

COMMAND_MODULES = ("init", "check", "glossary", "form", "bulletin", "recordings", "alert", "preview", "province", "say")
EXIT_BUG = 3


class State:
    """Options every command sees (set by the root callback)."""

    workspace: Optional[Path] = None
    debug: bool = False
    quiet: bool = False


state = State()


def echo(message: str = "", *, err: bool = False) -> None:
    typer.echo(message, err=err)


# A file with thousands of bad rows (a whole column in the wrong format) would scroll the first, most useful
# messages away: the first ones are shown, then how many more (and, for forms, --skip-invalid lists them all).
MAX_ERRORS_SHOWN = 50


def report_error(error: CommcliError) -> None:
    from .report import counts_line, format_problems

    root = state.workspace.resolve() if state.workspace else Path.cwd()
    echo(format_problems(error.problems, root, max_errors=MAX_ERRORS_SHOWN), err=True)
    if len(error.problems) > 1:
        echo(counts_line(error.problems), err=True)


class CommcliGroup(TyperGroup):
    """Renders CommcliError and click's usage errors as messages with the right exit code; hides
    tracebacks unless --debug."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Click's own error display replaced by ours (in the UI language), in standalone mode too."""
        from .cli_text import localize_command_tree

        localize_command_tree(self)
        try:
            result = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                  standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except typer.Exit as exc:
            code = exc.exit_code
        except typer.Abort:
            echo(_("Aborted."), err=True)
            code = EXIT_CONTENT
        except ClickException as exc:
            from .cli_text import format_click_error

            echo(format_click_error(exc), err=True)
            code = EXIT_INPUT if exc.exit_code == 2 else exc.exit_code
        except BrokenPipeError:
            _silence_stdout()
            code = 0
        if standalone_mode:
            sys.exit(code)
        return code

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except CommcliError as error:
            report_error(error)
            raise typer.Exit(error.exit_code)
        except (typer.Exit, typer.Abort, ClickException):
            raise
        except BrokenPipeError:
            # The reader went away (`commcli … | head`): stop quietly, as Unix tools do.
            _silence_stdout()
            raise typer.Exit(0)
        except KeyboardInterrupt:
            echo(_("Interrupted. Nothing was left half-written."), err=True)
            raise typer.Exit(130)
        except OSError as exc:
            # Disk full, read-only folder, permission denied, file-size limit, ffmpeg unable to write:
            # faults of the machine, not bugs.
            if state.debug or os.environ.get("COMMCLI_DEBUG"):
                raise
            from .faults import EXIT_FAULT, problem_for

            report_error(CommcliError(problem_for(exc)))
            raise typer.Exit(EXIT_FAULT)
        except Exception:
            if state.debug or os.environ.get("COMMCLI_DEBUG"):
                raise
            import traceback

            echo(_("Internal error in commcli (a bug, not a problem with your files). "
                   "Run the command again with --debug and send the output to the developers."), err=True)
            echo(traceback.format_exc().strip().splitlines()[-1], err=True)
            raise typer.Exit(EXIT_BUG)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _show_version(value: bool) -> None:
    # A callback, not a check in the group's body: the body runs only when a command follows.
    if value:
        echo(f"commcli {__version__}")
        raise typer.Exit(0)


def workspace_root() -> Path | None:
    return state.workspace


def build_app() -> typer.Typer:
    """The typer app, with help texts in the UI language in force when called."""
    app = typer.Typer(
        cls=CommcliGroup,
        name="commcli",
        help=_("commcli: bilingual forms, announcer scripts and village radio programmes for a commune."),
        rich_markup_mode=None,
        no_args_is_help=True,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback()
    def root(
        workspace: Optional[Path] = typer.Option(
            None, "--workspace", "-w", help=_("Workspace folder (default: found from the current folder upward)."),
            file_okay=False,
        ),
        ui_lang: Optional[str] = typer.Option(None, "--ui-lang", help=_("Language of messages: vi (default) or en.")),
        debug: bool = typer.Option(False, "--debug", help=_("Show tracebacks for internal errors.")),
        quiet: bool = typer.Option(False, "--quiet", "-q", help=_("Print only problems and results.")),
        version: bool = typer.Option(False, "--version", help=_("Show the version and exit."), is_eager=True,
                                     callback=_show_version, expose_value=False),
    ):
        if ui_lang:
            set_language(ui_lang)
        state.workspace = workspace
        state.debug = debug
        state.quiet = quiet

    import importlib

    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"commcli.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"commcli.commands.{name}":
                continue  # a capability not built yet
            raise
        module.register(app)
    return app


def _prescan_ui_lang(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--ui-lang="):
            return arg.split("=", 1)[1]
    return None


def build_command():
    """The click command tree of the app, speaking the UI language down to click's own words."""
    from .cli_text import localize_command_tree

    command = typer.main.get_command(build_app())
    localize_command_tree(command)
    return command


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_prescan_ui_lang(argv))
    from .faults import ignore_file_size_signal

    ignore_file_size_signal()
    return typer.main.get_command(build_app()).main(args=argv, prog_name="commcli", standalone_mode=False)


def run() -> None:
    sys.exit(main())
