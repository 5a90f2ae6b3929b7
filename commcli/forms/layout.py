"""Layout data for the Typst template: a form, the glossary, a language and records → plain dicts (pure).

Labels carry their Vietnamese text and the target language's term from the glossary; a label without a
translation prints in Vietnamese only and is reported. Draft translations are flagged so the page says so.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from .. import langs
from ..errors import Problem, Severity
from ..i18n import _
from ..yamlload import Positions
from .model import FormDefinition
from .validate import parse_date
from ..textnorm import read_date

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PLACE_DATE = "…………, ngày …… tháng …… năm ……"
DRAFT_FOOTER = "Bản dịch nháp — chưa rà soát / draft translation"
# Printed after a label that has no real translation in the form's second language (never a fake pair).
MISSING_MARK = "*"

# Fixed phrases every form prints, by glossary key (bieu-mau domain).
KEY_RECIPIENT = "bm-kinh-gui"
KEY_SIGN_HINT = "bm-ky-ghi-ro-ho-ten"
KEY_IN_WORDS = "bm-ghi-bang-chu"


def is_tai_viet(tag: str | None) -> bool:
    return bool(tag) and tag in langs.LANGUAGES and langs.LANGUAGES[tag].script == "Tavt"


def real_translation(entry, tr) -> bool:
    """A translation that is not the Vietnamese copied across (case, accents and spacing ignored)."""
    from .validate import fold

    return tr is not None and fold(tr.term) != fold(entry.vi)


class _Labels:
    """Looks labels up in the glossary for one language, noting what is missing or draft, and counting which
    labels are really translated (a term equal to the Vietnamese is not a translation: it prints once)."""

    def __init__(self, glossary, lang: str, file: Path | None, positions: Positions | None):
        self.glossary = glossary
        self.lang = lang
        self.file = file
        self.positions = positions
        self.problems: list[Problem] = []
        self.draft = False
        self.keys: dict[str, bool] = {}
        """glossary key → really translated into ``lang``."""

    def _at(self, path: tuple) -> dict:
        line, column = self.positions.of(path) if self.positions else (None, None)
        return dict(file=self.file, line=line, column=column)

    def _plain(self, vi: str) -> dict:
        """A Vietnamese text with no glossary entry: printed once, marked when a translation was wanted."""
        return {"vi": vi, "tr": None, "draft": False, "tavt": False, "mark": self.lang != "vi"}

    def label(self, key: str | None, path: tuple, *, vi: str | None = None) -> dict | None:
        """``{"vi", "tr", "draft", "tavt", "mark"}`` for a glossary key (or a plain Vietnamese text)."""
        if not key:
            return self._plain(vi) if vi else None
        entry = self.glossary.get(key) if self.glossary is not None else None
        if entry is None:
            if vi:
                return self._plain(vi)
            self.problems.append(Problem(
                _("The glossary has no entry '{key}'.").format(key=key), **self._at(path), found=key,
                hint=_("Add the entry to glossary/bieu-mau.yaml, or correct the key."), code="form.label-unknown"))
            return {"vi": key, "tr": None, "draft": False, "tavt": False, "mark": False}
        text_vi = vi or _sentence(entry.vi)
        if self.lang == "vi":
            return {"vi": text_vi, "tr": None, "draft": False, "tavt": False, "mark": False}
        tr = self.glossary.term(key, self.lang)
        real = real_translation(entry, tr)
        self.keys[key] = self.keys.get(key, False) or real
        if not real:
            self.problems.append(Problem(
                (_("'{vi}' ({key}) has no {lang} translation in the glossary; it prints in Vietnamese only.") if tr is None
                 else _("The {lang} translation of '{vi}' ({key}) is the Vietnamese text; it prints once, in Vietnamese.")
                 ).format(vi=entry.vi, key=key, lang=self.lang),
                **self._at(path), severity=Severity.WARNING,
                hint=_("Add a '{lang}' translation to the entry in {file}.").format(
                    lang=self.lang, file=Path(str(entry.file)).name if entry.file else "glossary/"),
                code="form.translation-missing"))
            return {"vi": text_vi, "tr": None, "draft": False, "tavt": False, "mark": True}
        draft = tr.status == "draft"
        self.draft = self.draft or draft
        return {"vi": text_vi, "tr": _sentence(tr.term) if not is_tai_viet(tr.lang) else tr.term,
                "draft": draft, "tavt": is_tai_viet(tr.lang), "mark": False}

    def coverage(self) -> tuple[int, int]:
        """(labels really translated, labels) over the distinct glossary keys the form prints."""
        return sum(1 for real in self.keys.values() if real), len(self.keys)


def _sentence(text: str) -> str:
    """Capitalize the first letter as a label prints ("họ và tên" → "Họ và tên"); the rest is kept."""
    return text[:1].upper() + text[1:] if text else text


def commune_in_text(text: str | None, commune: str | None) -> str | None:
    """``{commune}`` in a recipient → the commune's name as inside a sentence ("Xã Mường Nhé" → "xã Mường Nhé")."""
    if text is None or "{commune}" not in text:
        return text
    name = commune or "…………"
    for word in ("Xã ", "Phường ", "Thị trấn "):
        if name.startswith(word):
            name = word.lower() + name[len(word):]
    return text.replace("{commune}", name)


def _field(labels: _Labels, f, base: tuple, number: str | None) -> dict:
    return {
        "n": number,
        "id": f.id,
        "type": f.type,
        "label": labels.label(f.label, base + ("label",)),
        "hint": f.hint,
        "unit": f.unit,
        "in_words": f.in_words,
        "lines": f.lines,
        "length": f.length,
        "choices": [
            {"value": c.value, "label": labels.label(c.label, base + ("choices", k, "label"), vi=c.vi)}
            for k, c in enumerate(f.choices)
        ],
    }


