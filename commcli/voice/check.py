"""Decoding and checking human recordings: the one place that decides whether a sound file is usable speech
(not audio, empty, silent, clipped, too short), plus trimming and level matching of recorded speech.

Jingles, whole-item recordings and voice-bank phrases all pass through ``sound_defect``.
"""

from __future__ import annotations

import io
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, Problem
from ..i18n import _, format_percent

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

AUDIO_SUFFIXES = (".wav", ".mp3", ".m4a", ".ogg")

# What a stored recording is: the programme assembly reads these and does the final BS.1770 normalization.
SAMPLE_RATE = 22050
SILENT_PEAK_DBFS = -50.0  # a file whose loudest sample is below this holds no usable speech
MIN_SPEECH_SECONDS = 0.5  # shorter than this (after trimming) cannot be a read item
CLIP_LEVEL = 0.999  # |sample| at or above this is full scale
CLIP_FLAT = 1e-4  # two neighbouring full-scale samples closer than this are a clipped plateau, not a peak
CLIP_MIN_RUN = 3  # flat full-scale steps in a row that make a plateau
CLIP_RATIO = 0.001  # more than 0.1 % of samples on clipped plateaus: the recording is distorted
CLIP_MIN_SAMPLES = 10
TRIM_BELOW_PEAK_DB = 40.0  # frames this far below the loudest frame count as silence…
TRIM_ABOVE_FLOOR_DB = 12.0  # …or no more than this above the noise floor (noisy rooms)
TRIM_MIN_RUN_FRAMES = 3  # a sound shorter than 30 ms (a click, a button) does not start the speech
FRAME_SECONDS = 0.010
PAD_SECONDS = 0.150
FADE_SECONDS = 0.010
TARGET_RMS_DBFS = -20.0
PEAK_CEILING_DBFS = -1.0



class DecodeError(Exception):
    pass


def _run_ffmpeg(args: list[str]) -> bytes:
    try:
        from ..audio.ffmpeg import ffmpeg_exe

        done = subprocess.run([ffmpeg_exe(), "-nostdin", "-hide_banner", "-loglevel", "error", *args],
                              capture_output=True, timeout=300)
    except subprocess.TimeoutExpired as exc:
        raise DecodeError("timeout") from exc
    if done.returncode != 0:
        lines = [s for s in done.stderr.decode("utf-8", "replace").strip().splitlines() if s.strip()]
        raise DecodeError(lines[-1] if lines else f"ffmpeg exit {done.returncode}")
    return done.stdout


def parse_wav(data: bytes) -> tuple["np.ndarray", int]:
    """Samples (frames × channels, float32 in [-1, 1]) and rate of a 16/32-bit PCM WAV (sizes may be unset)."""
    import numpy as np

    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise DecodeError("not a WAV stream")
    pos, channels, rate, bits, raw = 12, None, None, None, None
    while pos + 8 <= len(data):
        chunk, size = data[pos:pos + 4], int.from_bytes(data[pos + 4:pos + 8], "little")
        body = pos + 8
        if chunk == b"fmt ":
            channels = int.from_bytes(data[body + 2:body + 4], "little")
            rate = int.from_bytes(data[body + 4:body + 8], "little")
            bits = int.from_bytes(data[body + 14:body + 16], "little")
        elif chunk == b"data":
            raw = data[body:] if size in (0, 0xFFFFFFFF) or body + size > len(data) else data[body:body + size]
            break
        pos = body + size + (size & 1)
    if raw is None or not channels or not rate or bits not in (16, 32):
        raise DecodeError("no PCM data")
    width = bits // 8
    usable = len(raw) - len(raw) % (width * channels)
    ints = np.frombuffer(raw[:usable], dtype="<i2" if bits == 16 else "<i4")
    scale = 32768.0 if bits == 16 else 2147483648.0
    return (ints.astype(np.float32) / np.float32(scale)).reshape(-1, channels), rate


