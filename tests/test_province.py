"""`commcli province build`: several communes built side by side, one summary naming the failures and why."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def commune(root: Path) -> Path:
    root.mkdir(parents=True)
    for part in ("commune.yaml", "glossary", "templates", "bulletins", "recordings"):
        src = REPO / part
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, root / part)
    return root


def test_one_summary_names_each_failed_commune_and_why(tmp_path, cli):
    good = commune(tmp_path / "xa" / "muong-nhe")
    broken = commune(tmp_path / "xa" / "nam-po")
    (broken / "bulletins" / "2026-W48.yaml").write_text("week: 2026-W48\nitems: [\n", encoding="utf-8")
    empty = tmp_path / "xa" / "trong"
    empty.mkdir()
    result = cli("province", "build", good, broken, empty, "--no-audio", "--jobs", "2", ui_lang="en")
    assert result.exit_code == 1, result.output
    assert "1 of 3 commune(s) built." in result.stdout
    failed = result.stdout.split("Failed:")[1]
    assert "muong-nhe" not in failed
    assert "nam-po" in failed and "2026-W48.yaml:" in failed  # the build's own file:line message
    assert "trong" in failed and "commune.yaml" in failed
    assert (good / "out" / "2026-W48").is_dir()
    assert not (broken / "out" / "2026-W48").exists()


def test_jobs_below_one_is_usage(tmp_path, cli):
    result = cli("province", "build", tmp_path, "--jobs", "0", ui_lang="en")
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
