"""Loudness strips: a programme's level over time, measured at build time and drawn as a small inline SVG."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FLOOR_DB = -60.0  # the strip's bottom: quieter than this draws as a flat line
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


def levels_of(samples, rate: int, bins: int = BINS) -> tuple[float, ...]:
    """RMS level in dBFS per bin (pure: numpy array in, tuple out)."""
    import numpy as np

    if len(samples) == 0:
        return tuple([FLOOR_DB] * bins)
    edges = np.linspace(0, len(samples), bins + 1).astype(int)
    squares = np.asarray(samples, dtype=np.float64) ** 2
    sums = np.add.reduceat(squares, edges[:-1]) if len(squares) else np.zeros(bins)
    counts = np.maximum(np.diff(edges), 1)
    rms = np.sqrt(sums / counts)
    # reduceat repeats the value for empty bins (short files): those are empty, so silent.
    rms[np.diff(edges) == 0] = 0.0
    db = 20 * np.log10(np.maximum(rms, 10 ** (FLOOR_DB / 20)))
    return tuple(round(float(v), 1) for v in db)


def silences_of(samples, rate: int, *, threshold_db: float = SILENT_DB, min_seconds: float = LONG_SILENCE_S) -> tuple:
    """Stretches of at least ``min_seconds`` under ``threshold_db`` (100 ms windows), as (start, end) seconds."""
    import numpy as np

    window = max(1, rate // 10)
    n = len(samples) // window
    if n == 0:
        return ()
    blocks = np.asarray(samples[: n * window], dtype=np.float64).reshape(n, window)
    quiet = 20 * np.log10(np.maximum(np.sqrt((blocks ** 2).mean(axis=1)), 1e-9)) < threshold_db
    out, start = [], None
    for i, q in enumerate(list(quiet) + [False]):
        if q and start is None:
            start = i
        elif not q and start is not None:
            if (i - start) * window / rate >= min_seconds:
                out.append((round(start * window / rate, 1), round(i * window / rate, 1)))
            start = None
    return tuple(out)


def measure_strip(path: Path, bins: int = BINS) -> Strip:
    """Decode an audio file (any format ffmpeg reads) and measure its strip."""
    from ..audio.ffmpeg import decode

    samples, rate = decode(Path(path), STRIP_RATE)
    return Strip(levels=levels_of(samples, rate, bins), seconds=len(samples) / rate, silences=silences_of(samples, rate))


def strip_svg(strip: Strip, *, label: str, height: int = 36) -> str:
    """The strip as an inline SVG (bars centred on a mid line, long silences shaded); ``label`` is escaped here."""
    from markupsafe import escape

    bins = len(strip.levels)
    mid = height / 2
    loud, quiet = [], []
    for i, db in enumerate(strip.levels):
        h = max(0.6, (max(db, FLOOR_DB) - FLOOR_DB) / -FLOOR_DB * (height - 2))
        (quiet if db < SILENT_DB else loud).append(f"M{i + 0.5:g} {mid - h / 2:.1f}v{h:.1f}")
    shades = []
    if strip.seconds > 0:
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
