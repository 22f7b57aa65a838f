"""One tracking number checked against the carrier it was confirmed with.

Amazon checks a tracking ID against the format of the carrier selected at ship-confirmation
(domain.md section 2), so the verdict is always for that carrier; when the number fits
another carrier's format instead, the result says which.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from appeal.tracking.clean import Cleaned, clean_tracking_number
from appeal.tracking.formats import FORMATS, TrackingFormat

# Amazon carrier codes (lower-cased, spaces and hyphens removed) -> format families we check.
CARRIER_FAMILIES: dict[str, tuple[str, ...]] = {
    "usps": ("usps", "postal"),
    "ups": ("ups",),
    "upsmi": ("usps", "ups"),
    "fedex": ("fedex",),
    "fedexsmartpost": ("fedex", "usps"),
    "dhl": ("dhl",),
    "dhlexpress": ("dhl",),
    "dhlecommerce": ("dhl", "usps", "postal"),
    "dhlglobalmail": ("dhl", "usps", "postal"),
    "ontrac": ("ontrac",),
    "lasership": ("ontrac",),
    "canadapost": ("canada_post", "postal"),
    "royalmail": ("postal",),
    "parcelforce": ("postal",),
    "deutschepost": ("postal",),
    "laposte": ("postal",),
    "colissimo": ("postal",),
    "chinapost": ("postal",),
    "ems": ("postal",),
    "eub": ("postal",),
    "epacket": ("postal",),
    "dpd": ("dpd",),
    "yodel": ("yodel",),
    "yunexpress": ("yunexpress",),
    "amazonshipping": ("amazon",),
    "amazonlogistics": ("amazon",),
    "amzl": ("amazon",),
    "amznus": ("amazon",),
    "amznuk": ("amazon",),
}
# Carriers on Amazon's lists whose numbers we cannot check (no public format): "not checked".
KNOWN_UNCHECKED = frozenset(
    {
        "gls",
        "hermes",
        "evri",
        "4px",
        "yanwen",
        "sfexpress",
        "aramex",
        "tnt",
        "sagawa",
        "yamatotransport",
        "japanpost",
        "purolator",
        "canpar",
        "australiapost",
        "startrack",
        "bluedart",
        "posteitaliane",
        "correos",
        "postnl",
        "bpost",
        "asendia",
    }
)
FAMILY_NAMES = {
    "usps": "USPS",
    "postal": "a national post (UPU S10)",
    "ups": "UPS",
    "fedex": "FedEx",
    "dhl": "DHL",
    "ontrac": "OnTrac/LaserShip",
    "canada_post": "Canada Post",
    "dpd": "DPD",
    "yodel": "Yodel",
    "yunexpress": "YunExpress",
    "amazon": "Amazon Logistics",
}

Verdict = Literal[
    "valid", "check_failed", "unrecognised", "not_checked", "uncleanable", "missing", "null"
]


@cache
def carrier_key(code: str) -> str:
    return "".join(ch for ch in code.lower() if ch.isalnum())


@cache
def carrier_formats(carrier: str) -> tuple[TrackingFormat, ...]:
    """The formats checked for an Amazon carrier code (empty: a carrier we cannot check)."""
    return _formats_of(CARRIER_FAMILIES.get(carrier_key(carrier), ()))


def plainly_valid(value: str, carrier: str) -> bool:
    """Fast path for the common row: an upper-case A-Z/0-9 ID valid for its carrier."""
    if not (value.isascii() and value.isalnum() and (value.isupper() or value.isdigit())):
        return False
    for fmt in carrier_formats(carrier):  # a plain loop: this runs for every row of a file
        if fmt.pattern.fullmatch(value) is not None and (fmt.check is None or fmt.check(value)):
            return True
    return False


def known_carrier(name: str) -> bool:
    """Whether a carrier name (as typed with 'Other') is one Amazon integrates, as far as we
    know; used to tell 'Other' used by mistake from a carrier Amazon cannot read."""
    key = carrier_key(name)
    return key in CARRIER_FAMILIES or key in KNOWN_UNCHECKED


@dataclass(frozen=True)
class Checked:
    """The verdict on one number for one carrier."""

    cleaned: Cleaned
    verdict: Verdict
    carrier: str  # as given
    format: TrackingFormat | None = None  # the format that matched, if any
    fits_other: tuple[str, ...] = ()  # other carrier families whose format it passes

    @property
    def problem(self) -> bool:
        return self.verdict not in ("valid", "not_checked")


def _keeps_hyphens(families: tuple[str, ...]) -> bool:
    return "ontrac" in families  # LaserShip's 1LS7...-1 piece suffix


@cache
def _formats_of(families: tuple[str, ...]) -> tuple[TrackingFormat, ...]:
    return tuple(f for f in FORMATS if f.family in families)


def check_tracking_number(raw: str, carrier: str | None) -> Checked:
    """Clean `raw` and check it for `carrier` (an Amazon carrier code, or None: any)."""
    stripped = raw.strip()
    if not stripped:
        return Checked(clean_tracking_number(raw), "missing", carrier or "")
    if stripped.upper() == "NULL":
        return Checked(clean_tracking_number(raw), "null", carrier or "")
    key = carrier_key(carrier) if carrier else ""
    families = CARRIER_FAMILIES.get(key, ()) if carrier else tuple(FAMILY_NAMES)
    cleaned = clean_tracking_number(raw, keep_hyphens=_keeps_hyphens(families))
    if not cleaned.certain:
        return Checked(cleaned, "uncleanable", carrier or "")
    value = cleaned.value
    mine = _formats_of(families)
    for fmt in mine:
        if fmt.valid(value):
            return Checked(cleaned, "valid", carrier or "", fmt)
    others = tuple(
        dict.fromkeys(
            f.family
            for f in FORMATS
            if f.family not in families and f.valid(value.replace("-", ""))
        )
    )
    if not families:
        return Checked(cleaned, "not_checked", carrier or "", fits_other=others)
    shaped = next((f for f in mine if f.matches(value)), None)
    if shaped is not None:
        return Checked(cleaned, "check_failed", carrier or "", shaped, others)
    return Checked(cleaned, "unrecognised", carrier or "", None, others)
