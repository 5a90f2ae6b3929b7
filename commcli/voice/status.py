"""What ``commcli check`` says about human voice: damaged indexes and bank indexes, say rules, missing and stale
recordings."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, Problems, Severity
from ..i18n import _
from ..programme import Clip
from .clips import clip_sources, needs_recording
from .index import INDEX_NAME, RECORDINGS, index_path, line_of, load_index, recording_status

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace


def check_workspace(ws: "Workspace") -> list[Problem]:
    """For ``commcli check``: damaged indexes (errors, file:line), missing and stale recordings (warnings)."""
    problems = Problems()
    folder = ws.root / RECORDINGS
    if folder.is_dir():
        for sub in sorted(p for p in folder.iterdir() if p.is_dir() and (p / INDEX_NAME).is_file()):
            load_index(ws, sub.name, problems)
    from .bank import bank_languages, load_bank
    from .rules import load_all_rules

    load_all_rules(ws, problems)  # say rules: unknown phrases, rule sets, expressions, with file:line
    for lang in bank_languages(ws):
        load_bank(ws, lang, problems)
    for bulletin, clip in clip_sources(ws, problems=Problems()):  # the bulletins check reports their errors
        if not needs_recording(ws, clip.language):
            continue
        status = recording_status(ws, clip)
        if status == "missing":
            problems.add(Problem(
                _("No recording for '{clip}' ({title}); a draft build leaves it out, a release build refuses.").format(
                    clip=clip.clip_id, title=clip.title),
                file=bulletin, line=_item_line(bulletin, clip), severity=Severity.WARNING, code="recordings.missing", languages=(clip.language,),
                hint=_("Make a recording kit with 'commcli recordings kit', then 'commcli recordings import' the files."),
            ))
        elif status == "stale":
            problems.add(Problem(
                _("The recording of '{clip}' ({title}) was made for an older text; it must be recorded again.").format(
                    clip=clip.clip_id, title=clip.title),
                file=index_path(ws, clip.language), line=_index_line(ws, clip), severity=Severity.WARNING,
                code="recordings.stale", languages=(clip.language,),
                hint=_("Make a recording kit with 'commcli recordings kit --only-missing' and import the new file."),
            ))
    return list(problems)


def _item_line(bulletin: Path, clip: Clip) -> int | None:
    try:
        text = bulletin.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    match = re.search(rf"^\s*-?\s*id:\s*['\"]?{re.escape(clip.item_id)}['\"]?\s*(#.*)?$", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _index_line(ws: "Workspace", clip: Clip) -> int | None:
    try:
        return line_of(index_path(ws, clip.language).read_text(encoding="utf-8"), json.dumps(clip.clip_id))
    except (OSError, UnicodeDecodeError):
        return None
