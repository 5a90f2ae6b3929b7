"""The voice bank: phrases recorded once per language and reused every week.

Layout (one folder per language, beside the whole-item recordings)::

    recordings/<lang>/bank/<phrase id>.wav    one trimmed, level-matched phrase
    recordings/<lang>/bank/index.json         phrase id → file, text, text hash, kind, status, duration, import

Phrase ids say what a phrase is; a kit names the file ``<phrase id>.<lang>.wav``:

    t.<template>.<n>    the n-th fixed segment of a template's text in that language (cut at its {{ slots }})
    n.5, w.tram, d.0    words of the language's say rules (templates/say/<lang>.yaml): numbers, dates, times
    g.<glossary id>     a glossary term inserted with term('id')
    v.<slug>            a value: a village name, a place, any other text an item puts in a slot

A templated clip is planned here as a list of phrases with the pause after each; voice/assemble.py joins them.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import InputError, Problem, Problems
from ..i18n import _
from .index import RECORDINGS, clip_text_hash, line_of

if TYPE_CHECKING:  # pragma: no cover
    from ..programme import Clip
    from ..workspace import Workspace

BANK = "bank"
INDEX_NAME = "index.json"
PhraseStatus = Literal["draft", "reviewed", "approved"]
KINDS = ("template", "number", "term", "value")  # kit order: sentences first, then words, terms, values
KIND_OF_PREFIX = {"t": "template", "g": "term", "v": "value"}
BANK_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)+\Z")

# Pauses after a phrase (seconds): inside a number or a name, between a segment and a value, after punctuation.
PAUSE_WORD = 0.04
PAUSE_JOIN = 0.10
PAUSE_COMMA = 0.25
PAUSE_SENTENCE = 0.45

# Places and bodies that bulletins name again and again: recorded once with the village names.
COMMON_PLACES = (
    "Ủy ban nhân dân xã", "Trạm Y tế xã", "nhà văn hóa bản", "Trung tâm phục vụ hành chính công xã",
    "trường học", "Công an xã", "Đồn Biên phòng", "trưởng bản",
    "các bản ven suối và sườn đồi dốc", "rừng đầu nguồn",  # what alerts name most often
)


def phrase_kind(phrase_id: str) -> str:
    return KIND_OF_PREFIX.get(phrase_id.split(".", 1)[0], "number")


def slug(text: str, limit: int = 40) -> str:
    """ASCII slug of a value for its phrase id (đ → d, marks dropped); long values get a short hash."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_ = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-") or "x"
    if len(words) > limit:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]
        words = words[:limit].rstrip("-") + "-" + digest
    return words


def value_id(text: str) -> str:
    return f"v.{slug(' '.join(text.split()))}"


# --- the bank index -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BankEntry:
    """One recorded phrase of ``recordings/<lang>/bank/index.json``."""

    file: str
    text: str
    text_sha256: str
    kind: str
    status: PhraseStatus
    duration: float
    imported_from: str
    imported_on: str
    reviewer: str | None = None

    def to_json(self) -> dict:
        out = {"file": self.file, "text": self.text, "text_sha256": self.text_sha256, "kind": self.kind,
               "status": self.status, "duration": self.duration, "imported_from": self.imported_from,
               "imported_on": self.imported_on}
        if self.reviewer:
            out["reviewer"] = self.reviewer
        return out


def bank_folder(ws: "Workspace", lang: str) -> Path:
    return ws.root / RECORDINGS / lang / BANK


def bank_index_path(ws: "Workspace", lang: str) -> Path:
    return bank_folder(ws, lang) / INDEX_NAME


