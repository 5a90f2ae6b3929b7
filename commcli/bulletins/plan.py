"""Running orders and programmes (pure): which item airs where, when, in which language and order.

In every slot: emergency items first, then priority, then ordinary, each group in file order; an item
with ``repeat: 2`` is read again after the first round ("xin nhắc lại"), so the emergency opens and
closes the programme. A village hears one programme per language it speaks, in its language order.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ContentError, InputError, Problem
from ..programme import PRIORITIES, Clip, Programme
from .duration import estimate_seconds, overruns, speech_rate, total_seconds
from .load import ResolvedBulletin, ResolvedItem, text_for


@dataclass(frozen=True)
class Block:
    """One language's part of a village's slot: the programme it plays."""

    language: str
    programme_id: str
    clips: tuple[Clip, ...]
    measured_seconds: float | None = None  # the programme file's length, once audio is built
    airs: bool = True  # False when audio was built and this programme has none: it is not played

    @property
    def seconds(self) -> float:
        if self.measured_seconds is not None:
            return self.measured_seconds
        return total_seconds([c.estimated_seconds for c in self.clips])


@dataclass(frozen=True)
class RunningOrder:
    """What one village hears in one slot."""

    village_id: str
    village_name: str
    slot_id: str
    slot_name: str
    slot_start: str
    slot_days: tuple[str, ...]
    slot_minutes: int
    blocks: tuple[Block, ...]
    missing: tuple[tuple[str, str], ...] = ()  # (item id, language) with no text in that language

    @property
    def seconds(self) -> float:
        """What the village hears: measured programme lengths once audio is built, else estimates."""
        return total_seconds([b.seconds for b in self.blocks if b.airs])

    @property
    def measured(self) -> bool:
        airing = [b for b in self.blocks if b.airs]
        return bool(airing) and all(b.measured_seconds is not None for b in airing)

    @property
    def overrun(self) -> bool:
        return overruns(self.seconds, self.slot_minutes)


@dataclass
class Plan:
    week: str
    programmes: list[Programme] = field(default_factory=list)
    running_orders: list[RunningOrder] = field(default_factory=list)
    audio_built: bool = False  # set by with_audio: durations are measured, programmes without audio do not air


def with_audio(p: Plan, entries: list[dict]) -> Plan:
    """The plan once audio is built: each programme, block and item with its measured length (from the audio
    manifest entries), and the programmes that got no audio marked as not airing."""
    files = {e["programme"]: e for e in entries if e.get("kind") == "programme" and e.get("programme")}
    clip_seconds = {e["clip_id"]: e["duration"] for e in entries if e.get("kind") == "clip" and e.get("clip_id")}

    def measured(clips: tuple[Clip, ...]) -> tuple[Clip, ...]:
        return tuple(replace(c, measured_seconds=clip_seconds.get(c.clip_id)) for c in clips)

    programmes = [replace(pr, clips=measured(pr.clips),
                          measured_seconds=files[pr.programme_id]["duration"] if pr.programme_id in files else None,
                          audio=files[pr.programme_id]["path"] if pr.programme_id in files else None)
                  for pr in p.programmes]
    orders = [replace(ro, blocks=tuple(
        replace(b, clips=measured(b.clips), airs=b.programme_id in files,
                measured_seconds=files[b.programme_id]["duration"] if b.programme_id in files else None)
        for b in ro.blocks)) for ro in p.running_orders]
    return Plan(week=p.week, programmes=programmes, running_orders=orders, audio_built=True)


def group_name(village_ids: list[str], number: int) -> str:
    """A programme's name for the villages that hear it: all of them ('ban-a+ban-b'), or, when that would
    make a file name too long, its group number and size ('nhom-2-5-ban'); never just the first village."""
    joined = "+".join(village_ids)
    if len(joined) <= 48:
        return joined
    return f"nhom-{number}-{len(village_ids)}-ban"


def _airs(ri: ResolvedItem, village_id: str, slot_id: str) -> bool:
    item = ri.item
    if ri.expired:
        return False
    if item.villages is not None and village_id not in item.villages:
        return False
    if item.slots is not None and slot_id not in item.slots:
        return False
    return True


def order_items(items: list[ResolvedItem]) -> list[ResolvedItem]:
    """Emergency, then priority, then ordinary; file order within each (a stable sort)."""
    return sorted(items, key=lambda ri: PRIORITIES.index(ri.item.priority))


def clips_for(items: list[ResolvedItem], lang: str, rates: dict[str, int] | None) -> tuple[list[Clip], list[str]]:
    """The clips of one language's programme (repeats expanded) and the ids of items lacking that language."""
    first: list[Clip] = []
    missing: list[str] = []
    repeats: dict[int, list[Clip]] = {}
    for ri in order_items(items):
        rt = text_for(ri.texts, lang)
        if rt is None:
            missing.append(ri.item.id)
            continue
        seconds = estimate_seconds(rt.text, speech_rate(rates, rt.lang))
        base = Clip(item_id=ri.item.id, title=ri.item.title, language=rt.lang, text=rt.text, priority=ri.item.priority,
                    status=rt.status, repeat_index=0, estimated_seconds=seconds,
                    source_file=getattr(rt, "file", None), source_line=getattr(rt, "line", None),
                    template=getattr(rt, "template", None) if ri.item.template else None,
                    template_data=tuple((ri.item.data or {}).items()) if ri.item.template else ())
        first.append(base)
        for r in range(1, ri.item.repeat):
            repeats.setdefault(r, []).append(replace(base, repeat_index=r))
    out = list(first)
    for r in sorted(repeats):
        out.extend(repeats[r])
    return out, missing


