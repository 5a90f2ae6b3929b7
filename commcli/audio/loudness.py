"""ITU-R BS.1770-4 loudness (K-weighting, gated integrated loudness), true peak, and normalization — numpy only."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU below the absolute-gated loudness
OVERSAMPLE = 4
# MP3 encoding adds a few tenths of a dB of overshoot; normalize under the ceiling by this much.
CODEC_MARGIN_DB = 1.0


@dataclass
class Measurement:
    """Loudness of a signal. ``subblocks`` are K-weighted mean squares of consecutive 100 ms pieces.

    Pieces concatenate: the measurement of a sequence of segments, each padded to whole 100 ms, is
    the gating of their joined pieces (``integrated_from_subblocks``), no need to hold them all at once.
    """

    integrated: float  # LUFS; -inf when every block is gated out (silence)
    true_peak: float  # dBTP
    sample_peak: float  # dBFS
    duration: float  # seconds
    subblocks: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0))


def _biquads(rate: int) -> list[tuple[tuple[float, float, float], tuple[float, float, float]]]:
    """K-weighting at any sample rate: the BS.1770 pre-filter (high shelf) then the RLB high-pass.

    Derived from the analog prototypes (as libebur128 does) so 22.05 kHz gets the right curve.
    """
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10.0 ** (gain_db / 20.0)
    vb = vh ** 0.4996667741545416
    a0 = 1.0 + k / q + k * k
    shelf = (
        ((vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0),
        (1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0),
    )
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1.0 + k / q + k * k
    highpass = ((1.0, -2.0, 1.0), (1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0))
    return [shelf, highpass]


@lru_cache(maxsize=8)
def _k_impulse(rate: int) -> np.ndarray:
    """The K-weighting impulse response, long enough (0.1 s) that the rest is below 1e-10."""
    n = int(rate * 0.1)
    x = np.zeros(n)
    x[0] = 1.0
    for b, a in _biquads(rate):
        y = np.zeros(n)
        x1 = x2 = y1 = y2 = 0.0
        b0, b1, b2 = b
        _, a1, a2 = a
        for i in range(n):
            xi = x[i]
            yi = b0 * xi + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2
            x2, x1, y2, y1 = x1, xi, y1, yi
            y[i] = yi
        x = y
    return x


def _fft_filter(x: np.ndarray, h: np.ndarray, block: int = 1 << 15) -> np.ndarray:
    """Linear convolution of x with FIR h, truncated to len(x) (overlap-add in blocks: bounded memory)."""
    n, m = len(x), len(h)
    if n == 0:
        return np.zeros(0)
    size = 1 << int(math.ceil(math.log2(block + m - 1)))
    step = size - m + 1
    hf = np.fft.rfft(h, size)
    out = np.zeros(n + m - 1, dtype=x.dtype)
    for start in range(0, n, step):
        seg = x[start:start + step]
        y = np.fft.irfft(np.fft.rfft(seg, size) * hf, size)[: len(seg) + m - 1]
        out[start:start + len(y)] += y
    return out[:n]


def k_weight(x: np.ndarray, rate: int) -> np.ndarray:
    # float32 is plenty for a measurement and twice as fast
    return _fft_filter(np.asarray(x, dtype=np.float32), _k_impulse(rate).astype(np.float32))


def subblock_size(rate: int) -> int:
    return int(round(rate * 0.1))


def subblock_energies(x: np.ndarray, rate: int) -> np.ndarray:
    """K-weighted mean square of each complete 100 ms piece (a trailing partial piece is padded with silence)."""
    y = k_weight(x, rate)
    step = subblock_size(rate)
    pieces = -(-len(y) // step)
    padded = np.zeros(pieces * step, dtype=np.float32)
    np.multiply(y, y, out=padded[: len(y)])
    return padded.reshape(pieces, step).mean(axis=1, dtype=np.float64)


def integrated_from_subblocks(sub: np.ndarray) -> float:
    """Gated integrated loudness from 100 ms pieces: 400 ms blocks, 75 % overlap, −70 LUFS and −10 LU gates."""
    sub = np.asarray(sub, dtype=np.float64)
    if len(sub) < 4:
        return float("-inf")
    c = np.concatenate(([0.0], np.cumsum(sub)))
    blocks = (c[4:] - c[:-4]) / 4.0
    with np.errstate(divide="ignore"):
        lk = -0.691 + 10.0 * np.log10(blocks)
    kept = blocks[lk > ABSOLUTE_GATE]
    if len(kept) == 0:
        return float("-inf")
    relative = -0.691 + 10.0 * math.log10(kept.mean()) + RELATIVE_GATE
    final = blocks[(lk > ABSOLUTE_GATE) & (lk > relative)]
    if len(final) == 0:
        return float("-inf")
    return -0.691 + 10.0 * math.log10(final.mean())


@lru_cache(maxsize=2)
def _oversampling_phases() -> np.ndarray:
    """Polyphase 4× interpolator (Kaiser-windowed sinc, 16 taps a phase): phases 1..3; phase 0 is the input."""
    half = 8 * OVERSAMPLE
    t = np.arange(-half, half + 1) / OVERSAMPLE
    h = np.sinc(t) * np.kaiser(len(t), 7.0)
    phases = []
    for p in range(1, OVERSAMPLE):
        taps = h[(np.arange(len(h)) % OVERSAMPLE) == (p % OVERSAMPLE)]
        phases.append(taps / taps.sum())
    return np.array(phases, dtype=np.float32)


def oversampled_envelope(x: np.ndarray) -> np.ndarray:
    """Per input sample, the largest magnitude of the 4× oversampled signal at or just after it."""
    x = np.asarray(x, dtype=np.float32)
    env = np.abs(x)
    n = len(x)
    if n == 0:
        return env
    phases = _oversampling_phases()
    taps = phases.shape[1]
    padded = np.concatenate((np.zeros(taps, np.float32), x, np.zeros(taps, np.float32)))
    shift = taps // 2  # centres the filter: phase p of sample n sits between x[n] and x[n+1]
    acc = np.empty(n, np.float32)
    for phase in phases:
        acc.fill(0.0)
        for k, c in enumerate(phase):
            start = taps + k - shift + 1 - 1
            acc += c * padded[start:start + n]
        np.maximum(env, np.abs(acc), out=env)
    return env


def _db(value: float) -> float:
    return 20.0 * math.log10(value) if value > 0 else float("-inf")


def true_peak(x: np.ndarray) -> float:
    """True peak in dBTP (4× oversampling, BS.1770-4 Annex 2)."""
    if len(x) == 0:
        return float("-inf")
    return _db(float(oversampled_envelope(x).max()))


def measure(x: np.ndarray, rate: int, *, envelope: np.ndarray | None = None) -> Measurement:
    """Integrated loudness, true peak, sample peak and the 100 ms pieces of ``x``."""
    x = np.asarray(x)
    sub = subblock_energies(x, rate)
    if envelope is None and len(x):
        envelope = oversampled_envelope(x)
    return Measurement(
        integrated=integrated_from_subblocks(sub),
        true_peak=_db(float(envelope.max())) if len(x) else float("-inf"),
        sample_peak=_db(float(np.abs(x).max())) if len(x) else float("-inf"),
        duration=len(x) / rate,
        subblocks=sub,
    )


def integrated_loudness(x: np.ndarray, rate: int) -> float:
    return integrated_from_subblocks(subblock_energies(x, rate))


def _limiter_block(rate: int) -> int:
    """About 5 ms, dividing 100 ms exactly so limiter blocks nest in loudness pieces."""
    step = subblock_size(rate)
    want = rate * 0.005
    return min((d for d in range(1, step + 1) if step % d == 0), key=lambda d: abs(d - want))


@dataclass
class _PeakMap:
    """What the limiter needs of a signal, per ~5 ms block: its oversampled peak and energy."""

    block: int
    peak_db: np.ndarray
    energy: np.ndarray

    @classmethod
    def of(cls, x: np.ndarray, rate: int, envelope: np.ndarray | None = None) -> "_PeakMap":
        b = _limiter_block(rate)
        step = subblock_size(rate)
        nblocks = -(-len(x) // step) * (step // b)
        env = np.zeros(nblocks * b, np.float32)
        env[: len(x)] = oversampled_envelope(x) if envelope is None else envelope
        energy = np.zeros(nblocks * b, np.float32)
        np.multiply(x, x, out=energy[: len(x)])
        with np.errstate(divide="ignore"):
            peak_db = 20.0 * np.log10(env.reshape(nblocks, b).max(axis=1).astype(np.float64))
        return cls(b, peak_db, energy.reshape(nblocks, b).sum(axis=1, dtype=np.float64))

    def gain_db(self, gain: float, ceiling_db: float, rate: int, release_db_per_s: float = 60.0) -> np.ndarray:
        """Per block: limiter gain (≤ 0 dB) after ``gain`` so every block's peak stays under the ceiling."""
        req = np.minimum(0.0, ceiling_db - (self.peak_db + gain))
        # a block's gain also covers its neighbours, so the interpolated gain never exceeds what a sample needs
        req = np.minimum(req, np.minimum(np.concatenate(([0.0], req[:-1])), np.concatenate((req[1:], [0.0]))))
        idx = np.arange(len(req), dtype=np.float64)
        rel = release_db_per_s * self.block / rate  # dB per block going back up
        att = 6.0  # dB per block coming down ahead of a peak
        forward = rel * idx + np.minimum.accumulate(req - rel * idx)
        backward = -att * idx + np.minimum.accumulate((req + att * idx)[::-1])[::-1]
        return np.minimum(forward, backward)

    def apply(self, x: np.ndarray, block_gain_db: np.ndarray) -> np.ndarray:
        centers = np.arange(len(block_gain_db)) * self.block + (self.block - 1) / 2.0
        g = np.interp(np.arange(len(x), dtype=np.float32), centers, 10.0 ** (block_gain_db / 20.0))
        return (x * g.astype(np.float32)).astype(np.float32)


