"""`make demo`: build the sample workspace's outputs into out/ with the library, and say where they are."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .errors import CommcliError
from .i18n import _, set_language

ROOT = Path(__file__).resolve().parent.parent


def form_languages(languages: list[str]) -> list[str]:
    """The target languages forms print in: blt in both scripts."""
    out: list[str] = []
    for tag in languages:
        if tag == "vi":
            continue
        out += ["blt-Latn", "blt-Tavt"] if tag == "blt" else [tag]
    return out


def _step(title: str, action, failures: list[str]):
    from .report import format_problems

    started = time.perf_counter()
    try:
        result = action()
    except CommcliError as error:
        if error.problems and all(p.code == "usage.lang-untranslated" for p in error.problems):
            # Not a failure: the glossary has no term in that language yet, and faking one is worse.
            print(f"  – {title}: " + _("no label is translated into this language yet; not printed"), flush=True)
            return None
        print(format_problems(error.problems, ROOT), file=sys.stderr)
        failures.append(title)
        print(f"  ✗ {title}", flush=True)
        return None
    print(f"  ✓ {title} ({time.perf_counter() - started:.1f} s)", flush=True)
    return result


def _form_step(title: str, action, failures: list[str]):
    """A form rendering step: ✓ only when every label is really translated; otherwise ◇ with the count
    ("kjg 0/38"), so a form whose second language is missing is never reported as done."""
    from .report import format_problems

    started = time.perf_counter()
    try:
        result = action()
    except CommcliError as error:
        untranslated = [p for p in error.problems if p.code == "usage.lang-untranslated"]
        if untranslated and len(untranslated) == len(error.problems):
            # Not a failure of the tool: the language has no translation yet, and a form is never faked.
            print(f"  ◇ {title}: " + _("no label is translated into this language yet; not printed"), flush=True)
            return None
        print(format_problems(error.problems, ROOT), file=sys.stderr)
        failures.append(title)
        print(f"  ✗ {title}", flush=True)
        return None
    seconds = time.perf_counter() - started
    cov = result.coverage
    figures = _("{lang} {translated}/{total} labels translated").format(**cov)
    if cov["translated"] < cov["total"]:
        print(f"  ◇ {title}: {figures} — " + _("incomplete: the rest prints in Vietnamese only") + f" ({seconds:.1f} s)",
              flush=True)
    else:
        print(f"  ✓ {title}: {figures} ({seconds:.1f} s)", flush=True)
    return result


def main(root: Path = ROOT) -> int:
    from .bulletins.build import build_bulletin
    from .check import check_workspace
    from .forms import render_forms
    from .report import counts_line, format_problems, unique
    from .todo import build_todo, bulletin_texts, format_todo
    from .workspace import open_workspace

    set_language(None)
    ws = open_workspace(root)
    out = root / "out"
    failures: list[str] = []

    report = check_workspace(ws)
    problems = unique(report.problems)
    print(_("Checking the workspace {root}").format(root=root))
    errors = [p for p in problems if p.is_error]
    if errors:
        print(format_problems(errors, root))
    for line in format_todo(build_todo(problems, bulletin_texts(ws)), root):
        print(line)
    print(counts_line(problems) + "  " + _("(details: commcli check)"))
    if report.has_errors:
        failures.append("check")

    forms = sorted(p.stem for p in (root / "templates" / "forms").glob("*.yaml"))
    print(_("Printable forms:"))
    for form in forms:
        for lang in form_languages(ws.languages()):
            target = out / "forms" / "blank" / f"{form}.{lang}.pdf"
            _form_step(f"{form} {lang} ({_('blank')})", lambda: render_forms(ws, form, lang, output=target, blank=True),
                       failures)
    from .forms.sheet import write_data_workbook

    for form in forms:  # a workbook per form to collect its data (commcli form sheet)
        target = out / "forms" / "data-sheets" / f"{form}.xlsx"
        _step(f"{form} ({_('data workbook')})", lambda: write_data_workbook(ws, form, target), failures)
    for data in sorted((root / "data").glob("*")):
        form = next((f for f in forms if data.stem.startswith(f)), None)
        if form is None or data.suffix not in (".csv", ".yaml", ".yml", ".xlsx"):
            continue
        target = out / "forms" / "filled" / f"{data.stem}.hmn.pdf"
        _form_step(f"{form} hmn ← {data.relative_to(root)}",
                   lambda: render_forms(ws, form, "hmn", data=data, output=target), failures)

    print(_("Weekly radio bulletins:"))
    built = []
    for bulletin in sorted((root / "bulletins").glob("*.yaml")):
        result = _step(str(bulletin.relative_to(root)), lambda: build_bulletin(ws, bulletin, quiet=True), failures)
        if result is not None:
            built.append(result)
            print("    " + _("{n} warning(s): missing translations or recordings (details: commcli bulletin build)").format(
                n=len(result.warnings)))

    print()
    if failures:
        print(_("The demo finished with {n} failing step(s): {steps}").format(n=len(failures), steps=", ".join(failures)))
        return 1
    print(_("Outputs are in {out}:").format(out=out))
    print("  " + _("forms, blank and filled: {path}").format(path=out / "forms")
          + " (" + _("data workbooks to fill: {path}").format(path=out / "forms" / "data-sheets") + ")")
    for result in built:
        print("  " + _("week {week} (draft): {path}").format(week=result.week, path=result.out_dir))
        print("    index.html, scripts/<lang>.pdf|txt, running-order/<village>.txt, audio/<slot>/*.mp3, playlists/<village>/*.m3u8, share/<village>/, manifest.json")
    if built:
        # Last line: the page to open first (commcli preview opens it in the browser).
        print(_("The week at a glance, to look and listen before air: {path}").format(path=built[-1].out_dir / "index.html"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