def decode_native(path: Path) -> tuple["np.ndarray", int]:
    """All channels at the file's own rate, as ffmpeg decodes them (clipping is judged on these)."""
    data = _run_ffmpeg(["-i", str(path), "-map", "0:a:0", "-vn", "-f", "wav", "-c:a", "pcm_s32le", "pipe:1"])
    return parse_wav(data)


def decode_mono(path: Path, rate: int = SAMPLE_RATE) -> "np.ndarray":
    """Mono float32 at ``rate`` (ffmpeg downmixes and resamples)."""
    import numpy as np

    data = _run_ffmpeg(["-i", str(path), "-map", "0:a:0", "-vn", "-ac", "1", "-ar", str(rate),
                        "-f", "f32le", "-c:a", "pcm_f32le", "pipe:1"])
    return np.frombuffer(data[: len(data) - len(data) % 4], dtype="<f4").astype(np.float32)


def db(value: float) -> float:
    import math

    return 20 * math.log10(value) if value > 0 else float("-inf")


def clipped_fraction(samples: "np.ndarray") -> tuple[int, float]:
    """(count, fraction) of samples sitting on full-scale plateaus, over all channels."""
    import numpy as np

    if samples.ndim == 1:
        samples = samples[:, None]
    if len(samples) < 2:
        return 0, 0.0
    plateau = (np.abs(samples[1:]) >= CLIP_LEVEL) & (np.abs(np.diff(samples, axis=0)) < CLIP_FLAT)
    count = 0
    for column in plateau.T:  # a smooth peak at full scale has at most one flat step; clipping has runs
        edges = np.diff(np.concatenate(([0], column.astype(np.int8), [0])))
        lengths = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
        count += int(lengths[lengths >= CLIP_MIN_RUN].sum())
    return count, count / samples.size


