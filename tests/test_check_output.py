"""`commcli check`: errors first and once, then a short to-do; --all and --format json keep everything; -q errors only."""

from __future__ import annotations

import json

from tests.conftest import REPO


def test_untouched_sample_is_short_and_clean(cli):
    result = cli("--workspace", REPO, "check")
    assert result.exit_code == 0, result.stdout
    lines = result.stdout.strip().splitlines()
    assert len(lines) <= 15, result.stdout
    assert lines[0] == "Việc cần làm:"
    assert "Thư mục làm việc đã sẵn sàng." in lines[-1]
    assert not any(": cảnh báo:" in line for line in lines)  # warnings summed up, not listed
    # each kind of work names its command
    assert "commcli recordings kit bulletins/2026-W48.yaml --lang" in result.stdout
    assert "commcli glossary export --lang" in result.stdout


def test_all_and_json_keep_every_warning(cli):
    full = json.loads(cli("--workspace", REPO, "check", "--format", "json").stdout)
    listed = cli("--workspace", REPO, "check", "--all").stdout
    assert full["warnings"] > 50
    assert listed.count(": cảnh báo: ") == full["warnings"]
    assert "Cảnh báo" in listed  # the per-area table


def test_quiet_prints_nothing_without_errors(cli):
    result = cli("--workspace", REPO, "-q", "check")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_an_error_comes_first_once_with_its_place_and_fix(cli, make_workspace):
    root = make_workspace(sample=True)
    path = root / "bulletins" / "2026-W48.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("priority: khan-cap", "priority: gap", 1), encoding="utf-8")
    result = cli("--workspace", root, "check")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0].startswith("bulletins/2026-W48.yaml:10:") and ": lỗi: " in lines[0]
    assert result.stdout.count("bulletins/2026-W48.yaml:10:") == 1
    assert "cách sửa:" in result.stdout
    assert "còn lỗi cần sửa" in lines[-1]

    for args in (("-q", "check"), ("check", "-q")):
        quiet = cli("--workspace", root, *args)
        assert quiet.exit_code == 2
        assert quiet.stdout.splitlines()[0] == lines[0]
        assert "Việc cần làm" not in quiet.stdout and "cảnh báo" not in quiet.stdout


def test_a_misspelt_key_is_shown_not_summed_up(cli, make_workspace):
    root = make_workspace(sample=True)
    path = root / "commune.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "provnce: x\n", encoding="utf-8")
    result = cli("--workspace", root, "check")
    assert result.exit_code == 0
    assert "commune.yaml:" in result.stdout and "provnce" in result.stdout
