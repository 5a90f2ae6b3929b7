"""The week page (out/<week>/index.html): hostile names escaped, a page without audio, the to-do as `check` says, strips."""

from __future__ import annotations

import hashlib
import html
import json
import re

import pytest

HOSTILE_COMMUNE = """
province: Điện Biên
commune: Xã "Thử" <b>
officer: {name: "Cán bộ </audio><script>alert('o')</script>", phone: "0215 3 740 123"}
languages: [vi, hmn, blt]
villages:
  - {id: ban-a, name: "Bản <script>alert('v')</script> gnp.exe", languages: [hmn, vi], cluster: c1}
  - {id: ban-c, name: Bản C, languages: [blt, vi], cluster: c1}
  - {id: ban-b, name: "Bản B' \\" onmouseover=\\"x", languages: [vi], cluster: c1}
slots:
  - {id: sang, name: "Buổi sáng </audio>", days: [mon], start: "06:00", minutes: 15}
speech_rate_wpm: {vi: 130, hmn: 110, blt: 110}
"""

HOSTILE_BULLETIN = """
week: 2026-W48
title: "Tuần <img src=x onerror=alert(1)>"
items:
  - id: tin-a
    title: "Họp bản </audio><script>alert(2)</script> RTL"
    category: thong-bao
    status: draft
    text:
      vi: |
        Thưa bà con! <script>alert(3)</script> "ngoặc kép" & 'nháy' lật ngược.
      hmn:
        status: draft
        note: Bản nháp, chờ người bản ngữ rà soát.
        text: |
          Nyob zoo! </audio> <b>tuab</b>
      blt-Tavt:
        status: draft
        note: Test glyphs only (Tai Viet letters), not a text; no native speaker has seen it.
        text: ꪀꪱ ꪣꪲ ꪙꪾ
  - id: tin-b
    title: Tin chỉ có tiếng Việt
    category: thong-bao
    status: approved
    approved_by: Cán bộ
    approved_on: 2026-11-20
    text:
      vi: Thưa bà con, đây là tin thử.
"""


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    """A week built (with audio: the Vietnamese voice) from a workspace whose names and texts try to break out of the page."""
    from commcli.bulletins.build import build_bulletin
    from commcli.i18n import set_language
    from commcli.workspace import open_workspace

    from conftest import write_files

    set_language("vi")
    root = write_files(tmp_path_factory.mktemp("hostile"), {"commune.yaml": HOSTILE_COMMUNE,
                                                            "bulletins/2026-W48.yaml": HOSTILE_BULLETIN})
    result = build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", quiet=True)
    page = (result.out_dir / "index.html").read_text(encoding="utf-8")
    return root, result, page


def test_names_titles_and_texts_are_escaped(hostile_page):
    _root, _result, page = hostile_page
    scripts = re.findall(r"<script\b", page, flags=re.I)
    assert len(scripts) == 1, "only the page's own script"
    assert "alert(" not in page.split("<script>")[1].split("</script>")[0]
    for planted in ("alert('v')", "alert(2)", "alert(3)"):
        assert planted.replace("'", "&#39;") in page or html.escape(planted) in page
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert page.count("</audio>") == page.count("<audio")  # no planted closing tag
    assert 'onmouseover="x' not in page
    assert "&lt;b&gt;tuab&lt;/b&gt;" in page
    assert 'src="audio/' in page  # the players' sources are relative