def _rows(fields: list[dict], inline: list[bool]) -> list[list[dict]]:
    """Fields grouped into printed lines: an ``inline`` field joins the line of the field before it."""
    rows: list[list[dict]] = []
    for f, joins in zip(fields, inline):
        if joins and rows:
            rows[-1].append(f)
        else:
            rows.append([f])
    return rows


def form_layout(form: FormDefinition, glossary, lang: str, *, file: Path | None = None,
                positions: Positions | None = None, commune: str | None = None) -> tuple[dict, list[Problem]]:
    """Everything the template prints that is the same on every copy, and the problems (missing labels…)."""
    labels = _Labels(glossary, lang, file, positions)
    title = labels.label(form.title, ("title",), vi=form.title_vi)
    recipient_label = labels.label(KEY_RECIPIENT, ("recipient",), vi="Kính gửi") if form.recipient else None
    sections = []
    count = 0
    for i, section in enumerate(form.sections):
        fields = []
        for j, f in enumerate(section.fields):
            count += 1
            number = f.number if f.number is not None else (f"{count}." if form.numbered else "")
            fields.append(_field(labels, f, ("sections", i, "fields", j), number or None))
        sections.append({
            "number": section.number,
            "title": labels.label(section.title, ("sections", i, "title"), vi=section.title_vi),
            "office": section.office,
            "after_signature": section.after_signature,
            "rows": _rows(fields, [f.inline for f in section.fields]),
            "signers": [labels.label(key, ("sections", i, "signers", k)) for k, key in enumerate(section.signers)],
        })
    place_date = None
    if form.place_date is not None:
        place_date = {key: (getattr(form.place_date, key).id if getattr(form.place_date, key) else None)
                      for key in ("place", "date")}
    appendix = None
    if form.appendix is not None:
        a = form.appendix
        appendix = {
            "title": labels.label(a.title, ("appendix", "title"), vi=a.title_vi),
            "head": _rows([_field(labels, f, ("appendix", "head", j), None) for j, f in enumerate(a.head)],
                          [f.inline for f in a.head]),
            "columns": [_field(labels, f, ("appendix", "columns", j), None) for j, f in enumerate(a.columns)],
            "rows": a.rows,
            "signer": labels.label(a.signer, ("appendix", "signer")) if a.signer else None,
        }
    data = {
        "id": form.id,
        "lang": lang,
        "motto": list(MOTTO),
        "agency": form.agency,
        "title": title,
        "subtitle": form.subtitle,
        "legal_basis": form.legal_basis,
        "recipient": commune_in_text(form.recipient, commune),
        "recipient_label": recipient_label,
        "sections": sections,
        "declaration": labels.label(form.declaration, ("declaration",)) if form.declaration else None,
        "place_date": place_date,
        "signer": labels.label(form.signer, ("signer",)),
        "sign_hint": labels.label(form.sign_hint or KEY_SIGN_HINT, ("sign_hint",) if form.sign_hint else ("signer",),
                                  vi=None if form.sign_hint else "(Ký, ghi rõ họ tên)"),
        "in_words_label": labels.label(KEY_IN_WORDS, ("sections",), vi="ghi bằng chữ")
        if any(f.in_words for f in form.all_fields()) else None,
        "appendix": appendix,
    }
    translated, total = labels.coverage()
    data["coverage"] = {"translated": translated, "total": total}
    data["draft"] = labels.draft
    data["draft_footer"] = DRAFT_FOOTER if labels.draft else None
    data["missing_note"] = missing_note(lang) if lang != "vi" and translated < total else None
    return data, labels.problems


def missing_note(lang: str) -> str:
    """The footnote explaining the mark on labels printed in Vietnamese only."""
    return f"{MISSING_MARK} Chưa có bản dịch ({lang}): chỉ in tiếng Việt / no {lang} translation yet"


MEMBERS = "_members"
"""Key of a record's appendix rows (a list of value dicts); field ids never start with '_'."""


def record_layout(form: FormDefinition, values: dict[str, str] | None) -> dict:
    """One copy's values: ``None`` gives a blank form for handwriting. Dates also come split into
    day, month and year (for "ngày … tháng … năm …"); appendix rows come under ``members``."""
    if values is None:
        return {"blank": True, "values": {}, "digits": {}, "words": {}, "dates": {}, "members": []}
    digits: dict[str, list[str]] = {}
    words: dict[str, str] = {}
    dates: dict[str, list[str]] = {}
    for f in form.all_fields():
        value = values.get(f.id, "")
        if f.type == "personal-id" and value:
            digits[f.id] = list(value)
        if f.type == "date" and value:
            day = parse_date(value)
            if day is not None:
                dates[f.id] = [f"{day.day:02d}", f"{day.month:02d}", str(day.year)]
                if f.in_words:
                    words[f.id] = _sentence(read_date(day.day, day.month, day.year))
    members = []
    if form.appendix is not None:
        for member in values.get(MEMBERS) or []:
            members.append({k: v for k, v in member.items() if v})
    plain = {k: v for k, v in values.items() if v and k != MEMBERS}
    return {"blank": False, "values": plain, "digits": digits, "words": words, "dates": dates, "members": members}


def layout(form: FormDefinition, glossary, lang: str, record: dict[str, str] | None, *,
           commune: str | None = None) -> tuple[dict, list[Problem]]:
    """A form + glossary + language + one record (or None: blank) → the template's data for one copy."""
    data, problems = form_layout(form, glossary, lang, commune=commune)
    return {"form": data, "records": [record_layout(form, record)]}, problems


def today() -> _dt.date:
    return _dt.date.today()
