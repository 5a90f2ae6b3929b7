"""Coverage of a week's clips per language: voiced from the bank, by a whole-item recording, by a synthetic voice,
or not at all; and the shortest list of phrases (plus the whole items no bank can say) that would voice the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Literal

from .bank import phrase_states, plan_clip, unique
from .clips import needs_recording
from .index import recording_status

if TYPE_CHECKING:  # pragma: no cover
    from ..programme import Clip
    from ..workspace import Workspace

Voicing = Literal["bank", "recording", "tts", "none"]


@dataclass
class Coverage:
    """One language's clips by how they are voiced, and what to record next."""

    lang: str
    counts: dict[str, int] = field(default_factory=lambda: {"bank": 0, "recording": 0, "tts": 0, "none": 0})
    phrases: list[str] = field(default_factory=list)  # bank phrases to record (shortest list)
    whole: list[str] = field(default_factory=list)  # clips to record whole (no bank can say them, or cheaper)
    voicing: dict[str, Voicing] = field(default_factory=dict)  # clip id → how


def clip_voicing(ws: "Workspace", clip: "Clip") -> tuple[Voicing, set[str] | None]:
    """How the clip is voiced now, and (when it is not) the bank phrases it lacks (None: the bank cannot say it)."""
    if not needs_recording(ws, clip.language):
        return "tts", set()
    if recording_status(ws, clip) == "ok":
        return "recording", set()
    plan = plan_clip(ws, clip)
    if plan is None or not plan.ok:
        return "none", None
    lacking = {s.need.phrase_id for s in phrase_states(ws, clip.language, unique(plan.needed)) if s.state != "ok"}
    return ("bank", set()) if not lacking else ("none", lacking)


def shortest_plan(lacking: dict[str, set[str] | None]) -> tuple[list[str], list[str]]:
    """(phrases, whole clips) that voice every clip in ``lacking`` (clip id → missing phrases, None = the bank
    cannot say it). Phrases are what lasts (they serve every later week), so a clip the bank can say is voiced
    by its phrases; a phrase several clips lack is recorded once."""
    phrases: set[str] = set()
    for missing in lacking.values():
        phrases |= missing or set()
    return sorted(phrases), sorted(c for c, s in lacking.items() if s is None)


def coverage(ws: "Workspace", clips: Iterable["Clip"]) -> dict[str, Coverage]:
    """Coverage per language of ``clips`` (each clip once), in first-seen language order."""
    out: dict[str, Coverage] = {}
    lacking: dict[str, dict[str, set[str] | None]] = {}
    for clip in clips:
        cov = out.setdefault(clip.language, Coverage(clip.language))
        if clip.clip_id in cov.voicing:
            continue
        how, missing = clip_voicing(ws, clip)
        cov.voicing[clip.clip_id] = how
        cov.counts[how] += 1
        if how == "none":
            lacking.setdefault(clip.language, {})[clip.clip_id] = missing
    for lang, todo in lacking.items():
        out[lang].phrases, out[lang].whole = shortest_plan(todo)
    return out
