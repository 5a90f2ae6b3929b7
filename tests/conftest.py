"""Shared fixtures: workspaces built from a dict of files, the CLI runner, offline guard."""

from __future__ import annotations

import shutil
import socket
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PARTS = ("commune.yaml", "glossary", "templates", "bulletins", "data", "recordings")


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Tests run offline: any attempt to open a network connection fails loudly."""

    def guard(*args, **kwargs):
        raise RuntimeError("tests must not reach the network")

    monkeypatch.setattr(socket, "create_connection", guard)
    monkeypatch.setattr(socket.socket, "connect", guard)


@pytest.fixture(autouse=True)
def _ui_vietnamese():
    from commcli.i18n import set_language

    set_language("vi")
    yield
    set_language("vi")


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
    return root


FORM_PARTS = ("commune.yaml", "glossary", "templates", "data")
"""What printing forms needs of the sample."""


def copy_sample(root: Path, parts: tuple[str, ...] = SAMPLE_PARTS) -> Path:
    """The repository's sample workspace (those of its folders and files) copied into ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, root / part)
        elif src.is_file():
            shutil.copy2(src, root / part)
    return root


@pytest.fixture
def make_workspace(tmp_path):
    """make_workspace({"commune.yaml": "...", ...}) → a workspace folder; sample=True starts from the repo's sample."""

    def make(files: dict[str, str | bytes] | None = None, *, sample: bool = False, name: str = "ws") -> Path:
        root = tmp_path / name
        root.mkdir()
        if sample:
            copy_sample(root)
        return write_files(root, files or {})

    return make


@pytest.fixture
def cli():
    """cli(*args) → click Result, run in-process exactly as the console script would."""
    from commcli.cli import build_app

    runner = CliRunner()

    def invoke(*args: str, ui_lang: str = "vi"):
        from commcli.i18n import set_language

        set_language(ui_lang)
        return runner.invoke(build_app(), [str(a) for a in args], catch_exceptions=False, prog_name="commcli")

    return invoke
