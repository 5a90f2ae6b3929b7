"""Audio benchmark: a generated ~30-minute Vietnamese programme, offline espeak.

Prints the cold build time and × real time (goal ≥ 60×), the unchanged rebuild (goal ≤ 1 s), a
one-item edit rebuild (goal ≤ 20 % of the cold build) and the peak RSS (goal < 300 MB).
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

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


def make_programme(items: int, sentences_per_item: int, edit: int | None = None):
    from commcli.programme import Clip, Programme

    clips = []
    for i in range(items):
        text = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(sentences_per_item))
        text = f"Tin số {i + 1}. " + text
        if edit == i:
            text += " Thông tin này vừa được cập nhật."
        clips.append(Clip(f"tin-{i + 1:03d}", f"Tin số {i + 1}", "vi", text, "thuong", status="reviewed"))
    return [Programme("2026-W48", "sang", "Buổi sáng", 30, "vi", tuple(clips), ("ban-muong-nhe",))]


def main() -> int:
    from commcli.audio import build_audio
    from commcli.workspace import open_workspace

    tmp = Path(tempfile.mkdtemp(prefix="commcli-bench-"))
    try:
        shutil.copy2(REPO / "commune.yaml", tmp / "commune.yaml")
        ws = open_workspace(tmp)
        programmes = make_programme(items=60, sentences_per_item=5)

        t0 = time.perf_counter()
        result = build_audio(ws, programmes, tmp / "out1", quiet=True)
        cold = time.perf_counter() - t0
        seconds = next(e["duration"] for e in result.manifest if e["kind"] == "programme")

        t0 = time.perf_counter()
        again = build_audio(open_workspace(tmp), programmes, tmp / "out2", quiet=True)
        warm = time.perf_counter() - t0

        t0 = time.perf_counter()
        edited = build_audio(open_workspace(tmp), make_programme(60, 5, edit=17), tmp / "out3", quiet=True)
        edit = time.perf_counter() - t0

        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        prog = next(e for e in result.manifest if e["kind"] == "programme")
        print(f"programme: {seconds / 60:.1f} min of audio, {len(programmes[0].clips)} items, "
              f"{prog['integrated_lufs']:.1f} LUFS, {prog['true_peak_dbtp']:.1f} dBTP")
        print(f"cold build:        {cold:6.2f} s  = {seconds / cold:5.0f}× real time  (goal ≥ 60×)   "
              f"[{result.synthesized} clips synthesized]")
        print(f"unchanged rebuild: {warm:6.2f} s                       (goal ≤ 1 s)   [{again.synthesized} synthesized]")
        print(f"one-item edit:     {edit:6.2f} s  = {100 * edit / cold:4.0f} % of cold          (goal ≤ 20 %) "
              f"[{edited.synthesized} synthesized]")
        print(f"peak RSS:          {rss_mb:6.0f} MB (python), {children_mb:.0f} MB (largest ffmpeg)  (goal < 300 MB)")
        ok = seconds / cold >= 60 and warm <= 1.0 and edit <= 0.2 * cold and rss_mb < 300
        print("all goals met" if ok else "GOALS NOT MET")
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
