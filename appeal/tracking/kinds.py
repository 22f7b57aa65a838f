"""The kinds of finding on a tracking row, as bit flags so that a row's findings are one
integer (counted, never stored, for rows that are not shown). The first three bits are
cleaning's own flags (`clean.py`), and cleaning's REFUSED is UNCLEANABLE."""

from __future__ import annotations

from appeal.tracking import clean

INVISIBLE = clean.INVISIBLE  # an invisible character was pasted in
SEPARATORS = clean.SEPARATOR  # spaces or hyphens inside
FOLDED = clean.FOLDED  # full-width or lower-case characters
UNCLEANABLE = clean.REFUSED  # a character that cannot be cleaned with certainty
CHECK_FAILED = 1 << 4  # the shape of the carrier's format, but not its check digit
UNRECOGNISED = 1 << 5  # no format of the carrier (which has public formats)
DUPLICATE = 1 << 6  # the same ID on another order
USE_CODE = 1 << 7  # Other (or a name) for a carrier that has its own code
NOT_INTEGRATED = 1 << 8  # a carrier Amazon does not integrate with
MISSING = 1 << 9  # blank
NULL = 1 << 10  # NULL: deletes the ID
NOT_CHECKED = 1 << 11  # the carrier's format is not public: counted apart, not a problem
SHIP_DATE = 1 << 12  # ship-date not yyyy-mm-dd, but one date without doubt: --fix rewrites it
SHIP_DATE_LEFT = 1 << 13  # ship-date Amazon cannot read and --fix cannot rewrite
CUT_SHORT = 1 << 14  # the row ends before a column the check needs (a row cut short)

# Display order.
KINDS: dict[str, int] = {
    "invisible": INVISIBLE,
    "folded": FOLDED,
    "separators": SEPARATORS,
    "uncleanable": UNCLEANABLE,
    "check_failed": CHECK_FAILED,
    "unrecognised": UNRECOGNISED,
    "duplicate": DUPLICATE,
    "use_code": USE_CODE,
    "not_integrated": NOT_INTEGRATED,
    "missing": MISSING,
    "null": NULL,
    "ship_date": SHIP_DATE,
    "ship_date_left": SHIP_DATE_LEFT,
    "cut_short": CUT_SHORT,
    "not_checked": NOT_CHECKED,
}
PROBLEMS = sum(KINDS.values()) & ~NOT_CHECKED  # any of these makes the exit code 1
CLEANED = INVISIBLE | SEPARATORS | FOLDED  # what --fix cleans in the tracking cell
DATES = SHIP_DATE | SHIP_DATE_LEFT  # about the ship-date cell, not the tracking ID
# What --fix cannot repair: left for the user.
LEFT = PROBLEMS & ~(CLEANED | SHIP_DATE)
NOT_ID = MISSING | NULL | UNCLEANABLE  # no value to compare or write back


_NAMES: dict[int, tuple[str, ...]] = {}


def kinds_of(mask: int) -> tuple[str, ...]:
    """The kind names set in `mask`, in display order."""
    names = _NAMES.get(mask)
    if names is None:
        names = _NAMES[mask] = tuple(name for name, bit in KINDS.items() if mask & bit)
    return names
