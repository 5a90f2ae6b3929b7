"""Benchmark: the MP3 encoder setting (LAME's algorithm level) on the Vietnamese voice — speed and sound.

For each level: encoding time of ~1 minute of speech at the workspace's 64 kbit/s, 22,050 Hz; SNR of the decoded
audio against the source; energy kept per frequency band; integrated loudness lost. Writes spectrograms
(source, LAME's default, the level commcli uses) to BENCH_OUT (default: a temporary folder) to look at.
Run: `.venv/bin/python bench/encoder.py`. Reports only; exit 1 if the encoder cannot run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

RATE = 22050
TEXT = ("Ủy ban nhân dân xã Mường Nhé thông báo lịch tiêm chủng mở rộng cho trẻ em dưới năm tuổi tại trạm y tế xã "
        "vào sáng thứ hai ngày mười hai tháng mười hai. ") * 6
BANDS = [(0, 1000), (1000, 4000), (4000, 8000), (8000, RATE // 2)]


def run(cmd: list[str], data: bytes) -> bytes:
    proc = subprocess.run(cmd, input=data, capture_output=True)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode("utf-8", "replace")[-300:])
    return proc.stdout


def spectrogram(x: np.ndarray, seconds: float = 8.0) -> np.ndarray:
    n, hop = 1024, 256
    window = np.hanning(n)
    frames = [np.abs(np.fft.rfft(x[i:i + n] * window)) for i in range(0, int(min(len(x), RATE * seconds)) - n, hop)]
    db = 20 * np.log10(np.array(frames).T + 1e-6)
    return (np.clip((db + 100) / 100, 0, 1)[::-1] * 255).astype("uint8")


def main() -> int:
    import imageio_ffmpeg

    from commcli.audio import loudness
    from commcli.audio.engines.espeak import EspeakEngine
    from commcli.audio.ffmpeg import LAME_LEVEL

    ff = imageio_ffmpeg.get_ffmpeg_exe()
    engine = EspeakEngine()
    engine.available()
    x = engine.synthesize(TEXT, "vi", None, {}).samples.astype(np.float64)
    pcm = (np.clip(x, -1, 1) * 32767).astype("<i2").tobytes()
    source_lufs = loudness.integrated_loudness(x.astype(np.float32), RATE)
    print(f"encoder: LAME levels on {len(x) / RATE:.0f} s of the Vietnamese voice, 64 kbit/s mono, {RATE} Hz "
          f"(commcli uses level {LAME_LEVEL})")
    images = [spectrogram(x)]
    for level in (None, 5, LAME_LEVEL, 9):
        cmd = [ff, "-hide_banner", "-loglevel", "error", "-f", "s16le", "-ar", str(RATE), "-ac", "1", "-i", "pipe:0",
               "-c:a", "libmp3lame", "-b:a", "64k"] + ([] if level is None else ["-compression_level", str(level)])
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            mp3 = run(cmd + ["-f", "mp3", "pipe:1"], pcm)
            best = min(best, time.perf_counter() - start)
        y = np.frombuffer(run([ff, "-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1",
                               "-ar", str(RATE), "pipe:1"], mp3), "<i2").astype(np.float64) / 32768
        lag = max(range(0, 2000), key=lambda k: float(np.dot(x[:RATE * 2], y[k:k + RATE * 2])))
        y = y[lag:lag + len(x)]
        n = min(len(x), len(y))
        snr = 10 * np.log10(np.sum(x[:n] ** 2) / np.sum((x[:n] - y[:n]) ** 2))
        spectrum_x, spectrum_y = np.abs(np.fft.rfft(x[:n])), np.abs(np.fft.rfft(y[:n]))
        freqs = np.fft.rfftfreq(n, 1 / RATE)
        kept = []
        for lo, hi in BANDS:
            band = (freqs >= lo) & (freqs < hi)
            kept.append(f"{10 * np.log10(np.sum(spectrum_y[band] ** 2) / np.sum(spectrum_x[band] ** 2)):+.2f}")
        lost = source_lufs - loudness.integrated_loudness(y[:n].astype(np.float32), RATE)
        name = "LAME default" if level is None else f"level {level}"
        print(f"  {name:<13} {best * 1000:5.0f} ms  {len(mp3):7d} bytes  SNR {snr:5.1f} dB  loudness lost {lost:4.2f} LU  "
              f"dB kept per band {'/'.join(f'{lo}-{hi}' for lo, hi in BANDS)} Hz: {' '.join(kept)}")
        if level in (None, LAME_LEVEL):
            images.append(spectrogram(y))
    out = Path(os.environ.get("BENCH_OUT") or tempfile.mkdtemp(prefix="commcli-encoder-"))
    out.mkdir(parents=True, exist_ok=True)
    from PIL import Image

    for name, image in zip(("source", "lame-default", f"lame-level-{LAME_LEVEL}"), images):
        Image.fromarray(image).save(out / f"spectrogram-{name}.png")
    print(f"  spectrograms (8 s, 0–{RATE // 2} Hz): {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
