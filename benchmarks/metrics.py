"""`appeal metrics` on a large All Orders report against reading it with Python's csv module,
measured in one run; and peak memory at two sizes.

    uv run python benchmarks/metrics.py [ROWS]      (default 1,000,000)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from _timing import PYTHON
from tracking import timed

HEADER = (
    "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\t"
    "fulfillment-channel\tsales-channel\torder-channel\tship-service-level\tproduct-name\t"
    "sku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\t"
    "shipping-tax\tship-city\tship-state\tship-postal-code\tship-country\n"
)
BASELINE = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src:
    for row in csv.reader(src, delimiter="\\t"):
        pass
"""


def make_file(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        for n in range(rows):
            day = 1 + (n * 30) // rows
            status = "Cancelled" if n % 37 == 0 else "Shipped"
            channel = "Amazon" if n % 5 == 0 else "Merchant"
            out.write(
                f"111-{n // 1000:07d}-{n:07d}\t\t2026-10-{day:02d}T10:{n % 60:02d}:00+00:00"
                f"\t2026-10-{day:02d}T12:00:00+00:00\t{status}\t{channel}\tAmazon.com\t\t"
                f"Standard\tGarden hose 15 m\tSKU-{n % 500}\tB0EXAMPLE{n % 10}\t"
                f"{status}\t1\tUSD\t19.99\t1.20\t4.99\t0.30\tSpringfield\tIL\t62701\tUS\n"
            )


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for size in (rows // 4, rows):
            data = Path(tmp) / f"orders-{size}.txt"
            make_file(data, size)
            ours = [PYTHON, "-m", "appeal", "metrics", str(data), "--json"]
            floor = [PYTHON, "-c", BASELINE, str(data)]
            runs = [(timed(ours), timed(floor)) for _ in range(3)]
            t_ours = min(r[0][0] for r in runs)
            t_floor = min(r[1][0] for r in runs)
            memory = max(r[0][1] for r in runs)
            results[size] = memory
            mb = data.stat().st_size / 1e6
            print(
                f"{size:>9,} rows ({mb:6.1f} MB): appeal metrics {t_ours:6.2f} s  csv read "
                f"{t_floor:6.2f} s  ratio {t_ours / t_floor:4.2f}x (target 2x)  peak memory "
                f"{memory / 1024:6.1f} MiB"
            )
        growth = (results[rows] - results[rows // 4]) * 1024 / (rows - rows // 4)
        print(
            f"memory growth: {growth:.0f} bytes per extra row (one small record per distinct "
            "order, to count overlapping reports once)"
        )


if __name__ == "__main__":
    main()