def test_bidi_controls_in_the_workspace_are_refused_where_they_are(tmp_path, cli):
    """An RLO in a village name or an item's text would print reversed in scripts and on the page: refused at its
    line and column before anything is built (the page also shows any that arrive another way as [U+202E])."""
    from conftest import write_files

    commune = HOSTILE_COMMUNE.replace("gnp.exe", "\u202egnp.exe")
    bulletin = HOSTILE_BULLETIN.replace("lật ngược", "\u202e lật ngược")
    root = write_files(tmp_path, {"commune.yaml": commune, "bulletins/2026-W48.yaml": bulletin})
    result = cli("-w", root, "bulletin", "build", root / "bulletins" / "2026-W48.yaml")
    assert result.exit_code == 2
    assert "commune.yaml:6:56:" in result.stderr and "U+202E" in result.stderr
    assert not (root / "out").exists()
    report = json.loads(cli("-w", root, "check", "--format", "json").stdout)
    where = sorted((p["file"], p["line"]) for p in report["problems"] if p["code"] == "text.invisible")
    assert where == [("commune.yaml", 6)]  # the week is checked once the commune loads
    (root / "commune.yaml").write_text(HOSTILE_COMMUNE, encoding="utf-8")
    report = json.loads(cli("-w", root, "check", "--format", "json").stdout)
    where = sorted((p["file"], p["line"], p["column"]) for p in report["problems"] if p["code"] == "text.invisible")
    assert where == [("bulletins/2026-W48.yaml", 10, 69)]


def test_a_week_without_audio_still_gets_a_page_with_scripts_and_to_do(hostile_page, tmp_path):
    from commcli.bulletins.build import build_bulletin
    from commcli.workspace import open_workspace

    root, _result, _page = hostile_page
    result = build_bulletin(open_workspace(root), root / "bulletins" / "2026-W48.yaml", tmp_path / "quiet", audio=False, quiet=True)
    page = (result.out_dir / "index.html").read_text(encoding="utf-8")
    assert "BẢN NHÁP — DRAFT" in page
    assert "chưa dựng âm thanh" in page
    assert "<audio" not in page and not (result.out_dir / "share").exists()
    assert 'href="scripts/hmn.pdf"' in page and 'href="scripts/vi.txt"' in page
    assert "Nyob zoo!" in page  # the H'Mông script inline
    assert 'id="viec-can-lam"' in page and "commcli bulletin build bulletins/2026-W48.yaml --release" in page
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    entry = next(o for o in manifest["outputs"] if o["path"] == "index.html")
    assert entry["kind"] == "page"
    assert entry["sha256"] == hashlib.sha256((result.out_dir / "index.html").read_bytes()).hexdigest()


def test_to_do_lists_what_check_reports_for_the_week(hostile_page, cli):
    root, _result, page = hostile_page
    report = json.loads(cli("-w", root, "check", "--format", "json").stdout)
    mine = [p for p in report["problems"] if p["file"] == "bulletins/2026-W48.yaml"]
    assert mine, "the hostile week has open points (missing hmn text of tin-b)"
    todo = html.unescape(page.split('id="viec-can-lam"')[1].split("</section>")[0])
    for problem in mine:
        assert problem["message"].replace("\u202e", "[U+202E]") in todo
    assert "Tin 'tin-b' chưa có văn bản hmn" in todo
    assert "Chờ duyệt" in todo  # tin-a is a draft: the gate's review points are listed too


def test_week_range_and_bidi_controls():
    from commcli.render.weekpage import _week_range, visible_controls

    assert _week_range("2026-W48") == "23–29/11/2026"
    assert _week_range("2026-W49") == "30/11 – 6/12/2026"
    assert visible_controls("a\u202eb\u2066c") == "a[U+202E]b[U+2066]c"


def test_loudness_strip_finds_long_silences_and_escapes_its_label():
    import numpy as np

    from commcli.render.waveform import Strip, levels_of, silences_of, strip_svg

    rate = 8000
    t = np.arange(2 * rate) / rate
    tone = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    samples = np.concatenate([tone, np.zeros(4 * rate, np.float32), tone, np.zeros(rate, np.float32), tone])
    assert silences_of(samples, rate) == ((2.0, 6.0),)  # the 1 s gap is a normal pause between items
    levels = levels_of(samples, rate, bins=11)
    assert levels[0] > -15 and levels[4] == -60.0
    svg = strip_svg(Strip(levels, len(samples) / rate, silences_of(samples, rate)), label='a "b" <c>')
    assert svg.startswith("<svg") and 'aria-label="a &#34;b&#34; &lt;c&gt;"' in svg and 'class="sil"' in svg


