"""Cleaning a pasted tracking number: what can be removed with certainty, and what cannot.

Removed: NFKC folding (full-width digits and letters, odd spaces), every invisible character
(Unicode categories Cf, Zs, Zl, Zp, Cc, variation selectors, Hangul fillers, U+2800), and
lower case. Refused and named: anything else that is not A-Z or 0-9 (Cyrillic or Greek
look-alike letters, Arabic-Indic digits, punctuation), because mapping it would be a guess.
A hyphen is kept only where the carrier's format has one; elsewhere it is a separator and goes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

_INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc"})
_INVISIBLE_EXTRA = frozenset(
    (
        0x115F,
        0x1160,
        0x3164,
        0xFFA0,
        0x2800,  # Hangul fillers, braille blank
        *range(0xFE00, 0xFE10),  # variation selectors
        *range(0xE0100, 0xE01F0),  # variation selectors supplement
    )
)
_ALLOWED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def char_name(ch: str) -> str:
    """'U+200B ZERO WIDTH SPACE' for a character."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED CHARACTER')}"


def is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ord(ch) in _INVISIBLE_EXTRA


@dataclass(frozen=True)
class Removed:
    """An invisible or separating character taken out, with its 1-based position."""

    char: str
    position: int

    def describe(self) -> str:
        return f"{char_name(self.char)} at position {self.position}"


@dataclass(frozen=True)
class Refused:
    """A character that cannot be cleaned with certainty."""

    char: str
    position: int

    def describe(self) -> str:
        hint = ""
        name = unicodedata.name(self.char, "")
        if "CYRILLIC" in name or "GREEK" in name:
            hint = " (looks like a Latin letter but is not one)"
        elif unicodedata.category(self.char) == "Nd":
            hint = " (a digit of another script)"
        return f"{char_name(self.char)} at position {self.position}{hint}"


@dataclass(frozen=True)
class Cleaned:
    """The result of cleaning one raw value."""

    raw: str
    value: str  # A-Z, 0-9 and kept hyphens only; meaningful when `refused` is empty
    removed: tuple[Removed, ...] = field(default=())
    refused: tuple[Refused, ...] = field(default=())
    folded: bool = False  # NFKC or upper-casing changed a visible character
    hyphens_removed: int = 0

    @property
    def certain(self) -> bool:
        return not self.refused

    @property
    def invisible(self) -> tuple[Removed, ...]:
        return tuple(r for r in self.removed if is_invisible(r.char) and r.char != " ")

    @property
    def changed(self) -> bool:
        return self.value != self.raw


def clean_tracking_number(raw: str, *, keep_hyphens: bool = False) -> Cleaned:
    """Clean `raw`; never maps one visible character to another except by NFKC and case."""
    if raw.isascii() and raw.isalnum():  # the common case: nothing to remove
        upper = raw.upper()
        return Cleaned(raw=raw, value=upper, folded=upper != raw)
    removed: list[Removed] = []
    refused: list[Refused] = []
    out: list[str] = []
    folded = False
    hyphens = 0
    for position, original in enumerate(raw, start=1):
        if is_invisible(original):
            removed.append(Removed(original, position))
            continue
        normal = unicodedata.normalize("NFKC", original)
        upper = normal.upper()
        if upper != original:
            folded = True
        for ch in upper:
            if ch in _ALLOWED:
                out.append(ch)
            elif is_invisible(ch):
                removed.append(Removed(original, position))
            elif ch == "-":
                if keep_hyphens:
                    out.append(ch)
                else:
                    hyphens += 1
                    removed.append(Removed(original, position))
            else:
                refused.append(Refused(original, position))
    return Cleaned(
        raw=raw,
        value="".join(out),
        removed=tuple(removed),
        refused=tuple(refused),
        folded=folded,
        hyphens_removed=hyphens,
    )