def limit(x: np.ndarray, rate: int, ceiling_db: float) -> np.ndarray:
    """A look-ahead peak limiter: smooth gain reduction so the oversampled peak stays under ``ceiling_db``."""
    x = np.asarray(x, dtype=np.float32)
    peaks = _PeakMap.of(x, rate)
    return peaks.apply(x, peaks.gain_db(0.0, ceiling_db, rate))


def _gained(m: Measurement, gain_db: float) -> Measurement:
    """The measurement of the same signal after a plain gain: loudness is linear, no need to filter again."""
    g2 = 10.0 ** (gain_db / 10.0)
    return Measurement(m.integrated + gain_db, m.true_peak + gain_db, m.sample_peak + gain_db, m.duration, m.subblocks * g2)


def _limited_gain(peaks: _PeakMap, m: Measurement, gain: float, target: float, ceiling: float, rate: int):
    """The gain that, followed by limiting, lands near ``target``: (gain_db, per-block limiter gain in dB).

    The loudness after limiting is estimated without filtering again: each 100 ms piece's K-weighted
    energy is scaled by how much of its (unweighted) energy the limiter keeps.
    """
    pieces = len(m.subblocks)
    per = len(peaks.energy) // max(pieces, 1)
    energy = peaks.energy.reshape(pieces, per)
    base = np.maximum(energy.sum(axis=1), 1e-30)
    previous: tuple[float, float] | None = None
    block_gain = peaks.gain_db(gain, ceiling, rate)
    for _ in range(12):
        block_gain = peaks.gain_db(gain, ceiling, rate)
        kept = (energy * 10.0 ** (block_gain.reshape(pieces, per) / 10.0)).sum(axis=1) / base
        estimate = integrated_from_subblocks(m.subblocks * 10.0 ** (gain / 10.0) * kept)
        if abs(estimate - target) <= 0.05:
            break
        slope = 1.0  # secant step: the limiter eats part of any added gain
        if previous is not None and abs(estimate - previous[1]) > 1e-6:
            slope = min(max((gain - previous[0]) / (estimate - previous[1]), 1.0), 8.0)
        previous = (gain, estimate)
        gain += min((target - estimate) * slope, 12.0)
    return gain, block_gain


