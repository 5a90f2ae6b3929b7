"""Engines: registry, espeak voices, gTTS with a fake (retries, offline message, fallback)."""

from __future__ import annotations

import io

import numpy as np
import pytest

from commcli.errors import InputError


def test_registry_builtins_only_under_tests():
    from commcli.audio.registry import engine_names, get_engine, plugins_enabled

    assert not plugins_enabled()
    assert engine_names() == ["espeak", "gtts", "recorded"]
    assert get_engine("espeak") is get_engine("espeak")
    with pytest.raises(InputError) as info:
        get_engine("nope")
    assert "espeak, gtts, recorded" in info.value.problems[0].hint


@pytest.mark.parametrize("voice", ["vi", "vi-VN-x-central", "vi-VN-x-south"])
def test_espeak_vietnamese_voices(voice):
    from commcli.audio.registry import get_engine

    result = get_engine("espeak").synthesize("Xin chào bà con.", "vi", voice, {"rate": 140})
    assert result.rate == 22050 and len(result.samples) > 22050 * 0.3
    assert result.samples.dtype == np.float32 and np.abs(result.samples).max() > 0.05


class FakeTTS:
    calls = 0
    fail_times = 0

    def __init__(self, text, lang, timeout):
        self.text, self.lang = text, lang

    def write_to_fp(self, fp: io.BytesIO):
        type(self).calls += 1
        if type(self).calls <= type(self).fail_times:
            raise ConnectionError("no route to host")
        fp.write(_mp3_bytes())


def _mp3_bytes() -> bytes:
    import subprocess

    from commcli.audio.ffmpeg import ffmpeg_exe

    return subprocess.run([ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", "sine=f=300:d=1:r=24000",
                           "-c:a", "libmp3lame", "-f", "mp3", "pipe:1"], capture_output=True, check=True).stdout


@pytest.fixture
def fake_gtts(monkeypatch):
    from commcli.audio.engines.gtts import GttsEngine

    sleeps: list[float] = []
    FakeTTS.calls = 0
    FakeTTS.fail_times = 0
    monkeypatch.setattr(GttsEngine, "factory", staticmethod(FakeTTS))
    monkeypatch.setattr(GttsEngine, "sleep", staticmethod(sleeps.append))
    return sleeps


def test_gtts_retries_with_backoff(fake_gtts):
    from commcli.audio.engines.gtts import GttsEngine

    FakeTTS.fail_times = 2
    result = GttsEngine().synthesize("Xin chào", "vi", None, {})
    assert result.encoded and FakeTTS.calls == 3
    assert fake_gtts == [1.0, 2.0]


def test_gtts_offline_message(fake_gtts):
    from commcli.audio.engines.base import EngineUnavailable
    from commcli.audio.engines.gtts import GttsEngine

    FakeTTS.fail_times = 99
    with pytest.raises(EngineUnavailable) as info:
        GttsEngine().synthesize("Xin chào", "vi", None, {})
    assert "offline" in info.value.message or "ngoại tuyến" in info.value.message or "gtts" in info.value.message


COMMUNE_GTTS = """
province: Điện Biên
commune: Xã Mường Nhé
officer: {{name: Lò Thị Hương}}
languages: [vi]
villages:
  - {{id: ban-a, name: Bản A, languages: [vi], cluster: c1}}
slots:
  - {{id: sang, name: Buổi sáng, days: [mon], start: "06:00", minutes: 15}}
audio:
  voices:
    vi: {{engine: gtts, fallback: {fallback}}}
"""


def _programme(text="Xin chào bà con."):
    from commcli.programme import Clip, Programme

    return Programme("2026-W48", "sang", "Buổi sáng", 15, "vi", (Clip("tin-1", "Tin", "vi", text, "thuong"),), ("ban-a",))


def test_gtts_online_through_build(fake_gtts, make_workspace, tmp_path):
    from commcli.audio import build_audio
    from commcli.workspace import open_workspace

    ws = open_workspace(make_workspace({"commune.yaml": COMMUNE_GTTS.format(fallback="espeak")}))
    result = build_audio(ws, [_programme()], tmp_path / "out")
    assert not result.problems
    assert [e["voice"] for e in result.manifest if e["kind"] == "clip"] == ["gtts"]


def test_gtts_offline_falls_back_to_espeak(fake_gtts, make_workspace, tmp_path):
    from commcli.audio import build_audio
    from commcli.workspace import open_workspace

    FakeTTS.fail_times = 99
    ws = open_workspace(make_workspace({"commune.yaml": COMMUNE_GTTS.format(fallback="espeak")}))
    result = build_audio(ws, [_programme()], tmp_path / "out")
    assert [p.code for p in result.problems] == ["audio.engine-fallback"]
    assert [e["voice"] for e in result.manifest if e["kind"] == "clip"] == ["espeak"]
    assert (tmp_path / "out" / "audio" / "sang" / "vi.mp3").stat().st_size > 1000  # speech, not silence


def test_gtts_offline_without_fallback_is_input_error(fake_gtts, make_workspace, tmp_path):
    from commcli.audio import build_audio
    from commcli.workspace import open_workspace

    FakeTTS.fail_times = 99
    ws = open_workspace(make_workspace({"commune.yaml": COMMUNE_GTTS.format(fallback="none")}))
    with pytest.raises(InputError) as info:
        build_audio(ws, [_programme()], tmp_path / "out")
    assert info.value.exit_code == 2
    assert info.value.problems[0].code == "audio.engine-unavailable"
