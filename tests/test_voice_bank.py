"""Voice bank: say rules, template cutting, assembly from phrases, kits, import, coverage, the release gate.

Banks here are made of synthetic tones generated in the tests (one frequency per phrase, so the order can be
heard back); they stand in for a reader's voice and are never shipped.
"""

from __future__ import annotations

import json
import wave
from pathlib import Path

import numpy as np
import pytest

from commcli.errors import Problems

REPO = Path(__file__).resolve().parent.parent
RATE = 22050

COMMUNE = """\
province: Điện Biên
commune: Xã Mường Nhé
officer:
  name: Lò Thị Hương
languages: [vi, hmn]
villages:
  - id: ban-a
    name: Bản Huổi Lếch
    languages: [hmn, vi]
    cluster: c1
  - id: ban-b
    name: Bản Sín Thầu
    languages: [hmn, vi]
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
"""

# A test language's rules: numbers 0–29 only, so the bank stays small.
SAY_HMN = """\
language: hmn
status: draft
phrases:
  n.0: xoom
  n.1: ib
  n.2: ob
  n.3: peb
  n.4: plaub
  n.5: tsib
  n.6: rau
  n.7: xya
  n.8: yim
  n.9: cuaj
  n.10: kaum
  w.20: nees nkaum
  w.teev: teev
rules:
  number:
    range: [0, 29]
    cases:
      - if: "n <= 10"
        say: ["n.{n}"]
      - if: "n < 20"
        say: ["n.10", "n.{n % 10}"]
      - if: "n == 20"
        say: ["w.20"]
      - say: ["w.20", "n.{n % 10}"]
  digit:
    range: [0, 9]
    cases:
      - say: ["n.{n}"]
  time:
    cases:
      - if: "minute == 0"
        say: ["number(hour)", "w.teev"]
      - say: ["number(hour)", "w.teev", "number(minute)"]
"""

TEMPLATE = """\
name: Họp bản
fields:
  ban: Tên bản
  gio: Giờ họp
  so: Số điện thoại
text:
  vi: |
    Thưa bà con {{ ban }}! Họp lúc {{ gio | time }}. Gọi {{ so }}.
  hmn:
    status: draft
    note: "Bản nháp (draft, awaiting native-speaker review)."
    text: |
      Nyob zoo {{ ban }}! Sib tham {{ gio | time }}.
      Hu rau {{ so }}.
"""

BULLETIN = """\
week: 2026-W48
items:
  - id: hop-ban
    title: Họp bản
    category: thong-bao
    template: hop-ban
    data:
      ban: Bản Huổi Lếch
      gio: "19:25"
      so: "115"
    status: approved
    approved_by: Lò Thị Hương
    approved_on: 2026-11-20
  - id: tin-rieng
    title: Tin riêng
    category: thong-bao
    status: approved
    approved_by: Lò Thị Hương
    approved_on: 2026-11-20
    text:
      vi: Thưa bà con, tin riêng.
      hmn:
        status: draft
        text: Nyob zoo, xov xwm.
"""

# The phrases the clip hop-ban.hmn is said with, in order.
EXPECTED = ["t.hop-ban.1", "v.ban-huoi-lech", "t.hop-ban.2", "n.10", "n.9", "w.teev", "w.20", "n.5",
            "t.hop-ban.3", "n.1", "n.1", "n.5"]


@pytest.fixture
def root(make_workspace):
    return make_workspace({"commune.yaml": COMMUNE, "templates/bulletins/hop-ban.yaml": TEMPLATE,
                           "templates/say/hmn.yaml": SAY_HMN, "bulletins/2026-W48.yaml": BULLETIN})


def open_ws(root: Path):
    from commcli.workspace import open_workspace

    return open_workspace(root)


def tone(seconds: float, freq: float, level: float = 0.3) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    ramp = np.minimum(1.0, np.minimum(t, seconds - t) / 0.02)
    return (level * ramp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())
    return path


def freq_of(phrase_id: str) -> float:
    """Each phrase its own pitch, so the joined clip tells its order."""
    return 200.0 + (sum(map(ord, phrase_id)) % 40) * 15


