"""Bulletins, pure parts: filters, durations, overruns, airing order and repeats, the audio contract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from commcli.bulletins.duration import estimate_seconds, mmss, speech_rate, word_count
from commcli.bulletins.model import parse_week
from commcli.bulletins.templates import format_date, format_money, format_number, format_time

from test_bulletins import SMALL_COMMUNE, sample_workspace, small_workspace


def test_vietnamese_date_time_number_money():
    assert format_date("2026-11-30", "vi") == "thứ Hai, ngày 30 tháng 11 năm 2026"
    assert format_date(dt.date(2026, 11, 29), "vi") == "Chủ nhật, ngày 29 tháng 11 năm 2026"
    assert format_date("2026-11-30", "vi", "day") == "ngày 30 tháng 11 năm 2026"
    assert format_date("2026-12-04", "hmn") == "4/12/2026"  # no Babel data for minority languages
    assert format_time("14:30", "vi") == "14 giờ 30" and format_time("7:00", "vi") == "7 giờ"
    assert format_time("07:30", "kjg") == "7:30"
    assert format_number("2063000", "vi") == "2.063.000"
    assert format_number("17.66", "vi") == "17,66"
    assert format_money(2063000, "vi") == "2.063.000 đồng"


def test_week_strings():
    assert parse_week("2026-W48") == (2026, 48)
    assert parse_week("2026-W53") == (2026, 53)  # 2026 has 53 ISO weeks
    for bad in ("2025-W53", "2026-W00", "2026W48", "48"):
        with pytest.raises(ValueError):
            parse_week(bad)


def test_durations():
    assert word_count("Thưa bà con! Hạn cuối là ngày 31/12/2026.") == 10
    assert estimate_seconds(" ".join(["từ"] * 130), 130) == 60.0
    assert speech_rate({"vi": 120}, "vi") == 120
    assert speech_rate({"blt": 100}, "blt-Latn") == 100
    assert speech_rate({}, "vi") == 130 and speech_rate({}, "kjg") == 110
    assert mmss(59.6) == "1:00" and mmss(125) == "2:05"


ORDERED = """
week: 2026-W48
items:
  - id: thuong-1
    title: Thường
    category: thong-bao
    text: {vi: Một hai ba bốn năm sáu bảy tám chín mười.}
  - id: uu-tien-1
    title: Ưu tiên
    category: y-te
    priority: uu-tien
    slots: [sang]
    text: {vi: Ưu tiên., hmn: Tseem ceeb.}
  - id: khan-cap-1
    title: Khẩn cấp
    category: thong-bao
    priority: khan-cap
    repeat: 2
    text: {vi: Khẩn cấp., hmn: Ceev.}
  - id: chi-ban-a
    title: Chỉ bản A
    category: thong-bao
    villages: [ban-a]
    slots: [sang]
    text: {vi: Riêng bản A.}
  - id: het-han
    title: Hết hạn
    category: thong-bao
    valid_until: 2026-11-01
    text: {vi: Hết hạn rồi.}
