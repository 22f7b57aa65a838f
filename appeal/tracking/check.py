"""One tracking number checked against the carrier it was confirmed with.

Amazon checks a tracking ID against the format of the carrier selected at ship-confirmation
(domain.md section 2), so the verdict is always for that carrier; when the number fits
another carrier's format instead, the result says which (worked out only when asked).

For estimates (`appeal metrics`) `Checked.usable` answers "can Amazon use this ID for its
carrier, as written?": True, False, or None when the carrier's format is not public.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from appeal.tracking.carriers import Carrier, resolve_carrier
from appeal.tracking.clean import REFUSED, Cleaned, clean_value, cleaned
from appeal.tracking.formats import (
    FAMILIES,
    TrackingFormat,
    formats_by_length,
    shaped_format,
    valid_format,
)

Verdict = Literal[
    "valid", "check_failed", "unrecognised", "not_checked", "uncleanable", "missing", "null"
]


@dataclass(frozen=True)
class Checked:
    """The verdict on one number for one carrier."""

    cleaned: Cleaned
    verdict: Verdict
    carrier: Carrier | None  # None: no carrier given, every format was tried
    format: TrackingFormat | None = None  # the format that matched (or whose check failed)

    @property
    def usable(self) -> bool | None:
        """Whether Amazon can use this ID as written for its carrier: True (the carrier's
        format and check digit, nothing to clean), False (blank, NULL, a character to clean,
        a failed check or unknown shape, or a carrier Amazon does not integrate), None (the
        carrier's format is not public, so it cannot be checked: count it apart)."""
        if self.verdict in ("missing", "null", "uncleanable"):
            return False
        if self.carrier is not None and not self.carrier.integrated:
            return False
        if self.cleaned.changed:
            return False
        if self.verdict == "valid":
            return True
        return None if self.verdict == "not_checked" else False

    @cached_property
    def fits_other(self) -> tuple[str, ...]:
        """Other carrier families whose format and check digit the number passes (only when
        it fails its own carrier's)."""
        if self.verdict in ("valid", "missing", "null", "uncleanable"):
            return ()
        mine = self.carrier.families if self.carrier is not None else FAMILIES
        value = self.cleaned.value.replace("-", "")
        others = formats_by_length(FAMILIES).get(len(value), ())
        return tuple(
            dict.fromkeys(f.family for f in others if f.family not in mine and f.valid(value))
        )


_ANY = Carrier("", "", None, False, FAMILIES, True)  # a plain list without --carrier


def check_tracking_number(raw: str, carrier: str | Carrier | None) -> Checked:
    """Clean `raw` and check it for `carrier` (an Amazon carrier code, a resolved Carrier, or
    None: any carrier's format will do)."""
    if isinstance(carrier, str):
        carrier = resolve_carrier(carrier)
    stripped = raw.strip()
    if not stripped:
        return Checked(Cleaned(raw, ""), "missing", carrier)
    if stripped.upper() == "NULL":
        return Checked(Cleaned(raw, stripped), "null", carrier)
    rules = carrier or _ANY
    families = rules.families
    hyphens = "ontrac" in families  # LaserShip's 1LS7...-1 piece suffix
    value, flags = clean_value(raw, hyphens)
    if flags & REFUSED:
        return Checked(cleaned(raw, value, flags, hyphens), "uncleanable", carrier)
    result = Cleaned(raw, value, flags, hyphens)
    if not families:
        return Checked(result, "not_checked", carrier)
    fmt = valid_format(value, families)
    if fmt is not None:
        return Checked(result, "valid", carrier, fmt)
    shaped = shaped_format(value, families)
    if shaped is not None:
        return Checked(result, "check_failed", carrier, shaped)
    return Checked(result, "unrecognised" if rules.complete else "not_checked", carrier)


def check_shipment(tracking: str, code: str, name: str = "") -> Checked:
    """Check one shipment as a shipping-confirmation row gives it: the tracking-number, the
    carrier-code and (used with Other, in any language) the carrier-name. `.usable` is the
    answer for estimates; `.carrier.listed` the Amazon code the shipment is for."""
    return check_tracking_number(tracking, resolve_carrier(code, name))
