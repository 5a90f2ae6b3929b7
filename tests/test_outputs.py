"""Outputs never land on the officer's files; a folder is replaced only when commcli made all of it."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (links as their target text) with its bytes, to compare before and after."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            found[rel] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[rel] = path.read_bytes()
    return found


@pytest.fixture
def ws(make_workspace):
    root = make_workspace(sample=True)
    (root / ".gitignore").write_text("out/\n.cache/\n", encoding="utf-8")
    return root


def _inputs(root: Path) -> dict[str, bytes]:
    return {k: v for k, v in snapshot(root).items() if not k.startswith(("out", ".cache"))}


@pytest.mark.parametrize("target", ["commune.yaml", "data/khai-sinh.csv", "templates/forms/new.pdf", "glossary"])
def test_form_output_on_an_input_is_refused(cli, ws, target):
    before = _inputs(ws)
    result = cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "-o", ws / target)
    assert result.exit_code == 2
    assert "commcli" in result.stderr and str(target) in result.stderr
    assert _inputs(ws) == before


@pytest.mark.parametrize("folder", ["data", ".", "templates/forms", "recordings/hmn"])
def test_split_into_an_input_folder_or_the_workspace_is_refused(cli, ws, folder):
    before = _inputs(ws)
    result = cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--data", ws / "data" / "khai-sinh.csv",
                 "--split", ws / folder)
    assert result.exit_code == 2, result.stdout
    assert _inputs(ws) == before
    assert (ws / "data" / "README.md").exists() and (ws / ".gitignore").exists()


def test_split_into_a_folder_of_other_files_is_refused_and_an_empty_one_accepted(cli, ws):
    mine = ws / "giay-to"
    mine.mkdir()
    (mine / "thu.docx").write_bytes(b"x")
    result = cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "--split", mine)
    assert result.exit_code == 2 and "thu.docx" not in os.listdir(ws) and (mine / "thu.docx").read_bytes() == b"x"
    empty = ws / "trong"
    empty.mkdir()
    result = cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "--split", empty)
    assert result.exit_code == 0, result.stderr
    made = json.loads((empty / ".commcli-made.json").read_text(encoding="utf-8"))
    assert made["files"] == ["khai-sinh-hmn.pdf"]
    # Made by commcli: replaced on the next run; once the officer adds a file, refused and kept.
    assert cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "--split", empty).exit_code == 0
    (empty / "ghi-chu.txt").write_text("mine", encoding="utf-8")
    result = cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "--split", empty)
    assert result.exit_code == 2 and "ghi-chu.txt" in result.stderr
    assert (empty / "ghi-chu.txt").read_text(encoding="utf-8") == "mine"


def test_output_replacing_a_file_of_another_kind_is_refused(cli, ws):
    readme = ws / "README.md"
    readme.write_text("# mine\n", encoding="utf-8")
    result = cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "-o", readme)
    assert result.exit_code == 2 and readme.read_text(encoding="utf-8") == "# mine\n"


def test_glossary_export_onto_the_glossary_is_refused(cli, ws):
    before = _inputs(ws)
    target = next((ws / "glossary").glob("*.yaml"))
    result = cli("-w", ws, "glossary", "export", "-o", target)
    assert result.exit_code == 2
    assert _inputs(ws) == before
    assert cli("-w", ws, "glossary", "export", "-o", ws / "out" / "g.csv").exit_code == 0


def test_bulletin_build_keeps_an_index_beside_a_foreign_manifest(cli, ws):
    site = ws / "site"
    site.mkdir()
    (site / "manifest.json").write_text('{"name": "my web app"}', encoding="utf-8")
    (site / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    result = cli("-w", ws, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio", "-o", site)
    assert result.exit_code == 2
    assert sorted(os.listdir(site)) == ["index.html", "manifest.json"]


def test_default_output_through_a_link_out_of_the_workspace_is_refused(cli, ws, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (ws / "out").symlink_to(elsewhere)
    result = cli("-w", ws, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio")
    assert result.exit_code == 2
    assert list(elsewhere.iterdir()) == []


def test_outputs_follow_the_umask(cli, ws):
    old = os.umask(0o022)
    try:
        assert cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "-o",
                   ws / "out" / "a.pdf", "--split", ws / "out" / "tach").exit_code == 0
        assert cli("-w", ws, "bulletin", "build", "bulletins/2026-W48.yaml", "--no-audio").exit_code == 0
        assert cli("-w", ws, "glossary", "export", "-o", ws / "out" / "g.csv").exit_code == 0
    finally:
        os.umask(old)
    for path in [ws / "out", *sorted((ws / "out").rglob("*"))]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o755 if path.is_dir() else 0o644), (path, oct(mode))


def test_scratch_left_by_a_killed_form_render_is_removed(cli, ws):
    out = ws / "out"
    stale = out / ".a.pdf.work.999999.abcd"
    stale.mkdir(parents=True)
    (stale / "chunk-00000.pdf").write_bytes(b"%PDF-")
    assert cli("-w", ws, "form", "render", "khai-sinh", "--lang", "hmn", "--blank", "-o", out / "a.pdf").exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf"]
