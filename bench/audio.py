"""Audio benchmark: the sample week's programmes and a generated ~30-minute Vietnamese programme, offline espeak.

For each: the cold build (empty cache) as × real time of programme audio, the unchanged rebuild, a one-item
edit as % of the cold build, the peak RSS of all processes, and the same-run anchor: raw espeak-ng synthesis
of the same Vietnamese texts (nothing else), with the build's time as a multiple of it.
Goals (issue 17): sample week cold ≥ 200× real time, one-item edit ≤ 20 % of cold.
A missed goal is reported, not failed (the machine may be shared); exit 1 only when something breaks.
Run: `make bench` or `.venv/bin/python bench/audio.py`.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import _tree_rss, verdict  # noqa: E402

GOAL_REALTIME = 200
GOAL_EDIT = 0.20
WORKSPACE_PARTS = ("commune.yaml", "glossary", "templates", "bulletins", "recordings", "data")

SENTENCES = [
    "Ủy ban nhân dân xã Mường Nhé thông báo lịch tiêm chủng mở rộng cho trẻ em dưới 5 tuổi tại trạm y tế xã.",
    "Đề nghị các hộ gia đình đưa trẻ đến đúng giờ và mang theo sổ tiêm chủng.",
    "Người dân cần kiểm tra thẻ bảo hiểm y tế còn hạn sử dụng trước khi đi khám bệnh.",
    "Bà con không đốt nương làm rẫy trong những ngày nắng nóng, gió mạnh để phòng chống cháy rừng.",
    "Khi phát hiện cháy rừng, hãy báo ngay cho trưởng bản hoặc lực lượng kiểm lâm.",
    "Trường tiểu học tổ chức họp phụ huynh vào sáng thứ bảy tuần này tại điểm trường chính.",
    "Các hộ dân có nhu cầu làm căn cước công dân xin liên hệ công an xã trong giờ hành chính.",
    "Mùa mưa lũ sắp đến, bà con không nên qua suối khi nước dâng cao.",
]
EDIT = " Thông tin này vừa được cập nhật."


class PeakSampler:
    """Largest RSS of this process and its children together, sampled every 20 ms."""

    def __init__(self) -> None:
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.proc))
            self._stop.wait(0.02)

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def generated_programme(items: int, sentences_per_item: int, edit: int | None = None):
    from commcli.programme import Clip, Programme

    clips = []
    for i in range(items):
        text = f"Tin số {i + 1}. " + " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(sentences_per_item))
        if edit == i:
            text += EDIT
        clips.append(Clip(f"tin-{i + 1:03d}", f"Tin số {i + 1}", "vi", text, "thuong", status="reviewed"))
    return [Programme("2026-W48", "sang", "Buổi sáng", 30, "vi", tuple(clips), ("ban-muong-nhe",))]


def sample_week(ws):
    from commcli.bulletins.load import open_bulletin
    from commcli.bulletins.plan import plan

    resolved, _warnings = open_bulletin(ws, ws.root / "bulletins" / "2026-W48.yaml")
    return plan(resolved, ws.commune).programmes


def edited(programmes):
    """The same programmes with one Vietnamese item's text changed wherever it airs."""
    target = next(c.item_id for p in programmes for c in p.clips if c.language == "vi")
    out = []
    for p in programmes:
        clips = tuple(dataclasses.replace(c, text=c.text + EDIT) if c.item_id == target and c.language == "vi" else c
                      for c in p.clips)
        out.append(dataclasses.replace(p, clips=clips))
    return out


def espeak_anchor(programmes) -> float:
    """Seconds to synthesize each distinct Vietnamese text once with espeak-ng, in this process, nothing else."""
    from commcli.audio.engines.espeak import EspeakEngine
    from commcli.audio.registry import get_engine  # noqa: F401  (same import cost as a build)

    engine = EspeakEngine()
    engine.available()  # initialise the library outside the timing
    texts = sorted({c.text for p in programmes for c in p.clips if c.language == "vi"})
    start = time.perf_counter()
    for text in texts:
        engine.synthesize(text, "vi", None, {})
    return time.perf_counter() - start


def bench(name: str, make, root: Path, goal: bool = True) -> tuple[list[str], bool]:
    from commcli.audio import build_audio
    from commcli.workspace import open_workspace

    ws = open_workspace(root)
    programmes = make(ws)
    anchor = espeak_anchor(programmes)
    with PeakSampler() as peak:
        t0 = time.perf_counter()
        cold = build_audio(ws, programmes, root / "out1", quiet=True)
        cold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = build_audio(open_workspace(root), programmes, root / "out2", quiet=True)
        warm_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        edit = build_audio(open_workspace(root), edited(programmes), root / "out3", quiet=True)
        edit_s = time.perf_counter() - t0
    progs = [e for e in cold.manifest if e["kind"] == "programme"]
    seconds = sum(e["duration"] for e in progs)
    lufs = ", ".join(f"{e['integrated_lufs']:.1f}" for e in progs[:4]) + ("…" if len(progs) > 4 else "")
    realtime = seconds / cold_s
    lines = [
        f"{name}: {len(progs)} programme(s), {seconds / 60:.1f} min of audio, {cold.synthesized} clips synthesized; "
        f"programmes measure {lufs} LUFS",
        f"  raw espeak-ng anchor: {anchor:6.2f} s (the same Vietnamese texts, synthesis only)",
        f"  cold build:        {cold_s:6.2f} s = {realtime:5.0f}× real time = {cold_s / anchor:4.2f}× the anchor "
        + (f"(≥ {GOAL_REALTIME}×: {verdict(realtime >= GOAL_REALTIME)})" if goal else
           "(no goal; includes the one-time check of the codec on the whole programme)"),
        f"  unchanged rebuild: {warm_s:6.2f} s [{again.synthesized} synthesized]",
        f"  one-item edit:     {edit_s:6.2f} s = {100 * edit_s / cold_s:4.0f} % of cold "
        f"(≤ {GOAL_EDIT:.0%}: {verdict(edit_s <= GOAL_EDIT * cold_s)}) [{edit.synthesized} synthesized]",
        f"  peak RSS (all processes): {peak.peak / 1e6:6.0f} MB",
    ]
    ok = cold.synthesized > 0 and seconds > 0
    return lines, ok


def main() -> int:
    print(f"audio: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    all_ok = True
    cases = [("sample week 2026-W48", sample_week, True),
             ("generated 60-item programme", lambda ws: generated_programme(60, 5), False)]
    for name, make, copy_workspace in cases:
        tmp = Path(tempfile.mkdtemp(prefix="commcli-bench-"))
        try:
            for part in WORKSPACE_PARTS if copy_workspace else ("commune.yaml",):
                src = REPO / part
                if src.is_dir():
                    shutil.copytree(src, tmp / part)
                elif src.exists():
                    shutil.copy2(src, tmp / part)
            lines, ok = bench(name, make, tmp, goal=copy_workspace)
            print("\n".join(lines), flush=True)
            all_ok = all_ok and ok
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    if not all_ok:
        print("FAILED: nothing was built")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
