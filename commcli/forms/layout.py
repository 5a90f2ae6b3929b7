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

# Fixed phrases every form prints, by glossary key (bieu-mau domain).
KEY_RECIPIENT = "bm-kinh-gui"
KEY_SIGN_HINT = "bm-ky-ghi-ro-ho-ten"
KEY_IN_WORDS = "bm-ghi-bang-chu"


def is_tai_viet(tag: str | None) -> bool:
    return bool(tag) and tag in langs.LANGUAGES and langs.LANGUAGES[tag].script == "Tavt"


class _Labels:
    """Looks labels up in the glossary for one language, noting what is missing or draft."""

    def __init__(self, glossary, lang: str, file: Path | None, positions: Positions | None):
        self.glossary = glossary
        self.lang = lang
        self.file = file
        self.positions = positions
        self.problems: list[Problem] = []
        self.draft = False

    def _at(self, path: tuple) -> dict:
        line, column = self.positions.of(path) if self.positions else (None, None)
        return dict(file=self.file, line=line, column=column)

    def label(self, key: str | None, path: tuple, *, vi: str | None = None) -> dict | None:
        """``{"vi", "tr", "draft", "tavt"}`` for a glossary key (or a plain Vietnamese text)."""
        if not key:
            return {"vi": vi, "tr": None, "draft": False, "tavt": False} if vi else None
        entry = self.glossary.get(key) if self.glossary is not None else None
        if entry is None:
            if vi:
                return {"vi": vi, "tr": None, "draft": False, "tavt": False}
            self.problems.append(Problem(
                _("The glossary has no entry '{key}'.").format(key=key), **self._at(path), found=key,
                hint=_("Add the entry to glossary/bieu-mau.yaml, or correct the key."), code="form.label-unknown"))
            return {"vi": key, "tr": None, "draft": False, "tavt": False}
        text_vi = vi or _sentence(entry.vi)
        if self.lang == "vi":
            return {"vi": text_vi, "tr": None, "draft": False, "tavt": False}
        tr = self.glossary.term(key, self.lang)
        if tr is None:
            self.problems.append(Problem(
                _("'{vi}' ({key}) has no {lang} translation in the glossary; it prints in Vietnamese only.").format(
                    vi=entry.vi, key=key, lang=self.lang),
                **self._at(path), severity=Severity.WARNING,
                hint=_("Add a '{lang}' translation to the entry in {file}.").format(
                    lang=self.lang, file=Path(str(entry.file)).name if entry.file else "glossary/"),
                code="form.translation-missing"))
            return {"vi": text_vi, "tr": None, "draft": False, "tavt": False}
        draft = tr.status == "draft"
        self.draft = self.draft or draft
        return {"vi": text_vi, "tr": _sentence(tr.term) if not is_tai_viet(tr.lang) else tr.term,
                "draft": draft, "tavt": is_tai_viet(tr.lang)}


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


def form_layout(form: FormDefinition, glossary, lang: str, *, file: Path | None = None,
                positions: Positions | None = None, commune: str | None = None) -> tuple[dict, list[Problem]]:
    """Everything the template prints that is the same on every copy, and the problems (missing labels…)."""
    labels = _Labels(glossary, lang, file, positions)
    sections = []
    number = 0
    for i, section in enumerate(form.sections):
        fields = []
        for j, f in enumerate(section.fields):
            number += 1
            base = ("sections", i, "fields", j)
            fields.append({
                "n": number,
                "id": f.id,
                "type": f.type,
                "label": labels.label(f.label, base + ("label",)),
                "hint": f.hint,
                "unit": f.unit,
                "in_words": f.in_words,
                "choices": [
                    {"value": c.value, "label": labels.label(c.label, base + ("choices", k, "label"), vi=c.vi)}
                    for k, c in enumerate(f.choices)
                ],
            })
        sections.append({
            "title": labels.label(section.title, ("sections", i, "title"), vi=section.title_vi),
            "fields": fields,
        })
    data = {
        "id": form.id,
        "lang": lang,
        "motto": list(MOTTO),
        "title": labels.label(form.title, ("title",), vi=form.title_vi),
        "legal_basis": form.legal_basis,
        "recipient": commune_in_text(form.recipient, commune),
        "recipient_label": labels.label(KEY_RECIPIENT, ("recipient",), vi="Kính gửi") if form.recipient else None,
        "sections": sections,
        "declaration": labels.label(form.declaration, ("declaration",)) if form.declaration else None,
        "signer": labels.label(form.signer, ("signer",)),
        "sign_hint": labels.label(KEY_SIGN_HINT, ("signer",), vi="(Ký, ghi rõ họ tên)"),
        "in_words_label": labels.label(KEY_IN_WORDS, ("sections",), vi="ghi bằng chữ")
        if any(f.in_words for f in form.all_fields()) else None,
        "place_date": PLACE_DATE,
    }
    data["draft"] = labels.draft
    data["draft_footer"] = DRAFT_FOOTER if labels.draft else None
    return data, labels.problems


def record_layout(form: FormDefinition, values: dict[str, str] | None) -> dict:
    """One copy's values: ``None`` gives a blank form for handwriting."""
    if values is None:
        return {"blank": True, "values": {}, "digits": {}, "words": {}}
    digits: dict[str, list[str]] = {}
    words: dict[str, str] = {}
    for f in form.all_fields():
        value = values.get(f.id, "")
        if f.type == "personal-id" and value:
            digits[f.id] = list(value)
        if f.type == "date" and f.in_words and value:
            day = parse_date(value)
            if day is not None:
                words[f.id] = _sentence(read_date(day.day, day.month, day.year))
    return {"blank": False, "values": {k: v for k, v in values.items() if v}, "digits": digits, "words": words}


def layout(form: FormDefinition, glossary, lang: str, record: dict[str, str] | None, *,
           commune: str | None = None) -> tuple[dict, list[Problem]]:
    """A form + glossary + language + one record (or None: blank) → the template's data for one copy."""
    data, problems = form_layout(form, glossary, lang, commune=commune)
    return {"form": data, "records": [record_layout(form, record)]}, problems


def today() -> _dt.date:
    return _dt.date.today()
