"""Foundation: strict loading of commune.yaml, every class of bad input, init and check."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from commcli.errors import Problems
from commcli.workspace import open_workspace
from commcli.yamlload import parse_yaml

COMMUNE = """
province: Điện Biên
commune: Xã Mường Nhé
officer:
  name: Lò Thị Hương
languages: [vi, hmn]
villages:
  - id: ban-a
    name: Bản A
    languages: [hmn, vi]
    cluster: c1
slots:
  - id: sang
    name: Buổi sáng
    days: [mon, T4, CN]
    start: 06:30
    minutes: 15
"""


def minimal(text: str = COMMUNE) -> dict[str, str]:
    return {"commune.yaml": text}


def check(cli, root: Path, *extra: str):
    return cli("--workspace", root, "check", *extra)


# --- the loader itself -------------------------------------------------------------------------


def test_yaml_11_surprises_stay_strings():
    problems = Problems()
    loaded = parse_yaml("a: no\nb: yes\nc: on\nd: off\ne: 06:30\nf: 011\ng: 1.0\nh: ~\n", Path("x.yaml"), problems)
    assert not problems
    assert loaded.data == {"a": "no", "b": "yes", "c": "on", "d": "off", "e": "06:30", "f": "011", "g": "1.0", "h": None}


def test_positions_are_kept():
    problems = Problems()
    loaded = parse_yaml("a:\n  b:\n    - x\n    - y\n", Path("x.yaml"), problems)
    assert loaded.positions.of(("a", "b", 1)) == (4, 7)


def test_nfd_text_is_normalized_to_nfc(make_workspace):
    nfd = unicodedata.normalize("NFD", COMMUNE)
    assert nfd != COMMUNE
    ws = open_workspace(make_workspace(minimal(nfd)))
    assert not ws.problems.has_errors
    assert ws.commune.commune == "Xã Mường Nhé"
    assert unicodedata.is_normalized("NFC", ws.commune.villages[0].name)


def test_slot_time_and_day_aliases(make_workspace):
    ws = open_workspace(make_workspace(minimal()))
    slot = ws.commune.slots[0]
    assert slot.start == "06:30"
    assert slot.days == ["mon", "wed", "sun"]


def test_workspace_found_from_a_subfolder(make_workspace):
    root = make_workspace(minimal())
    sub = root / "bulletins" / "deep"
    sub.mkdir(parents=True)
    assert open_workspace(sub).root == root.resolve()


def test_libyaml_and_pure_python_composers_agree(tmp_path, monkeypatch):
    """parse_yaml composes with libyaml when it can; data, positions and problems are the same without it."""
    from commcli import yamlload

    def both(path):
        fast_problems, slow_problems = Problems(), Problems()
        fast = yamlload.load_yaml_file(path, fast_problems)
        with monkeypatch.context() as m:
            m.setattr(yamlload, "_compose_fast", lambda text: None)
            slow = yamlload.load_yaml_file(path, slow_problems)
        return fast, slow, fast_problems, slow_problems

    repo = Path(__file__).resolve().parent.parent
    for path in [repo / "commune.yaml", *sorted((repo / "glossary").glob("*.yaml")), *sorted((repo / "bulletins").glob("*.yaml"))]:
        fast, slow, _, _ = both(path)
        assert (fast.data, fast.positions.values, fast.positions.keys) == (slow.data, slow.positions.values, slow.positions.keys)
    bad = {
        "dup.yaml": "domain: a\nname: b\ndomain: c\n",
        "tab.yaml": "domain: a\nentries:\n\t- id: x\n",
        "syntax.yaml": "domain: [a\n",
        "empty.yaml": "# only a comment\n",
        "legacy.yaml": "domain: a\nname: Vi\u00ae\u00b5t Nam \u00b8\u00b6\n",
    }
    for name, text in bad.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        _, _, fast_problems, slow_problems = both(path)
        assert [(p.code, p.line, p.column) for p in fast_problems] == [(p.code, p.line, p.column) for p in slow_problems], name
        assert len(fast_problems), name


# --- bad input, each class: message with file:line, exit code, nothing written ------------------


BAD_CASES = {
    "yaml-syntax": (COMMUNE.replace("officer:\n", "officer: [\n"), 2, "commune.yaml:", "["),
    "tab": (COMMUNE.replace("  name: Lò Thị Hương", "\tname: Lò Thị Hương"), 2, "commune.yaml:4", "tab"),
    "duplicate-key": (COMMUNE.replace("commune: Xã Mường Nhé\n", "commune: Xã Mường Nhé\ncommune: Xã Khác\n"), 2,
                      "commune.yaml:3:1", "commune"),
    "wrong-type": (COMMUNE.replace("minutes: 15", "minutes: mười lăm"), 2, "commune.yaml:16:14", "minutes"),
    "missing-field": (COMMUNE.replace("province: Điện Biên\n", ""), 2, "commune.yaml:1", "province"),
    "unknown-language": (COMMUNE.replace("languages: [hmn, vi]", "languages: [hmn, xx]"), 2, "commune.yaml:9:22", "xx"),
    "dangling-reference": (COMMUNE.replace("languages: [hmn, vi]", "languages: [kjg, vi]"), 1, "commune.yaml:9:17",
                           "kjg"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
def test_bad_commune_file(cli, make_workspace, case):
    text, code, where, word = BAD_CASES[case]
    root = make_workspace(minimal(text))
    before = sorted(p.name for p in root.rglob("*"))
    result = check(cli, root)
    assert result.exit_code == code, result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert where in output
    assert word in output
    assert "Traceback" not in output
    assert sorted(p.name for p in root.rglob("*")) == before  # nothing written


def test_several_errors_reported_together(cli, make_workspace):
    text = COMMUNE.replace("minutes: 15", "minutes: abc").replace("languages: [hmn, vi]", "languages: [hmn, zz]")
    result = check(cli, make_workspace(minimal(text)))
    assert result.exit_code == 2
    assert "minutes" in result.stdout and "zz" in result.stdout


def test_unknown_language_lists_known_tags(cli, make_workspace):
    result = check(cli, make_workspace(minimal(COMMUNE.replace("languages: [vi, hmn]", "languages: [vi, hmong]"))))
    assert result.exit_code == 2
    assert "hmong" in result.stdout
    for tag in ("vi", "hmn", "blt-Tavt", "kjg"):
        assert tag in result.stdout


def test_empty_file(cli, make_workspace):
    result = check(cli, make_workspace(minimal("# nothing yet\n")))
    assert result.exit_code == 2
    assert "commune.yaml:1:1" in result.stdout


def test_not_utf8(cli, make_workspace):
    root = make_workspace({"commune.yaml": COMMUNE.lstrip().encode("cp1258", errors="replace")})
    result = check(cli, root)
    assert result.exit_code == 2
    assert "commune.yaml:1" in result.stdout
    assert "UTF-8" in result.stdout


def test_legacy_tcvn3_text_is_reported(cli, make_workspace):
    # "Xã Mường Nhé" typed in TCVN3 (ABC) and saved as if it were Latin-1 text.
    tcvn3 = COMMUNE.replace("commune: Xã Mường Nhé", "commune: X· M­êng NhÐ")
    result = check(cli, make_workspace(minimal(tcvn3)))
    assert result.exit_code == 2
    assert "commune.yaml:2:10" in result.stdout
    assert "TCVN3" in result.stdout
    assert "UniKey" in result.stdout


def test_legacy_vni_text_is_reported(cli, make_workspace):
    vni = COMMUNE.replace("name: Lò Thị Hương", "name: Loø Thò Höông")
    result = check(cli, make_workspace(minimal(vni)))
    assert result.exit_code == 2
    assert "VNI" in result.stdout


def test_unknown_key_is_a_warning(cli, make_workspace):
    result = check(cli, make_workspace(minimal(COMMUNE + "provnce: typo\n")))
    assert result.exit_code == 0
    assert "provnce" in result.stdout
    assert "commune.yaml:17:1" in result.stdout


def test_jingle_outside_workspace_is_refused(cli, make_workspace):
    result = check(cli, make_workspace(minimal(COMMUNE + "audio:\n  intro: ../../etc/passwd\n")))
    assert result.exit_code == 2
    assert "commune.yaml:18:10" in result.stdout


def test_json_format(cli, make_workspace):
    result = check(cli, make_workspace(minimal(COMMUNE.replace("minutes: 15", "minutes: x"))), "--format", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    [problem] = [p for p in data["problems"] if p["field"] == "slots[0].minutes"]
    assert problem["file"] == "commune.yaml" and problem["line"] == 16


def test_no_workspace(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("check")
    assert result.exit_code == 2
    assert "commcli init" in result.stderr


def test_english_messages(cli, make_workspace):
    root = make_workspace(minimal(COMMUNE.replace("minutes: 15", "minutes: x")))
    result = cli("--workspace", root, "--ui-lang", "en", "check", ui_lang="en")
    assert "Wrong type of value." in result.stdout


def test_vietnamese_messages_by_default(cli, make_workspace):
    root = make_workspace(minimal(COMMUNE.replace("minutes: 15", "minutes: x")))
    result = check(cli, root)
    assert "Sai kiểu giá trị." in result.stdout


# --- init ----------------------------------------------------------------------------------------


def test_init_then_check_passes(cli, tmp_path):
    target = tmp_path / "xa-moi"
    assert cli("init", target).exit_code == 0
    assert (target / "commune.yaml").is_file()
    result = cli("--workspace", target, "check")
    assert result.exit_code == 0, result.stdout
    assert (target / ".gitignore").read_text(encoding="utf-8").startswith("out/")


def test_init_refuses_to_overwrite(cli, make_workspace):
    root = make_workspace(minimal())
    before = (root / "commune.yaml").read_bytes()
    result = cli("init", root)
    assert result.exit_code == 2
    assert (root / "commune.yaml").read_bytes() == before
