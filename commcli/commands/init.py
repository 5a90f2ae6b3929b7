"""`commcli init DIR`: a new workspace with a working sample."""

from __future__ import annotations

from pathlib import Path

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    @app.command("init", help=_("Create a new workspace in FOLDER with a working sample commune."))
    def init(directory: Path = typer.Argument(..., metavar=_("FOLDER"), help=_("Folder for the new workspace."))) -> None:
        from ..cli import echo, state
        from ..scaffold import create_workspace

        create_workspace(directory)
        if not state.quiet:
            echo(_("Created a workspace in {folder}.").format(folder=directory.resolve()))
            echo(_("Next: cd {folder} && commcli check").format(folder=shell_quote(str(directory))))


def shell_quote(text: str) -> str:
    """A path as the user's shell needs it pasted (spaces, quotes): cmd.exe on Windows, POSIX elsewhere."""
    import os
    import shlex

    if os.name == "nt":
        return f'"{text}"' if any(c in text for c in ' &()^;,') else text
    return shlex.quote(text)
