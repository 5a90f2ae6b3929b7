"""Benchmark: a generated 1,000-row CSV → one bilingual PDF through the CLI (start, validation, writing included).

Goal (issue 5): at least 200 pages per second end-to-end on 2 cores, peak memory under 500 MB.
Run: `make bench` or `.venv/bin/python bench/forms.py [ROWS]`.
"""

from __future__ import annotations

import csv
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
GOAL_PAGES_PER_S = 200
GOAL_RSS_MB = 500

FAMILY = ["Lò", "Quàng", "Cà", "Lường", "Giàng", "Sùng", "Vàng", "Thào", "Lù", "Cầm"]
MIDDLE = ["Văn", "Thị", "A", "Đức", "Thị Ngọc"]
GIVEN = ["Pánh", "Xuân", "Dế", "Máy", "Sình", "Dua", "Tâm", "Ín", "Hoa", "Huy", "Ánh", "Chứ"]
VILLAGES = ["Bản Mường Nhé", "Bản Nậm Pố", "Bản Huổi Lếch", "Bản Sín Thầu", "Bản Huổi Khon"]
ETHNIC = ["Thái", "Mông", "Khơ Mú"]


def fictitious_id(year: int, female: bool, rng: random.Random) -> str:
    """A made-up number that passes the checks: Điện Biên (011), century/sex digit, year digits."""
    digit = (0 if year < 2000 else 2) + (1 if female else 0)
    return f"011{digit}{year % 100:02d}{rng.randrange(10**6):06d}"


def write_csv(path: Path, rows: int) -> None:
    rng = random.Random(2026)
    header = ["nyc_ho_ten", "nyc_noi_cu_tru", "nyc_giay_to", "nyc_so_dinh_danh", "quan_he", "ho_ten", "ngay_sinh",
              "gioi_tinh", "dan_toc", "quoc_tich", "noi_sinh", "que_quan", "me_ho_ten", "me_nam_sinh", "me_dan_toc",
              "me_quoc_tich", "me_noi_cu_tru", "cha_ho_ten", "cha_nam_sinh", "cha_dan_toc", "cha_quoc_tich",
              "cha_noi_cu_tru"]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for _ in range(rows):
            family = rng.choice(FAMILY)
            village = f"{rng.choice(VILLAGES)}, xã Mường Nhé, tỉnh Điện Biên"
            ethnic = rng.choice(ETHNIC)
            father_year, mother_year = rng.randint(1985, 2000), rng.randint(1988, 2003)
            father = f"{family} {rng.choice(['Văn', 'A'])} {rng.choice(GIVEN)}"
            mother = f"{rng.choice(FAMILY)} Thị {rng.choice(GIVEN)}"
            writer.writerow([
                father, village, "Căn cước công dân", fictitious_id(father_year, False, rng), "Cha",
                f"{family} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.choice([2024, 2025])}",
                rng.choice(["nam", "nu"]), ethnic, "Việt Nam", f"Trạm y tế xã Mường Nhé, tỉnh Điện Biên",
                "Xã Mường Nhé, tỉnh Điện Biên", mother, mother_year, ethnic, "Việt Nam", village,
                father, father_year, ethnic, "Việt Nam", village,
            ])


def commcli_command() -> list[str]:
    script = REPO / ".venv" / "bin" / "commcli"
    return [str(script)] if script.exists() else [sys.executable, "-m", "commcli"]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="commcli-bench-") as tmp:
        tmp_path = Path(tmp)
        data = tmp_path / "khai-sinh-1000.csv"
        write_csv(data, ROWS)
        out = tmp_path / "out" / "khai-sinh.pdf"
        command = commcli_command() + ["--workspace", str(REPO), "--quiet", "form", "render", "khai-sinh",
                                       "--lang", "blt-Tavt", "--data", str(data), "-o", str(out)]
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            print(done.stdout, done.stderr, sep="\n")
            print(f"FAILED: exit {done.returncode}")
            return 1
        pdf = out.read_bytes()
        pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # Linux: KiB
        rate = pages / elapsed
        print(f"forms: {ROWS} rows → {pages} pages, {len(pdf) / 1e6:.1f} MB PDF in {elapsed:.2f} s "
              f"= {rate:.0f} pages/s; peak RSS {rss_mb:.0f} MB")
        ok = rate >= GOAL_PAGES_PER_S and rss_mb < GOAL_RSS_MB
        print(f"goal ≥ {GOAL_PAGES_PER_S} pages/s and < {GOAL_RSS_MB} MB: {'met' if ok else 'NOT MET'}")
        shutil.rmtree(tmp_path / "out", ignore_errors=True)
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
