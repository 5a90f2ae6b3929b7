"""Maintainers' tool: fill the Vietnamese catalogue from translation tables, keep it in sync, compile.

Usage: python -m commcli.locale.fill TABLE.py [TABLE.py ...]   (each defines a dict T: msgid → Vietnamese)
Runs after `make catalogs` has updated vi/LC_MESSAGES/commcli.po from the template.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent


def main(tables: list[str]) -> None:
    table: dict[str, str] = {}
    for path in tables:
        table.update(runpy.run_path(path)["T"])
    po_path = HERE / "vi" / "LC_MESSAGES" / "commcli.po"
    with open(po_path, "rb") as handle:
        catalog = read_po(handle, locale="vi")
    missing = []
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        if key in table:
            message.string = table[key] if isinstance(message.id, str) else (table[key],)
        elif not message.string:
            missing.append(key)
    with open(po_path, "wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True)
    with open(po_path.with_suffix(".mo"), "wb") as handle:
        write_mo(handle, catalog)
    print(f"{len(missing)} message(s) without Vietnamese:")
    for key in missing:
        print("  ", repr(key))


if __name__ == "__main__":
    main(sys.argv[1:])
