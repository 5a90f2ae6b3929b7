"""The share pack ``share/<village>/``: each item ready for the village head's Zalo group (text, card, audio).

Per village and per item it airs there: ``NN-<item>.txt`` (Vietnamese first, then the village's languages
where a text exists, drafts marked), ``NN-<item>.png`` (a square card: title and key facts in large type,
typeset by Typst with the shipped fonts, Tai Viet included), ``NN-<item>.<lang>.m4a`` (the item's clip as
AAC, which plays in Zalo and on any phone) and a ``README.txt`` for the village head. The wording is
Vietnamese page text (data), like the scripts'.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import langs
from ..bulletins.plan import order_items
from .weekpage import PRIORITY_LABEL, language_name, visible_controls

CARD_PX = 1080  # Zalo shows square images at up to this size
CARD_INCHES = 6
AAC_KBPS = 32  # mono speech: small enough to send in a chat, clear on a phone speaker
STATUS_NOTE = {"draft": "bản nháp, chờ người bản ngữ rà soát", "reviewed": "đã rà soát, chờ duyệt", "approved": "đã duyệt"}
CARD_STATUS = {"draft": "bản nháp", "reviewed": "chờ duyệt"}
WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
PHONE = re.compile(r"(?<![\d])0\d{2,3}(?:[ .]?\d){6,8}(?![\d])")
DATE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])")
DRAFT_LINE = "⚠ BẢN NHÁP — nội dung chưa được duyệt đủ. Chỉ đăng khi cán bộ xã báo đã duyệt."


@dataclass(frozen=True)
class ShareText:
    tag: str
    name: str
    text: str
    status: str


def _clean(text: str) -> str:
    return visible_controls(" ".join(text.split()) if "\n" not in text else text.strip())


def _as_date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    return value


def _day(value) -> str:
    value = _as_date(value)
    if isinstance(value, dt.date):
        return f"{WEEKDAYS[value.weekday()]}, {value.day}/{value.month}/{value.year}"
    return str(value)


def _time(value) -> str:
    match = re.fullmatch(r"(\d{1,2}):(\d{2})", str(value).strip())
    if not match:
        return str(value)
    h, m = int(match.group(1)), int(match.group(2))
    return f"{h} giờ" if m == 0 else f"{h} giờ {m:02d}"


def key_facts(item, vi_text: str) -> list[tuple[str, str]]:
    """(label, value) for date, time, place and phone: from the item's template data, else found in its Vietnamese text."""
    data = dict(item.data or {})
    facts: list[tuple[str, str]] = []
    start = data.get("ngay_bat_dau") or data.get("tu_ngay")
    end = data.get("ngay_ket_thuc") or data.get("den_ngay")
    if start and end:
        a, b = _as_date(start), _as_date(end)
        if isinstance(a, dt.date) and isinstance(b, dt.date) and a.year == b.year:
            facts.append(("Ngày", f"{WEEKDAYS[a.weekday()]} {a.day}/{a.month} – {WEEKDAYS[b.weekday()]} {b.day}/{b.month}/{b.year}"))
        else:
            facts.append(("Ngày", f"từ {_day(start)} đến {_day(end)}"))
    elif data.get("ngay") or start:
        facts.append(("Ngày", _day(data.get("ngay") or start)))
    elif data.get("han"):
        facts.append(("Hạn", _day(data["han"])))
    else:
        dates = DATE.findall(vi_text)
        if dates:
            facts.append(("Ngày", ", ".join(dict.fromkeys(dates))))
    if data.get("gio"):
        facts.append(("Giờ", _time(data["gio"])))
    place = data.get("dia_diem") or data.get("noi")
    if place:
        facts.append(("Địa điểm", str(place)))
    phone = next((str(v) for k, v in data.items() if "dien_thoai" in k or k == "phone"), None)
    if phone is None:
        found = PHONE.findall(vi_text)
        phone = found[0] if found else None
    if phone:
        facts.append(("Điện thoại", phone))
    return [(label, visible_controls(value)) for label, value in facts]


def village_items(the_plan, resolved, village_id: str) -> list:
    """The items the village hears this week (in any slot, in any of its languages), in airing order."""
    ids: set[str] = set()
    for ro in the_plan.running_orders:
        if ro.village_id != village_id:
            continue
        ids.update(c.item_id for b in ro.blocks for c in b.clips)
        ids.update(item_id for item_id, _lang in ro.missing)
    return order_items([ri for ri in resolved.items if ri.item.id in ids])


def village_texts(ri, village) -> list[ShareText]:
    """Vietnamese first, then each of the village's languages that has a text (every script of it)."""
    out: list[ShareText] = []
    if "vi" in ri.texts:
        rt = ri.texts["vi"]
        out.append(ShareText("vi", language_name("vi"), rt.text, rt.status))
    for lang in village.languages:
        if langs.base_of(lang) == "vi":
            continue
        for tag, rt in ri.texts.items():
            if tag != "vi" and langs.matches(tag, lang) and tag not in {t.tag for t in out}:
                out.append(ShareText(tag, language_name(tag), rt.text, rt.status))
    return out


