"""`appeal tracking` on a large shipping-confirmation file against Python's csv module reading
and writing the same file, measured in one run; and peak memory at two file sizes.

    uv run python benchmarks/tracking.py [ROWS]      (default 1,000,000)
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import ENV, PYTHON, ROOT

HEADER = (
    "order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\t"
    "tracking-number\tship-method\r\n"
)
BASELINE = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src, \\
        open(sys.argv[2], "w", newline="", encoding="utf-8") as dst:
    writer = csv.writer(dst, delimiter="\\t", lineterminator="\\r\\n")
    for row in csv.reader(src, delimiter="\\t"):
        writer.writerow(row)
"""


def _ups(serial: str) -> str:
    total = sum(
        (int(c) if c.isdigit() else (ord(c) - 3) % 10) * (1 if i % 2 == 0 else 2)
        for i, c in enumerate(serial)
    )
    return f"1Z{serial}{(10 - total % 10) % 10}"


def make_file(path: Path, rows: int) -> None:
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for n in range(rows):
            number = _ups("".join(rng.choice("0123456789ABCDEFGHJKLMNPRTVWXY") for _ in range(15)))
            if n % 100 == 0:
                number = number[:5] + "\u200b" + number[5:]
            out.write(
                f"{100 + n % 900:03d}-{n:07d}-{n * 7 % 10_000_000:07d}\t{n}\t1\t"
                f"2026-10-07\tUPS\t\t{number}\tGround\r\n"
            )


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one command."""
    start = time.perf_counter()
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%M", *command],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    elapsed = time.perf_counter() - start
    return elapsed, int(result.stderr.strip().splitlines()[-1])


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = {}
        for size in (rows // 4, rows):
            data = work / f"upload-{size}.txt"
            make_file(data, size)
            out = work / f"fixed-{size}.txt"
            base_out = work / f"csv-{size}.txt"
            ours = [PYTHON, "-m", "appeal", "tracking", str(data), "--fix", str(out)]
            floor = [PYTHON, "-c", BASELINE, str(data), str(base_out)]
            times_ours, times_floor = [], []
            memory = 0
            for _ in range(3):
                out.unlink(missing_ok=True)
                t, m = timed(ours)
                times_ours.append(t)
                memory = max(memory, m)
                times_floor.append(timed(floor)[0])
            results[size] = (min(times_ours), min(times_floor), memory)
            mb = data.stat().st_size / 1e6
            print(
                f"{size:>9,} rows ({mb:6.1f} MB): appeal tracking --fix {min(times_ours):6.2f} s"
                f"  csv read+write {min(times_floor):6.2f} s  ratio "
                f"{min(times_ours) / min(times_floor):4.2f}x (target 2x)  peak memory "
                f"{memory / 1024:6.1f} MiB"
            )
        small, large = results[rows // 4], results[rows]
        growth = (large[2] - small[2]) * 1024 / (rows - rows // 4)
        print(
            f"memory growth: {growth:.0f} bytes per extra row (the record of distinct tracking "
            "IDs kept to find reused ones); everything else streams"
        )
    _ = ROOT


if __name__ == "__main__":
    main()