def parse_bank_index(text: str, path: Path, problems: Problems) -> dict[str, BankEntry]:
    hint = _("Import the phrases again with 'commcli recordings import', or restore index.json from a backup.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(Problem(_("The voice bank index is not valid JSON: {reason}.").format(reason=exc.msg),
                             file=path, line=exc.lineno, column=exc.colno, hint=hint, code="bank.index-json"))
        return {}
    if not isinstance(data, dict):
        problems.add(Problem(_("The voice bank index must be a JSON object {phrase id: entry}."), file=path, line=1,
                             hint=hint, code="bank.index-shape"))
        return {}
    entries: dict[str, BankEntry] = {}
    for phrase_id, raw in data.items():
        try:
            if not BANK_ID.match(phrase_id) or Path(raw["file"]).name != raw["file"]:
                raise ValueError
            status = raw.get("status", "draft")
            if status not in ("draft", "reviewed", "approved"):
                raise ValueError
            entries[phrase_id] = BankEntry(
                file=str(raw["file"]), text=str(raw["text"]), text_sha256=str(raw["text_sha256"]),
                kind=str(raw.get("kind") or phrase_kind(phrase_id)), status=status, duration=float(raw["duration"]),
                imported_from=str(raw.get("imported_from", "")), imported_on=str(raw.get("imported_on", "")),
                reviewer=raw.get("reviewer"))
        except (KeyError, TypeError, ValueError):
            problems.add(Problem(_("The voice bank entry for '{id}' is damaged.").format(id=phrase_id), file=path,
                                 line=line_of(text, json.dumps(phrase_id, ensure_ascii=False)), field=phrase_id,
                                 expected=_("an object with file, text, text_sha256, status, duration"), hint=hint,
                                 code="bank.index-entry"))
    return entries


def load_bank(ws: "Workspace", lang: str, problems: Problems | None = None) -> dict[str, BankEntry]:
    """The bank index of ``lang`` (empty when there is none), cached; a damaged one raises InputError
    unless ``problems`` is given."""
    key = f"voice.bank.{lang}"
    if key not in ws.cache:
        path = bank_index_path(ws, lang)
        found = Problems()
        entries: dict[str, BankEntry] = {}
        if path.is_file():
            try:
                entries = parse_bank_index(path.read_text(encoding="utf-8"), path, found)
            except UnicodeDecodeError:
                found.add(Problem(_("The voice bank index is not UTF-8 text."), file=path, line=1,
                                  code="bank.index-encoding"))
        ws.cache[key] = (entries, list(found))
    entries, found = ws.cache[key]
    if found:
        if problems is None:
            raise InputError(found)
        problems.extend(found)
    return entries


def bank_index_json(entries: dict[str, BankEntry]) -> str:
    return json.dumps({k: v.to_json() for k, v in sorted(entries.items())}, ensure_ascii=False, indent=2) + "\n"


def bank_languages(ws: "Workspace") -> list[str]:
    folder = ws.root / RECORDINGS
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / BANK / INDEX_NAME).is_file())


# --- cutting templates at their slots -------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A fixed piece of a template text: recorded once as phrase ``phrase_id``."""

    phrase_id: str
    text: str
    line: int
    pause: float  # after it


@dataclass(frozen=True)
class Slot:
    """A ``{{ … }}`` of a template text: the value said from the bank."""

    kind: str  # value, date, time, number, money, term
    name: str  # the field (or glossary id for term)
    args: tuple = ()
    line: int = 0
    pause: float = PAUSE_JOIN


@dataclass
class Cut:
    """A template text cut at its slots, or why it cannot be cut."""

    template: str
    lang: str
    path: Path
    first_line: int
    parts: list[Segment | Slot] = field(default_factory=list)
    error: str | None = None

    @property
    def segments(self) -> list[Segment]:
        return [p for p in self.parts if isinstance(p, Segment)]


