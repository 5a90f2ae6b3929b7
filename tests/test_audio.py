"""Audio: loudness against ffmpeg's ebur128, programmes, playlists, tags, cache, engines, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from commcli.errors import ContentError, InputError
from commcli.programme import Clip, Programme

COMMUNE = """
province: Điện Biên
commune: Xã Mường Nhé
officer: {name: Lò Thị Hương}
languages: [vi, hmn]
villages:
  - {id: ban-a, name: Bản A, languages: [vi, hmn], cluster: c1}
slots:
  - {id: sang, name: Buổi sáng, days: [mon], start: "06:00", minutes: 15}
audio:
  gap_seconds: 0.5
  voices:
    vi: {engine: espeak, voice: vi}
    hmn: {engine: recorded}
"""


def programme(texts, lang="vi", week="2026-W48"):
    clips = tuple(Clip(f"tin-{i}", f"Tin {i}", lang, t, "thuong") for i, t in enumerate(texts))
    return Programme(week, "sang", "Buổi sáng", 15, lang, clips, ("ban-a",))


def wav_bytes(samples: np.ndarray, rate: int = 22050) -> bytes:
    import io
    import wave

    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return buf.getvalue()


def tone(seconds=3.0, rate=22050, amp=0.3, freq=440.0):
    t = np.arange(int(seconds * rate)) / rate
    return (amp * np.sin(2 * np.pi * freq * t) * (1 + 0.5 * np.sin(2 * np.pi * 3 * t))).astype(np.float32)


@pytest.fixture
def ws_factory(make_workspace):
    from commcli.workspace import open_workspace

    def make(commune=COMMUNE, files=None):
        root = make_workspace({"commune.yaml": commune, **(files or {})})
        return open_workspace(root)

    return make


# --- loudness -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("rate,freq,amp", [(48000, 1000.0, 0.1), (22050, 440.0, 0.25), (44100, 3000.0, 0.5)])
def test_loudness_matches_ffmpeg_ebur128(tmp_path, rate, freq, amp):
    from commcli.audio.ffmpeg import ebur128
    from commcli.audio.loudness import measure

    x = tone(6.0, rate, amp, freq)
    x[: rate] *= 0.05  # a quiet second: the gates must agree too
    path = tmp_path / "t.wav"
    path.write_bytes(wav_bytes(x, rate))
    ours = measure(x, rate)
    theirs_i, theirs_tp = ebur128(path)
    assert abs(ours.integrated - theirs_i) <= 0.5
    assert abs(ours.true_peak - theirs_tp) <= 0.5


def test_reference_sine_is_minus_23():
    from commcli.audio.loudness import integrated_loudness

    t = np.arange(48000 * 5) / 48000
    assert abs(integrated_loudness(0.1 * np.sin(2 * np.pi * 1000 * t), 48000) - (-23.0)) < 0.05


def test_normalize_reaches_target_under_ceiling():
    from commcli.audio.loudness import measure, normalize

    rng = np.random.default_rng(1)
    x = (rng.normal(0, 0.05, 22050 * 4) * np.repeat(rng.uniform(0.1, 1, 40), 22050 // 10 + 1)[: 22050 * 4]).astype(np.float32)
    x[1000] = 0.99  # a spike the limiter must catch
    y, m = normalize(x, 22050, -16.0, -1.0)
    check = measure(y, 22050)
    assert abs(check.integrated - (-16.0)) <= 0.5
    assert check.true_peak <= -1.0


def test_silence_gates_out():
    from commcli.audio.loudness import integrated_loudness

    assert integrated_loudness(np.zeros(22050 * 2), 22050) == float("-inf")


# --- a whole programme ------------------------------------------------------------------------------------------


def test_programme_loudness_playlists_tags_and_cache(ws_factory, tmp_path, monkeypatch):
    from commcli.audio import build_audio
    from commcli.audio.engines import espeak
    from commcli.audio.ffmpeg import decode, ebur128, read_tags

    ws = ws_factory()
    progs = [programme(["Xã Mường Nhé thông báo lịch tiêm chủng cho trẻ em dưới năm tuổi.",
                        "Bà con không đốt nương trong những ngày nắng nóng."])]
    out = tmp_path / "build"
    result = build_audio(ws, progs, out)
    prog = out / "audio" / "sang" / "vi.mp3"
    assert prog.is_file() and result.synthesized == 2
    integrated, peak = ebur128(prog)
    assert abs(integrated - (-16.0)) <= 1.0
    assert peak <= -1.0
    tags = read_tags(prog)
    assert tags["artist"] == "Xã Mường Nhé" and tags["album"] == "2026-W48" and tags["language"] == "vi"
    assert "Buổi sáng" in tags["title"]
    assert read_tags(out / "audio" / "clips" / "tin-0.vi.mp3")["title"] == "Tin 0"

    for playlist in (out / "playlists" / "ban-a").glob("*.m3u8"):
        text = playlist.read_text(encoding="utf-8")
        assert text.startswith("#EXTM3U\n")
        for seconds, path in re.findall(r"#EXTINF:([\d.]+),[^\n]*\n([^\n]+)", text):
            target = (playlist.parent / path).resolve()
            assert target.is_file(), path
            samples, rate = decode(target)
            assert abs(len(samples) / rate - float(seconds)) <= 0.5
    manifest = {e["path"]: e for e in result.manifest}
    assert manifest["audio/sang/vi.mp3"]["integrated_lufs"] == pytest.approx(-16.0, abs=1.0)
    # The manifest reports what the MP3 measures (not what went into the encoder).
    assert manifest["audio/sang/vi.mp3"]["integrated_lufs"] == pytest.approx(integrated, abs=0.3)
    assert manifest["audio/sang/vi.mp3"]["true_peak_dbtp"] == pytest.approx(peak, abs=0.3)
    assert all(len(e["sha256"]) == 64 for e in manifest.values())

    # rebuild: nothing synthesized again
    def boom(*a, **k):
        raise AssertionError("synthesis called on an unchanged rebuild")

    monkeypatch.setattr(espeak.EspeakEngine, "synthesize", boom)
    again = build_audio(ws, progs, tmp_path / "again")
    assert again.synthesized == 0
    assert (tmp_path / "again" / "audio" / "sang" / "vi.mp3").read_bytes() == prog.read_bytes()
    monkeypatch.undo()
    edited = build_audio(ws, [programme(["Xã Mường Nhé thông báo lịch tiêm chủng cho trẻ em dưới năm tuổi.",
                                         "Bà con không đốt nương."])], tmp_path / "edited")
    assert edited.synthesized == 1


def test_missing_recording_is_left_out_in_draft_and_refused_in_release(ws_factory, tmp_path):
    from commcli.audio import build_audio

    ws = ws_factory()
    progs = [programme(["Câu tiếng Việt ngắn."]), programme(["Lus Hmoob"], lang="hmn")]
    result = build_audio(ws, progs, tmp_path / "draft")
    assert any(p.code == "audio.recording-missing" for p in result.problems)
    assert not (tmp_path / "draft" / "audio" / "sang" / "hmn.mp3").exists()
    assert (tmp_path / "draft" / "audio" / "sang" / "vi.mp3").is_file()
    with pytest.raises(ContentError):
        build_audio(ws, progs, tmp_path / "release", release=True)
    assert not (tmp_path / "release").exists()


def test_recorded_clip_is_used(ws_factory, tmp_path):
    import hashlib
    import json

    from commcli.audio import build_audio

    text = "Lus Hmoob"
    index = {"tin-0.hmn": {"file": "tin-0.hmn.wav", "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                           "duration": 3.0, "imported_from": "a.wav", "imported_on": "2026-11-20T10:00:00"}}
    ws = ws_factory(files={"recordings/hmn/tin-0.hmn.wav": wav_bytes(tone()),
                           "recordings/hmn/index.json": json.dumps(index)})
    result = build_audio(ws, [programme([text], lang="hmn")], tmp_path / "o")
    assert not result.problems
    assert (tmp_path / "o" / "audio" / "sang" / "hmn.mp3").is_file()
    stale = build_audio(ws, [programme(["Lus Hmoob tshiab"], lang="hmn")], tmp_path / "o2")
    assert [p.code for p in stale.problems][0] == "audio.recording-stale"


# --- bad input --------------------------------------------------------------------------------------------------


def test_jingle_outside_workspace_refused(ws_factory, tmp_path):
    from commcli.audio import build_audio

    ws = ws_factory(COMMUNE.replace("  gap_seconds: 0.5\n", "  gap_seconds: 0.5\n  intro: ../../etc/passwd\n"))
    out = tmp_path / "out"
    with pytest.raises(InputError) as info:
        build_audio(ws, [programme(["Xin chào."])], out)
    assert info.value.exit_code == 2
    problem = info.value.problems[0]
    assert problem.code == "path.outside" and problem.file.name == "commune.yaml" and problem.line is not None
    assert not out.exists()
    assert not (ws.root / ".cache").exists()


def test_jingle_not_audio_refused(ws_factory, tmp_path):
    from commcli.audio import build_audio

    ws = ws_factory(COMMUNE.replace("  gap_seconds: 0.5\n", "  gap_seconds: 0.5\n  intro: jingle.mp3\n"),
                    files={"jingle.mp3": "this is not audio"})
    with pytest.raises(InputError) as info:
        build_audio(ws, [programme(["Xin chào."])], tmp_path / "out")
    assert info.value.problems[0].code == "audio.not-audio"
    assert not (tmp_path / "out").exists()


def test_unknown_engine_lists_available(ws_factory, tmp_path):
    from commcli.audio import build_audio

    ws = ws_factory(COMMUNE.replace("vi: {engine: espeak, voice: vi}", "vi: {engine: festival}"))
    with pytest.raises(InputError) as info:
        build_audio(ws, [programme(["Xin chào."])], tmp_path / "out")
    problem = info.value.problems[0]
    assert "festival" in problem.message and "espeak" in problem.hint and "gtts" in problem.hint
    assert problem.line is not None
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("content,code", [
    (b"", "audio.empty"),
    (b"RIFF....not a wave at all", "audio.not-audio"),
    ("silent", "audio.silent"),
    ("clipped", "audio.clipped"),
])
def test_probe_audio_refuses_bad_files(tmp_path, content, code):
    from commcli.audio import probe_audio

    if content == "silent":
        content = wav_bytes(np.zeros(22050, np.float32))
    elif content == "clipped":
        content = wav_bytes(np.clip(tone(amp=3.0), -1, 1))
    path = tmp_path / "x.wav"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        probe_audio(path)
    assert info.value.problems[0].code == code
    assert info.value.problems[0].file == path


def test_probe_audio_reads_good_file(tmp_path):
    from commcli.audio import probe_audio

    path = tmp_path / "ok.wav"
    path.write_bytes(wav_bytes(tone(2.0, 16000), 16000))
    samples, rate = probe_audio(path)
    assert rate == 16000 and abs(len(samples) / rate - 2.0) < 0.01


def test_build_interrupted_half_way_leaves_nothing_half_written_and_next_run_completes(make_workspace, monkeypatch):
    """A build killed while encoding: no out/<week>/, no half-written MP3 under a final name anywhere, and
    the next run completes (using the clips already cached)."""
    from commcli.audio import ffmpeg
    from commcli.bulletins.build import build_bulletin
    from commcli.workspace import open_workspace

    bulletin = """
    week: 2026-W48
    items:
      - {id: tin-mot, title: Tin một, category: thong-bao, priority: thuong, status: approved,
         approved_by: Lò Thị Hương, approved_on: 2026-11-20, text: {vi: "Thưa bà con, chiều nay họp bản lúc 17 giờ."}}
      - {id: tin-hai, title: Tin hai, category: y-te, priority: uu-tien, status: approved,
         approved_by: Lò Thị Hương, approved_on: 2026-11-20, text: {vi: "Bà con nhớ gia hạn thẻ bảo hiểm y tế."}}
    """
    root = make_workspace({"commune.yaml": COMMUNE.replace("languages: [vi, hmn]", "languages: [vi]")
                           .replace("languages: [vi, hmn], cluster", "languages: [vi], cluster")
                           .replace("    hmn: {engine: recorded}\n", ""),
                           "bulletins/2026-W48.yaml": bulletin})
    from commcli.audio import mp3join

    real_concat = mp3join.join_mp3

    def killed(parts, dest, **kwargs):
        Path(dest).write_bytes(b"ID3 half")  # what an interrupted join leaves behind
        raise KeyboardInterrupt

    monkeypatch.setattr(mp3join, "join_mp3", killed)
    with pytest.raises(KeyboardInterrupt):
        build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", quiet=True)
    assert not (root / "out" / "2026-W48").exists()
    assert not [p for p in (root / "out").rglob("*") if p.is_file()] if (root / "out").exists() else True

    monkeypatch.setattr(mp3join, "join_mp3", real_concat)
    result = build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", quiet=True)
    programme = result.out_dir / "audio" / "sang" / "vi.mp3"
    assert programme.is_file() and programme.read_bytes()[:3] == b"ID3" and programme.stat().st_size > 5000
    from commcli.audio.ffmpeg import mp3_duration

    assert mp3_duration(programme) > 3
