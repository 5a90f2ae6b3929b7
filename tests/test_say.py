"""`commcli say`: the spoken form on stdout, line by line from a file, as an MP3; bad input exits 2."""

from __future__ import annotations

import pytest

from commcli.cli import main


@pytest.fixture
def run(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # outside any workspace: built-in readings only

    def _run(*args):
        code = main(["--ui-lang", "en", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_say_prints_the_spoken_form(run):
    code, out, err = run("say", "Họp lúc 14h30 ngày 5/12 tại TYT, gọi 115.")
    assert code == 0
    assert out == "Họp lúc mười bốn giờ ba mươi phút ngày năm tháng mười hai tại trạm y tế, gọi một một năm.\n"
    assert err == ""


def test_unknown_capitals_are_warned_with_file_and_line(run, tmp_path):
    text = tmp_path / "tin.txt"
    text.write_text("Dòng 1: 2/9\n\nTổ chức XYZW họp\n", encoding="utf-8")
    code, out, err = run("say", "--file", str(text))
    assert code == 0
    assert out.split("\n") == ["Dòng một: ngày hai tháng chín", "", "Tổ chức ích i dài dét vê kép họp", ""]
    assert "tin.txt:3" in err and "XYZW" in err


@pytest.mark.parametrize("args", [("say", ""), ("say", "  \n "), ("say",)])
def test_empty_input_exits_2(run, args):
    code, out, err = run(*args)
    assert code == 2 and out == "" and err


def test_empty_file_and_missing_file_exit_2(run, tmp_path):
    empty = tmp_path / "trong.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert run("say", "--file", str(empty))[0] == 2
    assert run("say", "--file", str(tmp_path / "khong-co.txt"))[0] == 2


def test_bad_bytes_and_control_characters_are_read_with_warnings(run, tmp_path):
    bad = tmp_path / "hong.txt"
    bad.write_bytes("Ngày 2/9\x07 nghỉ ".encode("utf-8") + b"\xff\n" + b"\xfe 12 h\xe1\n")
    code, out, err = run("say", "--file", str(bad))
    assert code == 0
    assert out.splitlines()[0] == "Ngày hai tháng chín nghỉ"
    assert "UTF-8" in err


def test_other_languages_are_printed_as_written_and_have_no_voice(run, tmp_path):
    code, out, _err = run("say", "--lang", "hmn", "Nyob zoo 12 tus")
    assert (code, out) == (0, "Nyob zoo 12 tus\n")
    code, _out, err = run("say", "--lang", "hmn", "Nyob zoo", "-o", str(tmp_path / "x.mp3"))
    assert code == 2 and not (tmp_path / "x.mp3").exists()
    assert run("say", "--lang", "xx", "abc")[0] == 2


def test_say_writes_an_mp3_at_the_workspace_loudness(run, tmp_path):
    from commcli.audio.ffmpeg import mp3_duration

    dest = tmp_path / "nghe" / "thu.mp3"
    code, out, err = run("say", "Gọi 115.", "-o", str(dest))
    assert code == 0, err
    assert out == "Gọi một một năm.\n"
    assert dest.is_file() and 0.3 < mp3_duration(dest) < 10
    assert [p.name for p in dest.parent.iterdir()] == ["thu.mp3"]


def test_output_must_not_be_the_input(run, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Chào bà con\n", encoding="utf-8")
    code, _out, _err = run("say", "--file", str(src), "-o", str(src))
    assert code == 2 and src.read_text(encoding="utf-8") == "Chào bà con\n"