def is_draft(ri, texts: list[ShareText]) -> bool:
    return ri.item.status != "approved" or any(t.status != "approved" for t in texts)


def zalo_text(ri, texts: list[ShareText], commune, week: str) -> str:
    """The message to paste into the village's Zalo group."""
    item = ri.item
    lines: list[str] = []
    if is_draft(ri, texts):
        lines += [DRAFT_LINE, ""]
    head = "📢 " + ("KHẨN CẤP: " if item.priority == "khan-cap" else "") + _clean(item.title).upper()
    lines += [head, f"{commune.commune} thông báo (tuần {week})", ""]
    facts = key_facts(item, texts[0].text if texts else "")
    for t in texts:
        if t.tag != "vi":
            lines.append(f"— {t.name}" + ("" if t.status == "approved" else f" ({STATUS_NOTE.get(t.status, t.status)})") + " —")
        elif t.status != "approved":
            lines.append(f"({STATUS_NOTE.get(t.status, t.status)})")
        lines += [_clean(t.text), ""]
    if facts:
        lines += [f"{label}: {value}" for label, value in facts] + [""]
    if item.source:
        lines.append(f"Nguồn: {_clean(item.source)}")
    officer = commune.officer
    lines.append(f"Hỏi thêm: {_clean(officer.name)}" + (f", {officer.phone}" if getattr(officer, "phone", None) else ""))
    return visible_controls("\n".join(lines).rstrip() + "\n")


