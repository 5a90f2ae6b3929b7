"""Benchmark: generated CSVs → bilingual PDFs through the CLI, beside the same pages typeset by a bare typst.compile.

Reports, for 1,000 rows (and 20,000 with BENCH_FULL=1):
- the raw anchor: one `typst.compile` of the same pages laid out in full, nothing else (what Typst alone costs on
  this machine now; at most the first 2,000 copies, which is what one compile can hold in memory);
- `form render -o` (one PDF) and `form render --split` (one PDF per person): pages/s, the ratio to the anchor's
  pages/s, and the peak RSS of all processes (workers included).
Also 1,000 BHYT households (two pages a copy, three appendix sizes: three stencils), reported without a goal.
Goals (issue 17): `-o` ≥ 350 pages/s at 1,000 and 20,000 rows, peak ≤ 800 MB at 20,000; `--split` ≥ 150 pages/s.
A missed goal is reported, not failed: the machine may be shared. Exit 1 only when a command breaks.

Run: `make bench`, `BENCH_FULL=1 make bench`, or `.venv/bin/python bench/forms.py [ROWS…]`.
"""

from __future__ import annotations

import csv
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _measure import median_run, verdict  # noqa: E402

GOAL_PAGES_PER_S = 350
GOAL_SPLIT_PAGES_PER_S = 150
GOAL_RSS_MB = 800
# One typst.compile of the official layout holds ~1.8 MB a page until it ends: 20,000 pages would need ~36 GB.
# The anchor compiles at most this many copies and is reported per page.
ANCHOR_MAX_COPIES = 2000
FORM, LANG = "khai-sinh", "blt-Tavt"

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
                rng.choice(["nam", "nu"]), ethnic, "Việt Nam", "Trạm y tế xã Mường Nhé, tỉnh Điện Biên",
                "Xã Mường Nhé, tỉnh Điện Biên", mother, mother_year, ethnic, "Việt Nam", village,
                father, father_year, ethnic, "Việt Nam", village,
            ])