def _pause_for(text: str) -> float:
    tail = text.rstrip()
    if "\n" in text[len(tail.rstrip()):] or tail.endswith((".", "!", "?", ":")):
        return PAUSE_SENTENCE
    if tail.endswith((",", ";", "–", "-")):
        return PAUSE_COMMA
    return PAUSE_JOIN


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def cut_template(name: str, path: Path, lang: str, source: str, first_line: int) -> Cut:
    """Cut one language's template text into fixed segments and slots (pure; Jinja parses it)."""
    from jinja2 import nodes
    from jinja2.exceptions import TemplateSyntaxError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    cut = Cut(template=name, lang=lang, path=path, first_line=first_line)
    try:
        tree = ImmutableSandboxedEnvironment().parse(source)
    except TemplateSyntaxError as exc:
        cut.error = str(exc)
        return cut
    body: list = []
    for node in tree.body:
        if not isinstance(node, nodes.Output):
            cut.error = _("it uses {% … %} blocks, which a voice bank cannot cut; record the whole item")
            return cut
        body.extend(node.nodes)
    number = 0
    for node in body:
        line = first_line + (getattr(node, "lineno", 1) or 1) - 1
        if isinstance(node, nodes.TemplateData):
            data = node.data
            # A segment spans lines: its own line is where its first letter is.
            lead = next((i for i, ch in enumerate(data) if ch.isalnum()), 0)
            at = line + data.count("\n", 0, lead)
            text = _clean(data)
            # Punctuation right after a slot belongs to the slot: it is a pause, not something to record.
            stripped = text.lstrip(".,;:!?–- ")
            if cut.parts and stripped != text and any(ch.isalnum() for ch in stripped):
                last = cut.parts[-1]
                cut.parts[-1] = _with_pause(last, max(last.pause, _pause_for(text[: len(text) - len(stripped)])))
                text = stripped
            if not any(ch.isalnum() for ch in text):
                if cut.parts:  # punctuation between two slots: just the pause
                    last = cut.parts[-1]
                    cut.parts[-1] = _with_pause(last, max(last.pause, _pause_for(data)))
                continue
            number += 1
            cut.parts.append(Segment(f"t.{name}.{number}", text, at, _pause_for(data)))
            continue
        slot = _slot(node, line)
        if slot is None:
            cut.error = _("line {line}: this {{ … }} is not a plain value, date, time, number, money or term('id'); "
                          "record the whole item").format(line=line)
            return cut
        cut.parts.append(slot)
    return cut


def _with_pause(part, pause: float):
    from dataclasses import replace

    return replace(part, pause=pause)


def _slot(node, line: int) -> Slot | None:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return Slot("value", node.name, (), line)
    if isinstance(node, nodes.Filter) and isinstance(node.node, nodes.Name) and node.name in ("date", "time", "number", "money"):
        if not all(isinstance(a, nodes.Const) for a in node.args) or node.kwargs:
            return None
        return Slot(node.name, node.node.name, tuple(a.value for a in node.args), line)
    if (isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "term"
            and len(node.args) == 1 and isinstance(node.args[0], nodes.Const)):
        return Slot("term", str(node.args[0].value), (), line)
    return None


def template_cuts(ws: "Workspace") -> dict[tuple[str, str], Cut]:
    """Every (template, language) text of the workspace, cut (cached)."""
    key = "voice.cuts"
    if key not in ws.cache:
        from ..bulletins.templates import load_templates

        cuts: dict[tuple[str, str], Cut] = {}
        for name, tmpl in load_templates(ws).items():
            for lang, tt in tmpl.texts.items():
                cuts[(name, lang)] = cut_template(name, tmpl.path, lang, tt.source, tt.first_line)
        ws.cache[key] = cuts
    return ws.cache[key]


# --- what a clip needs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Needed:
    """A phrase a clip (or a kit) needs: its id, what is read, where it comes from."""

    phrase_id: str
    text: str
    kind: str
    file: Path | None = None
    line: int | None = None
    note: str | None = None  # e.g. "say it in H'Mông"


@dataclass
class ClipPlan:
    """How a templated clip is said from the bank: phrases with the pause after each, or what is missing."""

    clip_id: str
    lang: str
    phrases: list[tuple[str, float]] = field(default_factory=list)
    needed: list[Needed] = field(default_factory=list)  # every phrase with its text (for kits and messages)
    problems: list[Problem] = field(default_factory=list)  # cannot be said at all (rules, cut)
    cut: Cut | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