def fill_bank(root: Path, lang: str = "hmn", *, skip: tuple[str, ...] = (), status: str = "draft") -> dict:
    """A bank of tones for every phrase the workspace asks for (written the way an import stores it)."""
    from commcli.voice.bankkit import bank_needs
    from commcli.voice.index import clip_text_hash

    ws = open_ws(root)
    index = {}
    for need in bank_needs(ws, lang)[lang]:
        if need.phrase_id in skip:
            continue
        seconds = 0.3 + 0.1 * len(need.text.split())
        silence = np.zeros(int(0.15 * RATE), dtype=np.float32)
        write_wav(root / "recordings" / lang / "bank" / f"{need.phrase_id}.wav",
                  np.concatenate([silence, tone(seconds, freq_of(need.phrase_id)), silence]))
        index[need.phrase_id] = {"file": f"{need.phrase_id}.wav", "text": need.text, "text_sha256": clip_text_hash(need.text),
                                 "kind": need.kind, "status": status, "duration": seconds + 0.3,
                                 "imported_from": f"{need.phrase_id}.{lang}.wav", "imported_on": "2026-12-01T10:00:00+07:00"}
    (root / "recordings" / lang / "bank" / "index.json").write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
    return index


def hop_ban_clip(ws):
    from commcli.bulletins.plan import load_programmes

    for programme in load_programmes(ws, ws.root / "bulletins" / "2026-W48.yaml"):
        for clip in programme.clips:
            if clip.clip_id == "hop-ban.hmn":
                return clip
    raise AssertionError("no hop-ban.hmn clip")


# --- say rules ----------------------------------------------------------------------------------------------


def vi_rules():
    from commcli.voice.rules import load_rules_file

    problems = Problems()
    rules = load_rules_file(REPO / "templates" / "say" / "vi.yaml", problems)
    assert rules is not None and not list(problems)
    return rules


