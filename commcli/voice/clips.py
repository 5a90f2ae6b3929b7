"""Which clips the bulletins ask for, and which languages need a human voice."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import langs
from ..errors import CommcliError, Problems
from ..programme import Clip, Programme
from .index import Status, recording_status

if TYPE_CHECKING:  # pragma: no cover
    from ..workspace import Workspace

def needs_recording(ws: "Workspace", lang: str) -> bool:
    """True when the commune's voice for ``lang`` is ``recorded``, or no voice is set and no TTS speaks it."""
    voices = ws.commune.audio.voices if ws.commune else {}
    voice = voices.get(lang) or voices.get(langs.base_of(lang))
    if voice is not None:
        return voice.engine == "recorded"
    return langs.base_of(lang) != "vi"


def unique_clips(programmes: Iterable[Programme], lang: str | None = None) -> list[Clip]:
    """Each clip once (repeats and other slots share one recording), in first running-order position."""
    seen: dict[str, Clip] = {}
    for programme in programmes:
        for clip in programme.clips:
            if lang is not None and not langs.matches(clip.language, lang):
                continue
            seen.setdefault(clip.clip_id, clip)
    return list(seen.values())


def bulletin_files(ws: "Workspace") -> list[Path]:
    return ws.yaml_files("bulletins")


def load_bulletin_programmes(ws: "Workspace", bulletin: Path) -> list[Programme]:
    """The bulletin's programmes (the bulletins capability owns the loading; errors propagate)."""
    from ..bulletins.plan import load_programmes

    return list(load_programmes(ws, bulletin))


def clip_sources(ws: "Workspace", bulletins: Iterable[Path] | None = None,
                 problems: Problems | None = None) -> list[tuple[Path, Clip]]:
    """(bulletin file, clip) for each unique clip of the given bulletins (default: all).

    Unloadable bulletins are skipped when ``problems`` is given (their problems go there), otherwise their
    error propagates.
    """
    seen: dict[str, tuple[Path, Clip]] = {}
    for path in (bulletin_files(ws) if bulletins is None else bulletins):
        try:
            found = load_bulletin_programmes(ws, path)
        except CommcliError as error:
            if problems is None:
                raise
            problems.extend(error.problems)
            continue
        except ModuleNotFoundError as exc:  # bulletins capability not installed
            if not (exc.name or "").startswith("commcli.bulletins"):
                raise
            break
        for clip in unique_clips(found):
            seen.setdefault(clip.clip_id, (Path(path), clip))
    return list(seen.values())


def workspace_clips(ws: "Workspace", bulletins: Iterable[Path] | None = None,
                    problems: Problems | None = None) -> list[Clip]:
    """Unique clips of the given bulletins (default: all); see clip_sources for errors."""
    return [clip for _path, clip in clip_sources(ws, bulletins, problems)]


@dataclass(frozen=True)
class StatusRow:
    clip: Clip
    status: Status


def status_rows(ws: "Workspace", clips: Iterable[Clip]) -> list[StatusRow]:
    return [StatusRow(clip, recording_status(ws, clip)) for clip in clips]