"""


def test_emergency_first_repeats_at_the_end_and_programmes_per_village_group(make_workspace):
    from commcli.bulletins.plan import programmes
    from commcli.workspace import open_workspace

    ws = open_workspace(small_workspace(make_workspace, ORDERED))
    progs = programmes(ws, ws.root / "bulletins" / "2026-W48.yaml")
    by_id = {p.programme_id: p for p in progs}
    assert sorted(by_id) == ["2026-W48_chieu_hmn", "2026-W48_chieu_vi", "2026-W48_sang_hmn",
                             "2026-W48_sang_vi_ban-a", "2026-W48_sang_vi_ban-b"]
    sang_a = by_id["2026-W48_sang_vi_ban-a"]
    assert [(c.item_id, c.repeat_index) for c in sang_a.clips] == [
        ("khan-cap-1", 0), ("uu-tien-1", 0), ("thuong-1", 0), ("chi-ban-a", 0), ("khan-cap-1", 1)]
    assert sang_a.villages == ("ban-a",) and by_id["2026-W48_sang_vi_ban-b"].villages == ("ban-b",)
    assert by_id["2026-W48_chieu_vi"].villages == ("ban-a", "ban-b")
    assert [c.item_id for c in by_id["2026-W48_sang_hmn"].clips] == ["khan-cap-1", "uu-tien-1", "khan-cap-1"]
    assert all(c.language == "hmn" and c.status == "draft" for c in by_id["2026-W48_sang_hmn"].clips)
    clip = sang_a.clips[2]
    assert clip.estimated_seconds == round(10 * 60 / 130, 1) and clip.clip_id == "thuong-1.vi"
    assert "het-han" not in {c.item_id for p in progs for c in p.clips}


def test_overrun_warning_in_build_and_cli(make_workspace, cli):
    long_text = " ".join(["chữ"] * 200)  # ~92 s at 130 wpm: more than the 1-minute 'chieu' slot
    bulletin = f"week: 2026-W48\nitems:\n  - id: dai\n    title: Dài\n    category: thong-bao\n    text: {{vi: {long_text}}}\n"
    root = small_workspace(make_workspace, bulletin)
    result = cli("-w", root, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 0, result.stderr
    assert "1:32 / 1:00" in result.stdout and "1:32 / 15:00" in result.stdout
    assert "Buổi chiều" in result.stderr and "1:32" in result.stderr  # the overrun warning
    order = (root / "out" / "2026-W48" / "running-order" / "ban-b.txt").read_text(encoding="utf-8")
    assert "VƯỢT THỜI LƯỢNG" in order


def test_check_workspace_reports_references_languages_expiry(make_workspace):
    from commcli.bulletins import check_workspace
    from commcli.workspace import open_workspace

    bulletin = ORDERED.replace("villages: [ban-a]", "villages: [ban-a, ban-z]").replace("slots: [sang]\n    text: {vi: Ưu", "slots: [dem]\n    text: {vi: Ưu")
    ws = open_workspace(small_workspace(make_workspace, bulletin))
    found = {(p.code, p.line) for p in check_workspace(ws)}
    assert ("bulletin.unknown-village", 22) in found
    assert ("bulletin.unknown-slot", 11) in found
    assert ("bulletin.expired", 28) in found
    assert ("bulletin.missing-language", 6) in found  # thuong-1 has no hmn text, ban-a speaks hmn


def test_content_units_carry_file_and_line(make_workspace):
    from commcli.bulletins import content_units
    from commcli.workspace import open_workspace

    ws = open_workspace(sample_workspace(make_workspace))
    units = {u.ident: u for u in content_units(ws)}
    sat_lo = units["2026-W48/canh-bao-sat-lo"]
    assert sat_lo.vi.file.name == "2026-W48.yaml" and sat_lo.vi.line == 19
    assert set(sat_lo.translations) == {"hmn-x-rpa", "blt-Latn"}  # no Khơ Mú text: missing, not faked
    bhyt = units["2026-W48/gia-han-bhyt"]
    assert bhyt.vi.file.name == "gia-han-bhyt.yaml" and "1.263.600 đồng" in bhyt.vi.text
    assert "31/12/2026" in bhyt.translations["hmn-x-rpa"].text and "pov hwm kho mob" in bhyt.translations["hmn-x-rpa"].text


def test_load_programmes_for_audio_on_the_sample(make_workspace):
    from commcli.bulletins.plan import load_programmes
    from commcli.programme import Programme
    from commcli.workspace import open_workspace

    ws = open_workspace(sample_workspace(make_workspace))
    progs = load_programmes(ws, Path("bulletins/2026-W48.yaml"))
    assert progs and all(isinstance(p, Programme) for p in progs)
    assert all(p.clips[0].priority == "khan-cap" for p in progs)
    assert len({p.programme_id for p in progs}) == len(progs)
    assert {p.language for p in progs} == {"vi", "blt", "hmn"}  # the kjg village hears Vietnamese only
    assert {c.language for p in progs if p.language == "blt" for c in p.clips} == {"blt-Latn"}
    # villages that speak plain 'hmn' hear the RPA texts (hmn-x-rpa), the only H'Mông spelling the sample has
    assert {c.language for p in progs if p.language == "hmn" for c in p.clips} == {"hmn-x-rpa"}


def test_village_language_matching_across_orthographies():
    """'hmn' (macrolanguage) hears any H'Mông spelling, Chữ Hmông Việt first; a village that declares one
    spelling hears only that spelling or an untagged 'hmn' text, never the other spelling."""
    from commcli.bulletins.load import text_for

    rpa_only = {"vi": "v", "hmn-x-rpa": "rpa"}
    both = {"vi": "v", "hmn-x-rpa": "rpa", "hmn-x-chv": "chv"}
    plain = {"vi": "v", "hmn": "plain"}
    assert text_for(rpa_only, "hmn") == "rpa"
    assert text_for(both, "hmn") == "chv"
    assert text_for(plain, "hmn") == "plain"
    assert text_for(rpa_only, "hmn-x-chv") is None
    assert text_for(plain, "hmn-x-chv") == "plain"
    assert text_for(rpa_only, "hmn-x-rpa") == "rpa"
    assert text_for({"vi": "v", "blt-Tavt": "t"}, "blt") == "t"


def test_build_calls_audio_when_present(make_workspace, monkeypatch):
    import sys
    import types

    from commcli.bulletins.build import build_bulletin
    from commcli.workspace import open_workspace

    calls = {}

    def fake_build_audio(ws, programmes, staging_dir, *, release, progress, quiet):
        calls["n"] = len(programmes)
        (Path(staging_dir) / "audio").mkdir()
        (Path(staging_dir) / "audio" / "x.mp3").write_bytes(b"ID3")
        return types.SimpleNamespace(manifest=[{"path": "audio/x.mp3", "kind": "programme", "sha256": "0" * 64}],
                                     problems=[])

    fake = types.ModuleType("commcli.audio")
    fake.build_audio = fake_build_audio
    monkeypatch.setitem(sys.modules, "commcli.audio", fake)
    ws = open_workspace(small_workspace(make_workspace, ORDERED))
    result = build_bulletin(ws, ws.root / "bulletins" / "2026-W48.yaml", audio=True, quiet=True)
    assert calls["n"] == 5
    assert (result.out_dir / "audio" / "x.mp3").exists()
    assert "audio/x.mp3" in {o["path"] for o in result.manifest["outputs"]}