@pytest.mark.parametrize("n, words", [
    (0, "không"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (25, "hai mươi lăm"),
    (105, "một trăm linh năm"), (110, "một trăm mười"), (2026, "hai nghìn không trăm hai mươi sáu"),
    (2005, "hai nghìn không trăm linh năm"), (1263600, "một triệu hai trăm sáu mươi ba nghìn sáu trăm"),
    (3000000000, "ba tỷ"),
])
def test_vietnamese_numbers(n, words):
    rules = vi_rules()
    assert " ".join(rules.phrase_text(p) for p in rules.say("number", n=n)) == words


def test_vietnamese_date_time_money():
    rules = vi_rules()
    said = lambda rule, **v: " ".join(rules.phrase_text(p) for p in rules.say(rule, **v))  # noqa: E731
    assert said("date", day=30, month=4, year=2026, weekday=3, full=1) == \
        "thứ Năm ngày ba mươi tháng tư năm hai nghìn không trăm hai mươi sáu"
    assert said("time", hour=7, minute=30) == "bảy giờ ba mươi"
    assert said("money", n=1263600).endswith("sáu trăm đồng")


def test_every_shipped_say_file_loads():
    from commcli.voice.rules import load_rules_file

    for path in sorted((REPO / "templates" / "say").glob("*.yaml")):
        problems = Problems()
        assert load_rules_file(path, problems) is not None, [p.message for p in problems]
        assert not list(problems)
    kjg = (REPO / "templates" / "say" / "kjg.yaml").read_text(encoding="utf-8")
    assert "rules: {}" in kjg and "phrases: {}" in kjg  # no invented Khơ Mú


def write_rules(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "hmn.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_rule_naming_an_unknown_phrase_or_rule_set_is_refused_with_its_line(tmp_path):
    from commcli.voice.rules import load_rules_file

    path = write_rules(tmp_path, SAY_HMN.replace('say: ["w.20"]', 'say: ["w.nees"]').replace(
        'say: ["number(hour)", "w.teev"]', 'say: ["hours(hour)", "w.teev"]'))
    problems = Problems()
    assert load_rules_file(path, problems) is None
    found = {(p.code, p.line) for p in problems}
    text = path.read_text(encoding="utf-8").splitlines()
    assert ("say.unknown", next(i for i, s in enumerate(text, 1) if "w.nees" in s)) in found
    assert ("say.unknown", next(i for i, s in enumerate(text, 1) if "hours(hour)" in s)) in found


def test_rule_that_loops_and_value_out_of_range_are_clear_errors(tmp_path):
    from commcli.voice.rules import SayError, load_rules_file

    looping = SAY_HMN.replace('say: ["w.20", "n.{n % 10}"]', 'say: ["number(n)"]')
    rules = load_rules_file(write_rules(tmp_path, looping), Problems())
    with pytest.raises(SayError) as info:
        rules.say("number", n=25)
    assert info.value.code == "say.loop" and "number(25) → number(25)" in info.value.message
    with pytest.raises(SayError) as info:
        rules.say("number", n=30)
    assert info.value.code == "say.range" and info.value.line is not None


@pytest.mark.parametrize("expression", ["__import__('os')", "n.real", "open", "[1][0]", "1.5 < n"])
def test_rule_expressions_cannot_run_code(expression):
    from commcli.voice.rules import compile_expression

    with pytest.raises(ValueError):
        compile_expression(expression)


# --- cutting and planning -----------------------------------------------------------------------------------


def test_template_is_cut_at_its_slots_and_the_clip_planned_in_order(root):
    from commcli.voice.bank import plan_clip

    ws = open_ws(root)
    plan = plan_clip(ws, hop_ban_clip(ws))
    assert plan.ok, [p.message for p in plan.problems]
    assert [pid for pid, _pause in plan.phrases] == EXPECTED
    texts = {n.phrase_id: n.text for n in plan.needed}
    assert texts["t.hop-ban.1"] == "Nyob zoo" and texts["t.hop-ban.2"] == "Sib tham" and texts["t.hop-ban.3"] == "Hu rau"
    lines = {n.phrase_id: n.line for n in plan.needed if n.kind == "template"}
    assert lines == {"t.hop-ban.1": 13, "t.hop-ban.2": 13, "t.hop-ban.3": 14}
    pauses = dict(plan.phrases)
    assert pauses["v.ban-huoi-lech"] > pauses["n.10"]  # "!" after the village: a sentence pause


# --- assembly -----------------------------------------------------------------------------------------------


def test_joined_phrases_keep_order_add_up_and_have_no_clicks(root):
    from commcli.voice.assemble import EDGE_SECONDS, join_phrases, read_phrase, recorded_source, shape_phrase

    fill_bank(root)
    ws = open_ws(root)
    extra, problems = recorded_source(ws, hop_ban_clip(ws))
    assert problems == [] and len(extra["bank"]) == len(EXPECTED)
    joined = join_phrases(extra["bank"], RATE)
    shaped = [shape_phrase(read_phrase(Path(p), RATE), RATE) for p, _ in extra["bank"]]
    pauses = [pause for _p, pause in extra["bank"]][:-1]
    expected = sum(len(s) for s in shaped) + sum(int(RATE * p) for p in pauses) + 2 * int(RATE * EDGE_SECONDS)
    assert len(joined) == expected
    # Order: each stretch of sound has the pitch of its phrase.
    pos, heard = int(RATE * EDGE_SECONDS), []
    for piece, pause in zip(shaped, [*pauses, 0]):
        middle = joined[pos + len(piece) // 4: pos + 3 * len(piece) // 4]
        crossings = np.count_nonzero(np.diff(np.signbit(middle)))
        heard.append(crossings / 2 / (len(middle) / RATE))
        pos += len(piece) + int(RATE * pause)
    assert all(abs(h - freq_of(pid)) < 15 for h, pid in zip(heard, EXPECTED))
    # No clicks: no sample-to-sample step larger than the tones' own steepest one.
    steepest = max(2 * np.pi * freq_of(pid) / RATE * 0.32 for pid in EXPECTED)
    assert float(np.abs(np.diff(joined)).max()) <= steepest


def test_build_voices_the_templated_clip_from_the_bank_at_target_loudness(root, cli):
    from commcli.audio.ffmpeg import ebur128

    fill_bank(root)
    result = cli("--workspace", root, "bulletin", "build", "bulletins/2026-W48.yaml", ui_lang="en")
    assert result.exit_code == 0, result.output
    clip = root / "out" / "2026-W48" / "audio" / "clips" / "hop-ban.hmn.mp3"
    assert clip.is_file()
    integrated, _peak = ebur128(clip)
    assert abs(integrated - (-16.0)) <= 1.0
    manifest = json.loads((root / "out" / "2026-W48" / "audio" / "manifest.json").read_text(encoding="utf-8"))
    entry = next(f for f in manifest["files"] if f.get("clip_id") == "hop-ban.hmn")
    assert entry["voice"] == "bank"
    assert "tin-rieng.hmn" in result.stderr  # no whole recording, no template: still reported missing


def test_missing_phrases_are_named_exactly_with_the_template_line(root, cli):
    fill_bank(root, skip=("t.hop-ban.2", "n.9"))
    result = cli("--workspace", root, "bulletin", "build", "bulletins/2026-W48.yaml", ui_lang="en")
    assert result.exit_code == 0
    line = next(s for s in result.stderr.splitlines() if "hop-ban.hmn" in s)
    assert "templates/bulletins/hop-ban.yaml:13" in line
    assert "lacks 2 phrase(s): t.hop-ban.2, n.9;" in line
    assert not (root / "out" / "2026-W48" / "audio" / "clips" / "hop-ban.hmn.mp3").exists()


def test_a_changed_template_makes_its_phrase_stale(root):
    from commcli.voice.assemble import recorded_source

    fill_bank(root)
    path = root / "templates" / "bulletins" / "hop-ban.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Sib tham", "Sib tham hauv zos"), encoding="utf-8")
    ws = open_ws(root)
    extra, problems = recorded_source(ws, hop_ban_clip(ws))
    assert extra == {} and "t.hop-ban.2 (đã cũ);" in problems[0].message


def test_release_refuses_unreviewed_phrases_until_reviewed(root, cli):
    from commcli.voice.assemble import recorded_source

    fill_bank(root)
    ws = open_ws(root)
    _extra, problems = recorded_source(ws, hop_ban_clip(ws), release=True)
    assert problems[0].code == "audio.bank-unreviewed" and problems[0].is_error
    result = cli("--workspace", root, "recordings", "review", "--lang", "hmn", "--by", "Giàng A Dình", ui_lang="en")
    assert result.exit_code == 0 and "phrase(s) marked reviewed by Giàng A Dình" in result.stdout
    ws = open_ws(root)
    extra, problems = recorded_source(ws, hop_ban_clip(ws), release=True)
    assert problems == [] and extra["bank"]
    index = json.loads((root / "recordings/hmn/bank/index.json").read_text(encoding="utf-8"))
    assert {e["status"] for e in index.values()} == {"reviewed"} and index["n.5"]["reviewer"] == "Giàng A Dình"
    result = cli("--workspace", root, "recordings", "review", "--lang", "hmn", "--by", "X", "n.99", ui_lang="en")
    assert result.exit_code == 2 and "n.99" in result.stderr


# --- kit, import, status ------------------------------------------------------------------------------------


def test_bank_kit_import_and_status(root, cli):
    import csv

    kit = root / "kit"
    result = cli("--workspace", root, "recordings", "kit", "--bank", "--lang", "hmn", "-o", kit, ui_lang="en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in kit.iterdir() if not p.name.startswith(".")) == ["README.txt", "phrases.csv", "script.pdf", "script.txt"]
    rows = list(csv.DictReader((kit / "phrases.csv").read_text(encoding="utf-8-sig").splitlines()))
    ids = [r["id"] for r in rows]
    assert {"t.hop-ban.1.hmn", "n.5.hmn", "v.ban-huoi-lech.hmn", "v.sin-thau.hmn", "v.tram-y-te-xa.hmn"} <= set(ids)
    kinds = [r["kind"] for r in rows]
    assert kinds == sorted(kinds, key=["template", "number", "term", "value"].index)  # grouped by kind
    assert "Câu cố định" in (kit / "script.txt").read_text(encoding="utf-8")

    needed = set(EXPECTED)
    for row in rows:
        if row["id"].rsplit(".", 1)[0] in needed:
            seconds = 0.3 if row["kind"] == "number" else 0.8
            write_wav(kit / row["file_name"], np.concatenate([np.zeros(3000, np.float32), tone(seconds, 300),
                                                              np.zeros(3000, np.float32)]))
    write_wav(kit / "n.5.hmn.wav", np.zeros(RATE, np.float32))  # silent: refused, named
    result = cli("--workspace", root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 2 and "n.5.hmn.wav" in result.stderr and "silent" in result.stderr
    assert not (root / "recordings" / "hmn" / "bank").exists()  # nothing half-written
    write_wav(kit / "n.5.hmn.wav", np.concatenate([np.zeros(3000, np.float32), tone(0.3, 300), np.zeros(3000, np.float32)]))
    result = cli("--workspace", root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 0, result.output
    index = json.loads((root / "recordings/hmn/bank/index.json").read_text(encoding="utf-8"))
    assert set(index) == needed and index["n.5"]["status"] == "draft" and index["n.5"]["text"] == "tsib"

    result = cli("--workspace", root, "recordings", "status", ui_lang="en")
    assert "hmn: 1 from the voice bank, 0 whole recording(s), 0 by a synthetic voice, 1 not voiced" in result.stdout
    assert "vi: 0 from the voice bank, 0 whole recording(s), 2 by a synthetic voice, 0 not voiced" in result.stdout
    assert "whole items: tin-rieng.hmn" in result.stdout
    assert f"voice bank: {len(needed)} phrase(s), {len(needed)} draft, 0 reviewed, 0 approved" in result.stdout


def test_unknown_phrase_file_is_a_warning(root, cli):
    folder = root / "delivered"
    write_wav(folder / "n.77.hmn.wav", tone(0.5, 300))
    result = cli("--workspace", root, "recordings", "import", folder, ui_lang="en")
    assert result.exit_code == 0 and "n.77.hmn" in result.stderr
    assert not (root / "recordings").exists()


# --- alerts -------------------------------------------------------------------------------------------------


def test_alert_end_to_end_for_two_villages_in_all_their_languages(root, cli):
    from commcli.audio.ffmpeg import mp3_duration

    fill_bank(root)
    args = ("--workspace", root, "alert", "hop-ban", "--set", "ban=Bản Huổi Lếch", "--set", "gio=19:25",
            "--set", "so=115", "--villages", "ban-a,ban-b", "--repeat", "2")
    result = cli(*args, "--release", "-o", root / "out" / "alert-r", ui_lang="en")
    assert result.exit_code == 1 and "nobody has reviewed" in result.stderr  # draft phrases and texts
    assert not (root / "out" / "alert-r").exists()

    result = cli(*args, "-o", root / "out" / "alert", ui_lang="en")
    assert result.exit_code == 0, result.output
    out = root / "out" / "alert"
    for lang in ("hmn", "vi"):
        alert = out / "audio" / "alert" / f"{lang}.mp3"
        clip = out / "audio" / "clips" / f"alert-hop-ban.{lang}.mp3"
        chime = out / "audio" / "clips" / "urgent-chime.mp3"
        assert abs(mp3_duration(alert) - 2 * (mp3_duration(clip) + mp3_duration(chime))) < 0.2
    playlist = (out / "playlists" / "ban-a.m3u8").read_text(encoding="utf-8")
    assert playlist.index("../audio/alert/hmn.mp3") < playlist.index("../audio/alert/vi.mp3")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {f["path"] for f in manifest["files"]} | {"manifest.json"}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")} == listed
    assert manifest["villages"] == ["ban-a", "ban-b"] and manifest["repeat"] == 2 and manifest["left_out"] == []
    assert not (root / "out" / "2026-W48").exists()  # the week's build is not touched


@pytest.mark.parametrize("extra, words", [
    (("--set", "gio=19:25"), "needs ban, so"),
    (("--set", "ban=X", "--set", "gio=19:25", "--set", "so=115", "--set", "mau=1"), "has no field mau"),
    (("--set", "ban=X", "--set", "gio=19:25", "--set", "so=115", "--villages", "ban-z"), "Unknown village ban-z"),
    (("--set", "ban"), "is not key=value"),
])
def test_alert_bad_input_is_refused_and_nothing_written(root, cli, extra, words):
    result = cli("--workspace", root, "alert", "hop-ban", *extra, "-o", root / "out" / "a", ui_lang="en")
    assert result.exit_code == 2 and words in result.stderr
    assert not (root / "out").exists()


def test_shipped_emergency_templates_are_honest():
    from commcli.bulletins.templates import BulletinTemplate  # noqa: F401 (the schema the loader uses)
    from commcli.bulletins.templates import load_template

    for name in ("sat-lo-lu-quet", "chay-rung", "ret-dam-ret-hai", "dich-benh-gia-suc"):
        path = REPO / "templates" / "bulletins" / f"{name}.yaml"
        problems = Problems()
        tmpl = load_template(path, problems)
        assert tmpl is not None and not [p for p in problems if p.is_error]
        text = path.read_text(encoding="utf-8")
        assert "huyện" not in text
        for tag, tt in tmpl.texts.items():
            if tag != "vi":
                assert tt.status == "draft" and "native" in text


def test_check_reports_a_broken_say_rule_with_its_line(root, cli):
    path = root / "templates" / "say" / "hmn.yaml"
    path.write_text(SAY_HMN.replace('say: ["w.20"]', 'say: ["w.hai-muoi"]'), encoding="utf-8")
    line = next(i for i, s in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "w.hai-muoi" in s)
    result = cli("--workspace", root, "check", ui_lang="en")
    assert result.exit_code == 1
    assert f"templates/say/hmn.yaml:{line}" in result.stdout + result.stderr


def test_a_slot_with_no_rule_names_the_template_line(root):
    from commcli.voice.bank import plan_clip

    path = root / "templates" / "say" / "hmn.yaml"
    path.write_text(SAY_HMN.split("  time:\n")[0], encoding="utf-8")  # no 'time' rule set
    ws = open_ws(root)
    plan = plan_clip(ws, hop_ban_clip(ws))
    assert not plan.ok
    problem = plan.problems[0]
    assert "{{ gio }}" in problem.message and "'time'" in problem.message
    assert problem.file.name == "hop-ban.yaml" and problem.line == 13
