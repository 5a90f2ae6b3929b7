"""The fault suite: faults of the machine and hostile input end in a message and exit 1/2, the officer's
files and the previous build untouched, nothing left behind (issue #10).

Each test hashes the workspace before and after. Child processes are used where the fault would hurt
the test process (kill -9, file-size limit); mounts (read-only, small disk) only where the machine
allows them, else the test says why it was skipped.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest
from faults import (BULLETIN, WEEK, bulletin, command, fill, inputs_of, leftovers, read_only, run, small_disk,
                    tiny_files, tree_hashes, wait_for)

OUT = Path("out") / "2026-W48"


@pytest.fixture
def tiny(make_workspace):
    return make_workspace(tiny_files())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A tiny workspace built once (cold cache, audio), shared read-only by tests that copy it."""
    import shutil

    from conftest import write_files
    from commcli.cli import main

    root = tmp_path_factory.mktemp("built") / "ws"
    root.mkdir()
    write_files(root, tiny_files())
    assert main(["-w", str(root), "bulletin", "build", WEEK]) == 0
    yield root
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def rebuilt(built, tmp_path):
    """A copy of the built workspace (out/ and .cache/ included) that a test may damage."""
    import shutil

    root = tmp_path / "ws"
    shutil.copytree(built, root, symlinks=True)
    return root


