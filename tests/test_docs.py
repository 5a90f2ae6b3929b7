"""Every command has help and appears in the README; generated files (schemas, catalogues) are up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def all_commands():
    from typer.main import get_command

    from commcli.cli import build_app

    root = get_command(build_app())

    def walk(command, prefix):
        for name, sub in sorted(getattr(command, "commands", {}).items()):
            yield prefix + [name], sub
            yield from walk(sub, prefix + [name])

    return list(walk(root, []))


@pytest.mark.parametrize("path", [" ".join(p) for p, _ in all_commands()])
def test_command_has_help_and_is_in_readme(cli, path):
    result = cli(*path.split(), "--help")
    assert result.exit_code == 0
    assert "Cách dùng:" in result.stdout
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"commcli {path}" in readme, f"README does not show 'commcli {path}'"


def test_every_command_has_a_description():
    for path, command in all_commands():
        assert (command.help or "").strip(), f"commcli {' '.join(path)} has no help text"


def test_schemas_are_up_to_date():
    from commcli.schemas import generate

    for name, text in generate().items():
        committed = REPO / "schemas" / name
        assert committed.is_file(), f"schemas/{name} missing: run make schemas"
        assert committed.read_text(encoding="utf-8") == text, f"schemas/{name} is stale: run make schemas"


def test_vietnamese_catalogue_is_complete_and_compiled():
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    used = {msg[2] if isinstance(msg[2], str) else msg[2][0]
            for msg in extract_from_dir(str(REPO / "commcli"), keywords=keywords)}
    locale = REPO / "commcli" / "locale" / "vi" / "LC_MESSAGES"
    with open(locale / "commcli.po", "rb") as handle:
        po = read_po(handle, locale="vi")
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in po if m.id and m.string}
    missing = sorted(used - translated)
    assert not missing, f"{len(missing)} message(s) have no Vietnamese translation (make catalogs): {missing[:10]}"
    with open(locale / "commcli.mo", "rb") as handle:
        mo = read_mo(handle)
    assert {m.id for m in mo if m.id and m.string} >= {m.id for m in po if m.id and m.string and not m.fuzzy}


def test_help_starts_without_heavy_imports():
    code = ("import sys; from commcli.cli import build_app; build_app(); "
            "heavy = [m for m in ('typst', 'numpy', 'pikepdf', 'lxml', 'jinja2', 'gtts') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "", f"--help imports heavy modules: {out}"
