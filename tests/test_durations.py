"""Honest durations and names: measured lengths once audio exists, programmes without audio not shown as
airing, programme files named for their group of villages, numbers never split across lines."""

from __future__ import annotations

import json

from commcli.bulletins.duration import measured_rates
from commcli.bulletins.plan import group_name
from commcli.bulletins.scripts import NBSP, keep_numbers_together
from tests.test_audio import COMMUNE

BULLETIN = """
week: 2026-W48
items:
  - id: hop-ban
    title: Họp bản
    category: thong-bao
    text:
      vi: "Thưa bà con, tối thứ Bảy này bản họp ở nhà văn hoá lúc bảy giờ. Mời mỗi hộ cử một người đến dự đông đủ, đúng giờ."
      hmn: "Nyob zoo txhua tus kwv tij neej tsa, hmo hnub rau yuav sib tham hauv zos."
"""


def test_after_audio_the_running_order_script_and_manifest_show_measured_lengths(make_workspace):
    from commcli.bulletins.build import build_bulletin
    from commcli.bulletins.duration import mmss
    from commcli.workspace import open_workspace

    root = make_workspace({"commune.yaml": COMMUNE, "bulletins/2026-W48.yaml": BULLETIN})
    result = build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", quiet=True)
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    by_lang = {p["language"]: p for p in manifest["programmes"]}
    audio = {o["programme"]: o for o in manifest["outputs"] if o.get("kind") == "programme"}

    vi = by_lang["vi"]
    assert vi["duration"] == "measured" and vi["airs"] is True and vi["audio"] == "audio/sang/vi.mp3"
    assert vi["seconds"] == round(audio[vi["id"]]["duration"], 1)
    # the H'Mông text has no recording: that programme has no audio and is not listed as airing
    hmn = by_lang["hmn"]
    assert hmn["airs"] is False and hmn["audio"] is None and hmn["duration"] == "estimated"

    order = (result.out_dir / "running-order" / "ban-a.txt").read_text(encoding="utf-8")
    assert f"chương trình {vi['id']} — {mmss(vi['seconds'])}\n" in order
    assert f"chương trình {hmn['id']} — KHÔNG CÓ ÂM THANH, không phát" in order
    assert f"Tổng thời lượng (đo từ tệp âm thanh): {mmss(vi['seconds'])} / 15:00" in order
    script = (result.out_dir / "scripts" / "vi.txt").read_text(encoding="utf-8")
    assert f"Thời lượng (đo từ tệp âm thanh): {mmss(vi['seconds'])} / 15:00" in script
    assert "[~" not in script  # item lengths measured, not estimated

    # the measured speech rate calibrates later estimates (e.g. --no-audio builds)
    rates = json.loads((root / ".cache" / "speech-rates.json").read_text(encoding="utf-8"))
    assert manifest["speech_rates_wpm"]["measured"] == {"vi": rates["vi"]}
    again = build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", audio=False, quiet=True)
    assert again.manifest["speech_rates_wpm"]["used"]["vi"] == rates["vi"]


def test_programme_names_say_which_villages_hear_them():
    assert group_name(["ban-nam-po"], 2) == "ban-nam-po"
    assert group_name(["ban-a", "ban-b"], 1) == "ban-a+ban-b"
    assert group_name(["ban-muong-nhe", "ban-nam-po", "ban-huoi-khon", "ban-sin-thau"], 1) == "nhom-1-4-ban"


def test_phone_numbers_and_amounts_do_not_break():
    text = "Gọi số 0215 3 740 115 hoặc 0912.345.678; mức đóng 1.263.600 đồng, giảm 30 %. Năm 2026 có 12 tháng."
    kept = keep_numbers_together(text)
    assert f"0215{NBSP}3{NBSP}740{NBSP}115" in kept
    assert f"1.263.600{NBSP}đồng" in kept and f"30{NBSP}%" in kept
    assert "Năm 2026 có 12 tháng." in kept  # ordinary numbers and words untouched


def test_measured_rates_need_enough_words():
    assert measured_rates([("vi", "một hai ba", 1.0)]) == {}
    assert measured_rates([("vi", " ".join(["từ"] * 30), 12.0)]) == {"vi": 150}
