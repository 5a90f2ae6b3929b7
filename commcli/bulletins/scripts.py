"""Announcer scripts (plain text and PDF) and village running orders, as text laid out from a plan.

The documents' labels are Vietnamese data, not UI messages: announcers read them whatever language
the officer's screen is in, and the golden tests compare them byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import langs
from ..programme import Clip, Programme
from .duration import mmss, total_seconds
from .plan import Plan, RunningOrder

DRAFT_MARK = "BẢN NHÁP — DRAFT"
PRIORITY_LABEL = {"khan-cap": "KHẨN CẤP", "uu-tien": "ƯU TIÊN", "thuong": "THƯỜNG"}
STATUS_LABEL = {"draft": "bản nháp", "reviewed": "đã rà soát", "approved": "đã duyệt"}
DAY_LABEL = {"mon": "thứ Hai", "tue": "thứ Ba", "wed": "thứ Tư", "thu": "thứ Năm", "fri": "thứ Sáu", "sat": "thứ Bảy",
             "sun": "Chủ nhật"}
RULE = "=" * 64
THIN = "-" * 64


def language_label(tag: str) -> str:
    lang = langs.LANGUAGES.get(tag)
    return f"{lang.name_vi} ({tag})" if lang else tag


def _days(days) -> str:
    return ", ".join(DAY_LABEL.get(d, d) for d in days)


def _length(clip: Clip, built: bool) -> str:
    """'5:15' measured from its audio, '~5:20' estimated (no audio built), or 'không có âm thanh'."""
    if clip.measured_seconds is not None:
        return mmss(clip.measured_seconds)
    return "không có âm thanh" if built else f"~{mmss(clip.estimated_seconds)}"


def _meta(clip: Clip, built: bool = False) -> str:
    parts = [_length(clip, built), PRIORITY_LABEL[clip.priority], clip.language,
             STATUS_LABEL.get(clip.status, clip.status)]
    return "[" + " · ".join(parts) + "]"


def _programme_length(p: Programme, built: bool) -> str:
    if p.measured_seconds is not None:
        return f"Thời lượng (đo từ tệp âm thanh): {mmss(p.measured_seconds)} / {p.slot_minutes}:00"
    if built:
        return "KHÔNG CÓ ÂM THANH: chương trình này không phát"
    return f"Thời lượng ước tính: {mmss(p.estimated_seconds)} / {p.slot_minutes}:00"


# Phone numbers ("0215 3 740 115") and amounts ("1.263.600 đồng", "50 %") are read as one unit:
# their spaces become no-break spaces so a printed line never splits them.
_PHONE = re.compile(r"(?<![\w.,])(?:\+84|0)\d{1,4}(?:[ .]\d{1,4}){1,4}(?![\w])")
_AMOUNT = re.compile(r"(?<![\w.,])(\d[\d.,]*)\s+(đồng|đ|nghìn|triệu|tỷ|%|kg|ha|km|m2|m²|giờ|phút|ngày)(?!\w)")
NBSP = "\u00a0"


def keep_numbers_together(text: str) -> str:
    text = _PHONE.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _AMOUNT.sub(lambda m: f"{m.group(1)}{NBSP}{m.group(2)}", text)


def _numbered(clips: tuple[Clip, ...]):
    """(number, clip, number of its first reading or None) for a programme's clips."""
    first: dict[str, int] = {}
    for n, clip in enumerate(clips, 1):
        if clip.repeat_index == 0:
            first[clip.item_id] = n
            yield n, clip, None
        else:
            yield n, clip, first.get(clip.item_id)


def _header(commune, week: str, draft: bool, title: str) -> list[str]:
    lines = [f"{title} — TUẦN {week}"]
    if draft:
        lines.append(DRAFT_MARK)
    lines.append(f"{commune.commune}, tỉnh {commune.province}")
    return lines


def _slot_heading(p: Programme, slot) -> str:
    return f"{p.slot_name} — {slot.start}, {p.slot_minutes} phút ({_days(slot.days)})"


def script_sections(plan: Plan, commune, lang: str) -> list[dict]:
    """The sections of one language's script: one per programme in that language, items in airing order."""
    villages = {v.id: v.name for v in commune.villages}
    built = plan.audio_built
    sections = []
    for p in plan.programmes:
        if p.language != lang:
            continue
        slot = commune.slot(p.slot_id)
        items = []
        for n, clip, first in _numbered(p.clips):
            if first is not None:
                items.append({"number": n, "title": f"Đọc lại: {clip.title}", "meta": _meta(clip, built) + f" — đọc lại mục {first}",
                              "paragraphs": []})
            else:
                items.append({"number": n, "title": clip.title, "meta": _meta(clip, built),
                              "paragraphs": [para for para in clip.text.split("\n") if para.strip()]})
        sections.append({
            "id": p.programme_id,
            "heading": _slot_heading(p, slot),
            "villages": "Bản: " + ", ".join(villages.get(v, v) for v in p.villages),
            "estimate": _programme_length(p, built),
            "items": items,
        })
    return sections


