"""The ship-date of a shipping-confirmation row, as Amazon reads it: yyyy-mm-dd (domain.md
section 6; Seller Central's template help: "Format: yyyy-mm-dd", the only form it documents,
so a time or a time zone after the date is not Amazon's form either).

Spreadsheets write other forms: Chinese Excel 2026/11/20, 2026/1/5 or 2026年11月20日, a date
with its time (2026-11-20 10:00:00, 2026/11/20 10:00), an ISO timestamp with its offset
(2026-11-20T10:00:00+08:00), US and European Excel 11/20/2026 and 20/11/2026. Each is one of:
fine as it is; rewritable to yyyy-mm-dd without doubt (the date as written: a time and offset
are dropped, never converted); or left for the seller: a day and month that read both ways
(03/04/2026), a day the calendar does not have, no date at all, or a blank cell (Amazon requires
a ship-date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from appeal.dates import FIRST_YEAR, LAST_YEAR, parse_date
from appeal.tracking.kinds import SHIP_DATE, SHIP_DATE_LEFT

Verdict = Literal["ok", "rewrite", "ambiguous", "not_a_day", "not_a_date", "blank"]
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)  # Amazon's form: the common cell
# A time after the date (Excel's 10:00:00, 10:00 AM, an ISO time with an offset or Z)
_WITH_TIME = re.compile(
    r"(.+?)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AP]\.?M\.?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    re.ASCII | re.IGNORECASE,
)
# Day and month in either order before the year: 20/11/2026, 11/20/2026, 20.11.2026, 3-4-2026
_NOT_YEAR_FIRST = re.compile(r"(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})", re.ASCII)
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
# 20 Nov 2026, 20-Nov-2026, Nov 20, 2026, November 20th 2026
_DAY_NAMED = re.compile(r"(\d{1,2})[\s./-]*([a-z]+)\.?[\s./,-]*(\d{4})", re.ASCII | re.IGNORECASE)
_NAMED_DAY = re.compile(
    r"([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})", re.ASCII | re.IGNORECASE
)
_CACHED = 4096  # distinct cells remembered (a file has few distinct ship-dates)


@dataclass(frozen=True)
class ShipDate:
    """What a ship-date cell says: its verdict, the date (ok, rewrite), both readings
    (ambiguous: day first, month first), and whether a time followed the date."""

    raw: str
    verdict: Verdict
    day: dt.date | None = None
    readings: tuple[dt.date, dt.date] | None = None
    timed: bool = False

    @property
    def bits(self) -> int:
        """The finding bits (kinds.py): none, SHIP_DATE (--fix rewrites it) or SHIP_DATE_LEFT."""
        if self.verdict == "ok":
            return 0
        return SHIP_DATE if self.verdict == "rewrite" else SHIP_DATE_LEFT

    @property
    def rewritten(self) -> str:
        """The yyyy-mm-dd form --fix writes ("" when there is none to write)."""
        return self.day.isoformat() if self.day is not None and self.verdict == "rewrite" else ""


def read_ship_date(raw: str) -> ShipDate:
    """The verdict on one ship-date cell."""
    import unicodedata

    text = raw.strip()
    if not text:
        return ShipDate(raw, "blank")
    if _ISO.fullmatch(text):
        day = _day(int(text[:4]), int(text[5:7]), int(text[8:]))
        return ShipDate(raw, "ok", day) if day else ShipDate(raw, "not_a_day")
    text = unicodedata.normalize("NFKC", text)  # full-width digits, ideographic spaces
    timed = _WITH_TIME.fullmatch(text)
    if timed is not None:
        text = timed[1].strip()
    found = _read(text)
    if isinstance(found, dt.date):
        return ShipDate(raw, "rewrite", found, timed=timed is not None)
    if isinstance(found, tuple):
        return ShipDate(raw, "ambiguous", readings=found, timed=timed is not None)
    return ShipDate(raw, found)


def _read(text: str) -> dt.date | tuple[dt.date, dt.date] | Verdict:
    """A date without its time: the day it names, its two readings, or why it names none."""
    try:
        return parse_date(text)  # year first: 2026/11/20, 2026.1.5, 2026年11月20日
    except ValueError:
        pass
    if re.match(r"\d{4}\s*[-/.年]", text):  # year first, but no day of the calendar
        return "not_a_day"
    match = _NOT_YEAR_FIRST.fullmatch(text)
    if match is not None:
        first, second, year = int(match[1]), int(match[3]), int(match[4])
        day_first, month_first = _day(year, second, first), _day(year, first, second)
        if day_first and month_first and day_first != month_first:
            return day_first, month_first
        return day_first or month_first or "not_a_day"
    for pattern, day_at, month_at in ((_DAY_NAMED, 1, 2), (_NAMED_DAY, 2, 1)):
        named = pattern.fullmatch(text)
        month = _MONTHS.get(named[month_at].lower()) if named else None
        if named and month:
            return _day(int(named[3]), month, int(named[day_at])) or "not_a_day"
    return "not_a_date"


def _day(year: int, month: int, day: int) -> dt.date | None:
    """The date, when the calendar has it and the year can be an appeal's."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def ship_date_bits(raw: str, seen: dict[str, int]) -> int:
    """The finding bits of a ship-date cell, remembered in `seen` (the scan's cache: one
    verdict per distinct cell, a few thousand at most)."""
    bits = seen.get(raw)
    if bits is None:
        bits = read_ship_date(raw).bits
        if len(seen) < _CACHED:
            seen[raw] = bits
    return bits
