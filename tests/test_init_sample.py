"""`commcli init` copies the sample as shipped, never a checkout's half-edited files; the next step pastes as is."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest

from commcli.scaffold import copy_pristine_sample

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(root, *args):
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t.invalid", *args],
                   check=True, capture_output=True)


@needs_git
def test_a_checkout_gives_its_last_commit_not_its_live_files(tmp_path):
    checkout = tmp_path / "checkout"
    (checkout / "bulletins").mkdir(parents=True)
    (checkout / "commune.yaml").write_text("commune: A\n", encoding="utf-8")
    (checkout / "bulletins" / "2026-W48.yaml").write_text("week: 2026-W48\n", encoding="utf-8")
    git(checkout, "init", "-q")
    git(checkout, "add", ".")
    git(checkout, "commit", "-q", "-m", "sample")
    # the developer's (or officer's) live edits in the checkout
    (checkout / "bulletins" / "2026-W48.yaml").write_text("week: 2026-W48\nitems: [half-edited\n", encoding="utf-8")
    (checkout / "bulletins" / "2026-W49.yaml").write_text("week: 2026-W49\n", encoding="utf-8")

    staging = tmp_path / "new"
    staging.mkdir()
    copy_pristine_sample(checkout, staging)
    assert sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()) == [
        "bulletins/2026-W48.yaml", "commune.yaml"]
    assert (staging / "bulletins" / "2026-W48.yaml").read_text(encoding="utf-8") == "week: 2026-W48\n"


def test_a_packaged_sample_is_copied_as_it_is(tmp_path):
    packaged = tmp_path / "_sample"
    (packaged / "glossary").mkdir(parents=True)
    (packaged / "commune.yaml").write_text("commune: A\n", encoding="utf-8")
    (packaged / "glossary" / "y-te.yaml").write_text("domain: y-te\n", encoding="utf-8")
    staging = tmp_path / "new"
    staging.mkdir()
    copy_pristine_sample(packaged, staging)
    assert (staging / "glossary" / "y-te.yaml").is_file() and (staging / "commune.yaml").is_file()


def test_init_in_a_folder_with_spaces_prints_a_pasteable_next_step(cli, tmp_path):
    target = tmp_path / "xã mới" / "bản tin"
    result = cli("init", target)
    assert result.exit_code == 0, result.stderr
    assert f"cd {shlex.quote(str(target))} && commcli check" in result.stdout
    assert "'" in result.stdout.splitlines()[-1]  # quoted: the space does not split the path
    assert (target / "commune.yaml").is_file()
