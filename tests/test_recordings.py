"""Recordings: kits for announcers, import of delivered files (checks, trimming, conversion), index and staleness."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from commcli.voice import check as vcheck, clips as vclips, index as vindex, status as vstatus
from commcli.programme import Clip, Programme

COMMUNE = """
province: Điện Biên
commune: Xã Mường Nhé
officer:
  name: Lò Thị Hương
languages: [vi, hmn, blt]
villages:
  - id: ban-a
    name: Bản A
    languages: [hmn, vi]
    cluster: c1
  - id: ban-b
    name: Bản B
    languages: [blt, vi]
    cluster: c1
slots:
  - id: sang
    name: Buổi sáng
    days: [mon]
    start: "06:00"
    minutes: 15
audio:
  voices:
    vi: {engine: espeak, voice: vi}
    hmn: {engine: recorded}
    blt: {engine: recorded}
"""

BHYT_HMN = "Txhua tus neeg yuav tsum rov qab them nqi BHYT ua ntej hnub 30/11."
FLOOD_HMN = "Ceeb toom: dej nyab thiab av qeeg tej zaum yuav tshwm sim hmo no."
RATE = 22050


def clips(bhyt_text: str = BHYT_HMN) -> tuple[Clip, ...]:
    return (
        Clip("lu-quet", "Cảnh báo lũ quét", "hmn", FLOOD_HMN, "khan-cap"),
        Clip("bhyt-gia-han", "Gia hạn thẻ BHYT", "hmn", bhyt_text, "uu-tien"),
        Clip("lu-quet", "Cảnh báo lũ quét", "hmn", FLOOD_HMN, "khan-cap", repeat_index=1),
        Clip("lu-quet", "Cảnh báo lũ quét", "blt-Tavt", "ꪹꪀꪷ ꪁꪮꪉ ꪻꪮ", "khan-cap"),
        Clip("lu-quet", "Cảnh báo lũ quét", "vi", "Cảnh báo lũ quét.", "khan-cap", status="approved"),
    )


def programmes(bhyt_text: str = BHYT_HMN) -> list[Programme]:
    all_clips = clips(bhyt_text)
    return [
        Programme("2026-W48", "sang", "Buổi sáng", 15, lang, tuple(c for c in all_clips if c.language == lang))
        for lang in ("hmn", "blt-Tavt", "vi")
    ]


@pytest.fixture
def bulletin():
    """The BHYT item's current H'Mông text; a test edits ``bulletin["text"]`` to change the bulletin."""
    return {"text": BHYT_HMN}


@pytest.fixture
def ws_root(make_workspace, monkeypatch, bulletin):
    """A workspace whose one bulletin yields ``programmes(bulletin["text"])``."""
    root = make_workspace({"commune.yaml": COMMUNE, "bulletins/2026-W48.yaml": "week: 2026-W48\n"})
    monkeypatch.setattr(vclips, "load_bulletin_programmes", lambda ws, path: programmes(bulletin["text"]))
    return root


def open_ws(root: Path):
    from commcli.workspace import open_workspace

    return open_workspace(root)


# --- audio fixtures: tones and noise generated here, encoded with ffmpeg --------------------------------------


def speech_like(seconds: float, rate: int = 44100, level: float = 0.3, seed: int = 1) -> np.ndarray:
    """A syllable-rate modulated harmonic tone with a little noise: loud enough, never clipped."""
    t = np.arange(int(seconds * rate)) / rate
    rng = np.random.default_rng(seed)
    voice = sum(np.sin(2 * np.pi * f * t) / (k + 1) for k, f in enumerate((180, 360, 540, 900)))
    envelope = 0.55 + 0.45 * np.sin(2 * np.pi * 4 * t)
    signal = voice * envelope + 0.05 * rng.standard_normal(len(t))
    return (level * signal / np.abs(signal).max()).astype(np.float32)


def with_silence(core: np.ndarray, before: float = 1.0, after: float = 1.2, rate: int = 44100) -> np.ndarray:
    rng = np.random.default_rng(7)
    hiss = lambda s: (10 ** (-70 / 20) * rng.standard_normal(int(s * rate))).astype(np.float32)  # noqa: E731
    return np.concatenate([hiss(before), core, hiss(after)])


def wav_file(path: Path, samples: np.ndarray, rate: int = 44100, channels: int = 1) -> Path:
    data = np.clip(np.round(samples * 32767), -32768, 32767).astype("<i2")
    if channels == 2:
        data = np.repeat(data, 2)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data.tobytes())
    return path


def encode(source: Path, target: Path) -> Path:
    import imageio_ffmpeg

    codec = {".ogg": ["-c:a", "libvorbis"], ".mp3": ["-c:a", "libmp3lame", "-b:a", "96k"], ".m4a": ["-c:a", "aac"]}
    subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-nostdin", "-loglevel", "error", "-y", "-i", str(source),
                    *codec[target.suffix], str(target)], check=True)
    return target


def good_recording(folder: Path, clip_id: str, suffix: str = ".wav", seconds: float = 1.5, stereo: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    wav = wav_file(folder / f"{clip_id}{'.src' if suffix != '.wav' else ''}.wav", with_silence(speech_like(seconds)),
                   channels=2 if stereo else 1)
    if suffix == ".wav":
        return wav
    target = encode(wav, folder / f"{clip_id}{suffix}")
    wav.unlink()
    return target


def read_wav(path: Path) -> tuple[int, int, int, float]:
    with wave.open(str(path)) as f:
        return f.getnchannels(), f.getframerate(), f.getsampwidth(), f.getnframes() / f.getframerate()


def stored(root: Path) -> list[str]:
    base = root / "recordings"
    return sorted(str(p.relative_to(base)) for p in base.rglob("*") if p.is_file()) if base.exists() else []


# --- pure functions ------------------------------------------------------------------------------------------


def test_clip_text_hash_is_nfc_and_ignores_outer_whitespace():
    composed = "Thông báo"
    decomposed = "Tho\u0302ng ba\u0301o"
    assert vindex.clip_text_hash(composed) == vindex.clip_text_hash(decomposed) == vindex.clip_text_hash(f"  {composed}\n")
    assert vindex.clip_text_hash(composed) != vindex.clip_text_hash("Thông báo!")
    assert len(vindex.clip_text_hash(composed)) == 64


def test_unique_clips_share_repeats_and_filter_by_language():
    hmn = vclips.unique_clips(programmes(), "hmn")
    assert [c.clip_id for c in hmn] == ["lu-quet.hmn", "bhyt-gia-han.hmn"]
    assert [c.clip_id for c in vclips.unique_clips(programmes(), "blt")] == ["lu-quet.blt-Tavt"]


def test_speech_bounds_ignore_a_click_before_the_speech():
    rate = RATE
    core = speech_like(1.0, rate=rate)
    signal = np.zeros(int(3 * rate), dtype=np.float32)
    signal[int(0.2 * rate):int(0.2 * rate) + 50] = 0.5  # a 2 ms click from the record button
    signal[rate:2 * rate] = core
    start, end, _ = vcheck.speech_bounds(signal, rate)
    assert abs(start / rate - 1.0) < 0.03 and abs(end / rate - 2.0) < 0.03


def test_clipped_fraction_tells_plateaus_from_peaks():
    t = np.arange(44100) / 44100
    full_scale_sine = np.sin(2 * np.pi * 100 * t).astype(np.float32)
    assert vcheck.clipped_fraction(full_scale_sine)[1] < vcheck.CLIP_RATIO
    clipped = np.clip(4 * full_scale_sine, -1, 1)
    assert vcheck.clipped_fraction(clipped)[1] > 0.5


# --- kit ----------------------------------------------------------------------------------------------------


def test_kit_writes_script_csv_readme(cli, ws_root):
    out = ws_root / "kit-hmn"
    result = cli("--workspace", ws_root, "recordings", "kit", ws_root / "bulletins/2026-W48.yaml", "--lang", "hmn",
                 "-o", out, ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [".commcli-made.json", "README.txt", "clips.csv", "script.pdf", "script.txt"]
    assert not [p for p in ws_root.iterdir() if p.name.startswith(".kit-hmn")]  # no staging folder left

    raw = (out / "clips.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["clip_id"] for r in rows] == ["lu-quet.hmn", "bhyt-gia-han.hmn"]  # the repeat shares one recording
    assert rows[1] == {
        "number": "2", "clip_id": "bhyt-gia-han.hmn", "file_name": "bhyt-gia-han.hmn.wav", "title": "Gia hạn thẻ BHYT",
        "text": BHYT_HMN, "text_sha256": vindex.clip_text_hash(BHYT_HMN), "status": "draft", "recording": "missing",
    }

    script = (out / "script.txt").read_text(encoding="utf-8")
    assert "1. Tên tệp: lu-quet.hmn.wav" in script and "2. Tên tệp: bhyt-gia-han.hmn.wav" in script
    assert BHYT_HMN in script and "Xã Mường Nhé, Điện Biên" in script and "2026-W48" in script
    assert "BẢN NHÁP" in script and "1 giây" in script
    assert "commcli recordings import kit-hmn" in (out / "README.txt").read_text(encoding="utf-8")

    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(out / "script.pdf").pages)
    assert "bhyt-gia-han.hmn.wav" in pdf_text and "Hướng dẫn người đọc" in pdf_text


def test_kit_tai_viet_text_is_typeset(cli, ws_root):
    out = ws_root / "kit-blt"
    result = cli("--workspace", ws_root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "blt-Tavt", "-o", out)
    assert result.exit_code == 0, result.stderr
    from pypdf import PdfReader

    reader = PdfReader(out / "script.pdf")
    fonts = {str(f.get_object().get("/BaseFont")) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
    assert any("TaiViet" in f for f in fonts)


def test_kit_for_a_language_without_text_is_refused(cli, ws_root):
    out = ws_root / "kit-kjg"
    result = cli("--workspace", ws_root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "kjg", "-o", out,
                 ui_lang="en")
    assert result.exit_code == 2
    assert "no text in 'kjg'" in result.stderr and "hmn" in result.stderr
    assert not out.exists()


def test_kit_does_not_overwrite_a_folder_with_recordings(cli, ws_root):
    out = ws_root / "kit"
    good_recording(out, "lu-quet.hmn")
    before = sorted(p.name for p in out.iterdir())
    result = cli("--workspace", ws_root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "hmn", "-o", out,
                 ui_lang="en")
    assert result.exit_code == 2
    assert "already exists" in result.stderr and "1 audio file" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == before


# --- import -------------------------------------------------------------------------------------------------


def make_kit(cli, root: Path) -> Path:
    out = root / "kit"
    assert cli("--workspace", root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "hmn", "-o", out).exit_code == 0
    return out


def test_import_m4a_phone_recording(cli, ws_root):
    """Phones record M4A (AAC): accepted like the other formats, trimmed and converted."""
    kit = make_kit(cli, ws_root)
    good_recording(kit, "lu-quet.hmn", ".m4a", seconds=1.5)
    result = cli("--workspace", ws_root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert "1 recording(s) imported, 0 refused" in result.stdout
    channels, rate, width, duration = read_wav(ws_root / "recordings/hmn/lu-quet.hmn.wav")
    assert (channels, rate, width) == (1, 22050, 2)
    assert 1.5 + 0.15 < duration < 1.5 + 0.5


def test_import_wav_ogg_mp3_trims_converts_and_indexes(cli, ws_root):
    kit = make_kit(cli, ws_root)
    good_recording(kit, "lu-quet.hmn", ".ogg", seconds=1.5)
    good_recording(kit, "bhyt-gia-han.hmn", ".mp3", seconds=2.0)
    good_recording(kit, "lu-quet.blt-Tavt", ".wav", seconds=1.0, stereo=True)  # known from the bulletins only
    result = cli("--workspace", ws_root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert "3 recording(s) imported, 0 refused" in result.stdout
    assert stored(ws_root) == ["blt-Tavt/index.json", "blt-Tavt/lu-quet.blt-Tavt.wav",
                               "hmn/bhyt-gia-han.hmn.wav", "hmn/index.json", "hmn/lu-quet.hmn.wav"]

    # Silence trimmed to 150 ms on each side: speech + 0.3 s, not the 2.2 s of silence delivered.
    for path, speech in ((ws_root / "recordings/hmn/lu-quet.hmn.wav", 1.5),
                         (ws_root / "recordings/hmn/bhyt-gia-han.hmn.wav", 2.0),
                         (ws_root / "recordings/blt-Tavt/lu-quet.blt-Tavt.wav", 1.0)):
        channels, rate, width, duration = read_wav(path)
        assert (channels, rate, width) == (1, 22050, 2)
        assert speech + 0.2 < duration < speech + 0.45, (path.name, duration)

    text = (ws_root / "recordings/hmn/index.json").read_text(encoding="utf-8")
    index = json.loads(text)
    assert list(index) == sorted(index)
    entry = index["bhyt-gia-han.hmn"]
    assert entry["file"] == "bhyt-gia-han.hmn.wav"
    assert entry["text_sha256"] == vindex.clip_text_hash(BHYT_HMN)
    assert entry["imported_from"] == "bhyt-gia-han.hmn.mp3"
    assert abs(entry["duration"] - read_wav(ws_root / "recordings/hmn/bhyt-gia-han.hmn.wav")[3]) < 0.01
    from datetime import datetime

    assert datetime.fromisoformat(entry["imported_on"]).tzinfo is not None

    # Roughly normalized: peaks at most −1 dBFS, speech well above the silence threshold.
    with wave.open(str(ws_root / "recordings/hmn/lu-quet.hmn.wav")) as f:
        pcm = np.frombuffer(f.readframes(f.getnframes()), dtype="<i2") / 32768
    assert np.abs(pcm).max() <= 10 ** (-1 / 20) + 1e-3
    middle = pcm[int(0.3 * RATE):-int(0.3 * RATE)]
    assert abs(20 * np.log10(np.sqrt(np.mean(middle ** 2))) - vcheck.TARGET_RMS_DBFS) < 2

    ws = open_ws(ws_root)
    assert vindex.recording_path(ws, "hmn", "lu-quet.hmn") == ws_root / "recordings/hmn/lu-quet.hmn.wav"
    assert vindex.recording_path(ws, "hmn", "nothing.hmn") is None
    assert all(vindex.recording_status(ws, c) == "ok" for c in clips() if c.language != "vi")


def test_import_uses_the_kit_hash_and_a_text_change_makes_the_recording_stale(cli, ws_root, bulletin):
    kit = make_kit(cli, ws_root)
    good_recording(kit, "bhyt-gia-han.hmn")
    bulletin["text"] = BHYT_HMN + " (hloov)"  # the text changed after the kit was printed
    assert cli("--workspace", ws_root, "recordings", "import", kit).exit_code == 0
    index = json.loads((ws_root / "recordings/hmn/index.json").read_text(encoding="utf-8"))
    assert index["bhyt-gia-han.hmn"]["text_sha256"] == vindex.clip_text_hash(BHYT_HMN)  # what was actually read

    ws = open_ws(ws_root)
    changed = Clip("bhyt-gia-han", "Gia hạn thẻ BHYT", "hmn", BHYT_HMN + " (hloov)", "uu-tien")
    assert vindex.recording_status(ws, changed) == "stale"
    assert vindex.recording_status(ws, clips()[1]) == "ok"

    result = cli("--workspace", ws_root, "recordings", "status", ui_lang="en")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["missing", "lu-quet.hmn", "Cảnh", "báo", "lũ", "quét"]
    assert lines[1].split()[:2] == ["stale", "bhyt-gia-han.hmn"]
    assert lines[2].split()[:2] == ["missing", "lu-quet.blt-Tavt"]
    assert "0 ok, 2 missing, 1 stale" in result.stdout

    bulletin["text"] = BHYT_HMN
    result = cli("--workspace", ws_root, "recordings", "status", "bulletins/2026-W48.yaml", "--lang", "hmn", ui_lang="en")
    assert result.stdout.splitlines()[1].split()[:2] == ["ok", "bhyt-gia-han.hmn"]
    assert "1 ok, 1 missing, 0 stale" in result.stdout


def not_audio(folder: Path) -> Path:
    path = folder / "lu-quet.hmn.wav"
    path.write_text("Đây không phải tệp âm thanh.\n", encoding="utf-8")
    return path


def empty(folder: Path) -> Path:
    path = folder / "lu-quet.hmn.mp3"
    path.write_bytes(b"")
    return path


def silent(folder: Path) -> Path:
    return wav_file(folder / "lu-quet.hmn.wav", with_silence(np.zeros(44100, dtype=np.float32)))


def clipped(folder: Path) -> Path:
    return wav_file(folder / "lu-quet.hmn.wav", with_silence(np.clip(speech_like(1.5) * 8, -1, 1)))


def too_short(folder: Path) -> Path:
    return wav_file(folder / "lu-quet.hmn.wav", with_silence(speech_like(0.2)))


@pytest.mark.parametrize("make_bad, words", [
    (not_audio, "not a sound file"),
    (empty, "empty"),
    (silent, "silent"),
    (clipped, "clipped"),
    (too_short, "too short"),
])
def test_bad_recording_is_refused_and_nothing_is_stored(cli, ws_root, make_bad, words):
    kit = make_kit(cli, ws_root)
    bad = make_bad(kit)
    good_recording(kit, "bhyt-gia-han.hmn")
    result = cli("--workspace", ws_root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 2
    assert bad.name in result.stderr and words in result.stderr
    assert "bhyt-gia-han" not in result.stderr
    assert stored(ws_root) == []  # the good file is not imported either

    result = cli("--workspace", ws_root, "recordings", "import", kit, "--skip-invalid", ui_lang="en")
    assert result.exit_code == 0
    assert bad.name in result.stderr and words in result.stderr
    assert "1 recording(s) imported, 1 refused" in result.stdout
    assert stored(ws_root) == ["hmn/bhyt-gia-han.hmn.wav", "hmn/index.json"]


def test_unknown_clip_is_a_warning_and_other_languages_wait(cli, ws_root):
    folder = ws_root / "delivered"
    good_recording(folder, "lu-quet.hmn (1)")
    good_recording(folder, "LU-QUET.HMN")  # names match whatever the case
    good_recording(folder, "lu-quet.blt-Tavt")
    (folder / "notes.docx").write_bytes(b"PK")
    result = cli("--workspace", ws_root, "recordings", "import", folder, "--lang", "hmn", ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert "lu-quet.hmn (1).wav" in result.stderr and "No clip 'lu-quet.hmn (1)'" in result.stderr
    assert "notes.docx" in result.stderr
    assert "1 file(s) in other languages" in result.stdout
    assert stored(ws_root) == ["hmn/index.json", "hmn/lu-quet.hmn.wav"]


def test_two_files_for_one_clip_are_refused(cli, ws_root):
    folder = ws_root / "delivered"
    good_recording(folder, "lu-quet.hmn")
    good_recording(folder, "lu-quet.hmn", ".ogg")
    result = cli("--workspace", ws_root, "recordings", "import", folder, ui_lang="en")
    assert result.exit_code == 2
    assert "Two files for the clip 'lu-quet.hmn'" in result.stderr
    assert stored(ws_root) == []


def test_damaged_kit_csv_is_refused_with_its_line(cli, ws_root):
    kit = make_kit(cli, ws_root)
    lines = (kit / "clips.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace(vindex.clip_text_hash(BHYT_HMN), "abc")
    (kit / "clips.csv").write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    good_recording(kit, "lu-quet.hmn")
    result = cli("--workspace", ws_root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 2
    assert "clips.csv:3" in result.stderr and "bhyt-gia-han.hmn" in result.stderr
    assert stored(ws_root) == []


# --- index and check ----------------------------------------------------------------------------------------


def test_corrupt_index_is_an_error_with_its_line(cli, ws_root):
    index = ws_root / "recordings/hmn/index.json"
    index.parent.mkdir(parents=True)
    index.write_text('{\n  "lu-quet.hmn": {\n    "file": "lu-quet.hmn.wav",\n  }\n}\n', encoding="utf-8")
    problems = vstatus.check_workspace(open_ws(ws_root))
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1 and errors[0].file == index and errors[0].line == 4

    folder = ws_root / "delivered"
    good_recording(folder, "lu-quet.hmn")
    result = cli("--workspace", ws_root, "recordings", "import", folder, ui_lang="en")
    assert result.exit_code == 2
    assert "recordings/hmn/index.json:4" in result.stderr
    assert index.read_text(encoding="utf-8").count("\n") == 5  # untouched
    assert not (ws_root / "recordings/hmn/lu-quet.hmn.wav").exists()


def test_damaged_index_entry_names_its_line(ws_root):
    index = ws_root / "recordings/hmn/index.json"
    index.parent.mkdir(parents=True)
    index.write_text('{\n  "lu-quet.hmn": {"file": "../../x.wav"}\n}\n', encoding="utf-8")
    errors = [p for p in vstatus.check_workspace(open_ws(ws_root)) if p.is_error]
    assert [(e.line, e.field) for e in errors] == [(2, "lu-quet.hmn")]


def test_check_reports_missing_and_stale_recordings_as_warnings(cli, ws_root, bulletin):
    folder = ws_root / "delivered"
    good_recording(folder, "lu-quet.hmn")
    assert cli("--workspace", ws_root, "recordings", "import", folder).exit_code == 0
    bulletin["text"] = "Lwm cov lus."
    problems = vstatus.check_workspace(open_ws(ws_root))
    assert all(p.severity.value == "warning" for p in problems)
    assert sorted((p.code, p.message.split("'")[1]) for p in problems) == [
        ("recordings.missing", "bhyt-gia-han.hmn"), ("recordings.missing", "lu-quet.blt-Tavt")]
    # vi is spoken by espeak: never reported. Now the recorded text changes:
    monkey_text = FLOOD_HMN + "!"
    rec_clips = [Clip("lu-quet", "Cảnh báo lũ quét", "hmn", monkey_text, "khan-cap")]
    ws = open_ws(ws_root)
    assert [r.status for r in vclips.status_rows(ws, rec_clips)] == ["stale"]


def test_import_of_a_missing_folder_is_a_usage_error(cli, ws_root):
    result = cli("--workspace", ws_root, "recordings", "import", ws_root / "nowhere", ui_lang="en")
    assert result.exit_code == 2 and "nowhere" in result.stderr


def test_kit_default_folder_only_missing_and_force(cli, ws_root):
    folder = ws_root / "delivered"
    good_recording(folder, "lu-quet.hmn")
    assert cli("--workspace", ws_root, "recordings", "import", folder).exit_code == 0
    result = cli("--workspace", ws_root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "hmn",
                 "--only-missing")
    assert result.exit_code == 0, result.stderr
    kit = ws_root / "out/recording-kits/2026-W48-hmn"
    rows = list(csv.DictReader(io.StringIO((kit / "clips.csv").read_text(encoding="utf-8-sig"))))
    assert [(r["number"], r["clip_id"]) for r in rows] == [("1", "bhyt-gia-han.hmn")]

    # --force replaces a kit commcli made, never a file the officer put there (issue #10).
    (kit / "old-note.txt").write_text("x", encoding="utf-8")
    result = cli("--workspace", ws_root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "hmn", "--force")
    assert result.exit_code == 2 and "old-note.txt" in result.stderr
    assert (kit / "old-note.txt").read_text(encoding="utf-8") == "x"
    (kit / "old-note.txt").unlink()
    result = cli("--workspace", ws_root, "recordings", "kit", "bulletins/2026-W48.yaml", "--lang", "hmn", "--force")
    assert result.exit_code == 0
    assert sorted(p.name for p in kit.iterdir()) == [".commcli-made.json", "README.txt", "clips.csv", "script.pdf",
                                                     "script.txt"]
    assert not [p for p in kit.parent.iterdir() if p.name.startswith(".")]


def test_unknown_language_is_a_usage_error(cli, ws_root):
    for args in (("kit", "bulletins/2026-W48.yaml", "--lang", "xx", "-o", ws_root / "k"),
                 ("import", ws_root, "--lang", "xx"), ("status", "--lang", "xx")):
        result = cli("--workspace", ws_root, "recordings", *args, ui_lang="en")
        assert result.exit_code == 2 and "Unknown language tag 'xx'" in result.stderr
    assert not (ws_root / "k").exists() and stored(ws_root) == []
