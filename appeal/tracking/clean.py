"""Cleaning a pasted tracking number: what can be removed with certainty, and what cannot.

Removed: every invisible character (Unicode categories Cf, Zs, Zl, Zp, Cc, variation selectors,
Hangul fillers, U+2800), spaces, and hyphens where the carrier's format has none. Folded: lower
case, and characters NFKC turns into plain A-Z/0-9 (full-width `１Ｚ`). Refused and named:
anything else (Cyrillic or Greek look-alike letters, Arabic-Indic digits, punctuation), because
mapping it would be a guess.

Each character is classified once per process and the answer kept, so a row is cleaned by two
`str.translate` calls in C; the positions of what was removed are worked out only for rows that
are shown.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# What cleaning did to a value (bit flags).
INVISIBLE = 1  # an invisible character was removed
SEPARATOR = 2  # a space or hyphen was removed
FOLDED = 4  # lower case or a full-width form was folded to A-Z/0-9
REFUSED = 8  # a character that cannot be cleaned with certainty is present

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
_PLAIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_PLAIN_SET = frozenset(_PLAIN)
_first_non_ascii = re.compile(r"[^\x00-\x7f]").search


_CONTROL_NAMES = {
    0x00: "NULL",
    0x09: "CHARACTER TABULATION",
    0x0A: "LINE FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
}


def char_name(ch: str) -> str:
    """'U+200B ZERO WIDTH SPACE' for a character (control characters have no Unicode name)."""
    code = ord(ch)
    name = unicodedata.name(ch, "") or _CONTROL_NAMES.get(code, "")
    if not name:
        name = "CONTROL CHARACTER" if unicodedata.category(ch) == "Cc" else "UNNAMED CHARACTER"
    return f"U+{code:04X} {name}"


def is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE_CATEGORIES or ord(ch) in _INVISIBLE_EXTRA


def _classify(ch: str) -> tuple[str | None, int]:
    """What cleaning makes of one character that is not A-Z/0-9: (replacement, flag); a
    replacement of None keeps the character (refused)."""
    if ch in " -":
        return "", SEPARATOR
    if is_invisible(ch):
        return "", INVISIBLE
    folded = unicodedata.normalize("NFKC", ch)
    if folded.isascii() and folded.isalnum():
        return folded.upper(), FOLDED
    if folded in ("-", " "):  # full-width hyphen or space
        return "", SEPARATOR | FOLDED
    return None, REFUSED


class _Table(dict[int, "str | None"]):
    """A translate table filled on first sight of each character (a plain dict lookup in C
    afterwards). `hyphens` keeps hyphens (carriers whose format has one)."""

    def __init__(self, *, hyphens: bool) -> None:
        super().__init__({ord(c): c for c in _PLAIN})
        self.flags: dict[str, int] = {}  # character -> its flag
        self.odd: dict[str, int] = {}  # the odd characters of a value -> their flags
        self.hyphens = hyphens

    def flag(self, ch: str) -> int:
        found = self.flags.get(ch)
        return self._learn(ch)[1] if found is None else found

    def __missing__(self, code: int) -> str | None:
        return self._learn(chr(code))[0]

    def _learn(self, ch: str) -> tuple[str | None, int]:
        replacement, flag = _classify(ch)
        if self.hyphens and ch == "-":
            replacement, flag = "-", 0
        # A refused character stays in the value, which then fails the A-Z/0-9 test.
        out = ch if replacement is None else (replacement or None)
        if len(self.flags) < _REMEMBERED:  # a file of every Unicode character stays small
            self.flags[ch] = flag
            self[ord(ch)] = out
        return out, flag


_REMEMBERED = 20_000
_TABLES = {False: _Table(hyphens=False), True: _Table(hyphens=True)}
_KEEP = {ord(c): None for c in _PLAIN}  # deletes A-Z/0-9: what is left needs a look


def clean_value(raw: str, hyphens: bool = False) -> tuple[str, int, str]:
    """The cleaned value, the flags of what cleaning did (REFUSED: the value still holds the
    refused characters and must not be used), and the characters other than A-Z/0-9 that
    `raw` holds, each occurrence (empty for a plain value)."""
    table = _TABLES[hyphens]
    if not raw.isascii():  # one kind of non-ASCII character in a plain value (a ZWSP ...)?
        top = "\u200b" if "\u200b" in raw else _first_non_ascii(raw).group()  # type: ignore[union-attr]
        rest = raw.replace(top, "")
        if rest.isascii() and (rest.isdigit() or (rest.isalnum() and rest.isupper()) or not rest):
            flag = table.flag(top)
            odd = top * (len(raw) - len(rest))
            if flag & REFUSED:
                return raw, flag, odd
            replacement = table[ord(top)]
            return (raw.replace(top, replacement) if replacement else rest), flag, odd
    odd_set = set(raw).difference(_PLAIN_SET)
    if not odd_set:
        return raw, 0, ""
    if len(odd_set) == 1:  # the usual dirty cell: one kind of character to remove or fold
        (ch,) = odd_set
        flag = table.flag(ch)
        count = raw.count(ch)
        replacement = table[ord(ch)]
        value = raw if flag & REFUSED else raw.replace(ch, replacement or "")
        return value, flag, ch * count
    odd = raw.translate(_KEEP)
    value = raw.translate(table)
    flags = table.odd.get(odd)
    if flags is None:
        flags = 0
        for ch in odd:
            flags |= table.flag(ch)
        if len(table.odd) < _REMEMBERED:
            table.odd[odd] = flags
    return value, flags, odd


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


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which costs more
# than the rest of a shown row.
@dataclass(slots=True)
class Cleaned:
    """The result of cleaning one raw value."""

    raw: str
    value: str  # A-Z, 0-9 and kept hyphens; meaningful only when `certain`
    flags: int = 0
    hyphens: bool = False  # hyphens were kept (the carrier's format has them)
    _found: tuple[tuple[Removed, ...], tuple[Refused, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def certain(self) -> bool:
        return not self.flags & REFUSED

    @property
    def folded(self) -> bool:
        return bool(self.flags & FOLDED)

    @property
    def changed(self) -> bool:
        return self.value != self.raw

    @property
    def _details(self) -> tuple[tuple[Removed, ...], tuple[Refused, ...]]:
        if self._found is None:
            self._found = self._positions()
        return self._found

    def _positions(self) -> tuple[tuple[Removed, ...], tuple[Refused, ...]]:
        table = _TABLES[self.hyphens]
        removed: list[Removed] = []
        refused: list[Refused] = []
        for position, ch in enumerate(self.raw, start=1):
            if ch in _PLAIN:
                continue
            replacement = ch.translate(table)
            if table.flag(ch) & REFUSED:
                refused.append(Refused(ch, position))
            elif not replacement:
                removed.append(Removed(ch, position))
        return tuple(removed), tuple(refused)

    @property
    def removed(self) -> tuple[Removed, ...]:
        """Characters taken out (invisible ones, spaces, hyphens), in order."""
        return self._details[0]

    @property
    def refused(self) -> tuple[Refused, ...]:
        return self._details[1]

    @property
    def invisible(self) -> tuple[Removed, ...]:
        return tuple(r for r in self.removed if is_invisible(r.char) and r.char != " ")

    @property
    def spaces(self) -> int:
        return sum(1 for r in self.removed if r.char == " ")

    @property
    def hyphens_removed(self) -> int:
        return sum(1 for r in self.removed if not is_invisible(r.char) and r.char != " ")


def cleaned(raw: str, value: str, flags: int, hyphens: bool = False) -> Cleaned:
    """A `Cleaned` from what `clean_value` returned (refused characters left out of the value,
    which then holds only what cleaning is sure of)."""
    if flags & REFUSED:
        value = "".join(ch for ch in value if ch in _PLAIN or (hyphens and ch == "-"))
    return Cleaned(raw, value, flags, hyphens)


def clean_tracking_number(raw: str, *, keep_hyphens: bool = False) -> Cleaned:
    """Clean `raw`; never maps one visible character to another except by NFKC and case."""
    value, flags, _ = clean_value(raw, keep_hyphens)
    return cleaned(raw, value, flags, keep_hyphens)


def invisible_in(odd: str) -> list[str]:
    """The invisible characters among `odd` (as `clean_value` returned it), each occurrence;
    spaces and hyphens are separators, not invisible."""
    table = _TABLES[False]
    return [ch for ch in odd if ch != "-" and table.flag(ch) & INVISIBLE]
