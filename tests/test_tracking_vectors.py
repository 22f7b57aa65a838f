"""The validator judged by an outside suite: jkeen/tracking_number_data's test numbers (MIT;
its notice is in tests/data/tracking-vectors/LICENSE).

Every row of a courier we support must get the suite's verdict, except the formats listed in
UNSUPPORTED below, which we do not claim to check. Run with -s to see the score.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from appeal.tracking.carriers import resolve_carrier
from appeal.tracking.check import check_tracking_number

VECTORS = Path(__file__).parent / "data" / "tracking-vectors" / "vectors.tsv"

# The suite's courier -> the Amazon carrier code a seller would select.
COURIER_CODES = {
    "amazon": "Amazon Shipping",
    "canada_post": "Canada Post",
    "dhl": "DHL",
    "dpd": "DPD",
    "fedex": "FedEx",
    "lasership": "Lasership",
    "ontrac": "OnTrac",
    "s10": "China Post",
    "ups": "UPS",
    "usps": "USPS",
    "yodel": "Yodel",
    "yunexpress": "Yun Express",
}
# Couriers we do not check at all (not on Amazon's lists we cover, no public check digit).
UNSUPPORTED_COURIERS = {"canpar", "gofo", "landmark", "old_dominion", "purolator", "speedee"}
# Formats of supported couriers whose check digit is not public: we report "unrecognised".
UNSUPPORTED_FORMATS = {"ups": re.compile(r"[KJV]\d{10}")}


def _rows() -> list[dict[str, str]]:
    with VECTORS.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _unsupported(row: dict[str, str]) -> bool:
    if row["courier"] in UNSUPPORTED_COURIERS:
        return True
    pattern = UNSUPPORTED_FORMATS.get(row["courier"])
    compact = "".join(row["tracking_number"].split())
    return bool(pattern and pattern.fullmatch(compact))


def test_every_supported_vector_gets_the_suites_verdict() -> None:
    rows = _rows()
    assert len(rows) == 280
    scored = [r for r in rows if not _unsupported(r)]
    wrong = []
    for row in scored:
        checked = check_tracking_number(row["tracking_number"], COURIER_CODES[row["courier"]])
        ours = "valid" if checked.verdict == "valid" else "invalid"
        if ours != row["expected"]:
            wrong.append((row["courier"], row["tracking_number"], row["expected"], checked.verdict))
    unsupported = [r for r in rows if _unsupported(r)]
    print(
        f"\ntracking vectors: {len(scored) - len(wrong)} of {len(scored)} supported rows "
        f"right; {len(unsupported)} rows not supported "
        f"({', '.join(sorted({r['courier'] for r in unsupported}))})"
    )
    assert wrong == []
    assert len(scored) == 217  # 228 rows of supported couriers less 11 UPS K/J/V numbers


def test_unsupported_ups_formats_are_never_called_valid() -> None:
    for row in _rows():
        if row["courier"] == "ups" and _unsupported(row):
            assert check_tracking_number(row["tracking_number"], "UPS").verdict == "unrecognised"


def test_couriers_map_to_checked_carrier_codes() -> None:
    for code in COURIER_CODES.values():
        carrier = resolve_carrier(code)
        assert carrier.listed == code and carrier.families, code
