"""YAML syntax and validation errors in plain Vietnamese, at the offending line, with a caret; choices typed in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest

from commcli.errors import Problems
from commcli.report import format_problem
from commcli.yamlload import parse_yaml

ITEMS = "week: 2026-W49\nitems:\n  - id: a\n    title: A\n"

CASES = {
    # name: (text, code, line, column, words in the Vietnamese message)
    "colon-in-value": ("a: 1\ntitle: Họp dân: lúc 8 giờ\n", "yaml.colon-in-value", 2, 15, ['title: "Họp dân: lúc 8 giờ"']),
    "unclosed-quote": ('a: 1\ntitle: "Họp dân\nb: 2\n', "yaml.unclosed-quote", 2, 8, ["không được đóng lại"]),
    "pasted-item-at-column-0": (ITEMS + "- id: b\n  title: B\n", "yaml.list-item-level", 5, 1, ["cột 3", "dòng 3"]),
    "item-at-wrong-level": (ITEMS + "    - id: b\n", "yaml.list-item-level", 5, 5, ["cột 3"]),
    "indented-too-far": (ITEMS + "     x: 2\n", "yaml.indentation", 5, 6, ["thụt lề sâu hơn"]),
    "indented-too-little": (ITEMS + "   x: 2\n", "yaml.indentation", 5, 4, ["không khớp"]),
    "tab": ("a:\n\tb: 1\n", "yaml.tab", 2, 1, ["tab"]),
    "key-without-colon": ("a: 1\nb\nc: 2\n", "yaml.missing-colon", 2, 1, ["':'"]),
    "unclosed-bracket": ("a: [1, 2\nc: 2\n", "yaml.unclosed-bracket", 1, 4, ["["]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_yaml_syntax_error_is_explained(name):
    text, code, line, column, words = CASES[name]
    problems = Problems()
    assert parse_yaml(text, Path("x.yaml"), problems) is None
    [problem] = problems.items
    assert (problem.code, problem.line, problem.column) == (code, line, column)
    shown = format_problem(problem)
    for word in words:
        assert word in shown
    source, caret = shown.splitlines()[1:3]
    assert source.endswith(text.splitlines()[line - 1].replace("\t", " "))
    # the caret sits under the column the message names
    assert caret.index("^") - source.index("| ") - 2 == column - 1
    assert "expected" not in shown and "mapping values" not in shown


def test_bulletin_with_vietnamese_choice_words_checks_clean(cli, make_workspace):
    root = make_workspace(sample=True)
    path = root / "bulletins" / "2026-W48.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("priority: khan-cap", "priority: Khẩn cấp", 1).replace("category: thong-bao", "category: thông báo", 1)
    path.write_text(text, encoding="utf-8")
    result = cli("--workspace", root, "check", "--format", "json")
    import json

    report = json.loads(result.stdout)
    assert not [p for p in report["problems"] if p["severity"] == "error"], report["problems"][:3]


def test_wrong_choice_impossible_date_and_wrong_type_are_plain_vietnamese(cli, make_workspace):
    root = make_workspace(sample=True)
    path = root / "bulletins" / "2026-W48.yaml"
    text = path.read_text(encoding="utf-8")
    text = (text.replace("priority: khan-cap", "priority: gap", 1)
            .replace("valid_until: 2026-11-29", "valid_until: 2026-02-30", 1)
            .replace("repeat: 2", "repeat: hai", 1))
    path.write_text(text, encoding="utf-8")
    before = sorted(str(p) for p in root.rglob("*"))
    result = cli("--workspace", root, "check")
    assert result.exit_code == 2
    out = result.stdout
    assert "bulletins/2026-W48.yaml:10:" in out and "khan-cap, uu-tien, thuong" in out.replace("thuong, uu-tien, khan-cap", "khan-cap, uu-tien, thuong")
    assert "bulletins/2026-W48.yaml:12:" in out and "Ngày này không có trên lịch." in out
    assert "bulletins/2026-W48.yaml:11:" in out and "số nguyên" in out
    assert "Input should" not in out and " or " not in out
    assert sorted(str(p) for p in root.rglob("*")) == before


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u200d", "\x07", "\x1b", "\ufeff"])
def test_invisible_or_control_character_is_refused_where_it_is(char):
    text = f"a: 1\ntitle: Họp{char} dân lúc 8 giờ\n"
    problems = Problems()
    assert parse_yaml(text, Path("x.yaml"), problems) is None
    [problem] = problems.items
    assert (problem.code, problem.line, problem.column) == ("text.invisible", 2, 11)
    assert f"U+{ord(char):04X}" in problem.message and "ẩn" in problem.message


def test_tai_viet_and_vietnamese_text_pass():
    problems = Problems()
    loaded = parse_yaml("vi: Bản Mường Nhé – thông báo\nblt-Tavt: ꪁꪙꪒ ꪕꪱꪙ\n", Path("x.yaml"), problems)
    assert loaded is not None and not problems.items
