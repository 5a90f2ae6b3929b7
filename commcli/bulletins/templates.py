"""Item templates (templates/bulletins/*.yaml): load them and render them in a sandbox, per language.

A template holds one text per language. Texts are Jinja2 rendered by an ImmutableSandboxedEnvironment
with StrictUndefined: no Python internals, no undefined values printed as nothing. Filters format dates,
times, numbers and money the way each language writes them; ``term('bhyt')`` inserts the glossary's term.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Callable, Literal

from pydantic import Field, field_validator

from ..errors import Problem, Problems
from ..i18n import _
from ..model.base import LangTag, Model, Text
from .model import Category, LangText, Priority

FOLDER = "templates/bulletins"


FieldKind = Literal["value", "text", "per-language", "proper-name"]


class TemplateField(Model):
    """What one value of a template is, and how each language may use it."""

    about: Text = ""
    """What to write (shown in errors), e.g. "Tên vắc xin"."""
    kind: FieldKind | None = None
    """value (a date, time, number, amount or phone, formatted per language); text (Vietnamese free text:
    only the Vietnamese text may insert it); per-language (the item gives it per language:
    ``{vi: …, hmn-x-rpa: …}``); proper-name (a name kept as written, the same in every language).
    Left out: value when the Vietnamese formats it with a filter (date, time, number, money), text otherwise."""


class BulletinTemplate(Model):
    """A templates/bulletins/<name>.yaml file."""

    name: Text
    """Human name of the template, in Vietnamese."""
    category: Category | None = None
    """Default category of items using it."""
    priority: Priority | None = None
    description: Text | None = None
    fields: dict[str, Text | TemplateField] = Field(default_factory=dict)
    """Data the template needs: key → what to write, or ``{about: …, kind: …}`` (see TemplateField)."""

    def field_help(self, name: str) -> str:
        """What to write for a field, as shown in messages."""
        value = self.fields.get(name)
        return value.about if isinstance(value, TemplateField) else str(value or "")
    text: dict[LangTag, LangText]
    """Text per language: a plain text (vi) or text/status/reviewer/date/note."""

    @field_validator("text", mode="before")
    @classmethod
    def _plain_texts(cls, value):
        from .model import plain_texts

        return plain_texts(value)


@dataclass
class TemplateText:
    lang: str
    source: str
    status: str
    reviewer: str | None
    first_line: int  # file line of the text's first line
    compiled: Any = None
    keep: tuple[str, ...] = ()  # words kept as in Vietnamese on purpose (LangText.keep)
    omits: tuple[str, ...] = ()  # fields this language deliberately leaves out (LangText.omits)
    uses: dict[str, set[str]] = field(default_factory=dict)  # field → filters applied to it


@dataclass
class LoadedTemplate:
    name: str  # file stem: what items refer to
    path: Path
    model: BulletinTemplate
    texts: dict[str, TemplateText] = field(default_factory=dict)


@dataclass(frozen=True)
class RenderedText:
    """An item's final text in one language and where it came from."""

    lang: str
    text: str
    status: str
    reviewer: str | None
    file: Path | None
    line: int | None
    terms: tuple[str, ...] = ()  # glossary ids inserted with term()
    template: str | None = None
    keep: tuple[str, ...] = ()  # words kept as in Vietnamese on purpose (declared, or proper-name values)
    vi_source: str | None = None  # the Vietnamese to compare with: without the fields this language leaves out


# --- formatting per language --------------------------------------------------------------------------


class FilterError(ValueError):
    """A filter was given a value it cannot format; the message says what was expected."""


def to_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise FilterError(_("'{value}' is not a date written YYYY-MM-DD, like 2026-11-30.").format(value=value)) from None