def plan(resolved: ResolvedBulletin, commune, rates: dict[str, int] | None = None) -> Plan:
    """Running orders per village per slot and one programme per (slot, language, group of villages).

    ``rates`` (words per minute by language) default to commune.yaml's ``speech_rate_wpm``."""
    week = resolved.week
    rates = commune.speech_rate_wpm if rates is None else rates
    result = Plan(week=week)
    for slot in commune.slots:
        groups: dict[tuple[str, tuple[Clip, ...]], list[str]] = {}
        lang_order: list[str] = []
        per_village: list[tuple] = []
        for village in commune.villages:
            airing = [ri for ri in resolved.items if _airs(ri, village.id, slot.id)]
            blocks = []
            missing: list[tuple[str, str]] = []
            for lang in dict.fromkeys(village.languages):
                clips, lacking = clips_for(airing, lang, rates)
                missing.extend((item_id, lang) for item_id in lacking)
                if not clips:
                    continue
                key = (lang, tuple(clips))
                groups.setdefault(key, []).append(village.id)
                if lang not in lang_order:
                    lang_order.append(lang)
                blocks.append(key)
            per_village.append((village, blocks, missing))
        # Name the programmes: one per (slot, language) unless targeting splits the villages.
        ids: dict[tuple[str, tuple[Clip, ...]], str] = {}
        for lang in lang_order:
            keys = [k for k in groups if k[0] == lang]
            for number, key in enumerate(keys, 1):
                variant = group_name(groups[key], number) if len(keys) > 1 else ""
                programme = Programme(week=week, slot_id=slot.id, slot_name=slot.name, slot_minutes=slot.minutes,
                                      language=lang, clips=key[1], villages=tuple(groups[key]), variant=variant)
                ids[key] = programme.programme_id
                result.programmes.append(programme)
        for village, blocks, missing in per_village:
            result.running_orders.append(RunningOrder(
                village_id=village.id, village_name=village.name, slot_id=slot.id, slot_name=slot.name,
                slot_start=slot.start, slot_days=tuple(slot.days), slot_minutes=slot.minutes,
                blocks=tuple(Block(language=k[0], programme_id=ids[k], clips=k[1]) for k in blocks),
                missing=tuple(missing),
            ))
    return result


def programmes(ws, bulletin) -> list[Programme]:
    """THE entry point for audio: the week's programmes, one per (slot, language) with the villages playing it.

    ``bulletin`` is a path to bulletins/<week>.yaml or an already resolved bulletin. Raises InputError
    (exit 2) when the bulletin or its templates have errors.
    """
    if isinstance(bulletin, ResolvedBulletin):
        resolved = bulletin
    else:
        from .load import open_bulletin

        resolved, _warnings = open_bulletin(ws, Path(bulletin))
    return plan(resolved, ws.commune).programmes


def load_programmes(ws, bulletin_path: Path) -> list[Programme]:
    """Programmes for a bulletin file; InputError on invalid input, ContentError when nothing airs."""
    from ..i18n import _

    result = programmes(ws, Path(bulletin_path))
    if not result:
        raise ContentError(Problem(_("Nothing airs this week: the bulletin has no item for any village and slot."),
                                   file=Path(bulletin_path), code="bulletin.empty"))
    return result


__all__ = ["Block", "Plan", "RunningOrder", "plan", "programmes", "load_programmes", "with_audio", "group_name",
           "InputError"]
