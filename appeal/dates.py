"""Dates as sellers type them, and as letters write them.

Accepted everywhere a date is typed (case files, the wizard, `--set`, command options): the ISO
form 2026-11-18 and the year-first forms sellers use, 2026/11/18, 2026.11.18, 2026年11月18日,
also with full-width digits or one-digit months and days. Day-first and month-first forms
(03/04/2026) are refused: which is which cannot be known.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

FIRST_YEAR, LAST_YEAR = 2000, 2099  # an appeal's dates; anything else is a typing error
_YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", re.ASCII)
DATE_HELP = "write it as YYYY-MM-DD, e.g. 2026-11-20 (2026/11/20 and 2026年11月20日 work too)"


def parse_date(value: object) -> dt.date:
    """The date `value` names; ValueError with a message for the user when it names none."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        match = _YEAR_FIRST.fullmatch(text)
        if match is None:
            raise ValueError(f"'{_short(value)}' is not a date; {DATE_HELP}")
        try:
            day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise ValueError(
                f"'{_short(value)}' is not a day of the calendar; {DATE_HELP}"
            ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"'{_short(value)}': the year {day.year} cannot be right for an appeal; {DATE_HELP}"
        )
    return day


def _short(value: object, limit: int = 40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def longdate(value: dt.date) -> str:
    """21 November 2026: unambiguous for every marketplace."""
    return f"{value.day} {value:%B %Y}"


def pct(value: float) -> str:
    """91.2 %, 4 %, 0.55 %: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".") + " %"
