"""Programmes joined in Python: frames of every piece in order, fresh tags ffmpeg reads back, refused formats."""

from __future__ import annotations

import numpy as np
import pytest


def tone(path, seconds, freq, rate=22050):
    from commcli.audio.ffmpeg import encode_mp3, to_int16_bytes

    t = np.arange(int(seconds * rate)) / rate
    encode_mp3(to_int16_bytes((0.3 * np.sin(2 * np.pi * freq * t)).astype(np.float32)), rate, path,
               bitrate_kbps=64, tags={"title": "piece"})
    return path


def test_joined_programme_plays_every_piece_with_its_tags(tmp_path):
    from commcli.audio.ffmpeg import decode, mp3_duration, read_tags
    from commcli.audio.mp3join import join_mp3

    parts = [tone(tmp_path / "a.mp3", 1.0, 440), tone(tmp_path / "b.mp3", 2.0, 880)]
    out = tmp_path / "prog.mp3"
    tags = {"title": "Buổi sáng – Tiếng Việt – 2026-W48", "artist": "Xã Mường Nhé", "album": "2026-W48",
            "language": "vi", "comment": "sang", "grouping": "sang"}
    join_mp3(parts, out, tags=tags)
    assert mp3_duration(out) == pytest.approx(sum(mp3_duration(p) for p in parts), abs=0.001)
    samples, rate = decode(out, 22050)
    assert len(samples) / rate == pytest.approx(3.0, abs=0.2)
    # The last second is the 880 Hz piece: more zero crossings than the first. The first 0.1 s is left out:
    # the encoder's start-up frames hold noise at -80 dBFS whose sign flips would be counted.
    first, last = samples[rate // 10: rate // 10 + rate // 2], samples[-rate // 2:]
    crossings = [int(np.sum(np.abs(np.diff(np.sign(x))) > 0)) for x in (first, last)]
    assert crossings[1] > 1.8 * crossings[0]
    read = read_tags(out)
    assert {k: read.get(k) for k in tags} == tags


def test_pieces_of_different_formats_are_refused(tmp_path):
    from commcli.audio.mp3join import NotJoinable, join_mp3

    parts = [tone(tmp_path / "a.mp3", 0.5, 440), tone(tmp_path / "b.mp3", 0.5, 440, rate=24000)]
    with pytest.raises(NotJoinable):
        join_mp3(parts, tmp_path / "prog.mp3")
    assert not list(tmp_path.glob(".prog.mp3*")) and not (tmp_path / "prog.mp3").exists()
