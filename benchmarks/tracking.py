"""`appeal tracking --fix` on shipping-confirmation files as sellers have them, against Python's
csv module reading and writing the same file (the floor), run alternately so both see the same
machine; and peak memory at a quarter of the size and at the full size.

    uv run python benchmarks/tracking.py [ROWS] [--runs N]      (default 1,000,000 rows, 5 runs)

Files (spec section 9, issue 15):
  (a) mixed carriers, all valid: USPS, UPS, FedEx, DHL, China Post and Yanwen (UPU S10),
      YunExpress, Amazon Logistics, 4PX (not checked);
  (b) the same with a zero-width space pasted into every tracking number;
  (c) the same with a check-digit typo in 30 % of the rows (carriers that have a check digit).
`measure()` returns the rows for benchmarks/run.py.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from _timing import PYTHON, run_once

from appeal.tracking.formats import FORMATS

HEADER = (
    "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
    "tracking-number\tship-method\r\n"
)
FLOOR = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \\
        open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    writer = csv.writer(dst, delimiter="\\t", lineterminator="\\r\\n")
    for row in csv.reader(src, delimiter="\\t"):
        writer.writerow(row)
"""
TARGETS = {"a": 2.0, "b": 3.0, "c": 3.0}
NAMES = {
    "a": "(a) mixed carriers, all valid",
    "b": "(b) zero-width space in every row",
    "c": "(c) 30 % check-digit typos",
}


class Row(NamedTuple):
    """One measured scenario: our median wall seconds, the floor's, their ratio, the target,
    the spread of the paired ratios, our peak memory, and the same figures in CPU time."""

    name: str
    ours: float
    floor: float
    ratio: float
    target: float
    spread: tuple[float, float]  # lowest and highest ratio of the paired runs
    memory_mib: float  # our peak resident memory
    cpu_ours: float  # the same in CPU seconds (user + system)
    cpu_floor: float
    cpu_ratio: float
    cpu_spread: tuple[float, float]


def _with_check(name: str, head: str, tail: str = "") -> str:
    """head + the check character that makes format `name` pass + tail (found by trying)."""
    fmt = next(f for f in FORMATS if f.name == name)
    for last in "0123456789":
        if fmt.valid(head + last + tail):
            return head + last + tail
    raise ValueError(f"no check digit for {head}")


def _usps(n: int, r: random.Random) -> str:
    return _with_check("USPS IMpb (20/22/26 digits)", f"9400{r.randrange(10**9):09d}{n:08d}")


def _ups(n: int, r: random.Random) -> str:
    letters = "".join(r.choice("ABCDEFGHJKLMNPRTVWXY") for _ in range(7))
    return _with_check("UPS 1Z", f"1Z{letters}{n:08d}")


def _fedex(n: int, r: random.Random) -> str:
    return _with_check("FedEx Express (12 digits)", f"{r.randrange(1, 10)}{n:010d}")


def _dhl(n: int, r: random.Random) -> str:
    return _with_check("DHL Express (10/11 digits)", f"{n % 10**9:09d}")


def _s10(prefix: str, country: str) -> Callable[[int, random.Random], str]:
    return lambda n, r: _with_check("UPU S10 postal item", f"{prefix}{n % 10**8:08d}", country)


# carrier code, number maker (row number, random), has a check digit, weight
CARRIERS: list[tuple[str, Callable[[int, random.Random], str], bool, int]] = [
    ("USPS", _usps, True, 20),
    ("UPS", _ups, True, 20),
    ("FedEx", _fedex, True, 15),
    ("DHL", _dhl, True, 5),
    ("China Post", _s10("LX", "CN"), True, 10),
    ("Yanwen", _s10("UG", "CN"), False, 10),  # S10 numbers, but Yanwen's format is not public
    ("Yun Express", lambda n, r: f"YT{r.randrange(10**7):07d}{n:09d}", False, 10),
    ("Amazon Shipping", lambda n, r: f"TBA{r.randrange(1000):03d}{n:09d}", False, 5),
    ("4PX", lambda n, r: f"4PX3{n:012d}CN", False, 5),
]


def _typo(number: str) -> str:
    """Change the check digit so that it fails."""
    last = number[-1] if number[-1].isdigit() else number[-3]
    wrong = str((int(last) + 1) % 10)
    return number[:-1] + wrong if number[-1].isdigit() else number[:-3] + wrong + number[-2:]


