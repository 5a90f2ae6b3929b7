"""Build a week: validate everything, render scripts and running orders (and audio) aside, then swap in."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..errors import ContentError, InputError, Problem, Severity
from ..i18n import _
from ..buildlock import workspace_lock
from ..faults import naming
from ..outputs import output_folder
from .duration import RATES_FILE, estimate_rates, measured_rates, mmss
from .gate import blockers
from .load import ResolvedBulletin, open_bulletin
from .model import week_monday
from .plan import Plan, plan, with_audio
from .scripts import running_order_text, running_orders_by_village, script_languages, script_pdf, script_text, slot_estimates

MANIFEST = "manifest.json"
PAGE = "index.html"


@dataclass
class BuildResult:
    out_dir: Path
    week: str
    release: bool
    plan: Plan
    manifest: dict
    warnings: list[Problem] = field(default_factory=list)
    estimates: list[dict] = field(default_factory=list)


def overrun_problems(p: Plan, path: Path, commune) -> list[Problem]:
    """A warning per village and slot whose content is longer than the slot."""
    names = {v.id: v.name for v in commune.villages}
    return [Problem(
        _("{village}, {slot}: about {estimate} of content for a {minutes}-minute slot.").format(
            village=names.get(ro.village_id, ro.village_id), slot=ro.slot_name, estimate=mmss(ro.seconds), minutes=ro.slot_minutes),
        file=path, severity=Severity.WARNING, code="bulletin.overrun",
        hint=_("Shorten items, move some to another slot ('slots:'), or lower 'repeat:'."))
        for ro in p.running_orders if ro.overrun]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generated_at(resolved: ResolvedBulletin) -> str:
    """Deterministic: the latest approval date in the file, else the week's Monday (never the clock)."""
    dates = [ri.item.approved_on for ri in resolved.items if ri.item.approved_on]
    day = max(dates) if dates else week_monday(resolved.week)
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone(dt.timedelta(hours=7))).isoformat()


def build_bulletin(ws, path: Path, out_dir: Path | None = None, *, release: bool = False, audio: bool = True,
                   progress: Callable | None = None, quiet: bool = False) -> BuildResult:
    """Build ``out/<week>/`` (or ``out_dir``) from a bulletin; nothing is written unless all checks pass.

    Raises InputError (exit 2) for invalid files, ContentError (exit 1) with every blocker when
    ``release`` and the gate refuses.
    """
    resolved, warnings = open_bulletin(ws, Path(path))
    commune = ws.commune
    if release:
        found = blockers(ws, resolved)
        if found:
            raise ContentError(found)
    learned = _learned_rates(ws)
    the_plan = plan(resolved, commune, estimate_rates(commune, learned))
    warnings = list(warnings)
    week = resolved.week
    final = Path(out_dir) if out_dir is not None else ws.out_dir / week
    draft = not release
    status = "release" if release else "draft"

    with workspace_lock(ws.root), \
            output_folder(ws, final, kind="bulletin-build", option="-o", extra_inputs=[resolved.path],
                          chosen=out_dir is not None) as staging:
        outputs: list[dict] = []

        written: dict[str, Path] = {}  # sha256 → the first file with those bytes (the share pack repeats clips)

        def emit(rel: str, data: bytes, **meta) -> None:
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = _sha256(data)
            with naming(final / rel):
                same = written.get(digest) if len(data) >= 4096 else None
                try:
                    if same is None:
                        raise OSError
                    os.link(same, target)  # one copy on disk for each village's folder
                except OSError:
                    target.write_bytes(data)
                    written.setdefault(digest, target)
            outputs.append({"path": rel, "sha256": digest, "bytes": len(data), **meta})

        if audio:
            # Audio first: scripts, running orders and the manifest then show what the files measure.
            audio_entries = _build_audio(ws, the_plan, staging, release=release, progress=progress, quiet=quiet,
                                         warnings=warnings)
            outputs.extend(audio_entries)
            the_plan = with_audio(the_plan, audio_entries)
            measured = _remember_rates(ws, the_plan, learned)
        else:
            measured = {}
        warnings.extend(overrun_problems(the_plan, resolved.path, commune))
        for lang in script_languages(the_plan):
            items = sorted({c.item_id for p in the_plan.programmes if p.language == lang for c in p.clips})
            emit(f"scripts/{lang}.txt", script_text(the_plan, commune, lang, draft=draft).encode("utf-8"),
                 kind="script-text", language=lang, items=items)
            emit(f"scripts/{lang}.pdf", script_pdf(the_plan, commune, lang, draft=draft),
                 kind="script-pdf", language=lang, items=items)
            speak = _speaker(ws, lang)
            if speak is not None:
                emit(f"scripts/{lang}.spoken.txt", script_text(the_plan, commune, lang, draft=draft, speak=speak).encode("utf-8"),
                     kind="script-spoken", language=lang, items=items)
        for village_id, orders in running_orders_by_village(the_plan).items():
            items = sorted({c.item_id for ro in orders for b in ro.blocks for c in b.clips})
            languages = list(dict.fromkeys(b.language for ro in orders for b in ro.blocks))
            emit(f"running-order/{village_id}.txt",
                 running_order_text(orders, commune, week, draft=draft, built=the_plan.audio_built).encode("utf-8"),
                 kind="running-order", village=village_id, languages=languages, items=items)

        if audio:
            # The share pack goes with the sound: a quick --no-audio build (scripts, page) skips it.
            _share_pack(ws, resolved, the_plan, list(outputs), staging, emit)
        emit(PAGE, _week_page(ws, resolved, the_plan, list(outputs), staging, draft=draft), kind="page")

        manifest = {
            "week": week,
            "commune": commune.commune,
            "status": status,
            "generated_at": generated_at(resolved),
            "bulletin": ws.relative(resolved.path),
            "bulletin_sha256": _sha256(resolved.path.read_bytes()),
            "items": [{"id": ri.item.id, "title": ri.item.title, "priority": ri.item.priority, "status": ri.item.status,
                       "languages": {tag: rt.status for tag, rt in ri.texts.items()}, "aired": not ri.expired}
                      for ri in resolved.items],
            "programmes": [{"id": p.programme_id, "slot": p.slot_id, "language": p.language, "villages": list(p.villages),
                            "items": [c.item_id for c in p.clips], "estimated_seconds": round(p.estimated_seconds, 1),
                            "seconds": round(p.seconds, 1),
                            "duration": "measured" if p.measured_seconds is not None else "estimated",
                            "audio": p.audio, "airs": p.audio is not None if the_plan.audio_built else None}
                           for p in the_plan.programmes],
            "speech_rates_wpm": {"used": estimate_rates(commune, learned), "measured": measured},
            "slots": slot_estimates(the_plan),
            "outputs": sorted(outputs, key=lambda o: o["path"]),
        }
        (staging / MANIFEST).write_bytes((json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return BuildResult(out_dir=final, week=week, release=release, plan=the_plan, manifest=manifest,
                       warnings=warnings, estimates=slot_estimates(the_plan))


def _learned_rates(ws) -> dict[str, int]:
    """Speech rates measured by the last audio build of this workspace (none yet: {})."""
    path = ws.root / RATES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, (int, float)) and 40 <= v <= 400} if isinstance(data, dict) else {}