def _frame_rms(mono: "np.ndarray", frame: int) -> "np.ndarray":
    import numpy as np

    n = -(-len(mono) // frame)
    padded = np.zeros(n * frame, dtype=np.float64)
    padded[: len(mono)] = mono
    return np.sqrt(np.mean(padded.reshape(n, frame) ** 2, axis=1))


def speech_bounds(mono: "np.ndarray", rate: int = SAMPLE_RATE) -> tuple[int, int, float] | None:
    """(start sample, end sample, speech RMS) of the part between leading and trailing silence; None if all silent.

    The threshold is relative: 40 dB under the loudest 10 ms frame, or 12 dB over the noise floor if the room is
    noisy (never above 20 dB under the loudest frame). Bursts shorter than 30 ms (clicks) do not count.
    """
    import numpy as np

    frame = max(1, int(rate * FRAME_SECONDS))
    rms = _frame_rms(mono, frame)
    loud = float(rms.max()) if len(rms) else 0.0
    if loud <= 0:
        return None
    floor = float(np.percentile(rms, 10))
    threshold = max(loud * 10 ** (-TRIM_BELOW_PEAK_DB / 20), floor * 10 ** (TRIM_ABOVE_FLOOR_DB / 20))
    threshold = min(threshold, loud * 10 ** (-20 / 20))
    active = rms > threshold
    # Keep only runs of at least TRIM_MIN_RUN_FRAMES active frames.
    edges = np.diff(np.concatenate(([0], active.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    runs = [(s, e) for s, e in zip(starts, ends) if e - s >= TRIM_MIN_RUN_FRAMES]
    if not runs:
        runs = list(zip(starts, ends))
    if not runs:
        return None
    first, last = runs[0][0], runs[-1][1]
    speech = rms[first:last]
    level = float(np.sqrt(np.mean(speech[speech > threshold] ** 2))) if np.any(speech > threshold) else loud
    return first * frame, min(len(mono), last * frame), level


def trim_and_normalize(mono: "np.ndarray", rate: int = SAMPLE_RATE) -> tuple["np.ndarray", float]:
    """Trim leading and trailing silence (keeping 150 ms), fade the cut edges, bring speech to about −20 dBFS RMS
    with peaks at most −1 dBFS. Returns (samples, speech seconds without padding)."""
    import numpy as np

    bounds = speech_bounds(mono, rate)
    if bounds is None:
        return mono[:0], 0.0
    start, end, level = bounds
    pad = int(rate * PAD_SECONDS)
    a, b = max(0, start - pad), min(len(mono), end + pad)
    out = mono[a:b].astype(np.float64)
    fade = min(int(rate * FADE_SECONDS), len(out) // 2)
    if fade and a > 0:
        out[:fade] *= np.linspace(0.0, 1.0, fade)
    if fade and b < len(mono):
        out[-fade:] *= np.linspace(1.0, 0.0, fade)
    peak = float(np.abs(out).max()) if len(out) else 0.0
    if peak > 0:
        gain = min(10 ** (TARGET_RMS_DBFS / 20) / max(level, 1e-9), 10 ** (PEAK_CEILING_DBFS / 20) / peak)
        out *= gain
    return out.astype(np.float32), (end - start) / rate


def wav_bytes(mono: "np.ndarray", rate: int = SAMPLE_RATE) -> bytes:
    """16-bit mono PCM WAV."""
    import wave

    import numpy as np

    pcm = np.clip(np.round(mono.astype(np.float64) * 32767), -32768, 32767).astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm)
    return buffer.getvalue()


# --- the checks -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Defect:
    """Why a decoded sound is not usable speech; ``kind`` ends the problem code (``audio.<kind>``, …)."""

    kind: str  # silent, clipped
    message: str
    found: str | None = None


def sound_defect(samples: "np.ndarray") -> Defect | None:
    """Silent or clipped, judged on decoded samples (frames × channels or mono); None when usable."""
    import numpy as np

    if samples.size == 0:
        return Defect("empty", _("The recording file contains no sound."))
    peak = float(np.abs(samples).max())
    if db(peak) < SILENT_PEAK_DBFS:
        return Defect("silent", _("The recording is silent (loudest point {level:.0f} dBFS, below {limit:.0f} dBFS).")
                      .format(level=max(db(peak), -120.0), limit=SILENT_PEAK_DBFS),
                      _("the microphone may have been off or muted"))
    count, fraction = clipped_fraction(samples)
    if count >= CLIP_MIN_SAMPLES and fraction > CLIP_RATIO:
        return Defect("clipped", _("The recording is clipped (distorted): {percent} of the sound is cut off at "
                                   "full scale.").format(percent=format_percent(fraction)),
                      _("recorded too loud or too close to the microphone"))
    return None


def probe_audio(path: Path, rate: int | None = None, *, what: str | None = None) -> tuple["np.ndarray", int]:
    """Decode a file given by the user (a jingle, a recording) to mono float32, refusing what is not usable sound:
    missing, not audio, empty, silent, clipped. Raises InputError (exit 2) naming the file and what to do.
    """
    from ..audio.ffmpeg import decode

    path = Path(path)
    label = what or _("audio file")
    if not path.is_file():
        raise InputError(Problem(_("The {what} '{path}' does not exist.").format(what=label, path=path.name),
                                 file=path, code="audio.missing",
                                 hint=_("Check the file name, or put the file in the workspace.")))
    if path.stat().st_size == 0:
        raise InputError(Problem(_("The {what} '{path}' is empty (0 bytes).").format(what=label, path=path.name),
                                 file=path, code="audio.empty", hint=_("Record or copy the file again.")))
    try:
        samples, found_rate = decode(path, rate)
    except ValueError as exc:
        raise InputError(Problem(_("The {what} '{path}' is not audio ffmpeg can read.").format(what=label, path=path.name),
                                 file=path, found=str(exc)[:200], code="audio.not-audio",
                                 expected=_("WAV, MP3, M4A or OGG"),
                                 hint=_("Export the recording again as WAV or MP3."))) from None
    defect = sound_defect(samples)
    if defect is not None:
        hints = {"silent": _("Check the microphone and record again."),
                 "clipped": _("Record again with the input level lower (speak a little further from the microphone)."),
                 "empty": _("Record or copy the file again.")}
        raise InputError(Problem(defect.message, file=path, found=defect.found, code=f"audio.{defect.kind}",
                                 hint=hints[defect.kind]))
    return samples, found_rate