def make_file(path: Path, rows: int, kind: str) -> None:
    """Write a shipping-confirmation file of `rows` rows for scenario `kind` (a, b or c); every
    tracking number is distinct, so the only findings are the ones the scenario puts in."""
    rng = random.Random(7)
    weights = [c[3] for c in CARRIERS]
    with_check = [c for c in CARRIERS if c[2]]
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        batch = []
        for n in range(rows):
            typo = kind == "c" and rng.random() < 0.3
            code, make, _, _ = rng.choice(with_check) if typo else rng.choices(CARRIERS, weights)[0]
            number = make(n, rng)
            if typo:
                number = _typo(number)
            if kind == "b":
                at = rng.randrange(len(number) + 1)
                number = number[:at] + "\u200b" + number[at:]
            batch.append(
                f"{100 + n % 900:03d}-{n:07d}-{n * 7 % 10_000_000:07d}\t{n}\t1\t2026-10-07\t"
                f"{code}\t\t{number}\tStandard\r\n"
            )
            if len(batch) >= 10_000:
                out.write("".join(batch))
                batch.clear()
        out.write("".join(batch))


def _ratio(ours: list[float], floor: list[float]) -> tuple[float, float, float, float, float]:
    """Median of ours, median of the floor, their ratio, and the lowest and highest ratio of
    the paired runs."""
    pairs = [o / f for o, f in zip(ours, floor, strict=True)]
    o, f = statistics.median(ours), statistics.median(floor)
    return o, f, o / f, min(pairs), max(pairs)


def measure(rows: int = 1_000_000, runs: int = 5, kinds: str = "abc") -> list[Row]:
    """Each scenario at `rows` rows: our command and the floor run alternately `runs` times
    (after one warm-up pair); medians, ratios and their spread, peak memory."""
    measured = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out, left, base = work / "fixed.txt", work / "fixed.left-for-you.txt", work / "csv.txt"
        for kind in kinds:
            data = work / f"upload-{kind}.txt"
            make_file(data, rows, kind)
            ours = [PYTHON, "-m", "appeal", "tracking", str(data), "--fix", str(out)]
            floor = [PYTHON, "-c", FLOOR, str(data), str(base)]
            walls: tuple[list[float], list[float]] = ([], [])
            cpus: tuple[list[float], list[float]] = ([], [])
            memory = 0
            for n in range(runs + 1):
                out.unlink(missing_ok=True)
                left.unlink(missing_ok=True)
                ours_run, floor_run = run_once(ours), run_once(floor)
                if n:  # the first pair warms caches and is not counted
                    for i, run in enumerate((ours_run, floor_run)):
                        walls[i].append(run[0])
                        cpus[i].append(run[1])
                    memory = max(memory, ours_run[2])
            o, f, ratio, low, high = _ratio(*walls)
            co, cf, cpu_ratio, cpu_low, cpu_high = _ratio(*cpus)
            measured.append(
                Row(
                    NAMES[kind],
                    o,
                    f,
                    ratio,
                    TARGETS[kind],
                    (low, high),
                    memory / 1024,
                    co,
                    cf,
                    cpu_ratio,
                    (cpu_low, cpu_high),
                )
            )
            data.unlink()
    return measured


def main() -> None:
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    rows = int(args[0]) if args else 1_000_000
    print(
        f"appeal tracking --fix vs csv read+write, {runs} alternating runs, medians "
        "(spread: lowest-highest ratio of the paired runs)"
    )
    by_size = {}
    for size in (rows // 4, rows):
        by_size[size] = measure(size, runs)
        for row in by_size[size]:
            verdict = "ok" if row.ratio <= row.target else "OVER TARGET"
            print(
                f"{size:>9,} rows {row.name}: target {row.target:g}x, peak memory "
                f"{row.memory_mib:.1f} MiB\n"
                f"    wall: ours {row.ours:6.2f} s  floor {row.floor:6.2f} s  ratio "
                f"{row.ratio:4.2f}x ({row.spread[0]:.2f}-{row.spread[1]:.2f}) {verdict}\n"
                f"    cpu:  ours {row.cpu_ours:6.2f} s  floor {row.cpu_floor:6.2f} s  ratio "
                f"{row.cpu_ratio:4.2f}x ({row.cpu_spread[0]:.2f}-{row.cpu_spread[1]:.2f})"
            )
    extra = rows - rows // 4
    for small, large in zip(by_size[rows // 4], by_size[rows], strict=True):
        growth = (large.memory_mib - small.memory_mib) * 1024 * 1024 / extra
        print(f"memory growth {large.name:<36} {growth:5.0f} bytes per extra row")
    print(
        "(growth is the record of distinct tracking IDs kept to find one reused on another "
        "order; everything else streams)"
    )


if __name__ == "__main__":
    main()
