"""`appeal metrics` on a realistic All Orders report against reading the same file with Python's
csv module (spec section 9, issue 15 item 4: within 2x).

The report has Amazon's full 32-column set, UTC timestamps, item rows per order, mixed
statuses (Shipped, Unshipped, Pending, Cancelled and Canceled) and channels (Merchant, MFN,
Amazon, AFN), two marketplaces. Runs alternate ours / floor so both see the same machine load;
the median ratio is the result and the spread (lowest to highest ratio of a pair) says how
noisy the machine was.

    uv run python benchmarks/metrics.py [ROWS] [RUNS]      (default 1,000,000 rows, 5 runs)

`measure()` returns the result for `benchmarks/run.py`.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from _timing import PYTHON, Result, line, median_run, run_once

TARGET = 2.0
COLUMNS = (
    "amazon-order-id",
    "merchant-order-id",
    "purchase-date",
    "last-updated-date",
    "order-status",
    "fulfillment-channel",
    "sales-channel",
    "order-channel",
    "url",
    "ship-service-level",
    "product-name",
    "sku",
    "asin",
    "item-status",
    "quantity",
    "currency",
    "item-price",
    "item-tax",
    "shipping-price",
    "shipping-tax",
    "gift-wrap-price",
    "gift-wrap-tax",
    "item-promotion-discount",
    "ship-promotion-discount",
    "ship-city",
    "ship-state",
    "ship-postal-code",
    "ship-country",
    "promotion-ids",
    "is-business-order",
    "purchase-order-number",
    "price-designation",
)
BASELINE = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as src:
    for row in csv.reader(src, delimiter="\\t"):
        pass
"""
_STATUSES = (
    ["Shipped"] * 90 + ["Unshipped"] * 4 + ["Pending"] * 2 + ["Cancelled"] * 3 + ["Canceled"]
)
_CHANNELS = ["Merchant"] * 5 + ["MFN"] * 2 + ["Amazon"] * 2 + ["AFN"]
_CITIES = [("SPRINGFIELD", "IL", "62701"), ("Austin", "TX", "78701"), ("Portland", "OR", "97201")]


def make_file(path: Path, rows: int) -> None:
    """A 30-day All Orders report of `rows` item rows (about 1.3 rows per order)."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("\t".join(COLUMNS) + "\r\n")
        written = order = 0
        while written < rows:
            order += 1
            day = 1 + (order * 30) // max(1, rows)
            minute, second = rng.randrange(1440), rng.randrange(60)
            clock = f"{minute // 60:02d}:{minute % 60:02d}:{second:02d}"
            stamp = f"2026-10-{min(day, 30):02d}T{clock}+00:00"
            status = rng.choice(_STATUSES)
            channel = rng.choice(_CHANNELS)
            market, currency = ("Amazon.ca", "CAD") if order % 50 == 0 else ("Amazon.com", "USD")
            city, state, postal = rng.choice(_CITIES)
            items = 2 if order % 3 == 0 else 1
            for item in range(min(items, rows - written)):
                cancelled = status in ("Cancelled", "Canceled")
                out.write(
                    f"{100 + order % 900:03d}-{order:07d}-{order * 7 % 10_000_000:07d}\t\t{stamp}\t"
                    f"{stamp}\t{status}\t{channel}\t{market}\t\t\tStandard\t"
                    f"Garden hose 15 m, kink-free, item {item}\tSKU-{order % 500}-{item}\t"
                    f"B0EXAMPLE{order % 10}\t{'Cancelled' if cancelled else 'Shipped'}\t"
                    f"{0 if cancelled else 1}\t{currency}\t{'' if status == 'Pending' else '19.99'}"
                    f"\t1.20\t4.99\t0.30\t\t\t\t\t{city}\t{state}\t{postal}\tUS\t\tfalse\t\t\r\n"
                )
                written += 1


def measure(rows: int = 1_000_000, runs: int = 5) -> Result:
    """Interleaved runs of `appeal metrics --json` and the csv floor on one generated report
    (after one warm-up pair); prints the spread of the paired CPU ratios."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "all-orders.txt"
        make_file(data, rows)
        ours = [PYTHON, "-m", "appeal", "metrics", str(data), "--json"]
        floor = [PYTHON, "-c", BASELINE, str(data)]
        run_once(ours)  # warm the page cache and .pyc files for both
        run_once(floor)
        pairs = [(run_once(ours), run_once(floor)) for _ in range(runs)]
    o = median_run([a for a, _ in pairs])
    f = median_run([b for _, b in pairs])
    ratios = sorted(a.cpu / b.cpu for a, b in pairs)
    name = f"metrics, All Orders {rows:,} rows vs csv read"
    print(f"{name}: CPU ratios of {runs} interleaved pairs {ratios[0]:.2f}x to {ratios[-1]:.2f}x")
    return Result(name, o, f, o.wall / f.wall, o.cpu / f.cpu, TARGET)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    print(line(measure(rows, runs)))


if __name__ == "__main__":
    main()
