"""Shared by the benchmarks: run a command and sample the peak memory of its whole process tree.

Peak RSS is the largest sum, over one sample, of the resident memory of the process and all its
children (psutil, every 20 ms): what the machine must really have, workers included. Pages shared
after a fork count once per process, so the figure errs on the high side.
"""

from __future__ import annotations

import statistics
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass
class Run:
    seconds: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str


def _tree_rss(proc) -> int:
    import psutil

    total = 0
    try:
        family = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    for p in family:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_measured(command: list[str], *, interval: float = 0.02, env: dict | None = None) -> Run:
    """Run ``command``; wall time and peak RSS of its process tree (MB)."""
    import psutil

    start = time.perf_counter()
    popen = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        proc = psutil.Process(popen.pid)
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc))
            stop.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = popen.communicate()
    elapsed = time.perf_counter() - start
    stop.set()
    sampler.join()
    return Run(elapsed, peak / 1e6, popen.returncode, out, err)


def median_run(command: list[str], repeat: int, **kwargs) -> Run:
    """The run of median time out of ``repeat`` (each must succeed); its peak is the largest seen."""
    runs = []
    for _ in range(repeat):
        run = run_measured(command, **kwargs)
        runs.append(run)
        if run.returncode != 0:
            return run
    runs.sort(key=lambda r: r.seconds)
    middle = runs[len(runs) // 2]
    middle.peak_mb = max(r.peak_mb for r in runs)
    middle.seconds = statistics.median(r.seconds for r in runs)
    return middle


def verdict(ok: bool) -> str:
    return "met" if ok else "not met"
