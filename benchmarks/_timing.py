"""Timing helpers: run commands alternately, report medians and ratios from the same run.

Each command is measured in wall time and in CPU time (user + system, from the operating
system's account of the finished child). On a shared machine other work stretches the wall
clock of both commands unevenly, not their CPU time, so verdicts use the CPU ratio; both are
printed. `instructions()` counts CPU instructions under valgrind, which does not depend on load
at all (Linux with valgrind installed; slow: ~15 s per start-up)."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Byte-code caching on, as on a user's machine (some shells here set PYTHONDONTWRITEBYTECODE,
# which makes every start recompile every module and hides the real import cost).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV.update({"APPEAL_TODAY": "2026-11-24", "COLUMNS": "100", "NO_COLOR": "1"})


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # seconds, user + system (the wall time where the system cannot say)
    memory_kib: int  # peak resident memory (0 where the system cannot say)


class Result(NamedTuple):
    """One comparison: medians of ours and the floor, their ratios, the target."""

    name: str
    ours: Run
    floor: Run
    wall_ratio: float
    cpu_ratio: float
    target: float

    @property
    def ok(self) -> bool:
        return self.cpu_ratio <= self.target


def run_once(command: Sequence[str], cwd: Path | None = None) -> Run:
    """Run `command` once (exit code 0 or 1 expected); its wall time, CPU time, memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), env=ENV, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    if hasattr(os, "wait4"):
        _, status, usage = os.wait4(process.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        run = Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
    else:  # Windows: no per-child accounting here
        code = process.wait()
        wall = time.perf_counter() - start
        run = Run(wall, wall, 0)
    error = process.stderr.read() if process.stderr else b""
    if process.stderr:
        process.stderr.close()
    if code not in (0, 1):
        text = error.decode(errors="replace")[-500:]
        raise SystemExit(f"{' '.join(command[:4])} ... failed with exit code {code}\n{text}")
    return run


def median_run(runs: list[Run]) -> Run:
    """The median wall and CPU time of `runs`, and their peak memory."""
    return Run(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.memory_kib for r in runs),
    )


def compare(
    name: str,
    ours: Sequence[str],
    floor: Sequence[str],
    *,
    runs: int = 11,
    target: float = 1.1,
    cwd: Path | None = None,
) -> Result:
    """Run `ours` and `floor` alternately `runs` times after one warm-up pair; print and return
    the medians and ratios."""
    run_once(ours, cwd)  # warm caches and .pyc files once for both
    run_once(floor, cwd)
    a: list[Run] = []
    b: list[Run] = []
    for _ in range(runs):
        a.append(run_once(ours, cwd))
        b.append(run_once(floor, cwd))
    o, f = median_run(a), median_run(b)
    result = Result(name, o, f, o.wall / f.wall, o.cpu / f.cpu, target)
    print(line(result), flush=True)
    return result


def line(result: Result) -> str:
    """One result as a line of text."""
    verdict = "ok" if result.ok else "OVER TARGET"
    return (
        f"{result.name:<46} cpu {result.ours.cpu * 1000:8.1f} / {result.floor.cpu * 1000:8.1f} ms"
        f" = {result.cpu_ratio:5.2f}x  (wall {result.wall_ratio:5.2f}x)  target "
        f"{result.target:g}x {verdict}"
    )


def instructions(command: Sequence[str], cwd: Path | None = None) -> int | None:
    """CPU instructions `command` executes, counted by valgrind's callgrind (None without
    valgrind). Deterministic: the same on a busy machine as on an idle one."""
    if shutil.which("valgrind") is None:
        return None
    env = {**ENV, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + os.devnull, *command],
        env=env,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None
