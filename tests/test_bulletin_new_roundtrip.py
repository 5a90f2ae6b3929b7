"""`bulletin new` writes the README's layout with ruamel.yaml: items from last week paste in and check clean."""

from __future__ import annotations

import json
import re

from commcli.errors import Problems
from commcli.yamlload import parse_yaml


def item_blocks(text: str) -> dict[str, str]:
    """Each item of a bulletin file as the officer would copy it: from '  - id:' to the next item."""
    body = text.split("\nitems:\n", 1)[1]
    body = "".join(line for line in body.splitlines(keepends=True) if not line.startswith("#"))  # file comments
    parts = re.split(r"(?m)^(?=  - id: )", body)
    return {re.match(r"  - id: (\S+)", p).group(1): p.rstrip("\n") + "\n" for p in parts if p.startswith("  - id: ")}


def test_new_week_keeps_layout_and_pasted_items_check_clean(cli, make_workspace):
    root = make_workspace(sample=True)
    result = cli("--workspace", root, "bulletin", "new", "--week", "2026-W49")
    assert result.exit_code == 0, result.stdout + result.stderr
    new = root / "bulletins" / "2026-W49.yaml"
    text = new.read_text(encoding="utf-8")
    previous = (root / "bulletins" / "2026-W48.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/bulletin.schema.json\n")
    assert "week: 2026-W49\n" in text and "title: Bản tin truyền thanh tuần 49\n" in text
    carried = item_blocks(text)
    assert carried, "recurring items are carried"
    for ident, block in carried.items():
        # the same lines as last week: indentation, '|' texts, quotes and key order kept
        assert block.rstrip() in previous, ident

    blocks = {k: v for k, v in item_blocks(previous).items() if k not in carried}
    assert blocks
    for ident, block in blocks.items():  # each item alone pastes as valid YAML
        problems = Problems()
        assert parse_yaml(text + block, new, problems) is not None, (ident, [p.message for p in problems])

    new.write_text(text + "".join(blocks.values()), encoding="utf-8")
    report = json.loads(cli("--workspace", root, "check", "--format", "json").stdout)
    errors = [p for p in report["problems"] if p["severity"] == "error" and p["file"] == "bulletins/2026-W49.yaml"]
    assert not errors, errors
