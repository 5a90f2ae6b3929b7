"""Loudness strips: a programme's level over time, measured at build time and drawn as a small inline SVG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FLOOR_DB = -60.0  # levels are measured down to this
SCALE_DB = (-45.0, -6.0)  # the strip draws this range: speech sits near the middle, pauses fall to the line
SILENT_DB = -45.0  # a stretch under this level counts as silence
LONG_SILENCE_S = 3.0  # gaps between items are about 1 s; a silence this long is worth seeing
STRIP_RATE = 8000  # decode rate for the strip: plenty for a level meter, cheap to decode
BINS = 240


@dataclass(frozen=True)
class Strip:
    """Levels (dBFS, RMS per bin) over ``seconds``, and the long silences found in them (start, end in s)."""

    levels: tuple[float, ...]
    seconds: float
    silences: tuple[tuple[float, float], ...] = ()


WINDOW_S = 0.1  # energies are kept per 100 ms: fine enough for silences, small enough to cache per clip


def energies_of(samples, rate: int):
    """Mean square per 100 ms window (the last, partial window included): what strips are drawn from."""
    import numpy as np

    window = max(1, int(rate * WINDOW_S))
    x = np.asarray(samples, dtype=np.float64)
    n = -(-len(x) // window)
    padded = np.zeros(n * window)
    padded[: len(x)] = x
    return (padded.reshape(n, window) ** 2).mean(axis=1) if n else np.zeros(0)


def _db(mean_square):
    import numpy as np

    return 20 * np.log10(np.maximum(np.sqrt(mean_square), 10 ** (FLOOR_DB / 20)))


def strip_from_energies(energies, seconds: float, bins: int = BINS) -> Strip:
    """The strip of a timeline of 100 ms energies lasting ``seconds`` (times are scaled to it)."""
    import numpy as np

    e = np.asarray(energies, dtype=np.float64)
    if len(e) == 0:
        return Strip(tuple([FLOOR_DB] * bins), seconds)
    edges = np.linspace(0, len(e), bins + 1)
    levels = []
    for a, b in zip(edges[:-1], edges[1:]):
        lo, hi = int(a), max(int(a) + 1, int(np.ceil(b)))
        levels.append(round(float(_db(e[lo:hi].mean())), 1) if lo < len(e) else FLOOR_DB)
    step = seconds / len(e)
    quiet = list(_db(e) < SILENT_DB) + [False]
    silences, begin = [], None
    for i, q in enumerate(quiet):
        if q and begin is None:
            begin = i
        elif not q and begin is not None:
            if (i - begin) * step >= LONG_SILENCE_S - 1e-9:
                silences.append((round(begin * step, 1), round(i * step, 1)))
            begin = None
    return Strip(tuple(levels), seconds, tuple(silences))


def levels_of(samples, rate: int, bins: int = BINS) -> tuple[float, ...]:
    """RMS level in dBFS per bin (pure: numpy array in, tuple out)."""
    return strip_from_energies(energies_of(samples, rate), len(samples) / rate, bins).levels


def silences_of(samples, rate: int) -> tuple:
    """Stretches of at least LONG_SILENCE_S under SILENT_DB (100 ms windows), as (start, end) seconds."""
    return strip_from_energies(energies_of(samples, rate), len(samples) / rate).silences


def file_energies(path: Path, cache_dir: Path | None = None, digest: str | None = None):
    """A file's 100 ms energies, decoded once and kept in ``cache_dir`` under its sha256 (clips recur every week)."""
    import json
    import os
    import tempfile

    import numpy as np

    from ..audio.ffmpeg import decode

    cached = cache_dir / f"{digest}.json" if cache_dir is not None and digest else None
    if cached is not None and cached.is_file():
        try:
            return np.asarray(json.loads(cached.read_text(encoding="utf-8")), dtype=np.float64)
        except ValueError:
            pass
    samples, rate = decode(Path(path), STRIP_RATE)
    energies = energies_of(samples, rate)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{cached.name}.", dir=cached.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump([float(f"{v:.3e}") for v in energies], handle)
        os.replace(tmp, cached)
    return energies


def measure_strip(path: Path, bins: int = BINS) -> Strip:
    """Decode an audio file (any format ffmpeg reads) and measure its strip."""
    from ..audio.ffmpeg import decode

    samples, rate = decode(Path(path), STRIP_RATE)
    return strip_from_energies(energies_of(samples, rate), len(samples) / rate, bins)


def programme_strip(pieces: list[tuple[Path, str | None]], gap: float, seconds: float, cache_dir: Path | None,
                    bins: int = BINS) -> Strip | None:
    """A programme's strip from its pieces' energies (intro, items, outro; ``gap`` seconds of silence between):
    each clip is decoded once however many programmes play it. None when the pieces do not add up to the programme."""
    import numpy as np

    parts = []
    for i, (path, digest) in enumerate(pieces):
        if i and gap > 0:
            parts.append(np.zeros(int(round(gap / WINDOW_S))))
        parts.append(file_energies(path, cache_dir, digest))
    if not parts:
        return None
    timeline = np.concatenate(parts)
    if abs(len(timeline) * WINDOW_S - seconds) > max(1.0, 0.03 * seconds):
        return None
    return strip_from_energies(timeline, seconds, bins)


def strip_svg(strip: Strip, *, label: str, height: int = 36, segments: list[tuple[float, float, str]] = ()) -> str:
    """The strip as an inline SVG: bars centred on a mid line, long silences shaded, and each item of the
    programme (``segments``: start, end in seconds, title) on its own alternating band with its title on hover.
    Every text is escaped here."""
    from markupsafe import escape

    bins = len(strip.levels)
    mid = height / 2
    low, high = SCALE_DB
    loud, quiet = [], []
    for i, db in enumerate(strip.levels):
        h = max(0.6, min(1.0, (db - low) / (high - low)) * (height - 2))
        (quiet if db < SILENT_DB else loud).append(f"M{i + 0.5:g} {mid - h / 2:.1f}v{h:.1f}")
    shades = []
    if strip.seconds > 0:
        for n, (start, end, title) in enumerate(segments):
            x = start / strip.seconds * bins
            w = max(0.5, (end - start) / strip.seconds * bins)
            shades.append(f'<rect class="seg{n % 2}" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}">'
                          f"<title>{escape(title)}</title></rect>")
        for start, end in strip.silences:
            x = start / strip.seconds * bins
            w = max(1.0, (end - start) / strip.seconds * bins)
            shades.append(f'<rect class="sil" x="{x:.1f}" y="0" width="{w:.1f}" height="{height}"/>')
    parts = [f'<svg class="strip" viewBox="0 0 {bins} {height}" preserveAspectRatio="none" role="img" '
             f'aria-label="{escape(label)}" focusable="false">', f"<title>{escape(label)}</title>", *shades]
    if loud:
        parts.append(f'<path class="lv" d="{"".join(loud)}"/>')
    if quiet:
        parts.append(f'<path class="qv" d="{"".join(quiet)}"/>')
    parts.append("</svg>")
    return "".join(parts)
