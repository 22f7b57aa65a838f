"""One tracking number checked against the carrier it was confirmed with.

Amazon checks a tracking ID against the format of the carrier selected at ship-confirmation
(domain.md section 2), so the verdict is always for that carrier; when the number fits
another carrier's format instead, the result says which (worked out only when asked).

`assess` is the whole check as one integer of finding bits (kinds.py), cheap enough for every
row of a million-row file; `check_tracking_number` wraps it in a `Checked` for rows that are
shown. For estimates (`appeal metrics`) `Checked.usable` answers "can Amazon use this ID for
its carrier, as written?": True, False, or None when the carrier's format is not public.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from appeal.tracking.carriers import ANY_CARRIER, Carrier, resolve_carrier
from appeal.tracking.clean import Cleaned, clean_value, cleaned
from appeal.tracking.formats import FAMILIES, Matcher, TrackingFormat, matchers_by_length
from appeal.tracking.kinds import (
    CHECK_FAILED,
    CLEANED,
    CUT_SHORT,
    DUPLICATE,
    MISSING,
    NOT_CHECKED,
    NOT_INTEGRATED,
    NULL,
    UNCLEANABLE,
    UNRECOGNISED,
)

_EVERY_FORMAT = matchers_by_length(FAMILIES)
Verdict = Literal[
    "valid", "check_failed", "unrecognised", "not_checked", "uncleanable", "missing", "null"
]


def assess(raw: str, carrier: Carrier) -> tuple[int, str, TrackingFormat | None, str]:
    """The finding bits of `raw` for `carrier` (all but DUPLICATE, which needs the file), the
    cleaned value, the format it passes (or whose check digit it fails), and the characters
    other than A-Z/0-9 it held (to count invisible ones by name)."""
    bits = carrier.bits
    if raw.isascii() and raw.isalnum() and (raw.isupper() or raw.isdigit()):
        value = raw  # the common cell: nothing to clean
        odd = ""
    else:
        value, flags, odd = clean_value(raw, carrier.hyphens)
        if not value:  # no ID (or only invisible characters): its carrier does not matter
            return (MISSING | flags if raw.strip() else MISSING), "", None, odd
        if flags & UNCLEANABLE:
            return bits | flags, value, None, odd
        bits |= flags
    if value == "NULL":  # deletes the ID: its carrier does not matter
        return NULL, value, None, odd
    shaped = None
    for fullmatch, check, fmt in carrier.by_length.get(len(value), ()):
        if fullmatch(value) is not None:
            if check is None or check(value):
                return bits, value, fmt, odd
            shaped = shaped or fmt
    if shaped is not None:
        return bits | CHECK_FAILED, value, shaped, odd
    if carrier.families and carrier.complete:
        return bits | UNRECOGNISED, value, None, odd
    # No public format (or none of the carrier's known ones): counted apart, unless Amazon
    # cannot read the carrier at all.
    return (bits if bits & NOT_INTEGRATED else bits | NOT_CHECKED), value, None, odd


@dataclass(slots=True)
class Checked:
    """The verdict on one number for one carrier."""

    cleaned: Cleaned
    verdict: Verdict
    carrier: Carrier | None  # None: no carrier given, every format was tried
    format: TrackingFormat | None = None  # the format that matched (or whose check failed)
    bits: int = 0  # the finding bits (kinds.py), without DUPLICATE

    @property
    def usable(self) -> bool | None:
        """Whether Amazon can use this ID as written for its carrier: True (the carrier's
        format and check digit, nothing to clean), False (blank, NULL, a character to clean,
        a failed check or unknown shape, or a carrier Amazon does not integrate), None (the
        carrier's format is not public, so it cannot be checked: count it apart)."""
        if self.verdict in ("missing", "null", "uncleanable"):
            return False
        if self.bits & NOT_INTEGRATED or self.cleaned.changed:
            return False
        if self.verdict == "valid":
            return True
        return None if self.verdict == "not_checked" else False

    @property
    def fits_other(self) -> tuple[str, ...]:
        """Other carrier families whose format and check digit the number passes (only when
        it fails its own carrier's; worked out each time it is asked, for rows shown)."""
        if self.verdict in ("valid", "missing", "null", "uncleanable"):
            return ()
        mine = self.carrier.families if self.carrier is not None else FAMILIES
        value = self.cleaned.value.replace("-", "")
        shape, matchers = _other_formats(mine, len(value))
        if shape is None or shape.fullmatch(value) is None:  # the usual answer, in one test
            return ()
        found: list[str] = []
        for fullmatch, check, fmt in matchers:
            if fmt.family in found or fullmatch(value) is None:
                continue
            if check is None or check(value):
                found.append(fmt.family)
        return tuple(found)


@cache
def _other_formats(
    mine: tuple[str, ...], length: int
) -> tuple[re.Pattern[str] | None, tuple[Matcher, ...]]:
    """The formats of `length` outside `mine`, and one pattern any of their shapes passes."""
    matchers = tuple(m for m in _EVERY_FORMAT.get(length, ()) if m[2].family not in mine)
    if not matchers:
        return None, ()
    shape = "|".join(f"(?:{m[2].pattern.pattern})" for m in matchers)
    return re.compile(shape, re.ASCII), matchers


def _verdict(bits: int, fmt: TrackingFormat | None, value: str) -> Verdict:
    if bits & MISSING or (bits & CUT_SHORT and not value):  # no cell, or a blank one
        return "missing"
    if bits & NULL:
        return "null"
    if bits & UNCLEANABLE:
        return "uncleanable"
    if bits & CHECK_FAILED:
        return "check_failed"
    if bits & UNRECOGNISED:
        return "unrecognised"
    return "valid" if fmt is not None else "not_checked"


def check_tracking_number(raw: str, carrier: str | Carrier | None) -> Checked:
    """Clean `raw` and check it for `carrier` (an Amazon carrier code, a resolved Carrier, or
    None: any carrier's format will do)."""
    if isinstance(carrier, str):
        carrier = resolve_carrier(carrier)
    bits, value, fmt, _ = assess(raw, carrier or ANY_CARRIER)
    return checked_from(raw, carrier, bits, value, fmt)


def checked_from(
    raw: str, carrier: Carrier | None, bits: int, value: str, fmt: TrackingFormat | None
) -> Checked:
    """The `Checked` for what `assess` returned."""
    hyphens = (carrier or ANY_CARRIER).hyphens
    found = cleaned(raw, value, bits & (CLEANED | UNCLEANABLE), hyphens)
    return Checked(found, _verdict(bits, fmt, value), carrier, fmt, bits & ~DUPLICATE)


def check_shipment(tracking: str, code: str, name: str = "") -> Checked:
    """Check one shipment as a shipping-confirmation row gives it: the tracking-number, the
    carrier-code and (used with Other, in any language) the carrier-name. `.usable` is the
    answer for estimates; `.carrier.listed` the Amazon code the shipment is for."""
    return check_tracking_number(tracking, resolve_carrier(code, name))
