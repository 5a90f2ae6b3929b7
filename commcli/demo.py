"""`make demo`: build the sample workspace's outputs into out/ through the same commands an officer runs."""

from __future__ import annotations

import sys
from pathlib import Path

from .cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> int:
    print("$ commcli " + " ".join(args), flush=True)
    code = cli_main(["--workspace", str(ROOT), *args])
    if code not in (0,):
        print(f"  (exit {code})", flush=True)
    return code


def form_languages(languages: list[str]) -> list[str]:
    """The target languages forms print in: blt in both scripts."""
    out: list[str] = []
    for tag in languages:
        if tag == "vi":
            continue
        out += ["blt-Latn", "blt-Tavt"] if tag == "blt" else [tag]
    return out


def main() -> int:
    from .workspace import open_workspace

    ws = open_workspace(ROOT)
    out = ROOT / "out"
    failures = 0
    if _run("check") not in (0,):
        failures += 1

    forms_dir = out / "forms"
    forms = sorted(p.stem for p in (ROOT / "templates" / "forms").glob("*.yaml"))
    for form in forms:
        for lang in form_languages(ws.languages()):
            failures += _run("form", "render", form, "--lang", lang, "--blank",
                             "-o", str(forms_dir / "blank" / f"{form}.{lang}.pdf")) != 0
    for data in sorted((ROOT / "data").glob("*")):
        form = next((f for f in forms if data.stem.startswith(f)), None)
        if form is None or data.suffix not in (".csv", ".yaml", ".yml"):
            continue
        failures += _run("form", "render", form, "--lang", "hmn", "--data", str(data),
                         "-o", str(forms_dir / "filled" / f"{data.stem}.pdf")) != 0

    for bulletin in sorted((ROOT / "bulletins").glob("*.yaml")):
        failures += _run("bulletin", "build", str(bulletin)) != 0

    print()
    if failures:
        print(f"Demo finished with {failures} failing step(s); see the messages above.")
        return 1
    print(f"Outputs are in {out}:")
    for sub in sorted(p for p in out.iterdir() if p.is_dir()):
        print(f"  {sub}/")
    print(f"  forms: {forms_dir}/blank/ and {forms_dir}/filled/")
    print(f"  announcer scripts, running orders, programmes and playlists: {out}/<week>/ (see its manifest.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
