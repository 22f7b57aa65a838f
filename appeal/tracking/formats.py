"""Tracking-number formats and check digits per carrier (domain.md section 7).

Each format is a shape (a regular expression over the cleaned value) and, where the carrier's
algorithm is public, a check-digit test. A check digit catches typing errors only; passing it
does not prove that the parcel exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

Check = Callable[[str], bool]


# The check digits below sum ASCII bytes (the callers have matched the digits already): summing
# bytes is several times faster than int() on each character, and they run once per row.


def gs1_mod10(serial: str, check: str) -> bool:
    """GS1 mod 10: weights 3, 1, 3 ... from the right of the serial."""
    data = serial.encode("ascii")
    threes, ones = data[-1::-2], data[-2::-2]
    total = 3 * sum(threes) + sum(ones) - 48 * (3 * len(threes) + len(ones))
    return (10 - total % 10) % 10 == ord(check) - 48


# UPS counts a letter as (its ASCII code - 3) mod 10: a byte table maps A-Z to those digits.
_LETTERS = bytes(range(ord("A"), ord("Z") + 1))
_UPS_BYTES = bytes.maketrans(_LETTERS, bytes(ord("0") + (c - 3) % 10 for c in _LETTERS))


def ups_1z(value: str) -> bool:
    """UPS 1Z: letters as (ASCII - 3) mod 10, weights 1, 2 over the 15 characters after 1Z."""
    body = value.encode("ascii").translate(_UPS_BYTES)
    total = sum(body[2:17:2]) + 2 * sum(body[3:17:2]) - 48 * (8 + 2 * 7)
    return (10 - total % 10) % 10 == body[17] - 48 and value[17].isdigit()


def fedex_express(serial: str, check: str) -> bool:
    """FedEx Express: weights 1, 3, 7 repeating from the right; (sum mod 11) mod 10."""
    data = serial.encode("ascii")
    ones, threes, sevens = data[-1::-3], data[-2::-3], data[-3::-3]
    total = sum(ones) + 3 * sum(threes) + 7 * sum(sevens)
    total -= 48 * (len(ones) + 3 * len(threes) + 7 * len(sevens))
    return total % 11 % 10 == ord(check) - 48


def fedex_12(value: str) -> bool:
    """FedEx Express 12 digits: `fedex_express` written out (it runs once per FedEx row)."""
    b = value.encode("ascii")
    total = (
        3 * (b[0] + b[3] + b[6] + b[9])
        + (b[1] + b[4] + b[7] + b[10])
        + 7 * (b[2] + b[5] + b[8])
        - 48 * 37
    )
    return total % 11 % 10 == b[11] - 48


def usps_impb(value: str) -> bool:
    """USPS IMpb: drop a 420+ZIP routing prefix, prefix '91' to legacy serials, GS1 mod 10."""
    if value.startswith("420") and len(value) in (30, 34):
        value = value[8:] if len(value) == 30 else value[12:]
    serial, check = value[:-1], value[-1]
    if serial[0] == "9" and "1" <= serial[1] <= "5":
        return gs1_mod10(serial, check)
    # Older 20-digit numbers exist both with and without the implied '91' application id.
    return gs1_mod10("91" + serial, check) or (len(value) == 20 and gs1_mod10(serial, check))


def s10(value: str) -> bool:
    """UPU S10: weights 8,6,4,2,3,5,9,7 over 8 digits; 11 - (sum mod 11), 10 -> 0, 11 -> 5;
    the last two letters must be a UPU member's country code."""
    b = value.encode("ascii")
    total = (
        8 * b[2] + 6 * b[3] + 4 * b[4] + 2 * b[5] + 3 * b[6] + 5 * b[7] + 9 * b[8] + 7 * b[9]
    ) - 48 * 44
    expected = 11 - total % 11
    if expected > 9:
        expected = 0 if expected == 10 else 5
    return expected == b[10] - 48 and value[11:13] in UPU_COUNTRIES