def script_languages(plan: Plan) -> list[str]:
    return list(dict.fromkeys(p.language for p in plan.programmes))


def script_text(plan: Plan, commune, lang: str, *, draft: bool, speak=None) -> str:
    """The announcer's script as plain text; with ``speak`` (written → spoken) the paragraphs are given as the
    voice reads them (``scripts/<lang>.spoken.txt``), so a person can check numbers and abbreviations."""
    title = "KỊCH BẢN PHÁT THANH — DẠNG ĐỌC" if speak else "KỊCH BẢN PHÁT THANH"
    lines = _header(commune, plan.week, draft, title)
    lines.append(f"Ngôn ngữ: {language_label(lang)}")
    lines.append(f"Cán bộ phụ trách: {commune.officer.name}")
    for section in script_sections(plan, commune, lang):
        lines += ["", RULE, section["heading"], section["villages"], section["estimate"], f"Chương trình: {section['id']}", RULE]
        for it in section["items"]:
            lines.append("")
            lines.append(f"{it['number']}. {it['title']} {it['meta']}")
            lines += [speak(p) for p in it["paragraphs"]] if speak else it["paragraphs"]
    if draft:
        lines += ["", DRAFT_MARK]
    return "\n".join(lines) + "\n"


def script_pdf_data(plan: Plan, commune, lang: str, *, draft: bool) -> dict:
    sections = script_sections(plan, commune, lang)
    for section in sections:
        for item in section["items"]:
            item["paragraphs"] = [keep_numbers_together(para) for para in item["paragraphs"]]
    return {
        "title": f"Kịch bản phát thanh — tuần {plan.week}",
        "draft": draft,
        "draft_mark": DRAFT_MARK,
        "header": f"{commune.commune} · {language_label(lang)} · {plan.week}",
        "footer": f"{commune.officer.name} — {commune.officer.title}",
        "intro": [f"{commune.commune}, tỉnh {commune.province}", f"Ngôn ngữ: {language_label(lang)}"],
        "sections": sections,
    }


def script_pdf(plan: Plan, commune, lang: str, *, draft: bool) -> bytes:
    from ..render.pdf import compile_pdf

    source = (Path(__file__).parent / "script.typ").read_text(encoding="utf-8")
    return compile_pdf(source, script_pdf_data(plan, commune, lang, draft=draft), template_name="bulletins/script.typ")


def running_order_text(orders: list[RunningOrder], commune, week: str, *, draft: bool, built: bool = False) -> str:
    """One village's running order: every slot, its languages in the village's order, each item timed
    (measured from the audio when ``built``; a programme that got no audio is marked as not played)."""
    first = orders[0]
    lines = _header(commune, week, draft, f"LỊCH PHÁT TRÊN LOA — {first.village_name.upper()}")
    for ro in orders:
        slot = commune.slot(ro.slot_id)
        lines += ["", RULE, f"{ro.slot_name} — {ro.slot_start}, {ro.slot_minutes} phút ({_days(ro.slot_days)})", RULE]
        if not ro.blocks:
            lines.append("(không có tin trong buổi này)")
        for block in ro.blocks:
            if not block.airs:
                length = "KHÔNG CÓ ÂM THANH, không phát"
            elif block.measured_seconds is not None:
                length = mmss(block.measured_seconds)
            else:
                length = f"~{mmss(block.seconds)}"
            lines.append(f"[{language_label(block.language)}] chương trình {block.programme_id} — {length}")
            for n, clip, first_n in _numbered(block.clips):
                title = f"Đọc lại: {clip.title}" if first_n is not None else clip.title
                lines.append(f"  {n}. {title} {_meta(clip, built)}")
        for item_id, lang in ro.missing:
            lines.append(f"  (chưa có bản {lang} của tin '{item_id}')")
        verdict = "VƯỢT THỜI LƯỢNG" if ro.overrun else "vừa thời lượng"
        total = "Tổng thời lượng (đo từ tệp âm thanh)" if ro.measured else "Tổng ước tính"
        lines.append(f"{total}: {mmss(ro.seconds)} / {ro.slot_minutes}:00 — {verdict}")
        del slot
    if draft:
        lines += ["", DRAFT_MARK]
    return "\n".join(lines) + "\n"


def running_orders_by_village(plan: Plan) -> dict[str, list[RunningOrder]]:
    out: dict[str, list[RunningOrder]] = {}
    for ro in plan.running_orders:
        out.setdefault(ro.village_id, []).append(ro)
    return out


def slot_estimates(plan: Plan) -> list[dict]:
    """Per village and slot: estimated seconds, slot length, overrun (for the CLI and the manifest)."""
    return [{"village": ro.village_id, "slot": ro.slot_id, "seconds": ro.seconds, "limit_seconds": ro.slot_minutes * 60,
             "overrun": ro.overrun} for ro in plan.running_orders]


__all__ = ["DRAFT_MARK", "script_text", "script_pdf", "running_order_text", "slot_estimates", "total_seconds"]
