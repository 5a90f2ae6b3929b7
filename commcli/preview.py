"""Find a built week's page (out/<week>/index.html) and open it in the default browser when there is one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .errors import InputError, Problem
from .i18n import _

PAGE = "index.html"


def built_weeks(ws) -> list[str]:
    """Weeks under out/ that have a page, oldest first."""
    from .bulletins.model import parse_week

    base = ws.out_dir
    if not base.is_dir():
        return []
    weeks = []
    for folder in base.iterdir():
        if folder.is_dir() and (folder / PAGE).is_file():
            try:
                parse_week(folder.name)
            except Exception:
                continue
            weeks.append(folder.name)
    return sorted(weeks)


def find_page(ws, week: str | None = None) -> Path:
    """The page of ``week`` (an ISO week, or a bulletin file such as bulletins/2026-W48.yaml); the latest when None.

    InputError (exit 2) when the week is malformed or has not been built yet.
    """
    from .bulletins.model import parse_week

    if week is None:
        weeks = built_weeks(ws)
        if not weeks:
            raise InputError(Problem(
                _("No week has been built yet, so there is no page to show."),
                hint=_("Build a week first: commcli bulletin build bulletins/<week>.yaml"), code="preview.nothing-built"))
        return ws.out_dir / weeks[-1] / PAGE
    name = Path(week).stem if week.endswith((".yaml", ".yml")) else week
    try:
        parse_week(name)
    except Exception:
        raise InputError(Problem(
            _("'{week}' is not an ISO week like 2026-W48.").format(week=week), field="WEEK",
            hint=_("Give the week as 2026-W48, or the bulletin file bulletins/2026-W48.yaml."), code="preview.week")) from None
    page = ws.out_dir / name / PAGE
    if not page.is_file():
        raise InputError(Problem(
            _("Week {week} has no page yet: {path} does not exist.").format(week=name, path=ws.relative(page)),
            hint=_("Build it first: commcli bulletin build bulletins/{week}.yaml").format(week=name), code="preview.not-built"))
    return page


def has_display(environ=None, platform: str | None = None) -> bool:
    """False on a headless machine (CI, SSH without X): there, opening a browser would hang or fail."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if env.get("CI"):
        return False
    if platform.startswith("linux") or "bsd" in platform:
        return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))
    return True  # Windows and macOS always have a desktop


def open_page(page: Path) -> bool:
    """Open the page in the default browser; False when there is none (the caller then prints the path)."""
    import webbrowser

    if not has_display():
        return False
    try:
        return bool(webbrowser.open(page.resolve().as_uri()))
    except webbrowser.Error:
        return False
