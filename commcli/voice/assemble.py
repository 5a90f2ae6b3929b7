"""Human voice for one clip: its whole-item recording if there is a current one, else the voice bank's phrases
joined (trimmed, level-matched, short pauses, faded joins), else a message naming exactly what is missing.

The joined clip then takes the same path as every clip (commcli.audio.assemble): loudness, MP3, playlists.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Problem, Severity
from ..i18n import _
from .bank import bank_folder, phrase_states, plan_clip, unique
from .index import recording_path, recording_status

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from ..programme import Clip
    from ..workspace import Workspace

JOIN_PAD_SECONDS = 0.015  # room kept around each phrase's speech when it is cut out
JOIN_FADE_SECONDS = 0.008  # raised-cosine fade at every join: no clicks
EDGE_SECONDS = 0.10  # silence before the first and after the last phrase


def record_hint(lang: str) -> str:
    return _("Make a kit with 'commcli recordings kit --bank --lang {lang}', record the phrases and import them "
             "with 'commcli recordings import', or record the whole item.").format(lang=lang)


def _file_digest(ws: "Workspace", path: Path) -> str:
    """sha256 of a phrase file, remembered per (path, size, mtime) for the length of the command."""
    from ..publish import sha256_file

    stat = path.stat()
    key = ("voice.sha", str(path), stat.st_size, stat.st_mtime_ns)
    if key not in ws.cache:
        ws.cache[key] = sha256_file(path)
    return ws.cache[key]


def recorded_source(ws: "Workspace", clip: "Clip", *, release: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """Settings for the ``recorded`` engine (a whole recording or the bank's phrases), or the problems that keep
    the clip out: errors in a release, warnings in a draft."""
    severity = Severity.ERROR if release else Severity.WARNING
    status = recording_status(ws, clip)
    if status == "ok":
        path = recording_path(ws, clip.language, clip.clip_id)
        return {"recording": str(path), "recording_sha256": _file_digest(ws, path)}, []
    whole = Problem(
        (_("No recording for clip {clip} ({title}): it is left out of the programme.") if status == "missing"
         else _("The recording of clip {clip} ({title}) is stale: its text changed since it was recorded; it is left out.")
         ).format(clip=clip.clip_id, title=clip.title),
        file=clip.source_file, line=clip.source_line, field=clip.clip_id, severity=severity,
        hint=_("Make a recording kit with 'commcli recordings kit', record the clip and import it with 'commcli recordings import'."),
        code=f"audio.recording-{status}")
    plan = plan_clip(ws, clip)
    if plan is None:
        return {}, [whole]
    if not plan.ok:
        return {}, [_as(whole, severity, _("No recording for clip {clip} ({title}) and the voice bank cannot say it: "
                                           "it is left out.").format(clip=clip.clip_id, title=clip.title)),
                    *[_as(p, severity) for p in plan.problems]]
    states = phrase_states(ws, clip.language, unique(plan.needed))
    lacking = [s for s in states if s.state != "ok"]
    if lacking:
        first = lacking[0].need
        ids = ", ".join(s.need.phrase_id + (" " + _("(stale)") if s.state == "stale" else "") for s in lacking)
        message = _("No recording for clip {clip} ({title}) and the voice bank lacks {count} phrase(s): {ids}; "
                    "it is left out.").format(clip=clip.clip_id, title=clip.title, count=len(lacking), ids=ids)
        return {}, [Problem(message, file=first.file or clip.source_file, line=first.line or clip.source_line,
                            field=clip.clip_id, severity=severity, hint=record_hint(clip.language),
                            code="audio.bank-missing")]
    if release:
        unreviewed = [s.need.phrase_id for s in states if s.entry.status == "draft"]
        if unreviewed:
            return {}, [Problem(
                _("Clip {clip} ({title}) would be said with voice-bank phrases nobody has reviewed: {ids}.").format(
                    clip=clip.clip_id, title=clip.title, ids=", ".join(unreviewed)),
                file=plan.cut.path if plan.cut else None, line=plan.cut.first_line if plan.cut else None,
                field=clip.clip_id, severity=Severity.ERROR, code="audio.bank-unreviewed",
                hint=_("A native speaker listens to the phrases, then: commcli recordings review --lang {lang} --by NAME").format(
                    lang=clip.language))]
    entries = {s.need.phrase_id: s.entry for s in states}
    folder = bank_folder(ws, clip.language)
    files = [(str(folder / entries[pid].file), pause) for pid, pause in plan.phrases]
    digest = hashlib.sha256()
    for path, pause in files:
        digest.update(f"{_file_digest(ws, Path(path))}:{pause:.3f};".encode())
    return {"bank": files, "recording_sha256": "bank:" + digest.hexdigest()}, []


def _as(problem: Problem, severity: Severity, message: str | None = None) -> Problem:
    from dataclasses import replace

    return replace(problem, severity=severity, message=message or problem.message)


# --- joining phrases ------------------------------------------------------------------------------------------


def read_phrase(path: Path, rate: int) -> "np.ndarray":
    """A stored phrase as mono float32 at ``rate`` (the bank holds 16-bit WAV; anything else goes through ffmpeg)."""
    import wave

    import numpy as np

    from .check import decode_mono

    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getnchannels() == 1 and wav.getsampwidth() == 2 and wav.getframerate() == rate:
                return np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2").astype(np.float32) / 32768.0
    except (wave.Error, EOFError):
        pass
    return decode_mono(path, rate)


def shape_phrase(samples: "np.ndarray", rate: int) -> "np.ndarray":
    """Cut a phrase to its speech (keeping 15 ms), bring its speech to the bank's level, fade both ends."""
    import numpy as np

    from .check import PEAK_CEILING_DBFS, TARGET_RMS_DBFS, speech_bounds

    bounds = speech_bounds(samples, rate)
    if bounds is None:
        return np.zeros(0, dtype=np.float32)
    start, end, level = bounds
    pad = int(rate * JOIN_PAD_SECONDS)
    out = samples[max(0, start - pad): min(len(samples), end + pad)].astype(np.float64)
    peak = float(np.abs(out).max()) if len(out) else 0.0
    if peak > 0:
        out *= min(10 ** (TARGET_RMS_DBFS / 20) / max(level, 1e-9), 10 ** (PEAK_CEILING_DBFS / 20) / peak)
    fade = min(int(rate * JOIN_FADE_SECONDS), len(out) // 2)
    if fade:
        ramp = 0.5 - 0.5 * np.cos(np.linspace(0.0, np.pi, fade))
        out[:fade] *= ramp
        out[-fade:] *= ramp[::-1]
    return out.astype(np.float32)


def join_phrases(files: list[tuple[str, float]], rate: int) -> "np.ndarray":
    """The phrases in order, each shaped, with its pause after it; silence at both edges."""
    import numpy as np

    shaped: dict[str, np.ndarray] = {}
    parts = [np.zeros(int(rate * EDGE_SECONDS), dtype=np.float32)]
    for i, (path, pause) in enumerate(files):
        if path not in shaped:
            shaped[path] = shape_phrase(read_phrase(Path(path), rate), rate)
        parts.append(shaped[path])
        last = i == len(files) - 1
        parts.append(np.zeros(int(rate * (EDGE_SECONDS if last else pause)), dtype=np.float32))
    return np.concatenate(parts)
