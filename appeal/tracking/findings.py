"""The words for what was found on one row: one sentence per kind of finding, shared by the
terminal, the JSON and the report file of rows left for the user. Text from the file is shown
inert (invisible and control characters as escapes), so a cell cannot drive the terminal."""

from __future__ import annotations

import re
from collections.abc import Sequence

from appeal.tracking.carriers import FAMILY_NAMES
from appeal.tracking.clean import Refused, Removed
from appeal.tracking.result import RowFinding
from appeal.tracking.shipdate import ShipDate

SHOWN = 60  # characters of a cell shown (the longest ID, with spaces and pasted characters)
_SCIENTIFIC = re.compile(r"\d[.,]\d*E\+\d{1,3}", re.IGNORECASE)
_GROUPS = 8  # kinds of character named one by one


def inert(text: str) -> str:
    """`text` with every character that is not plainly printable (controls, escape sequences,
    invisible and bidi marks) shown as a \\u escape, and backslashes doubled."""
    if text.isprintable() and "\\" not in text:
        return text
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
    return "".join(out)


def shown(text: str, limit: int = SHOWN) -> str:
    """`text` inert, cut after about `limit` characters shown, with its length said: a cell of
    a damaged file can be megabytes long, and the terminal shows its start."""
    whole = inert(text[: limit + 1])
    if len(text) <= limit and len(whole) <= 2 * limit:
        return whole
    head = ""
    for ch in text[:limit]:
        piece = inert(ch)
        if len(head) + len(piece) > limit:
            break
        head += piece
    return f"{head}... ({len(text):,} characters)"


def _chars(found: Sequence[Removed | Refused]) -> str:
    """The characters found, each kind once with its count and positions: a pasted run of
    100,000 zero-width spaces is one item, and so are 22 digits of one other script."""
    import unicodedata

    scripts = {unicodedata.name(r.char, "").partition(" DIGIT")[0] for r in found}
    digits = all(unicodedata.category(r.char) == "Nd" for r in found)
    if len(found) > 1 and digits and len(scripts) == 1:
        script = scripts.pop().title()
        return f"{len(found):,} digits of another script ({script})"
    groups: dict[str, list[Removed | Refused]] = {}
    for item in found:
        groups.setdefault(item.char, []).append(item)
    parts = []
    for items in list(groups.values())[:_GROUPS]:
        if len(items) == 1:
            parts.append(items[0].describe())
            continue
        first = items[0].describe()
        at = [i.position for i in items]
        if at[-1] - at[0] == len(at) - 1:
            where = f"positions {at[0]:,} to {at[-1]:,}"
        elif len(at) <= 3:
            where = "positions " + ", ".join(f"{p:,}" for p in at)
        else:
            where = f"positions {at[0]:,}, {at[1]:,} ... {at[-1]:,}"
        parts.append(f"{len(items):,} x " + first.replace(f"position {at[0]}", where, 1))
    if len(groups) > _GROUPS:
        parts.append(f"{len(groups) - _GROUPS:,} more kinds of character")
    return "; ".join(parts)


def describe(row: RowFinding, kind: str) -> str:
    """One sentence for one kind of finding on `row`."""
    if kind in ("ship_date", "ship_date_left") and row.ship_date is not None:
        return _ship_date(row.ship_date)
    if kind == "cut_short" and row.cut is not None:
        cells, width, lacking = row.cut
        return (
            f"the row has {cells} of the {width} columns and ends before {lacking}: cut short? "
            "Amazon reads the missing cells as blank. Complete the row"
        )
    c = row.checked
    carrier = c.carrier
    if kind == "invisible":
        return f"invisible character {_chars(c.cleaned.invisible)}"
    if kind == "folded":
        return "full-width or lower-case characters (folded to plain A-Z/0-9)"
    if kind == "separators":
        parts = []
        if c.cleaned.spaces:
            parts.append(f"{c.cleaned.spaces} space(s)")
        if c.cleaned.hyphens_removed:
            parts.append(f"{c.cleaned.hyphens_removed} hyphen(s)")
        return f"{' and '.join(parts)} inside the ID, which the carrier's IDs do not have"
    if kind == "uncleanable":
        number = c.cleaned.raw.strip()
        if _SCIENTIFIC.fullmatch(number):
            return (
                f"a spreadsheet turned this ID into a number in scientific notation ({number}): "
                "its last digits are lost. Retype it from the label, with the column formatted "
                "as Text before you paste"
            )
        return f"cannot be cleaned: {_chars(c.cleaned.refused)}; retype the ID from the label"
    if kind in ("check_failed", "unrecognised"):
        if kind == "check_failed" and c.format is not None:
            text = f"fails the check digit of {c.format.name}: a typing error"
        else:
            text = f"matches no format of {shown(carrier.shown) if carrier else 'any carrier'}"
        others = c.fits_other
        if others:
            names = ", ".join(FAMILY_NAMES[f] for f in others)
            text += f"; it fits the format of {names}: was the right carrier selected?"
        return text
    if kind == "duplicate" and row.duplicate_of is not None:
        file, line = row.duplicate_of
        return f"also used on another order ({inert(file)} line {line})"
    if kind == "use_code" and carrier is not None:
        return (
            f"'{shown(carrier.shown)}' is on Amazon's carrier list: use the code {carrier.use_code}"
        )
    if kind == "not_integrated" and carrier is not None:
        if not carrier.code:
            return "no carrier code: Amazon cannot tell whose scans to read"
        return (
            f"'{shown(carrier.shown)}' is not a carrier Amazon integrates with (not on its list "
            "of carrier codes), so Amazon cannot read its scans"
        )
    if kind == "missing":
        if c.cleaned.raw.strip():
            return "nothing but invisible characters: no tracking ID Amazon can read"
        return "no tracking ID (a blank cell keeps any ID already on the order)"
    if kind == "null":
        return "NULL deletes the tracking ID from the order"
    listed = carrier.listed if carrier is not None else "the carrier"
    return f"not checked: the number format of {listed} is not public"


def _ship_date(found: ShipDate) -> str:
    """The sentence for a ship-date Amazon would not take as it is written."""
    from appeal.dates import longdate

    written = f"ship-date '{shown(found.raw)}'"
    if found.verdict == "rewrite" and found.day is not None:
        text = (
            f"{written} is {longdate(found.day)} but not in Amazon's form yyyy-mm-dd; "
            f"--fix writes {found.rewritten}"
        )
        if found.timed:
            text += " (the date as written, without the time: Amazon's ship-date is a day)"
        return text
    if found.verdict == "ambiguous" and found.readings is not None:
        one, other = found.readings
        return (
            f"{written} reads as {longdate(one)} (day first) or {longdate(other)} (month "
            f"first): --fix cannot tell which. Write {one.isoformat()} or {other.isoformat()}"
        )
    if found.verdict == "blank":
        return "no ship-date: Amazon requires one, as yyyy-mm-dd (e.g. 2026-11-20)"
    if found.verdict == "not_a_day":
        return (
            f"{written} is not a possible day (no such day in the calendar, or a year outside "
            "2000-2099): write the day it shipped as yyyy-mm-dd"
        )
    if found.raw.strip().isdigit() and len(found.raw.strip()) == 5:
        return (
            f"{written} is a spreadsheet's day number, not a date: format the column as Text "
            "and type the date as yyyy-mm-dd (e.g. 2026-11-20)"
        )
    return f"{written} is not a date Amazon can read: write it as yyyy-mm-dd (e.g. 2026-11-20)"


def findings(row: RowFinding) -> list[str]:
    """Every finding on `row`, in display order."""
    return [describe(row, kind) for kind in row.kinds]