def manifest_matches_files(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    import hashlib

    for entry in manifest["outputs"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"], entry["path"]


# --- reproducible builds ----------------------------------------------------------------------------------


def test_two_cold_builds_are_byte_identical(built, tmp_path, cli):
    import shutil

    other = tmp_path / "ws"
    shutil.copytree(built, other, ignore=shutil.ignore_patterns("out", ".cache"))
    assert cli("-w", other, "bulletin", "build", WEEK).exit_code == 0
    first, second = tree_hashes(built / OUT), tree_hashes(other / OUT)
    assert any(name.endswith(".mp3") for name in first)
    assert first == second


# --- kill -9 at several points, then rebuild ----------------------------------------------------------------


def _kill_when(root: Path, condition) -> None:
    proc = subprocess.Popen(command("-w", root, "bulletin", "build", WEEK), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: condition(root), proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def _staging(root: Path) -> bool:
    return (root / "out").is_dir() and any(".building." in n for n in os.listdir(root / "out"))


def _encoding(root: Path) -> bool:
    clips = root / ".cache" / "clips"
    return clips.is_dir() and any(n.endswith(".json") for n in os.listdir(clips))


@pytest.mark.parametrize("point", [_encoding, _staging])
def test_kill_9_during_a_rebuild_then_rebuild(rebuilt, cli, point):
    before_out, before_inputs = tree_hashes(rebuilt / OUT), inputs_of(rebuilt)
    # A changed item makes the build synthesize and encode again.
    (rebuilt / WEEK).write_text(bulletin("Tối thứ Bảy họp bản ở nhà văn hoá.", "Sáng thứ Hai tiêm chủng."),
                                encoding="utf-8")
    changed_inputs = inputs_of(rebuilt)
    if point is _encoding:
        import shutil

        shutil.rmtree(rebuilt / ".cache")
    _kill_when(rebuilt, point)
    # Killed: the previous build is whole (or was already swapped for the new one, whole too).
    if tree_hashes(rebuilt / OUT) != before_out:
        manifest_matches_files(rebuilt / OUT)
    result = cli("-w", rebuilt, "bulletin", "build", WEEK)
    assert result.exit_code == 0, result.stderr
    manifest_matches_files(rebuilt / OUT)
    assert leftovers(rebuilt) == []
    assert inputs_of(rebuilt) == changed_inputs != before_inputs


# --- disk full, file-size limit, read-only folders -------------------------------------------------------------


def test_disk_full_during_a_rebuild_keeps_the_previous_build(make_workspace, cli, tmp_path):
    disk = tmp_path / "disk"
    with small_disk(disk, 2048):
        root = disk / "ws"
        root.mkdir()
        from conftest import write_files

        write_files(root, tiny_files())
        assert cli("-w", root, "bulletin", "build", WEEK).exit_code == 0
        before_out = tree_hashes(root / OUT)
        (root / WEEK).write_text(bulletin("Tối thứ Bảy họp bản ở nhà văn hoá.", "Sáng thứ Hai tiêm chủng."),
                                 encoding="utf-8")
        inputs = inputs_of(root)
        filler = fill(disk, keep_free=8192)
        result = cli("-w", root, "bulletin", "build", WEEK)
        assert result.exit_code == 2, result.stderr
        assert "đầy" in result.stderr and "Traceback" not in result.stderr  # "the disk is full"
        assert tree_hashes(root / OUT) == before_out
        assert inputs_of(root) == inputs
        assert leftovers(root) == []
        filler.unlink()
        assert cli("-w", root, "bulletin", "build", WEEK).exit_code == 0


def test_file_size_limit_is_a_message_not_a_crash(rebuilt):
    before_out = tree_hashes(rebuilt / OUT)
    (rebuilt / WEEK).write_text(bulletin("Tối thứ Bảy họp bản ở nhà văn hoá, mời cả bản đến dự đông đủ.",
                                         "Sáng thứ Hai tiêm chủng."), encoding="utf-8")
    inputs = inputs_of(rebuilt)
    result = run(rebuilt, "bulletin", "build", WEEK, limit_file_size=12_000)
    assert result.returncode == 2, result.stderr
    assert "ulimit" in result.stderr and "Traceback" not in result.stderr
    assert tree_hashes(rebuilt / OUT) == before_out
    assert inputs_of(rebuilt) == inputs
    assert leftovers(rebuilt) == []


@pytest.mark.parametrize("folder", ["out", ".cache"])
def test_read_only_folder_is_a_message(rebuilt, cli, folder):
    (rebuilt / WEEK).write_text(bulletin("Tối thứ Bảy họp bản ở nhà văn hoá.", "Sáng thứ Hai."), encoding="utf-8")
    before, inputs = tree_hashes(rebuilt / folder), inputs_of(rebuilt)
    with read_only(rebuilt / folder):
        result = cli("-w", rebuilt, "bulletin", "build", WEEK)
    assert result.exit_code == 2, result.stderr
    assert folder in result.stderr and "Traceback" not in result.stderr
    assert tree_hashes(rebuilt / folder) == before
    assert inputs_of(rebuilt) == inputs
    assert leftovers(rebuilt) == []


# --- the cache and the lock -------------------------------------------------------------------------------------


def test_truncated_cache_entry_is_rebuilt_and_reported_never_shipped(rebuilt, built, cli):
    victim = max((rebuilt / ".cache" / "clips").glob("*.mp3"), key=lambda p: p.stat().st_size)
    victim.write_bytes(victim.read_bytes()[: victim.stat().st_size // 3])
    result = cli("-w", rebuilt, "bulletin", "build", WEEK)
    assert result.exit_code == 0, result.stderr
    assert "bộ nhớ đệm" in result.stderr  # "damaged cache entry … rendered again"
    assert tree_hashes(rebuilt / OUT) == tree_hashes(built / OUT)


def test_a_second_build_while_one_runs_is_refused(rebuilt, cli):
    from commcli.buildlock import workspace_lock

    before = tree_hashes(rebuilt)
    with workspace_lock(rebuilt):
        result = cli("-w", rebuilt, "bulletin", "build", WEEK)
        assert result.exit_code == 1
        assert str(os.getpid()) in result.stderr
    assert tree_hashes(rebuilt) == before
    assert leftovers(rebuilt) == []


def test_a_lock_left_by_a_killed_build_is_taken_over(rebuilt, cli):
    proc = subprocess.run(["true"])  # a pid that no longer runs
    (rebuilt / ".cache" / "build.lock").write_text("999999\n", encoding="ascii")
    assert proc.returncode == 0
    result = cli("-w", rebuilt, "bulletin", "build", WEEK)
    assert result.exit_code == 0, result.stderr
    assert leftovers(rebuilt) == []


# --- Ctrl-C inside espeak's callback ------------------------------------------------------------------------------


def test_ctrl_c_in_the_espeak_callback_stops_quietly():
    # In a child process: speaking here would change espeak's state for the other tests.
    code = (
        "import ctypes\n"
        "from commcli.audio.engines import espeak\n"
        "engine = espeak._espeak()\n"
        "def interrupted(*args):\n"
        "    raise KeyboardInterrupt\n"
        "ctypes.string_at = interrupted\n"
        "try:\n"
        "    engine._synth_here('Thưa bà con.', 'vi', 150, None)\n"
        "except KeyboardInterrupt:\n"
        "    print('stopped')\n"
    )
    import sys

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "stopped"
    assert result.stderr == ""


# --- hostile input: every command loads commune.yaml, so each must be cheap to refuse ----------------------------

ALIAS_BOMB = 'lol: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
    f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n" for p, c in zip("abcdefgh", "bcdefghi"))


@pytest.mark.parametrize("text,code_word", [
    (ALIAS_BOMB, "bí danh"),
    ("villages: " + "[" * 5_000 + "]" * 5_000 + "\n", "64"),
    ("villages:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 200)), "64"),
    ("commune: " + "x" * 30_000 + "\n", "20000"),
    ("commune: " + "x" * 6_000_000 + "\n", "5 MB"),
])
def test_hostile_commune_yaml_is_refused_quickly(make_workspace, cli, text, code_word):
    root = make_workspace({"commune.yaml": text})
    before = tree_hashes(root)
    result = cli("-w", root, "check")
    assert result.exit_code == 2
    said = result.stdout + result.stderr
    assert "commune.yaml" in said and code_word in said
    assert tree_hashes(root) == before


def test_fifo_and_device_as_data_are_refused_without_blocking(cli, make_workspace):
    sample = make_workspace(sample=True, name="sample")
    fifo = sample / "data" / "pipe.csv"
    os.mkfifo(fifo)
    for data in (fifo, Path("/dev/zero")):
        result = cli("-w", sample, "form", "render", "khai-sinh", "--lang", "hmn", "--data", data,
                     "-o", sample / "out" / "x.pdf")
        assert result.exit_code == 2
        assert str(data) in result.stderr
    assert not (sample / "out").exists()


def test_symlink_out_of_the_layout_folder_is_not_followed(make_workspace, cli):
    root = make_workspace(sample=True)
    (root / "templates" / "forms" / "secret.txt").symlink_to("/etc/passwd")
    layout = root / "templates" / "forms" / "layout.typ"
    layout.write_text(layout.read_text(encoding="utf-8") + '\n#read("secret.txt")\n', encoding="utf-8")
    result = cli("-w", root, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "-o", root / "out" / "x.pdf")
    assert result.exit_code == 2
    assert "secret.txt" in result.stderr
    assert not (root / "out" / "x.pdf").exists()


def test_recordings_folder_linked_out_of_the_workspace_is_not_written(make_workspace, tmp_path):
    from commcli.errors import InputError
    from commcli.outputs import check_inside
    from commcli.voice.index import index_path
    from commcli.workspace import open_workspace

    root = make_workspace(tiny_files())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / "recordings").symlink_to(elsewhere)
    ws = open_workspace(root)
    with pytest.raises(InputError) as caught:
        check_inside(ws, index_path(ws, "hmn"))  # what recordings import checks before writing
    assert "liên kết" in caught.value.problems[0].message
    assert list(elsewhere.iterdir()) == []


TEMPLATE = """\
name: Thử
category: thong-bao
priority: thuong
text:
  vi: |
    {body}
"""


@pytest.mark.parametrize("body,word", [
    ("{{ 9 ** (9 ** 9) }}", "quá lớn"),
    ("{{ 'x' * 3000000000 }}", "quá lớn"),
    ("{% for a in s %}{% for b in s %}{% for c in s %}{% endfor %}{% endfor %}{% endfor %}", "giây"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "macro"),
    ("{{ s | center(1000000000) }}", "center"),
])
def test_template_denial_of_service_is_refused(make_workspace, cli, body, word):
    week = (
        "week: 2026-W48\ntitle: Thử\nitems:\n"
        "  - id: tin-mau\n    title: Tin mẫu\n    category: thong-bao\n    priority: thuong\n"
        "    template: thu\n    data:\n      s: '" + "x" * 3000 + "'\n"
    )
    root = make_workspace(tiny_files(**{"templates/bulletins/thu.yaml": TEMPLATE.format(body=body), WEEK: week}))
    before = tree_hashes(root)
    result = cli("-w", root, "bulletin", "build", WEEK, "--no-audio")
    assert result.exit_code in (1, 2), result.stdout
    assert "thu" in result.stderr and word in result.stderr, result.stderr
    assert tree_hashes(root) == before


# --- values that would become broken file names or impossible audio -----------------------------------------------


@pytest.mark.parametrize("change,word", [
    (("ban-a, name", 'ban-a\\n", name'), "id"),
    (("gap_seconds: 0.3", "gap_seconds: 0.3\n  sample_rate: 0"), "44100"),
    (("gap_seconds: 0.3", "gap_seconds: 0.3\n  sample_rate: 999999"), "44100"),
    (("voice: vi}", "voice: vi, rate: 0}"), "rate"),
    (("voice: vi}", "voice: klingon}"), "klingon"),
    (("  - {id: ban-a, name: Bản A, languages: [vi], cluster: c1}",
      "  - {id: ban-a, name: Bản A, languages: [vi], cluster: c1}\n  - {id: ban-a, name: Bản B, languages: [vi], cluster: c1}"),
     "ban-a"),
])
def test_bad_values_are_refused_before_anything_is_written(make_workspace, cli, change, word):
    from faults import COMMUNE

    old, new = change
    assert old in COMMUNE
    commune = COMMUNE.replace(old, new)
    if "\\n" in new:
        commune = commune.replace("{id: ban-a\\n\", name", '{id: "ban-a\\n", name')
    root = make_workspace(tiny_files(**{"commune.yaml": commune}))
    before = tree_hashes(root)
    result = cli("-w", root, "bulletin", "build", WEEK)
    assert result.exit_code in (1, 2), result.stdout
    assert "commune.yaml" in result.stderr and word in result.stderr
    assert tree_hashes(root) == before


def test_twin_yaml_and_yml_files_are_refused(make_workspace, cli):
    root = make_workspace(tiny_files(**{"templates/bulletins/thu.yml": TEMPLATE.format(body="Một"),
                                        "templates/bulletins/thu.yaml": TEMPLATE.format(body="Hai")}))
    result = cli("-w", root, "bulletin", "build", WEEK, "--no-audio")
    assert result.exit_code == 2
    assert "thu.yml" in result.stderr and "thu.yaml" in result.stderr
    assert not (root / "out").exists()


def test_split_names_are_safe_on_windows_and_short_enough():
    from commcli.forms.render import safe_filename

    assert safe_filename("CON") == "_CON" and safe_filename("nul.txt") == "_nul.txt" and safe_filename("Com1") == "_Com1"
    assert len(safe_filename("Nguyễn Thị Hồng Nhung " * 30).encode("utf-8")) <= 180
    assert safe_filename(" ..\n") == "_"


def test_a_glossary_file_linked_out_of_the_workspace_is_not_read(make_workspace, cli, tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("secret: mật khẩu\n", encoding="utf-8")
    root = make_workspace(tiny_files())
    (root / "glossary").mkdir()
    (root / "glossary" / "x.yaml").symlink_to(outside)
    result = cli("-w", root, "check")
    said = result.stdout + result.stderr
    assert result.exit_code == 2
    assert "glossary/x.yaml" in said and "mật khẩu" not in said


def test_a_data_file_linked_out_of_its_folder_is_not_read(make_workspace, cli, tmp_path):
    outside = tmp_path / "passwd"
    outside.write_text("root:x:0:0:mật khẩu:/root:/bin/bash\n", encoding="utf-8")
    root = make_workspace(tiny_files())
    (root / "data").mkdir(exist_ok=True)
    (root / "data" / "x.csv").symlink_to(outside)
    before = inputs_of(root)
    result = cli("-w", root, "glossary", "import", root / "data" / "x.csv")
    said = result.stdout + result.stderr
    assert result.exit_code == 2
    assert "x.csv" in said and "liên kết" in said and "mật khẩu" not in said and "root:x" not in said
    assert inputs_of(root) == before


@pytest.mark.parametrize("code,word", [
    ("ENOSPC", "đầy"), ("EFBIG", "ulimit"), ("EROFS", "chỉ đọc"), ("EACCES", "quyền"), ("EPERM", "quyền"),
])
def test_every_file_system_fault_has_a_message_naming_the_path(code, word):
    import errno

    from commcli.faults import problem_for

    number = getattr(errno, code)
    problem = problem_for(OSError(number, os.strerror(number), "/srv/xa/out/2026-W48/scripts/vi.pdf"))
    assert "/srv/xa/out/2026-W48/scripts/vi.pdf" in problem.message
    assert word in problem.message + problem.hint


def test_a_killed_or_failing_ffmpeg_is_a_message(tmp_path):
    import subprocess as sp

    from commcli.audio.ffmpeg import _failed
    from commcli.faults import problem_for

    killed = sp.CompletedProcess(["ffmpeg"], -9, b"", b"")
    full = sp.CompletedProcess(["ffmpeg"], 1, b"", b"av_interleaved_write_frame(): No space left on device\n")
    dest = tmp_path / "x.mp3"
    assert "ffmpeg" in problem_for(_failed(killed, dest)).message
    assert isinstance(_failed(full, dest), OSError) and "đầy" in problem_for(_failed(full, dest)).message


@pytest.mark.parametrize("keep_free", [2_000, 60_000])
def test_disk_full_while_printing_forms_leaves_nothing(cli, tmp_path, keep_free):
    """The output's disk fills while the stencil, the values or the joined PDF is written: a message, no PDF."""
    from conftest import FORM_PARTS, copy_sample

    root = copy_sample(tmp_path / "ws", FORM_PARTS)
    disk = tmp_path / "disk"
    with small_disk(disk, 1024):
        filler = fill(disk, keep_free=keep_free)
        result = cli("-w", root, "form", "render", "khai-sinh", "--lang", "hmn", "--data", root / "data" / "khai-sinh.csv",
                     "-o", disk / "in" / "ks.pdf", "--split", disk / "moi-nguoi")
        assert result.exit_code in (1, 2), result.stderr
        assert "Traceback" not in result.stderr and "đầy" in result.stderr, result.stderr
        assert sorted(p.name for p in disk.iterdir()) == ["filler.bin"]  # no PDF, no folder, no scratch
        filler.unlink()
        result = cli("-w", root, "form", "render", "khai-sinh", "--lang", "hmn", "--data",
                     root / "data" / "khai-sinh.csv", "-o", disk / "in" / "ks.pdf")
        assert result.exit_code == 0, result.stderr


def test_kill_9_while_forms_are_typeset_then_print_again(tmp_path):
    """The command and its workers killed once chunks are being written: no PDF under the final name; the
    next run removes what the dead one left (its scratch folder names its pid) and prints everything."""
    from conftest import FORM_PARTS, REPO, copy_sample

    root = copy_sample(tmp_path / "ws", FORM_PARTS)
    header, *rows = (REPO / "data" / "khai-sinh.csv").read_text(encoding="utf-8-sig").splitlines()
    data = root / "data" / "nhieu.csv"
    data.write_text("\n".join([header] + rows * 240) + "\n", encoding="utf-8")  # 1,200 copies
    out = tmp_path / "in" / "ks.pdf"
    args = ["-w", root, "form", "render", "khai-sinh", "--lang", "hmn", "--data", data, "-o", out]
    proc = subprocess.Popen(command(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)

    def chunk_written() -> bool:
        return any(p.name.startswith("chunk-") for p in out.parent.glob(".ks.pdf.work.*/*"))

    try:
        assert wait_for(chunk_written, proc, timeout=60), "no chunk was written before the command ended"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the command, its launcher and its workers
        proc.wait()
    assert not out.exists()
    assert any(p.name.startswith(".ks.pdf.work.") for p in out.parent.iterdir())  # left by the dead run
    result = subprocess.run(command(*args), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.parent.iterdir()) == ["ks.pdf"]