# --- commcli preview ----------------------------------------------------------------------------------------


def test_preview_prints_the_page_where_there_is_no_browser(hostile_page, cli, monkeypatch):
    import webbrowser

    root, result, _page = hostile_page
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url) or True)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    for args in ((), ("2026-W48",), ("bulletins/2026-W48.yaml",)):
        out = cli("-w", root, "preview", *args)
        assert out.exit_code == 0, out.stderr
        assert out.stdout.strip() == str(result.out_dir / "index.html")
    assert opened == []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("CI", raising=False)
    out = cli("-w", root, "preview")
    assert out.exit_code == 0 and opened == [(result.out_dir / "index.html").resolve().as_uri()]
    assert cli("-w", root, "preview", "--print").stdout.strip() == str(result.out_dir / "index.html")
    assert len(opened) == 1


def test_preview_of_a_week_not_built_or_malformed(make_workspace, cli):
    root = make_workspace({"commune.yaml": HOSTILE_COMMUNE, "bulletins/2026-W48.yaml": HOSTILE_BULLETIN})
    out = cli("-w", root, "preview")
    assert out.exit_code == 2 and "commcli bulletin build" in out.stderr
    out = cli("-w", root, "preview", "2026-W49")
    assert out.exit_code == 2 and "out/2026-W49/index.html" in out.stderr
    out = cli("-w", root, "preview", "tuần-49")
    assert out.exit_code == 2 and "2026-W48" in out.stderr
    assert not (root / "out").exists()


# --- share pack -----------------------------------------------------------------------------------------------