PHONE = re.compile(r"^\+?[0-9][0-9 .]*[0-9]$")  # read digit by digit (3 digits or more): 115, 0215 3 740 115


def _value_phrases(rules, slot: Slot, value: Any, lang: str, term_text) -> list[Needed]:
    """The phrases that say one slot's value; SayError or ValueError when it cannot be said."""
    from ..bulletins.templates import to_date, to_number
    from .rules import SayError

    def said(rule: str, **values: int) -> list[Needed]:
        if rules is None:
            raise SayError(_("there are no say rules for {lang} (templates/say/{lang}.yaml)").format(lang=lang),
                           code="say.no-rules")
        return [Needed(p, rules.phrase_text(p) or p, "number", rules.path, None) for p in rules.say(rule, **values)]

    if slot.kind == "term":
        text = term_text(slot.name)
        return [Needed(f"g.{slot.name}", text, "term")]
    if slot.kind == "date":
        day = to_date(value)
        style = slot.args[0] if slot.args else "full"
        return said("date", day=day.day, month=day.month, year=day.year, weekday=day.weekday(),
                    full=int(style == "full"))
    if slot.kind == "time":
        import datetime as dt

        text = str(value).strip()
        try:
            clock = dt.time.fromisoformat(text if len(text) > 4 else "0" + text)
        except ValueError:
            raise SayError(_("'{value}' is not a time written HH:MM.").format(value=value)) from None
        return said("time", hour=clock.hour, minute=clock.minute)
    if slot.kind in ("number", "money"):
        number = to_number(value)
        if number != number.to_integral_value():
            raise SayError(_("{value} has decimals, which the say rules cannot read yet").format(value=value))
        return said(slot.kind, n=int(number))
    text = _clean(str(value))
    if PHONE.match(text) and sum(ch.isdigit() for ch in text) >= 3:  # a phone number: digit by digit, a short pause at each space
        out: list[Needed] = []
        for group in re.split(r"[ .]+", text.lstrip("+")):
            for ch in group:
                out += said("digit", n=int(ch))
            if out:
                out[-1] = Needed(out[-1].phrase_id, out[-1].text, out[-1].kind, out[-1].file, out[-1].line, "group")
        return out
    if re.fullmatch(r"[0-9]{1,2}", text):
        return said("number", n=int(text))
    return [Needed(value_id(text), text, "value")]


def plan_clip(ws: "Workspace", clip: "Clip") -> ClipPlan | None:
    """The bank plan of a templated clip (None when the clip is not templated)."""
    if not clip.template:
        return None
    from ..bulletins.templates import glossary_term_lookup
    from .rules import SayError, rules_for

    plan = ClipPlan(clip_id=clip.clip_id, lang=clip.language)
    cut = template_cuts(ws).get((clip.template, clip.language))
    plan.cut = cut
    if cut is None:
        plan.problems.append(Problem(_("The template '{name}' has no {lang} text.").format(name=clip.template,
                                                                                            lang=clip.language),
                                     code="bank.no-text"))
        return plan
    if cut.error:
        plan.problems.append(Problem(_("The voice bank cannot cut the template '{name}' ({lang}): {reason}.").format(
            name=cut.template, lang=cut.lang, reason=cut.error), file=cut.path, line=cut.first_line, code="bank.cut"))
        return plan
    rules = rules_for(ws, clip.language)
    data = dict(clip.template_data)
    lookup = glossary_term_lookup(ws)
    for part in cut.parts:
        if isinstance(part, Segment):
            plan.needed.append(Needed(part.phrase_id, part.text, "template", cut.path, part.line))
            plan.phrases.append((part.phrase_id, part.pause))
            continue
        try:
            if part.kind != "term" and part.name not in data:
                raise SayError(_("the item gives no value for '{name}'").format(name=part.name))
            values = _value_phrases(rules, part, data.get(part.name), clip.language,
                                    lambda entry: lookup(entry, clip.language))
        except SayError as exc:
            where = (exc.line and rules and rules.path) or cut.path
            plan.problems.append(Problem(
                _("{{{{ {name} }}}} in the template '{template}' ({lang}) cannot be said from the voice bank: {reason}").format(
                    name=part.name, template=cut.template, lang=cut.lang, reason=exc.message.rstrip(".")) + ".",
                file=where, line=exc.line if where != cut.path else part.line,
                hint=_("Correct the say rules in templates/say/, or record the whole item."), code=exc.code))
            continue
        except Exception as exc:  # a value a filter refuses (the bulletin check reports it too)
            plan.problems.append(Problem(
                _("{{{{ {name} }}}} in the template '{template}' ({lang}) cannot be said from the voice bank: {reason}").format(
                    name=part.name, template=cut.template, lang=cut.lang, reason=str(exc).rstrip(".")) + ".",
                file=cut.path, line=part.line, code="bank.value"))
            continue
        for i, need in enumerate(values):
            last = i == len(values) - 1
            pause = part.pause if last else (PAUSE_COMMA if need.note == "group" else PAUSE_WORD)
            plan.needed.append(Needed(need.phrase_id, need.text, need.kind, need.file or cut.path,
                                      need.line or part.line))
            plan.phrases.append((need.phrase_id, pause))
    return plan


