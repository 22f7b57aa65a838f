"""The words for what was found on one row: one sentence per kind of finding, shared by the
terminal, the JSON and the report file of rows left for the user. Text from the file is shown
inert (invisible and control characters as escapes), so a cell cannot drive the terminal."""

from __future__ import annotations

from appeal.tracking.carriers import FAMILY_NAMES
from appeal.tracking.result import RowFinding


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


def describe(row: RowFinding, kind: str) -> str:
    """One sentence for one kind of finding on `row`."""
    c = row.checked
    carrier = c.carrier
    if kind == "invisible":
        chars = "; ".join(r.describe() for r in c.cleaned.invisible)
        return f"invisible character {chars}"
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
        chars = "; ".join(r.describe() for r in c.cleaned.refused)
        return f"cannot be cleaned: {chars}; retype the ID from the label"
    if kind in ("check_failed", "unrecognised"):
        if kind == "check_failed" and c.format is not None:
            text = f"fails the check digit of {c.format.name}: a typing error"
        else:
            text = f"matches no format of {inert(carrier.shown) if carrier else 'any carrier'}"
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
            f"'{inert(carrier.shown)}' is on Amazon's carrier list: use the code {carrier.use_code}"
        )
    if kind == "not_integrated" and carrier is not None:
        if not carrier.code:
            return "no carrier code: Amazon cannot tell whose scans to read"
        return (
            f"'{inert(carrier.shown)}' is not a carrier Amazon integrates with (not on its list "
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


def findings(row: RowFinding) -> list[str]:
    """Every finding on `row`, in display order."""
    return [describe(row, kind) for kind in row.kinds]
