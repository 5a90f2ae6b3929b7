"""The week at a glance: ``out/<week>/index.html``, one static page to look and listen before air.

The page is self-contained (inline CSS, no script, no font or file from outside the build folder; the
Tai Viet font is embedded when a Tai Viet text is shown) and Vietnamese: its labels are page text like
the scripts' (data, not UI messages). Every value from content goes through Jinja's autoescape, and bidi
controls (U+202A–U+202E, U+2066–U+2069) are shown as visible codes so a name cannot reorder the page.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from pathlib import Path
from typing import Any

from .. import __version__, langs

TEMPLATES = Path(__file__).resolve().parent / "templates"
TAI_VIET = re.compile("[\uaa80-\uaadf]")
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
SHORT_CLIP_S = 3.0  # a spoken item shorter than this is probably a failed recording or synthesis

PRIORITY_LABEL = {"khan-cap": "Khẩn cấp", "uu-tien": "Ưu tiên", "thuong": "Thường"}
STATUS_LABEL = {"draft": "bản nháp", "reviewed": "đã rà soát", "approved": "đã duyệt"}
DAY_LABEL = {"mon": "T2", "tue": "T3", "wed": "T4", "thu": "T5", "fri": "T6", "sat": "T7", "sun": "CN"}
KIND_LABEL = {"script-text": "kịch bản (văn bản)", "script-pdf": "kịch bản (PDF)", "script-spoken": "lời đọc trên loa",
              "running-order": "lịch phát của bản", "programme": "chương trình", "clip": "đoạn tin", "jingle": "nhạc hiệu",
              "playlist": "danh sách phát", "share-text": "tin gửi Zalo", "share-audio": "âm thanh gửi Zalo",
              "share-card": "thẻ ảnh gửi Zalo", "share-readme": "hướng dẫn trưởng bản"}


def visible_controls(text: str) -> str:
    """Bidi override/isolate characters as visible ``[U+202E]`` codes: text can no longer reorder what follows."""
    return BIDI_CONTROLS.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def mmss(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    total = int(round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def language_name(tag: str) -> str:
    lang = langs.LANGUAGES.get(tag) or langs.LANGUAGES.get(langs.base_of(tag))
    return lang.name_vi if lang else tag


def _environment():
    import jinja2
    from markupsafe import Markup

    def finalize(value):
        if isinstance(value, Markup) or value is None:
            return "" if value is None else value
        return visible_controls(str(value))

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, finalize=finalize,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["mmss"] = mmss
    env.filters["url"] = _url
    return env


def _url(path: str) -> str:
    """A relative URL for a file of the build (each segment percent-encoded)."""
    from urllib.parse import quote

    return "/".join(quote(part) for part in str(path).split("/"))


def _week_range(week: str) -> str:
    from ..bulletins.model import week_monday

    monday = week_monday(week)
    sunday = monday + dt.timedelta(days=6)
    if monday.month == sunday.month:
        return f"{monday.day}–{sunday.day}/{sunday.month}/{sunday.year}"
    return f"{monday.day}/{monday.month} – {sunday.day}/{sunday.month}/{sunday.year}"


def _programme_entry(entries: list[dict], programme) -> dict | None:
    """The audio manifest entry of a plan programme: by its id when audio records it, else slot, language and items."""
    for e in entries:
        if e.get("programme") == programme.programme_id or e.get("id") == programme.programme_id:
            return e
    items = [c.item_id for c in programme.clips]
    for e in entries:
        if e.get("slot") == programme.slot_id and e.get("language") == programme.language and e.get("items") == items:
            return e
    return None


def _strip(folder: Path, rel: str, what: str, pieces: list[dict], gap: float, seconds: float | None, cache_dir: Path | None):
    """The programme's loudness strip: from its pieces' energies (each clip decoded once, cached), else from its MP3."""
    from markupsafe import Markup

    from .waveform import measure_strip, programme_strip, strip_svg

    try:
        strip = None
        if seconds and pieces and all(piece.get("path") for piece in pieces):
            strip = programme_strip([(folder / piece["path"], piece.get("sha256")) for piece in pieces], gap, seconds, cache_dir)
        if strip is None:
            strip = measure_strip(folder / rel)
    except (OSError, ValueError):
        return None, ()
    label = f"Độ lớn âm thanh theo thời gian: {what}, {mmss(strip.seconds)}"
    if strip.silences:
        label += f"; {len(strip.silences)} đoạn im lặng dài (vùng tô đỏ)"
    bands = _segments([(visible_controls(piece["title"]), piece.get("duration")) for piece in pieces], gap, strip.seconds)
    # The SVG is markup made here: its texts are escaped by strip_svg, bidi controls made visible before.
    return Markup(strip_svg(strip, label=visible_controls(label), segments=bands)), strip.silences


def _segments(pieces: list[tuple[str, float | None]], gap: float, total: float) -> list[tuple[float, float, str]]:
    """Where each piece (intro, items, outro; a gap between each) lies in the programme, when the durations add up.

    Pieces whose length is unknown (left out) make the layout unknowable: then no bands are drawn.
    """
    if not pieces or any(seconds is None for _t, seconds in pieces):
        return []
    out, t = [], 0.0
    for i, (title, seconds) in enumerate(pieces):
        if i:
            t += gap
        out.append((t, t + seconds, f"{title} ({mmss(seconds)})"))
        t += seconds
    # Joined MP3 pieces each carry a few encoder frames more than their PCM: spread that small drift evenly.
    if not t or abs(t - total) > max(1.0, 0.03 * total):
        return []
    k = total / t
    return [(a * k, b * k, title) for a, b, title in out]


def _share_village(village_id: str, name: str, outputs: list[dict], titles: dict[str, str]) -> dict:
    """One village's share folder as the page lists it: per item its card, text and audio files."""
    items: dict[str, dict] = {}
    for e in outputs:
        if e.get("village") != village_id or not e["path"].startswith("share/") or not e.get("item"):
            continue
        entry = items.setdefault(e["item"], {"item": e["item"], "title": titles.get(e["item"], e["item"]), "card": None,
                                             "text": None, "audio": []})
        if e.get("kind") == "share-card":
            entry["card"] = e["path"]
        elif e.get("kind") == "share-text":
            entry["text"] = e["path"]
        elif e.get("kind") == "share-audio":
            entry["audio"].append({"path": e["path"], "language": language_name(e.get("language", ""))})
    ordered = sorted(items.values(), key=lambda i: (i["text"] or i["card"] or ""))
    return {"id": village_id, "name": name, "readme": f"share/{village_id}/README.txt", "items": ordered}


