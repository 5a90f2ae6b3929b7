"""`commcli glossary`: look terms up, check them, exchange them with reviewers, count coverage."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..i18n import _


def _ws():
    from ..cli import state
    from ..workspace import open_workspace

    return open_workspace(state.workspace)


def _format_option(value: str, allowed: tuple[str, ...]) -> str:
    from ..errors import InputError, Problem

    if value not in allowed:
        raise InputError(Problem(_("Unknown format '{value}'.").format(value=value), field="--format",
                                 expected=", ".join(allowed), code="usage.format"))
    return value


def register(app: typer.Typer) -> None:
    sub = typer.Typer(help=_("Multilingual glossary: look up, check, export/import for reviewers, statistics."),
                      no_args_is_help=True)

    @sub.command("lookup", help=_("Find a term in every language; accents and case do not matter ('bao hiem', 'bhyt')."))
    def lookup(
        query: str = typer.Argument(..., metavar=_("WORDS"), help=_("What to look for, with or without accents.")),
        lang: Optional[str] = typer.Option(None, "--lang", "-l", help=_("Only this language (e.g. hmn, blt).")),
        domain: Optional[str] = typer.Option(None, "--domain", "-d", help=_("Only this domain (e.g. bhyt).")),
        limit: int = typer.Option(20, "--limit", "-n", help=_("Show at most this many entries.")),
    ) -> None:
        from .. import langs
        from ..cli import echo
        from ..errors import InputError, Problem
        from ..glossary import load_glossary
        from ..glossary.load import translation_for
        from ..glossary.lookup import lookup as do_lookup
        from ..report import format_problems

        if lang is not None and not langs.is_known(lang):
            raise InputError(Problem(langs.unknown_tag_message(lang), field="--lang", code="usage.lang"))
        ws = _ws()
        gl, problems = load_glossary(ws)
        errors = [p for p in problems if p.is_error]
        if errors:
            echo(format_problems(errors, ws.root), err=True)
        hits = do_lookup(gl, query, lang=lang, domain=domain, limit=limit)
        if not hits:
            echo(_("Nothing found for '{query}'.").format(query=query))
            raise typer.Exit(1)
        for hit in hits:
            e = hit.entry
            abbr = ", ".join(a.abbr for a in e.abbreviations)
            echo(f"{e.vi}" + (f" ({abbr})" if abbr else "") + f"  [{e.id}, {e.domain}]  {ws.relative(e.file)}:{e.line}")
            if e.note:
                echo(f"    {e.note}")
            tags = [lang] if lang else list(e.translations)
            for tag in tags:
                tr = translation_for(e, tag) if lang else e.translations[tag]
                if tr is None:
                    echo(f"    {tag:<10} " + _("(no translation)"))
                    continue
                extra = ""
                if tr.alternatives:
                    extra += "  " + _("also: {items}").format(items=", ".join(tr.alternatives))
                if tr.forbidden:
                    extra += "  " + _("not: {items}").format(items=", ".join(tr.forbidden))
                echo(f"    {tr.lang:<10} {tr.term}  [{_(tr.status)}]{extra}")

    @sub.command("check", help=_("Check the glossary and the content's use of it; exit 1 on any error."))
    def check(
        output_format: str = typer.Option("text", "--format", "-f", help=_("Output format: text or json.")),
    ) -> None:
        from ..cli import echo, state
        from ..errors import exit_code_for
        from ..glossary.qa import check_workspace
        from ..report import counts_line, dumps, format_problems, problems_json

        _format_option(output_format, ("text", "json"))
        ws = _ws()
        problems = check_workspace(ws)
        if output_format == "json":
            echo(dumps({"problems": problems_json(problems, ws.root)}))
        else:
            if problems:
                echo(format_problems(problems, ws.root))
            echo(counts_line(problems))
            if not any(p.is_error for p in problems) and not state.quiet:
                echo(_("The glossary is consistent."))
        code = exit_code_for(problems)
        if code:
            raise typer.Exit(code)

    @sub.command("export", help=_("Write the glossary as CSV (spreadsheets) or TBX (CAT tools) for reviewers."))
    def export(
        output_format: str = typer.Option("csv", "--format", "-f", help=_(
            "csv (spreadsheets), tbx (TBX-Basic 2008, what OmegaT, Weblate and Translate Toolkit read) or tbx3 "
            "(ISO 30042:2019).")),
        lang: Optional[List[str]] = typer.Option(None, "--lang", "-l", help=_("Only this language (repeatable).")),
        output: Path = typer.Option(..., "--output", "-o", help=_("File to write."), dir_okay=False),
    ) -> None:
        from ..cli import echo, state
        from ..glossary.exchange import export_glossary
        from ..outputs import check_output_file
        from ..publish import write_bytes_atomic

        _format_option(output_format, ("csv", "tbx", "tbx3"))
        ws = _ws()
        suffix = ".tbx" if output_format == "tbx3" else f".{output_format}"
        check_output_file(ws, output, suffixes=(suffix,) + ((".xml",) if suffix == ".tbx" else ()))
        data = export_glossary(ws.root, output_format, commune_languages=ws.languages(), wanted=lang or None)
        write_bytes_atomic(output, data)
        if not state.quiet:
            echo(_("Wrote {file}.").format(file=output))

    @sub.command("import", help=_("Merge a reviewer's CSV or TBX file by id; report added, changed and conflicts. "
                                      "Empty cells leave the glossary as it is; a draft never replaces a reviewed or "
                                      "approved term (a conflict, exit 1)."))
    def import_(
        file: Path = typer.Argument(..., metavar=_("FILE"), help=_("The CSV or TBX file."), dir_okay=False),
        dry_run: bool = typer.Option(False, "--dry-run", help=_("Report what would change; write nothing.")),
        output_format: str = typer.Option("text", "--format", "-f", help=_("Output format: text or json.")),
    ) -> None:
        from ..cli import echo
        from ..glossary.exchange import import_records, read_records
        from ..glossary.load import forget
        from ..report import dumps, format_problems

        _format_option(output_format, ("text", "json"))
        ws = _ws()
        records = read_records(file)
        report = import_records(ws.root, records, file, dry_run=dry_run)
        forget(ws)
        if output_format == "json":
            echo(dumps({**report.to_json(ws.root), "dry_run": dry_run}))
        else:
            for change in report.added:
                echo(_("added     {id}: {detail}").format(id=change.id, detail=change.detail))
            for change in report.changed:
                lang = f" [{change.lang}]" if change.lang else ""
                echo(_("changed   {id}{lang}: {detail}").format(id=change.id, lang=lang, detail=change.detail))
            for change in report.conflicts:
                echo(_("CONFLICT  {id} [{lang}] ({file}:{line}): {detail}").format(
                    id=change.id, lang=change.lang, file=file.name, line=change.line, detail=change.detail))
            if report.warnings:
                echo(format_problems(report.warnings, ws.root), err=True)
            echo(_("{added} added, {changed} changed, {conflicts} conflict(s), {unchanged} unchanged.").format(
                added=len(report.added), changed=len(report.changed), conflicts=len(report.conflicts),
                unchanged=report.unchanged))
            if dry_run:
                echo(_("Dry run: nothing was written."))
            elif report.written:
                echo(_("Updated: {files}.").format(files=", ".join(ws.relative(p) for p in report.written)))
        if report.conflicts:
            raise typer.Exit(1)

    @sub.command("stats", help=_("Coverage per language and domain, and counts by review status."))
    def stats(
        output_format: str = typer.Option("text", "--format", "-f", help=_("Output format: text or json.")),
    ) -> None:
        from ..cli import echo
        from ..glossary import load_glossary
        from ..glossary.stats import format_stats, glossary_stats
        from ..report import dumps

        _format_option(output_format, ("text", "json"))
        ws = _ws()
        gl, _problems = load_glossary(ws)
        data = glossary_stats(gl, ws.languages())
        echo(dumps(data) if output_format == "json" else format_stats(data))

    app.add_typer(sub, name="glossary", help=_("Multilingual glossary: look up, check, export/import for reviewers, statistics."))