def normalize(x: np.ndarray, rate: int, target_lufs: float = -16.0, max_true_peak: float = -1.0,
              *, margin_db: float = CODEC_MARGIN_DB) -> tuple[np.ndarray, Measurement]:
    """Gain to ``target_lufs`` then limiting so the true peak stays ``margin_db`` under ``max_true_peak``.

    Returns the float32 result and its measurement. Silence comes back unchanged (integrated = -inf).
    """
    y = np.asarray(x, dtype=np.float32)
    ceiling = max_true_peak - margin_db
    envelope = oversampled_envelope(y)
    m = measure(y, rate, envelope=envelope)
    if not math.isfinite(m.integrated):
        return y, m
    gain = target_lufs - m.integrated
    if m.true_peak + gain <= ceiling:
        return (y * np.float32(10.0 ** (gain / 20.0))).astype(np.float32), _gained(m, gain)
    peaks = _PeakMap.of(y, rate, envelope)
    del envelope
    for _round in range(3):
        gain, block_gain = _limited_gain(peaks, m, gain, target_lufs, ceiling - 0.1, rate)
        candidate = peaks.apply(y, block_gain + gain)
        exact = measure(candidate, rate)
        y_out, m_out = candidate, exact
        if abs(exact.integrated - target_lufs) <= 0.3:
            break
        gain += target_lufs - exact.integrated  # the estimate was off: correct it and limit again
    y, m = y_out, m_out
    if m.true_peak > ceiling:  # last resort: plain gain down; loudness may end a little under target
        gain = ceiling - m.true_peak
        y = (y * np.float32(10.0 ** (gain / 20.0))).astype(np.float32)
        m = _gained(m, gain)
    return y, m