def write_households_csv(path: Path, households: int) -> None:
    """The sample's three households (3, 2 and 4 people: three appendix sizes) repeated under new ids."""
    with open(REPO / "data" / "bhyt-ho-gia-dinh.csv", encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    groups: dict[str, list[list[str]]] = {}
    for row in rows:
        groups.setdefault(row[0], []).append(row)
    sample = list(groups.values())
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for n in range(households):
            for row in sample[n % len(sample)]:
                writer.writerow([f"HGD-{n + 1:05d}"] + row[1:])


def raw_anchor(data: Path, out: Path, form: str = FORM, lang: str = LANG) -> None:
    """In a child process: validate with commcli (untimed), then time one bare typst.compile of every copy."""
    sys.path.insert(0, str(REPO))
    import typst

    from commcli.forms.render import prepare, template_path, validate_stream
    from commcli.render.pdf import FONTS_DIR
    from commcli.workspace import open_workspace

    ws = open_workspace(REPO)
    batch = prepare(ws, form, lang, data=data)
    path = template_path(ws, batch.loaded)
    source = path.read_text(encoding="utf-8")
    records: list[dict] = []
    validate_stream(batch, records.append)
    del records[ANCHOR_MAX_COPIES:]
    payload = json.dumps({"form": batch.form_data, "records": records}, ensure_ascii=False)
    del records, batch
    start = time.perf_counter()
    pdf = typst.compile(source.encode(), root=str(path.parent), font_paths=[str(FONTS_DIR)], ignore_system_fonts=True,
                        format="pdf", sys_inputs={"data": payload}, pdf_tags=False)
    elapsed = time.perf_counter() - start
    out.write_bytes(pdf)
    print(json.dumps({"seconds": elapsed}))


def count_pages(paths: list[Path]) -> int:
    import pikepdf

    total = 0
    for path in paths:
        with pikepdf.open(path) as pdf:
            total += len(pdf.pages)
    return total


def commcli_command() -> list[str]:
    script = REPO / ".venv" / "bin" / "commcli"
    return [str(script)] if script.exists() else [sys.executable, "-m", "commcli"]


def bench_rows(rows: int, tmp: Path, repeat: int, split: bool, form: str = FORM, lang: str = LANG,
               label: str = "rows") -> tuple[list[str], bool]:
    """Lines of the report for one size, and whether every command ran."""
    data = tmp / f"{form}-{rows}.csv"
    if form == FORM:
        write_csv(data, rows)
    else:
        write_households_csv(data, rows)
    lines: list[str] = []

    raw_pdf = tmp / "raw.pdf"
    raw = median_run([sys.executable, __file__, "--raw", str(data), str(raw_pdf), form, lang], repeat)
    if raw.returncode != 0:
        print(raw.stdout, raw.stderr, sep="\n")
        return [f"{rows} rows: raw anchor FAILED (exit {raw.returncode})"], False
    raw_seconds = json.loads(raw.stdout.strip().splitlines()[-1])["seconds"]
    pages = count_pages([raw_pdf])
    raw_pdf.unlink()
    anchor = pages / raw_seconds
    sample = "" if rows <= ANCHOR_MAX_COPIES else f", first {ANCHOR_MAX_COPIES:,} copies: all would need ~{rows * 1.8 / 1000:.0f} GB"
    lines.append(f"{rows:>6} {label}  raw typst.compile   {anchor:6.0f} pages/s (compile only{sample})   "
                 f"peak {raw.peak_mb:6.0f} MB")

    ok = True
    base = commcli_command() + ["--workspace", str(REPO), "--quiet", "form", "render", form, "--lang", lang,
                                "--data", str(data)]
    out = tmp / "out"
    runs = [("-o", ["-o", str(out / "ks.pdf")], GOAL_PAGES_PER_S)]
    if split:
        runs.append(("--split", ["--split", str(out / "ks")], GOAL_SPLIT_PAGES_PER_S))
    what = label
    for label, args, goal in runs:
        shutil.rmtree(out, ignore_errors=True)
        run = median_run(base + args, repeat)
        if run.returncode != 0:
            print(run.stdout, run.stderr, sep="\n")
            lines.append(f"{rows:>6} {what}  form render {label:<8} FAILED (exit {run.returncode})")
            ok = False
            continue
        files = [out / "ks.pdf"] if label == "-o" else sorted((out / "ks").glob("*.pdf"))
        got = count_pages(files)
        rate = got / run.seconds
        goals = f"≥ {goal} pages/s: {verdict(rate >= goal)}"
        if label == "-o" and rows >= 20000:
            goals += f"; ≤ {GOAL_RSS_MB} MB: {verdict(run.peak_mb <= GOAL_RSS_MB)}"
        lines.append(f"{rows:>6} {what}  form render {label:<8} {rate:6.0f} pages/s = {rate / anchor:4.2f}× raw   "
                     f"peak {run.peak_mb:6.0f} MB  ({got} pages in {len(files)} file(s), {run.seconds:.1f} s; {goals})")
        expected = pages if rows <= ANCHOR_MAX_COPIES else rows  # beyond: khai-sinh, one page a copy
        if got != expected:
            lines.append(f"        page count differs from the raw anchor ({got} ≠ {expected})")
            ok = False
    shutil.rmtree(out, ignore_errors=True)
    return lines, ok


def main(argv: list[str]) -> int:
    if argv[:1] == ["--raw"]:
        raw_anchor(Path(argv[1]), Path(argv[2]), *argv[3:5])
        return 0
    full = os.environ.get("BENCH_FULL") == "1"
    sizes = [int(a) for a in argv] or ([1000, 20000] if full else [1000])
    print(f"forms: {FORM} --lang {LANG}; wall time of the whole command (start, validation, writing); "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}" + ("" if full else "; BENCH_FULL=1 adds 20,000 rows"))
    all_ok = True
    with tempfile.TemporaryDirectory(prefix="commcli-bench-") as tmp:
        for rows in sizes:
            repeat = 3 if rows <= 2000 else 1
            lines, ok = bench_rows(rows, Path(tmp), repeat, split=rows <= 2000 or full)
            print("\n".join(lines), flush=True)
            all_ok = all_ok and ok
        # Household forms: two pages a copy (the appendix lists the household), three appendix sizes.
        lines, ok = bench_rows(1000, Path(tmp), 1, split=False, form="bhyt", lang="hmn", label="households")
        print("\n".join(lines), flush=True)
        all_ok = all_ok and ok
    if not all_ok:
        print("FAILED: a command did not run")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