def dhl_express(value: str) -> bool:
    """DHL Express: the last digit is the rest of the number mod 7."""
    return int(value[:-1]) % 7 == int(value[-1])


def fedex_34(value: str) -> bool:
    """FedEx 34-digit barcodes: the last 14 digits carry an Express check digit."""
    tail = value[-14:]
    return fedex_express(tail[:-1], tail[-1])


def fedex_32(value: str) -> bool:
    """FedEx 32-digit (ASTRA) barcodes: digits 17-28 are the 12-digit Express number."""
    number = value[16:28]
    return fedex_express(number[:11], number[11])


def fedex_96(value: str) -> bool:
    """FedEx Ground 96 (22 digits): GS1 mod 10 over the last 14 digits before the check."""
    return gs1_mod10(value[7:21], value[21])


def ontrac(value: str) -> bool:
    """OnTrac C/D + 14 digits: '4' (C) or '5' (D) prefixed, then weights 1, 2 from the left."""
    serial = ("4" if value[0] == "C" else "5") + value[1:14]
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(serial))
    return (10 - total % 10) % 10 == int(value[14])


_ALPHABET36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def iso7064_mod37_36(value: str) -> bool:
    """DPD parcel numbers: ISO 7064 MOD 37,36 check character."""
    serial, check = value[:-1], value[-1]
    product = 36
    for ch in serial:
        total = (product + _ALPHABET36.index(ch)) % 36 or 36
        product = total * 2 % 37
    return _ALPHABET36[(37 - product) % 36] == check


@dataclass(frozen=True)
class TrackingFormat:
    """One tracking-number format of one carrier family."""

    name: str
    family: str  # carrier family id, e.g. "ups"
    pattern: re.Pattern[str]
    lengths: tuple[int, ...]  # every length the pattern can match (a test holds us to it)
    check: Check | None = None  # None: no public check digit, the shape alone is tested

    def matches(self, value: str) -> bool:
        return self.pattern.fullmatch(value) is not None

    def valid(self, value: str) -> bool:
        return self.matches(value) and (self.check is None or self.check(value))


def _f(
    name: str, family: str, pattern: str, lengths: tuple[int, ...], check: Check | None = None
) -> TrackingFormat:
    return TrackingFormat(name, family, re.compile(pattern, re.ASCII), lengths, check)