def to_number(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise FilterError(_("'{value}' is not a number.").format(value=value))
    if isinstance(value, (int, float, Decimal)):
        return Decimal(str(value))
    text = str(value).strip().replace(" ", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        raise FilterError(_("'{value}' is not a number; write it with a dot for decimals, no thousands separator (2063000 or 17.66).").format(value=value)) from None


def _vi_weekday(day: dt.date) -> str:
    from babel.dates import get_day_names

    name = get_day_names("wide", locale="vi")[day.weekday()]  # "Thứ Hai", "Chủ Nhật"
    # Running text writes "thứ Hai" and "Chủ nhật" (Babel capitalizes both words for headings).
    if name.lower().startswith("thứ "):
        return "thứ " + name[4:]
    return name[:1].upper() + name[1:].lower()


def format_date(value: Any, lang: str, style: str = "full") -> str:
    """vi full: "thứ Hai, ngày 30 tháng 11 năm 2026"; vi "day": without the weekday; others: 30/11/2026.

    Babel has no usable data for hmn/blt/kjg, so their dates are numeric (the same digits as the
    Vietnamese text, which the glossary QA's number check relies on).
    """
    day = to_date(value)
    if lang == "vi" and style in ("full", "day"):
        words = f"ngày {day.day} tháng {day.month} năm {day.year}"
        return f"{_vi_weekday(day)}, {words}" if style == "full" else words
    return f"{day.day}/{day.month}/{day.year}"  # no zero padding: the same numbers as the Vietnamese words


def format_time(value: Any, lang: str) -> str:
    """vi: "14 giờ 30", "7 giờ"; others: "14:30"."""
    text = str(value).strip()
    try:
        clock = dt.time.fromisoformat(text if len(text) > 4 else "0" + text)
    except ValueError:
        raise FilterError(_("'{value}' is not a time written HH:MM, like 14:30.").format(value=value)) from None
    if lang == "vi":
        return f"{clock.hour} giờ" if clock.minute == 0 else f"{clock.hour} giờ {clock.minute:02d}"
    return f"{clock.hour}:{clock.minute:02d}"


def format_number(value: Any, lang: str) -> str:
    """Vietnamese separators for every language of the commune: 2.063.000 and 17,66."""
    from babel.numbers import format_decimal

    return format_decimal(to_number(value), locale="vi", decimal_quantization=False)


def format_money(value: Any, lang: str) -> str:
    """"2.063.000 đồng" (the word đồng is used as is in the minority languages' draft texts)."""
    return f"{format_number(value, lang)} đồng"


# --- the sandbox --------------------------------------------------------------------------------------


class TermError(ValueError):
    pass


# Bounds on what one template text may cost (README "Limits"): a bulletin text is a few hundred words.
MAX_TEXT = 100_000  # characters of output, and of any string or list a template builds
MAX_POWER_BITS = 4_096  # size of a number built with ** or *
TIME_BUDGET = 2.0  # seconds for one text
# Jinja's own filters a bulletin text may use; the others can build huge strings (center, indent, format…).
SAFE_FILTERS = ("abs", "capitalize", "count", "d", "default", "first", "float", "int", "join", "last", "length",
                "list", "lower", "max", "min", "replace", "round", "sort", "string", "sum", "title", "trim",
                "truncate", "unique", "upper", "wordcount")


class TemplateLimit(ValueError):
    """A template went over one of the bounds above."""


def _too_big(what: str) -> TemplateLimit:
    return TemplateLimit(_("the template builds {what} larger than commcli allows").format(what=what))


def _sized(value: Any) -> Any:
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_TEXT:
        raise _too_big(_("a text or list"))
    return value


def _bounded_environment_class():
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class BoundedSandbox(ImmutableSandboxedEnvironment):
        """The sandbox with the operators that can take unbounded time or memory checked first."""

        intercepted_binops = frozenset({"**", "*", "%", "+", "//"})
        intercepted_unops = frozenset()

        def call_binop(self, context, operator, left, right):
            if operator == "**":
                if isinstance(right, (int, float)) and isinstance(left, (int, float)):
                    base_bits = abs(int(left)).bit_length() if abs(left) >= 1 else 1
                    if right > 0 and base_bits * right > MAX_POWER_BITS:
                        raise _too_big(_("a number"))
            elif operator == "*":
                for a, b in ((left, right), (right, left)):
                    if isinstance(a, (str, list, tuple)) and isinstance(b, int) and len(a) * b > MAX_TEXT:
                        raise _too_big(_("a text or list"))
                if isinstance(left, int) and isinstance(right, int) and \
                        left.bit_length() + right.bit_length() > MAX_POWER_BITS:
                    raise _too_big(_("a number"))
            elif operator == "%" and isinstance(left, str):
                raise TemplateLimit(_("'%' formatting is not available in templates; use the filters"))
            return _sized(super().call_binop(context, operator, left, right))

        def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - jinja's signature
            return _sized(super().call(__context, __obj, *args, **kwargs))

    return BoundedSandbox


def make_environment(lang: str, term_lookup: Callable[[str, str], str], used: list[str]):
    """A fresh sandboxed environment for one language; ``used`` collects the glossary ids inserted."""
    from jinja2 import StrictUndefined

    env = _bounded_environment_class()(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
    env.globals.clear()  # no range/cycler/joiner/lipsum/namespace: only what templates need
    builtin = env.filters
    env.filters = {name: builtin[name] for name in SAFE_FILTERS if name in builtin}
    replace = builtin["replace"]
    env.filters["replace"] = lambda *a, **k: _sized(replace(*a, **k))

    def term(entry_id: str) -> str:
        used.append(str(entry_id))
        return term_lookup(str(entry_id), lang)

    env.globals["term"] = term
    env.filters["date"] = lambda v, style="full": format_date(v, lang, style)
    env.filters["time"] = lambda v: format_time(v, lang)
    env.filters["number"] = lambda v: format_number(v, lang)
    env.filters["money"] = lambda v: format_money(v, lang)
    return env


def _template_line(exc: BaseException) -> int | None:
    """The template line an error was raised on, from the frames Jinja maps back to the template."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _first_content_line(source_lines: list[str], line: int, column: int) -> int:
    """A block scalar (``|`` or ``>``) starts on the next line; a plain or quoted one on its own line."""
    text = source_lines[line - 1] if 0 < line <= len(source_lines) else ""
    if text[column - 1 : column] in ("|", ">"):
        return line + 1
    return line


def _error_problem(exc: BaseException, tmpl_name: str, file: Path | None, first_line: int, lang: str,
                   *, item_hint: str | None = None) -> Problem:
    from jinja2.exceptions import SecurityError, TemplateSyntaxError, UndefinedError

    rel = _template_line(exc)
    line = first_line + rel - 1 if rel else first_line
    if isinstance(exc, SecurityError):
        message = _("Template '{name}' ({lang}), line {line}: this is not allowed in a template ({reason}).").format(
            name=tmpl_name, lang=lang, line=line, reason=str(exc))
        hint = _("Templates may only use the item's data, the filters date, time, number, money and term('id').")
        code = "template.unsafe"
    elif isinstance(exc, UndefinedError):
        message = _("Template '{name}' ({lang}), line {line}: {reason}.").format(name=tmpl_name, lang=lang, line=line, reason=str(exc))
        hint = item_hint or _("Give the value under the item's 'data:' or fix the name in the template.")
        code = "template.undefined"
    elif isinstance(exc, TemplateSyntaxError):
        message = _("Template '{name}' ({lang}), line {line}: syntax error: {reason}.").format(
            name=tmpl_name, lang=lang, line=line, reason=exc.message or str(exc))
        hint = _("Values are written {{ name }}, filters {{ name | date }}; check the braces.")
        code = "template.syntax"
    else:
        message = _("Template '{name}' ({lang}), line {line}: {reason}").format(name=tmpl_name, lang=lang, line=line, reason=str(exc))
        hint = item_hint
        code = "template.value"
    return Problem(message, file=file, line=line, hint=hint, code=code)


def load_template(path: Path, problems: Problems) -> LoadedTemplate | None:
    from jinja2.exceptions import TemplateSyntaxError

    from ..workspace import load_yaml_model
    from ..yamlload import read_text

    model, loaded = load_yaml_model(path, BulletinTemplate, problems)
    if model is None or loaded is None:
        return None
    source_lines = (read_text(path, Problems()) or "").splitlines()
    result = LoadedTemplate(name=path.stem, path=path, model=model)
    for lang, lt in model.text.items():
        raw = loaded.data["text"][lang]
        key = ("text", lang) if isinstance(raw, str) else ("text", lang, "text")
        line, column = loaded.positions.of(key)
        first = _first_content_line(source_lines, line or 1, column or 1)
        tt = TemplateText(lang=lang, source=lt.text, status=lt.status, reviewer=lt.reviewer, first_line=first,
                          keep=tuple(lt.keep), omits=tuple(lt.omits))
        env = make_environment(lang, lambda i, l: "", [])
        try:
            tt.compiled = env.parse(lt.text)
        except TemplateSyntaxError as exc:
            problems.add(_error_problem(exc, path.stem, path, first, lang))
            continue
        tt.uses = fields_used(tt.compiled)
        result.texts[lang] = tt
    if "vi" not in model.text:
        problems.add(Problem(_("Template '{name}' has no Vietnamese text ('vi:' under 'text:').").format(name=path.stem),
                             file=path, line=loaded.positions.of(("text",))[0], code="template.no-vi"))
    return result


def fields_used(ast) -> dict[str, set[str]]:
    """The data fields a parsed template text inserts, each with the filters applied to it."""
    from jinja2 import nodes

    uses: dict[str, set[str]] = {}
    for node in ast.find_all(nodes.Name):
        if node.ctx == "load" and node.name != "term":
            uses.setdefault(node.name, set())
    for node in ast.find_all(nodes.Filter):
        if isinstance(node.node, nodes.Name):
            uses.setdefault(node.node.name, set()).add(node.name)
    return uses


FORMATTING_FILTERS = {"date", "time", "number", "money"}


def field_kind(tmpl: "LoadedTemplate", name: str) -> str:
    """The declared kind of a field, else inferred from the Vietnamese text: formatted → value, else text."""
    declared = tmpl.model.fields.get(name)
    if isinstance(declared, TemplateField) and declared.kind:
        return declared.kind
    vi = tmpl.texts.get("vi")
    if vi is not None and vi.uses.get(name, set()) & FORMATTING_FILTERS:
        return "value"
    if name.startswith("so_"):  # số …: a number or a phone number by the templates' naming convention
        return "value"
    return "text"


def field_declared(tmpl: "LoadedTemplate", name: str) -> bool:
    declared = tmpl.model.fields.get(name)
    return isinstance(declared, TemplateField) and declared.kind is not None


def value_for(value: Any, lang: str) -> tuple[bool, Any]:
    """A per-language value (``{vi: …, hmn-x-rpa: …}``) for ``lang``: (found, value); other values as they are."""
    from .. import langs

    if not isinstance(value, dict) or not value or not all(isinstance(k, str) and langs.is_known(k) for k in value):
        return True, value
    from .load import _candidates

    for tag in _candidates(lang) + ([langs.base_of(lang)] if lang != langs.base_of(lang) else []):
        if tag in value:
            return True, value[tag]
    return False, None


def load_templates(ws, problems: Problems | None = None) -> dict[str, LoadedTemplate]:
    """Every template of the workspace by name; problems (file:line) added to ``problems``. Cached."""
    cached = ws.cache.get("bulletin-templates")
    if cached is None:
        found = Problems()
        templates: dict[str, LoadedTemplate] = {}
        for path in ws.yaml_files(FOLDER):
            tmpl = load_template(path, found)
            if tmpl is not None:
                templates[tmpl.name] = tmpl
        cached = (templates, list(found))
        ws.cache["bulletin-templates"] = cached
    if problems is not None:
        problems.extend(cached[1])
    return cached[0]


def glossary_term_lookup(ws) -> Callable[[str, str], str]:
    """term(id, lang) for templates: the Vietnamese term for vi, the glossary translation otherwise."""

    def lookup(entry_id: str, lang: str) -> str:
        try:
            from ..glossary import load_glossary
        except ImportError:
            raise TermError(_("term('{id}'): the glossary is not available.").format(id=entry_id)) from None
        gl, _problems = load_glossary(ws)
        if gl.get(entry_id) is None:
            raise TermError(_("term('{id}'): no glossary entry has this id.").format(id=entry_id))
        if lang == "vi":
            return gl.vi(entry_id)
        tr = gl.term(entry_id, lang)
        if tr is None:
            # No translation yet: the announcer reads the Vietnamese term, as is done for loanwords. The
            # glossary check reports the missing translation and the release gate the untranslated use.
            return gl.vi(entry_id)
        return tr.term

    return lookup


def render_template_text(tmpl: LoadedTemplate, lang: str, data: dict, term_lookup: Callable[[str, str], str],
                         problems: Problems, *, item_hint: str | None = None) -> RenderedText | None:
    """Render one language of a template with an item's data; None (problem added) on any error."""
    from jinja2.exceptions import TemplateError

    tt = tmpl.texts.get(lang)
    if tt is None:
        return None
    used: list[str] = []
    env = make_environment(lang, term_lookup, used)
    try:
        with _time_budget(TIME_BUDGET):
            text = _render_bounded(env.from_string(tt.source), data)
    except RecursionError:
        problems.add(Problem(
            _("Template '{name}' ({lang}): a macro calls itself without end.").format(name=tmpl.name, lang=lang),
            file=tmpl.path, line=tt.first_line, hint=_("Templates fill in values; remove the recursive macro."),
            code="template.recursion"))
        return None
    except (TemplateError, FilterError, TermError, TypeError, ValueError, ArithmeticError, MemoryError) as exc:
        problems.add(_error_problem(exc, tmpl.name, tmpl.path, tt.first_line, lang, item_hint=item_hint))
        return None
    import unicodedata

    text = unicodedata.normalize("NFC", "\n".join(line.rstrip() for line in text.strip().splitlines()))
    return RenderedText(lang=lang, text=text, status=tt.status, reviewer=tt.reviewer, file=tmpl.path,
                        line=tt.first_line, terms=tuple(dict.fromkeys(used)), template=tmpl.name)


def _render_bounded(template, data: dict) -> str:
    """Render piece by piece, stopping as soon as the output is longer than a bulletin text can be."""
    parts, size = [], 0
    for piece in template.generate(**data):
        size += len(piece)
        if size > MAX_TEXT:
            raise _too_big(_("a text"))
        parts.append(piece)
    return "".join(parts)


class _OutOfTime(TemplateLimit):
    pass


@contextmanager
def _time_budget(seconds: float):
    """Stop a template that runs longer than ``seconds`` (loops over loops). POSIX main thread only;
    elsewhere the size bounds still apply."""
    import signal
    import threading

    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise _OutOfTime(_("the template took longer than {seconds} s").format(seconds=seconds))

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