@dataclass(frozen=True)
class PhraseState:
    """What the bank holds for one needed phrase."""

    need: Needed
    entry: BankEntry | None
    state: Literal["ok", "missing", "stale"]


def phrase_states(ws: "Workspace", lang: str, needed: list[Needed]) -> list[PhraseState]:
    bank = load_bank(ws, lang, Problems())
    folder = bank_folder(ws, lang)
    out = []
    for need in needed:
        entry = bank.get(need.phrase_id)
        if entry is None or not (folder / entry.file).is_file():
            out.append(PhraseState(need, None, "missing"))
        elif entry.text_sha256 != clip_text_hash(need.text):
            out.append(PhraseState(need, entry, "stale"))
        else:
            out.append(PhraseState(need, entry, "ok"))
    return out


def unique(needed: list[Needed]) -> list[Needed]:
    seen: dict[str, Needed] = {}
    for need in needed:
        seen.setdefault(need.phrase_id, need)
    return list(seen.values())


def review_bank(ws: "Workspace", lang: str, *, reviewer: str, status: PhraseStatus = "reviewed",
                phrase_ids: list[str] | None = None) -> dict[str, list[str]]:
    """Mark bank phrases as listened to by a native speaker: {language: ids changed}. All draft phrases of
    every language matching ``lang`` unless ``phrase_ids`` are given; an unknown id is an InputError."""
    from dataclasses import replace

    from .. import langs
    from ..publish import write_text_atomic

    if not langs.is_known(lang):
        raise InputError(Problem(langs.unknown_tag_message(lang), field="--lang", code="usage.language"))
    if not reviewer.strip():
        raise InputError(Problem(_("Give the reviewer's name with --by."), field="--by", code="usage.reviewer"))
    banks = {tag: dict(load_bank(ws, tag)) for tag in bank_languages(ws) if langs.matches(tag, lang)}
    wanted = set(phrase_ids or [])
    known = {pid for bank in banks.values() for pid in bank}
    unknown = sorted(wanted - known)
    if unknown:
        raise InputError(Problem(_("No phrase {ids} in the {lang} voice bank.").format(ids=", ".join(unknown), lang=lang),
                                 field="IDS", hint=_("'commcli recordings status --lang {lang}' lists the bank.").format(
                                     lang=lang), code="usage.phrase"))
    changed: dict[str, list[str]] = {}
    for tag, bank in banks.items():
        for pid, entry in bank.items():
            if (pid in wanted) if wanted else entry.status == "draft":
                bank[pid] = replace(entry, status=status, reviewer=" ".join(reviewer.split()))
                changed.setdefault(tag, []).append(pid)
        if tag in changed:
            write_text_atomic(bank_index_path(ws, tag), bank_index_json(bank))
            ws.cache.pop(f"voice.bank.{tag}", None)
    return changed