def _lead(text: str, limit: int = 150) -> str:
    """The first sentence(s) of a text, cut at a word near ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + " …"


def card_data(ri, texts: list[ShareText], commune, week: str, village) -> dict:
    item = ri.item
    title = visible_controls(" ".join(item.title.split()))
    facts = key_facts(item, texts[0].text if texts else "")
    size = 40 if len(title) <= 36 else 34 if len(title) <= 60 else 28
    # What room the title and facts leave for the village's language (the card never grows a second page).
    room = 230 - 45 * len(facts[:4]) - (50 if len(title) > 36 else 0) - sum(25 for _l, v in facts if len(v) > 26)
    shown = [t for t in texts if t.tag != "vi"][:2]
    others = [{"name": t.name, "status": "" if t.status == "approved" else CARD_STATUS.get(t.status, t.status),
               "text": visible_controls(_lead(t.text, max(60, room // max(1, len(shown))))), "tavt": t.tag.endswith("Tavt")}
              for t in shown]
    return {
        "commune": visible_controls(commune.commune), "village": visible_controls(village.name), "week": week,
        "priority": PRIORITY_LABEL.get(item.priority, item.priority).upper(),
        "band": {"khan-cap": "#a11818", "uu-tien": "#0b5cad"}.get(item.priority, "#24513a"),
        "title": title, "title_size": size, "facts": [{"label": a, "value": b} for a, b in facts][:4],
        # Without facts to show, the Vietnamese text's opening says what the item is about.
        "lead": visible_controls(_lead(texts[0].text, max(80, room - 30))) if not facts and texts and texts[0].tag == "vi" else "",
        "others": others, "draft": is_draft(ri, texts),
        "contact": visible_controls(f"{commune.officer.name}" + (f" · {commune.officer.phone}" if getattr(commune.officer, "phone", None) else "")),
    }


def card_png(data: dict) -> bytes:
    from .pdf import compile_image

    source = (Path(__file__).parent / "card.typ").read_text(encoding="utf-8")
    return compile_image(source, data, ppi=CARD_PX / CARD_INCHES, template_name="render/card.typ")


def _cached(ws, key_parts, suffix: str, make) -> bytes:
    """Bytes from .cache/share/ when every input is unchanged (rebuilding a week stays about a second), else made."""
    import json
    import os
    import tempfile

    from .. import __version__

    key = hashlib.sha256(json.dumps([__version__, key_parts], ensure_ascii=False, sort_keys=True, default=str)
                         .encode("utf-8")).hexdigest()
    path = ws.root / ".cache" / "share" / f"{key}{suffix}"
    if path.is_file():
        return path.read_bytes()
    data = make()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
    return data


def readme_text(village, rows: list[dict], commune, week: str, week_range: str, draft: bool) -> str:
    officer = commune.officer
    lines = [f"GỬI TRƯỞNG {village.name.upper()}", "",
             f"Tin của {commune.commune} tuần {week} ({week_range}), để đăng lên nhóm Zalo của bản.", ""]
    if draft:
        lines += ["⚠ ĐÂY LÀ BẢN NHÁP: có tin hoặc bản dịch chưa được duyệt (ghi 'BẢN NHÁP' trên tin và trên ảnh).",
                  "  Chỉ đăng những tin đó khi cán bộ xã báo đã duyệt.", ""]
    lines += ["Mỗi tin có:",
              "  NN-ma-tin.txt        lời tin: mở ra, chọn hết, sao chép rồi dán vào nhóm Zalo",
              "  NN-ma-tin.png        ảnh của tin (ngày, giờ, địa điểm, số điện thoại): gửi kèm vào nhóm",
              "  NN-ma-tin.<tiếng>.m4a  tin đọc thành lời, nghe được trong Zalo và trên mọi điện thoại",
              "                       (vi = tiếng Việt, hmn = H'Mông, blt = Thái Đen, kjg = Khơ Mú)",
              "", "Cách đăng lên Zalo: 1. dán lời tin; 2. gửi ảnh; 3. gửi tệp âm thanh (nút đính kèm tệp).", "",
              "Các tin tuần này:"]
    for row in rows:
        lines.append(f"  {row['n']:02d}. {visible_controls(row['title'])} [{row['priority']}]" + (" — BẢN NHÁP" if row["draft"] else ""))
        lines.append(f"      lời: {', '.join(row['texts'])}; âm thanh: {', '.join(row['audio']) or 'chưa có'}")
    lines += ["", f"Có gì chưa rõ, xin gọi {visible_controls(officer.name)}"
              + (f", {officer.phone}" if getattr(officer, "phone", None) else "") + "."]
    return visible_controls("\n".join(lines) + "\n")


def _m4a(ws, mp3: Path, tags: dict[str, str]) -> bytes:
    """The clip as AAC in M4A (cached by the MP3's content and the settings)."""
    import tempfile

    from ..audio.ffmpeg import encode_m4a

    def make() -> bytes:
        with tempfile.TemporaryDirectory(prefix=".share-", dir=mp3.parent) as tmp:
            out = Path(tmp) / "clip.m4a"
            encode_m4a(mp3, out, bitrate_kbps=AAC_KBPS, tags=tags)
            return out.read_bytes()

    return _cached(ws, ["m4a-fast", hashlib.sha256(mp3.read_bytes()).hexdigest(), AAC_KBPS, tags], ".m4a", make)


def _encode_all(ws, resolved, clips: dict[str, dict], folder: Path, week: str) -> dict[str, bytes]:
    """Every item clip as M4A, keyed by clip id: each encoded once (in parallel) however many villages get it."""
    import os
    from concurrent.futures import ThreadPoolExecutor

    titles = {ri.item.id: ri.item.title for ri in resolved.items}
    jobs = {}
    for clip_id, entry in clips.items():
        item_id, _dot, tag = clip_id.partition(".")
        if item_id in titles:
            jobs[clip_id] = (folder / entry["path"], {"title": f"{titles[item_id]} ({language_name(tag)})",
                                                      "artist": ws.commune.commune, "album": week})
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        futures = {clip_id: pool.submit(_m4a, ws, path, tags) for clip_id, (path, tags) in jobs.items()}
        return {clip_id: future.result() for clip_id, future in futures.items()}


def share_pack(ws, resolved, the_plan, outputs: list[dict], folder: Path, *, week_range: str) -> Iterator[tuple[str, bytes, dict]]:
    """(relative path, bytes, manifest fields) of every file of the share pack."""
    commune = ws.commune
    week = resolved.week
    clips = {e["clip_id"]: e for e in outputs if e.get("kind") == "clip" and e.get("clip_id")}
    audio = _encode_all(ws, resolved, clips, folder, week)
    for village in commune.villages:
        items = village_items(the_plan, resolved, village.id)
        if not items:
            continue
        base = f"share/{village.id}"
        rows = []
        for n, ri in enumerate(items, 1):
            texts = village_texts(ri, village)
            if not texts:
                continue
            stem = f"{base}/{n:02d}-{ri.item.id}"
            draft = is_draft(ri, texts)
            meta = {"village": village.id, "item": ri.item.id}
            yield f"{stem}.txt", zalo_text(ri, texts, commune, week).encode("utf-8"), {"kind": "share-text", **meta,
                                                                                   "languages": [t.tag for t in texts]}
            card = card_data(ri, texts, commune, week, village)
            yield f"{stem}.png", _cached(ws, ["card", card, (Path(__file__).parent / "card.typ").read_text(encoding="utf-8")],
                                         ".png", lambda: card_png(card)), {"kind": "share-card", **meta}
            heard = []
            for t in texts:
                data = audio.get(f"{ri.item.id}.{t.tag}")
                if data is None:
                    continue
                yield f"{stem}.{t.tag}.m4a", data, {"kind": "share-audio", **meta, "language": t.tag}
                heard.append(t.name)
            rows.append({"n": n, "title": ri.item.title, "priority": PRIORITY_LABEL.get(ri.item.priority, ""),
                         "draft": draft, "texts": [t.name for t in texts], "audio": heard})
        if rows:
            yield f"{base}/README.txt", readme_text(village, rows, commune, week, week_range,
                                                    any(r["draft"] for r in rows)).encode("utf-8"), \
                {"kind": "share-readme", "village": village.id}