def _remember_rates(ws, the_plan: Plan, learned: dict[str, int]) -> dict[str, int]:
    """Measure this build's speech rates; keep them for the estimates of later builds (e.g. --no-audio)."""
    from ..publish import write_text_atomic

    clips = {c.clip_id: c for p in the_plan.programmes for c in p.clips}
    measured = measured_rates((c.language, c.text, c.measured_seconds) for c in clips.values())
    if measured and {**learned, **measured} != learned:
        path = ws.root / RATES_FILE
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, json.dumps({**learned, **measured}, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        except OSError:
            pass  # a cache: estimates simply stay uncalibrated
    return measured


def _share_pack(ws, resolved, the_plan: Plan, outputs: list[dict], staging: Path, emit) -> None:
    """share/<village>/: each item ready for the village head's Zalo group (text, square card, M4A audio)."""
    from ..render.sharepack import share_pack
    from ..render.weekpage import _week_range

    for rel, data, meta in share_pack(ws, resolved, the_plan, outputs, staging, week_range=_week_range(resolved.week)):
        emit(rel, data, **meta)


def _week_page(ws, resolved, the_plan: Plan, outputs: list[dict], staging: Path, *, draft: bool) -> bytes:
    """The week at a glance (index.html): made from what was just written, so it shows the files as built."""
    from ..render.weekpage import week_page

    return week_page(ws, resolved, the_plan, outputs, staging, draft=draft, generated_at=generated_at(resolved)).encode("utf-8")


def _speaker(ws, lang: str):
    """Written → spoken text for a language a voice reads after normalisation (Vietnamese), else None."""
    from .. import langs

    if langs.base_of(lang) != "vi":
        return None
    from ..say import abbreviations_of
    from ..textnorm import normalize_vi

    table = abbreviations_of(ws)
    return lambda text: normalize_vi(text, table)


def _build_audio(ws, the_plan: Plan, staging: Path, *, release: bool, progress, quiet: bool, warnings: list[Problem]) -> list[dict]:
    """Hand the programmes to commcli.audio when that capability is installed; its manifest entries come back."""
    try:
        from ..audio import build_audio
    except ImportError:
        warnings.append(Problem(_("Audio is not available in this installation; scripts and running orders were built without sound."),
                                severity=Severity.WARNING, code="bulletin.no-audio"))
        return []
    result = build_audio(ws, the_plan.programmes, staging, release=release, progress=progress, quiet=quiet)
    warnings.extend(result.problems)
    return list(result.manifest)