def page_data(ws, resolved, the_plan, outputs: list[dict], folder: Path, *, draft: bool, generated_at: str,
              todo: list | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain data (paths relative to the build folder)."""
    from ..bulletins.scripts import language_label, script_sections
    from ..bulletins.todo import GROUPS

    commune = ws.commune
    week = resolved.week
    programmes = [e for e in outputs if e.get("kind") == "programme"]
    clip_files = {e["clip_id"]: e for e in outputs if e.get("kind") == "clip" and e.get("clip_id")}
    by_path = {e["path"]: e for e in outputs}

    jingles = {e["path"].rsplit("jingle-", 1)[1][:-4]: e for e in outputs
               if e.get("kind") == "jingle" and "jingle-" in e["path"]}
    cache_dir = ws.root / ".cache" / "strips"
    gap = round(getattr(commune.audio, "gap_seconds", 0.0) * 10) / 10.0
    strips: dict[str, tuple] = {}
    blocks_by_programme: dict[str, dict] = {}
    for p in the_plan.programmes:
        entry = _programme_entry(programmes, p)
        rel = entry["path"] if entry else None
        seconds = entry.get("duration") if entry else None
        svg, silences = (None, ())
        if rel:
            if rel not in strips:
                pieces = [{**jingles.get("intro", {}), "title": "Nhạc hiệu đầu"}]
                pieces += [{**clip_files[c.clip_id], "title": f"{n}. {c.title}"}
                           for n, c in enumerate(p.clips, 1) if c.clip_id in clip_files]
                pieces.append({**jingles.get("outro", {}), "title": "Nhạc hiệu cuối"})
                strips[rel] = _strip(folder, rel, f"{p.slot_name}, {language_name(p.language)}", pieces, gap, seconds, cache_dir)
            svg, silences = strips[rel]
        clips = []
        first_number: dict[str, int] = {}
        for n, c in enumerate(p.clips, 1):
            f = clip_files.get(c.clip_id)
            repeat_of = first_number.get(c.item_id) if c.repeat_index else None
            first_number.setdefault(c.item_id, n)
            clip_seconds = f.get("duration") if f else None
            clips.append({
                "n": n, "title": c.title, "item_id": c.item_id, "repeat_of": repeat_of,
                "priority": c.priority, "priority_label": PRIORITY_LABEL.get(c.priority, c.priority),
                "status": c.status, "status_label": STATUS_LABEL.get(c.status, c.status),
                "audio": f["path"] if f else None, "seconds": clip_seconds, "estimated": c.estimated_seconds,
                "short": clip_seconds is not None and clip_seconds < SHORT_CLIP_S,
            })
        blocks_by_programme[p.programme_id] = {
            "programme_id": p.programme_id, "language": p.language, "language_label": language_name(p.language),
            "audio": rel, "seconds": seconds, "estimated": p.estimated_seconds, "strip": svg,
            "silences": [f"{mmss(a)}–{mmss(b)}" for a, b in silences], "clips": clips,
            "unrecorded": sum(1 for c in clips if c["audio"] is None) if programmes else 0,
        }

    titles = {ri.item.id: ri.item.title for ri in resolved.items}
    villages = []
    for v in commune.villages:
        cells = []
        for slot in commune.slots:
            ro = next((r for r in the_plan.running_orders if r.village_id == v.id and r.slot_id == slot.id), None)
            blocks = [blocks_by_programme[b.programme_id] for b in ro.blocks] if ro else []
            known = [b["seconds"] is not None for b in blocks]
            measured = "all" if blocks and all(known) else "some" if any(known) else "none"
            # Measured where a programme was built, the estimate where it could not be (recordings missing).
            total = sum((b["seconds"] if b["seconds"] is not None else b["estimated"]) or 0 for b in blocks)
            limit = slot.minutes * 60
            cells.append({
                "slot_id": slot.id, "slot_name": slot.name, "blocks": blocks, "measured": measured,
                "seconds": total, "limit": limit, "over": total > limit, "percent": min(100, round(100 * total / limit)) if limit else 0,
                "missing": [{"item_id": i, "title": titles.get(i, i), "language": language_name(lang), "tag": lang}
                            for i, lang in (ro.missing if ro else ())],
            })
        villages.append({"id": v.id, "name": v.name, "languages": [language_name(t) for t in v.languages],
                         "households": getattr(v, "households", None), "cells": cells})

    scripts = []
    for lang in dict.fromkeys(p.language for p in the_plan.programmes):
        def has(rel: str) -> str | None:
            return rel if rel in by_path else None

        # The spoken form (numbers, dates, abbreviations written out as read), where the build made one.
        spoken_rel = has(f"scripts/{lang}.spoken.txt") or next(
            (e["path"] for e in outputs if e["path"].startswith(f"scripts/{lang}.") and "spoken" in e["path"]
             and e["path"].endswith(".txt")), None)
        spoken = None
        if spoken_rel:
            try:
                spoken = (folder / spoken_rel).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                spoken = None
        scripts.append({"tag": lang, "label": language_label(lang), "name": language_name(lang),
                        "pdf": has(f"scripts/{lang}.pdf"), "txt": has(f"scripts/{lang}.txt"),
                        "spoken_path": spoken_rel, "spoken": spoken, "sections": script_sections(the_plan, commune, lang)})

    tags = list(dict.fromkeys(t for ri in resolved.items for t in ri.texts))
    items = []
    for ri in resolved.items:
        it = ri.item
        items.append({"id": it.id, "title": it.title, "priority_label": PRIORITY_LABEL.get(it.priority, it.priority),
                      "priority": it.priority, "status": it.status, "status_label": STATUS_LABEL.get(it.status, it.status),
                      "expired": ri.expired,
                      "texts": [{"tag": t, "status": ri.texts[t].status if t in ri.texts else None,
                                 "label": STATUS_LABEL.get(ri.texts[t].status, ri.texts[t].status) if t in ri.texts else "chưa có"}
                                for t in tags]})

    todo = list(todo or [])
    groups = []
    for g, label in GROUPS:
        mine = [t for t in todo if t.group == g]
        hints = {t.hint for t in mine}
        # A hint shared by the whole group is shown once, above it; items are listed under the command that fixes them.
        groups.append({"id": g, "label": label, "items": mine,
                       "hint": hints.pop() if len(hints) == 1 and len(mine) > 1 else None})
    files = [{"path": e["path"], "kind": KIND_LABEL.get(e.get("kind", ""), e.get("kind", "")), "bytes": e.get("bytes")}
             for e in sorted(outputs, key=lambda e: e["path"])
             if e.get("kind") not in ("clip",) and not e["path"].startswith("share/")]
    share = sorted({e["village"] for e in outputs if e["path"].startswith("share/") and e.get("village")})
    names = {v.id: v.name for v in commune.villages}
    audio_seconds = sum(e.get("duration") or 0 for e in programmes)
    return {
        "week": week, "week_range": _week_range(week), "title": resolved.source.bulletin.title or f"Bản tin tuần {week}",
        "commune": commune.commune, "province": commune.province, "officer": commune.officer.name,
        "officer_phone": getattr(commune.officer, "phone", None) or "",
        "draft": draft, "generated_at": generated_at, "version": __version__,
        "bulletin": ws.relative(resolved.path), "has_audio": bool(programmes),
        "slots": [{"id": s.id, "name": s.name, "start": s.start, "minutes": s.minutes,
                   "days": " ".join(DAY_LABEL.get(d, d) for d in s.days)} for s in commune.slots],
        "villages": villages, "scripts": scripts, "item_rows": items, "tags": tags,
        "tag_names": {t: language_name(t) for t in tags},
        "todo_groups": [g for g in groups if g["items"]], "todo_count": len(todo),
        "files": files, "share": [_share_village(s, names.get(s, s), outputs, titles) for s in share],
        "stats": {"n_items": sum(1 for i in items if not i["expired"]), "programmes": len(the_plan.programmes),
                  "audio": mmss(audio_seconds) if programmes else None, "todo": len(todo)},
    }


def _font_face(html_needs_tai_viet: bool) -> str:
    if not html_needs_tai_viet:
        return ""
    font = Path(__file__).resolve().parent.parent / "fonts" / "NotoSansTaiViet-Regular.ttf"
    data = base64.b64encode(font.read_bytes()).decode("ascii")
    return ("@font-face{font-family:'Noto Sans Tai Viet';font-style:normal;font-weight:400;"
            f"src:url(data:font/ttf;base64,{data}) format('truetype');}}")


def render_page(data: dict[str, Any]) -> str:
    """The page's HTML (UTF-8 text)."""
    from markupsafe import Markup

    env = _environment()
    html = env.get_template("week.html.j2").render(page=data, font_face=Markup(""))
    if TAI_VIET.search(html):
        html = env.get_template("week.html.j2").render(page=data, font_face=Markup(_font_face(True)))
    return html


def week_page(ws, resolved, the_plan, outputs: list[dict], folder: Path, *, draft: bool, generated_at: str) -> str:
    """Gather the week's data (to-do from `commcli check` and the gate) and render the page."""
    from ..bulletins.todo import week_todo

    todo = week_todo(ws, resolved, the_plan)
    return render_page(page_data(ws, resolved, the_plan, outputs, folder, draft=draft, generated_at=generated_at, todo=todo))
