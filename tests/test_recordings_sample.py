"""Recordings end to end on the sample workspace: real bulletin → kit → announcer's files → import → status → check."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytest.importorskip("commcli.bulletins.plan")

from commcli.voice import status as vstatus  # noqa: E402

from test_recordings import good_recording  # noqa: E402


def parse_status(stdout: str) -> dict[str, str]:
    words = [line.split() for line in stdout.splitlines()]
    return {w[1]: w[0] for w in words if len(w) > 1 and w[0] in ("ok", "missing", "stale")}


def test_sample_week_kit_import_status_and_stale(cli, make_workspace):
    root = make_workspace(sample=True)
    bulletin = sorted((root / "bulletins").glob("*.yaml"))[0]
    kit = root / "kit-hmn"
    result = cli("--workspace", root, "recordings", "kit", bulletin, "--lang", "hmn", "-o", kit)
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO((kit / "clips.csv").read_text(encoding="utf-8-sig"))))
    # the villages speak 'hmn'; the sample's H'Mông texts are RPA spelling, so the clips are hmn-x-rpa
    assert rows and all(r["clip_id"].endswith(".hmn-x-rpa") and r["file_name"] == r["clip_id"] + ".wav" for r in rows)
    assert len({r["clip_id"] for r in rows}) == len(rows)
    assert all(r["status"] == "draft" for r in rows)  # sample minority-language texts are never presented as reviewed

    first, second = rows[0], rows[1]
    good_recording(kit, first["clip_id"], ".wav", seconds=1.0)
    good_recording(kit, second["clip_id"], ".ogg", seconds=1.0)
    result = cli("--workspace", root, "recordings", "import", kit, ui_lang="en")
    assert result.exit_code == 0, result.stderr
    assert "2 recording(s) imported" in result.stdout

    result = cli("--workspace", root, "recordings", "status", bulletin, "--lang", "hmn", ui_lang="en")
    assert result.exit_code == 0
    status = parse_status(result.stdout)
    assert status[first["clip_id"]] == status[second["clip_id"]] == "ok"
    assert f"2 ok, {len(rows) - 2} missing, 0 stale" in result.stdout

    from commcli.workspace import open_workspace

    check = vstatus.check_workspace(open_workspace(root))
    missing = {p.message.split("'")[1] for p in check if p.code == "recordings.missing"}
    assert first["clip_id"] not in missing and all(r["clip_id"] in missing for r in rows[2:])
    assert all(not p.is_error for p in check)

    # Edit the text of the first recorded item in the bulletin: its recording becomes stale.
    source = bulletin.read_text(encoding="utf-8")
    snippet = first["text"].split("\n")[0][:30]
    if snippet not in source:
        pytest.skip("the sample's H'Mông text is not written verbatim in the bulletin (template-based)")
    bulletin.write_text(source.replace(snippet, snippet + " (kho)", 1), encoding="utf-8")
    result = cli("--workspace", root, "recordings", "status", bulletin, "--lang", "hmn", ui_lang="en")
    status = parse_status(result.stdout)
    assert status[first["clip_id"]] == "stale" and status[second["clip_id"]] == "ok"
    index = json.loads((root / "recordings/hmn-x-rpa/index.json").read_text(encoding="utf-8"))
    assert index[first["clip_id"]]["text_sha256"] == first["text_sha256"]