def test_share_pack_texts_cards_and_readme_for_each_village(hostile_page):
    _root, result, page = hostile_page
    share = result.out_dir / "share"
    assert sorted(p.name for p in share.iterdir()) == ["ban-a", "ban-b", "ban-c"]
    a = share / "ban-a"
    assert sorted(p.name for p in a.iterdir()) == ["01-tin-a.png", "01-tin-a.txt", "01-tin-a.vi.m4a", "02-tin-b.png",
                                                   "02-tin-b.txt", "02-tin-b.vi.m4a", "README.txt"]
    assert (a / "01-tin-a.vi.m4a").read_bytes()[4:8] == b"ftyp"  # an MP4 (M4A) file
    # The same clip in two villages' folders is one file on disk (a hard link), not two copies.
    assert (a / "01-tin-a.vi.m4a").stat().st_ino == (share / "ban-b" / "01-tin-a.vi.m4a").stat().st_ino
    text = (a / "01-tin-a.txt").read_text(encoding="utf-8")
    assert text.startswith("⚠ BẢN NHÁP")  # draft content is marked
    vi, hmn = text.index("Thưa bà con!"), text.index("Nyob zoo!")
    assert vi < hmn and "— Tiếng H'Mông (bản nháp, chờ người bản ngữ rà soát) —" in text
    assert "\u202e" not in text
    assert "ꪀꪱ" not in text  # ban-a does not speak Thái: its pack has no Thái text
    assert "ꪀꪱ ꪣꪲ ꪙꪾ" in (share / "ban-c" / "01-tin-a.txt").read_text(encoding="utf-8")
    approved = (a / "02-tin-b.txt").read_text(encoding="utf-8")
    assert not approved.startswith("⚠") and "Thưa bà con, đây là tin thử." in approved
    readme = (a / "README.txt").read_text(encoding="utf-8")
    assert "BẢN NHÁP" in readme and "01. Họp bản" in readme and "\u202e" not in readme
    png = (a / "01-tin-a.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert width == height and 1070 <= width <= 1090
    manifest = json.loads((result.out_dir / "manifest.json").read_text(encoding="utf-8"))
    kinds = {o["path"]: o["kind"] for o in manifest["outputs"]}
    assert kinds["share/ban-a/01-tin-a.png"] == "share-card" and kinds["share/ban-a/README.txt"] == "share-readme"
    assert 'href="share/ban-a/README.txt"' in page
    assert "@font-face" in page  # a Tai Viet text is shown: its font travels inside the page


def test_card_data_is_text_only_with_bidi_controls_visible_and_facts_found():
    import datetime as dt
    from types import SimpleNamespace

    from commcli.render.sharepack import ShareText, card_data, card_png, key_facts

    item = SimpleNamespace(id="x", title='Họp "bản" #set text(red) \u202e', priority="khan-cap", status="approved",
                           data={"ngay": "2026-11-28", "gio": "19:00", "dia_diem": "Nhà văn hóa <b>"}, source=None)
    commune = SimpleNamespace(commune="Xã Thử", officer=SimpleNamespace(name="Cán bộ", phone="0215 3 740 123"))
    ri = SimpleNamespace(item=item)
    texts = [ShareText("vi", "Tiếng Việt", "Gọi 0215 3 740 115 ngày 1/12/2026.", "approved"),
             ShareText("blt-Tavt", "Tiếng Thái Đen (chữ Thái)", "ꪀꪱ ꪣꪲ", "draft")]
    data = card_data(ri, texts, commune, "2026-W48", SimpleNamespace(name="Bản A"))
    assert data["title"].endswith("[U+202E]") and data["draft"] is True
    assert data["facts"] == [{"label": "Ngày", "value": "thứ Bảy, 28/11/2026"}, {"label": "Giờ", "value": "19 giờ"},
                             {"label": "Địa điểm", "value": "Nhà văn hóa <b>"}, {"label": "Điện thoại", "value": "0215 3 740 115"}]
    assert data["others"][0]["tavt"] is True
    assert card_png(data)[:4] == b"\x89PNG"  # markup-looking text stays text: it compiles
    free = SimpleNamespace(data={}, title="t")
    assert key_facts(free, "Hạn chót 31/12/2026, gọi 0215.3740.115") == [("Ngày", "31/12/2026"), ("Điện thoại", "0215.3740.115")]
    del dt


def test_item_bands_follow_the_programme_layout_or_are_left_out():
    from commcli.render.weekpage import _segments

    pieces = [("intro", 1.6), ("1. A", 10.0), ("2. B", 5.0), ("outro", 1.6)]
    bands = _segments(pieces, 1.0, 21.5)  # 18.2 s of pieces + 3 gaps, plus 0.3 s of encoder frames
    assert [t for _a, _b, t in bands] == ["intro (0:02)", "1. A (0:10)", "2. B (0:05)", "outro (0:02)"]
    assert bands[0][0] == 0 and abs(bands[-1][1] - 21.5) < 1e-9 and bands[1][0] > 2.6
    assert _segments(pieces, 1.0, 40.0) == []  # the pieces do not make this programme: no bands rather than wrong ones
    assert _segments([("intro", 1.6), ("1. A", None)], 1.0, 12.0) == []


def test_the_spoken_form_is_shown_where_the_build_made_one(hostile_page, tmp_path):
    from commcli.bulletins.load import open_bulletin
    from commcli.bulletins.plan import plan
    from commcli.render.weekpage import page_data, render_page
    from commcli.workspace import open_workspace

    root, _result, _page = hostile_page
    ws = open_workspace(root)
    resolved, _warnings = open_bulletin(ws, root / "bulletins" / "2026-W48.yaml")
    folder = tmp_path / "week"
    (folder / "scripts").mkdir(parents=True)
    (folder / "scripts" / "vi.spoken.txt").write_text("Thưa bà con, hai mươi mốt giờ <script>x</script>", encoding="utf-8")
    outputs = [{"path": "scripts/vi.txt", "kind": "script-text"}, {"path": "scripts/vi.spoken.txt", "kind": "script-spoken"}]
    html = render_page(page_data(ws, resolved, plan(resolved, ws.commune), outputs, folder, draft=True, generated_at="-"))
    assert 'href="scripts/vi.spoken.txt"' in html and "hai mươi mốt giờ &lt;script&gt;x&lt;/script&gt;" in html
    assert 'href="scripts/hmn.spoken.txt"' not in html
