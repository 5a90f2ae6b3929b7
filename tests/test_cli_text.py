"""The default (Vietnamese) UI has no English left: click's help screens, usage errors, --version."""

from __future__ import annotations

import re

import pytest

from tests.test_docs import all_commands

# Words that only English text has (Vietnamese never writes them); option names and quoted text are removed first.
ENGLISH = re.compile(
    r"\b(usage|options?|commands?|arguments?|show|message|exit|required|default|error|missing|such|try|"
    r"the|and|or|of|with|for|this|is|are|not|did|you|mean|invalid|value|got|unexpected|extra|choose|from)\b",
    re.IGNORECASE,
)


def english_words(text: str) -> list[str]:
    text = re.sub(r"(?<![\w])--?[\w-]+", " ", text)  # option names
    text = re.sub(r"'[^'\n]*'|\"[^\"\n]*\"", " ", text)  # quoted names and examples
    text = re.sub(r"\b(commcli|csv|tbx|yaml|pdf|mp3|json|text|tts|manifest)\b", " ", text, flags=re.IGNORECASE)
    return ENGLISH.findall(text)


def test_every_help_screen_is_vietnamese(cli):
    screens = [[]] + [path for path, _ in all_commands()]
    for path in screens:
        result = cli(*path, "--help")
        assert result.exit_code == 0, path
        assert "Cách dùng: commcli" in result.stdout
        leftovers = english_words(result.stdout)
        assert not leftovers, f"commcli {' '.join(path)} --help has English: {leftovers}\n{result.stdout}"


@pytest.mark.parametrize("args, expected", [
    (("form", "render"), "Thiếu đối số 'BIỂU_MẪU'."),
    (("bulletin", "buidl"), "Không có lệnh 'buidl'. Có phải bạn muốn gõ 'build'?"),
    (("bulletin", "new"), "Thiếu tùy chọn '--week'."),
    (("check", "--frmat"), "Không có tùy chọn --frmat. Có phải bạn muốn gõ '--format'?"),
    (("check", "--format"), "Tùy chọn --format cần một giá trị"),
    (("glossary", "stats", "thừa"), "Thừa từ trên dòng lệnh"),
])
def test_usage_errors_are_vietnamese_with_usage_and_exit_2(cli, args, expected):
    result = cli(*args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Lỗi: " in result.stderr
    assert not english_words(result.stderr), result.stderr


def test_no_arguments_shows_vietnamese_help(cli):
    result = cli()
    assert result.exit_code == 2
    assert "Cách dùng: commcli [TÙY_CHỌN] LỆNH [ĐỐI_SỐ]..." in result.stdout + result.stderr


def test_version_alone(cli):
    from commcli import __version__

    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"commcli {__version__}"


def test_english_ui_keeps_click_english(cli):
    result = cli("bulletin", "buidl", ui_lang="en")
    assert result.exit_code == 2
    assert "Error: No such command 'buidl'. Did you mean 'build'?" in result.stderr
    assert "Usage: commcli bulletin [OPTIONS] COMMAND [ARGS]..." in result.stderr


def test_command_summaries_are_whole(cli):
    result = cli("--help")
    assert "..." not in result.stdout.split("Lệnh:")[1]
    assert "…" not in result.stdout.split("Lệnh:")[1]


def test_main_entry_point_renders_errors_like_the_runner(capsys):
    from commcli.cli import main

    assert main(["bulletin", "buidl"]) == 2
    err = capsys.readouterr().err
    assert "Lỗi: Không có lệnh 'buidl'." in err


def test_file_errors_use_vietnamese_not_the_systems_english(cli, make_workspace, tmp_path):
    root = make_workspace(sample=True)
    result = cli("--workspace", root, "glossary", "import", tmp_path / "khong-co.csv")
    assert result.exit_code == 2
    assert "không tồn tại" in result.stderr
    assert "No such file" not in result.stderr
