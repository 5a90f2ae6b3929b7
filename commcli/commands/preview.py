"""`commcli preview`: open a built week's page (out/<week>/index.html) in the browser, or print its path."""

from __future__ import annotations

from typing import Optional

import typer

from ..i18n import _


def register(app: typer.Typer) -> None:
    @app.command("preview", help=_("Open a built week's page (out/<week>/index.html) in the browser; print its path where there is no browser."))
    def preview(
        week: Optional[str] = typer.Argument(None, help=_("ISO week, e.g. 2026-W48, or its bulletin file (default: the latest built week).")),
        print_only: bool = typer.Option(False, "--print", help=_("Only print the page's path; do not open a browser.")),
    ) -> None:
        from ..cli import echo, state
        from ..preview import find_page, open_page
        from ..workspace import open_workspace

        ws = open_workspace(state.workspace)
        page = find_page(ws, week)
        if not print_only and open_page(page):
            if not state.quiet:
                echo(_("Opened in the browser: {path}").format(path=page))
            return
        echo(str(page))
