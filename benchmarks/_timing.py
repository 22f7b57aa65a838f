"""Timing helpers: run commands alternately, report medians and ratios from the same run."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Byte-code caching on, as on a user's machine (some shells here set PYTHONDONTWRITEBYTECODE,
# which makes every start recompile every module and hides the real import cost).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update({"APPEAL_TODAY": "2026-11-24", "COLUMNS": "100", "NO_COLOR": "1"})


def timed(command: Sequence[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV, cwd=cwd
    )
    return time.perf_counter() - start


def compare(
    name: str,
    ours: Sequence[str],
    floor: Sequence[str],
    *,
    runs: int = 11,
    target: float = 1.1,
    setup: object = None,
    cwd: Path | None = None,
) -> float:
    """Median wall time of `ours` and of `floor`, run alternately; print and return the ratio."""
    timed(ours, cwd)  # warm caches and .pyc files once for both
    timed(floor, cwd)
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(timed(ours, cwd))
        b.append(timed(floor, cwd))
    ours_s, floor_s = statistics.median(a), statistics.median(b)
    ratio = ours_s / floor_s
    verdict = "ok" if ratio <= target else "OVER TARGET"
    print(
        f"{name:<44} ours {ours_s * 1000:8.1f} ms   floor {floor_s * 1000:8.1f} ms   "
        f"ratio {ratio:5.2f}x (target {target:g}x) {verdict}"
    )
    return ratio


PYTHON = sys.executable