FORMATS: tuple[TrackingFormat, ...] = (
    _f("UPS 1Z", "ups", r"1Z[0-9A-Z]{16}", (18,), ups_1z),
    _f(
        "USPS IMpb (20/22/26 digits)",
        "usps",
        r"\d{20}|9[1-5]\d{20}|9[1-5]\d{24}",
        (20, 22, 26),
        usps_impb,
    ),
    _f(
        "USPS IMpb with ZIP routing (30/34 digits)",
        "usps",
        r"420\d{27}|420\d{31}",
        (30, 34),
        usps_impb,
    ),
    _f(
        "FedEx Express (12 digits)",
        "fedex",
        r"\d{12}",
        (12,),
        fedex_12,
    ),
    _f("FedEx Ground (15 digits)", "fedex", r"\d{15}", (15,), lambda v: gs1_mod10(v[:14], v[14])),
    _f("FedEx Ground SSCC-18", "fedex", r"\d{18}", (18,), lambda v: gs1_mod10(v[:17], v[17])),
    _f(
        "FedEx SmartPost (20/22 digits)",
        "fedex",
        r"\d{20}|92\d{20}",
        (20, 22),
        lambda v: gs1_mod10(v[:-1] if v.startswith("92") else "92" + v[:-1], v[-1]),
    ),
    _f("FedEx Ground 96 (22 digits)", "fedex", r"96\d{20}", (22,), fedex_96),
    _f("FedEx 34-digit barcode", "fedex", r"\d{34}", (34,), fedex_34),
    _f("FedEx 32-digit barcode", "fedex", r"\d{32}", (32,), fedex_32),
    _f("DHL Express (10/11 digits)", "dhl", r"\d{10,11}", (10, 11), dhl_express),
    _f("DHL Express piece ID", "dhl", r"J[A-Z]{2,3}\d{9,10}", (12, 13, 14)),
    _f("DHL eCommerce", "dhl", r"GM[0-9A-Z]{16,20}|\d{14}", (14, 18, 19, 20, 21, 22)),
    _f("UPU S10 postal item", "postal", r"[A-Z]{2}\d{9}[A-Z]{2}", (13,), s10),
    _f("Amazon Logistics", "amazon", r"TB[ACM]\d{12}|C\d{10}", (15, 11)),
    _f("OnTrac", "ontrac", r"[CD]\d{14}", (15,), ontrac),
    _f(
        "LaserShip (OnTrac)",
        "ontrac",
        r"L[A-Z][1-8]\d{7}|1LS7[12]\d{10}|1LSCX[0-9A-Z]{10}",
        (10, 15),
    ),
    _f("LaserShip 1LS7 with piece suffix", "ontrac", r"1LS7[12]\d\d01[1-4]\d{6}-1", (18,)),
    _f(
        "Canada Post (16 digits)",
        "canada_post",
        r"\d{16}",
        (16,),
        lambda v: gs1_mod10(v[:15], v[15]),
    ),
    _f("DPD (14 digits)", "dpd", r"\d{14}", (14,)),
    _f(
        "DPD parcel number with check character",
        "dpd",
        r"\d{14}[0-9A-Z]|\d{27}[0-9A-Z]",
        (15, 28),
        iso7064_mod37_36,
    ),
    _f("Yodel", "yodel", r"JJ?D\d{16}", (18, 19)),
    _f("YunExpress", "yunexpress", r"YT\d{16}", (18,)),
)
FAMILIES = tuple(dict.fromkeys(f.family for f in FORMATS))


Matcher = tuple[Callable[[str], "re.Match[str] | None"], Check | None, TrackingFormat]


@cache
def matchers_by_length(families: tuple[str, ...]) -> dict[int, tuple[Matcher, ...]]:
    """`formats_by_length` as (shape test, check, format) triples: the per-row lookup."""
    return {
        length: tuple((f.pattern.fullmatch, f.check, f) for f in fmts)
        for length, fmts in formats_by_length(families).items()
    }


@cache
def formats_by_length(families: tuple[str, ...]) -> dict[int, tuple[TrackingFormat, ...]]:
    """The formats of `families` by the lengths they can have, in FORMATS order."""
    table: dict[int, list[TrackingFormat]] = {}
    for fmt in FORMATS:
        if fmt.family in families:
            for length in fmt.lengths:
                table.setdefault(length, []).append(fmt)
    return {length: tuple(fmts) for length, fmts in table.items()}


# ISO 3166 codes of the Universal Postal Union's members and the territories it assigns S10
# codes to (Hong Kong, Macao, Gibraltar, Aruba, Curacao ...). XX and other codes are refused.
UPU_COUNTRIES = frozenset(
    " ".join(
        (
            "AD AE AF AG AI AL AM AO AR AT AU AW AZ BA BB BD BE BF BG BH BI BJ BM BN",
            "BO BQ BR BS BT BW BY BZ CA CD CF CG CH CI CK CL CM CN CO CR CU CV CW CY",
            "CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FK FO FR GA GB GD GE GF GH",
            "GI GL GM GN GP GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM",
            "JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY",
            "MA MC MD ME MG MK ML MM MN MO MQ MR MS MT MU MV MW MX MY MZ NA NC NE NG",
            "NI NL NO NP NR NZ OM PA PE PF PG PH PK PL PM PN PT PY QA RE RO RS RU RW",
            "SA SB SC SD SE SG SH SI SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TG TH",
            "TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VA VC VE VG VN VU WF WS YE ZA",
            "ZM ZW",
        )
    ).split()
)
