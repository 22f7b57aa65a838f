"""Numbers in the seller's sentences: dates a sentence already states, and "N of M" figures
whose breakdown does not add up (a reviewer asks about the orders left unexplained)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m]
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"


def mentions_date(text: str, day: dt.date) -> bool:
    """True when `text` names `day` (2026-11-11, 2026/11/11, 11 November 2026, 11 Nov,
    November 11, 2026年11月11日 ...)."""
    month_names = f"(?:{calendar.month_name[day.month]}|{calendar.month_abbr[day.month]})\\.?"
    patterns = [
        rf"\b{day.year}\s*[-/.年]\s*0?{day.month}\s*[-/.月]\s*0?{day.day}(?!\d)",
        rf"(?<!\d)0?{day.day}(?:st|nd|rd|th)?\s+{month_names}\b",
        rf"\b{month_names}\s+0?{day.day}(?:st|nd|rd|th)?(?!\d)",
    ]
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


# "37 of 412", "27 of the 31", "17 of them"; "Of 611 packages ..., 71 had ...".
_CLAIM = re.compile(r"(?<![\w.,])(\d[\d,]*)\s+of\s+(?:the\s+)?(\d[\d,]*|them|these|those)\b", re.I)
_OF_FIRST = re.compile(r"^\s*Of\s+(?:the\s+)?(\d[\d,]*)\b[^,;:]*,\s*(\d[\d,]*)\b", re.I)
_NUMBER = re.compile(r"(?<![\w.,/:-])(\d[\d,]*)(?![\w.,/:%-]*\d)(?!\s*%)")
_UNIT = re.compile(
    rf"\s*(?:%|{_MONTH}|(?:working\s+|business\s+|calendar\s+)?(?:days?|hours?|weeks?|months?"
    r"|years?|minutes?|times?)\b|(?:cm|mm|km|kg|g|m|lb|oz|USD|GBP|EUR|CAD|JPY|AUD|pm|am)\b"
    r"|(?:to|and|-|–)\s*\d|x\b|st\b|nd\b|rd\b|th\b)",
    re.I,
)
_RANGE_END = re.compile(r"\d\s*(?:to|and|-|–)\s*$", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


@dataclass(frozen=True)
class Breakdown:
    """An "N of M" claim and the counts that follow it in the same sentence."""

    claim: str
    part: int
    whole: int | None
    parts: list[int]
    rest_explained: bool = True  # for "K of the N": the other N - K are accounted for
    refers_back: bool = False  # "K of the N" / "K of them": part of an earlier figure

    @property
    def total(self) -> int:
        return sum(self.parts)

    @property
    def adds_up(self) -> bool:
        if self.parts:
            whole = self.whole if self.refers_back else None
            return self.total in (self.part, self.whole) or self.part + self.total == whole
        return self.rest_explained

    @property
    def rest(self) -> int:
        """How many the breakdown leaves out."""
        if self.parts:
            return abs(self.part - self.total)
        return (self.whole or 0) - self.part

    def problem(self) -> str:
        """What does not add up, in words."""
        if self.parts:
            listed = " + ".join(map(str, self.parts))
            claim, total = self.claim, self.total
            return f'the counts after "{claim}" add up to {listed} = {total}, not {self.part}'
        rest = (self.whole or 0) - self.part
        return f'"{self.claim}" leaves {rest} of the {self.whole} unexplained'


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _parts(sentence: str, start: int) -> list[int]:
    """Counts after position `start`: numbers that are neither dates, years, percentages,
    ranges nor measures, and not the "of M" of a nested claim."""
    found = []
    skip_until = start
    for match in _NUMBER.finditer(sentence, start):
        if match.start() < skip_until:
            continue
        value = _int(match.group(1))
        after = sentence[match.end() :]
        before = sentence[: match.start()]
        if 1900 <= value <= 2100 or _UNIT.match(after) or _RANGE_END.search(before):
            continue
        if re.search(rf"{_MONTH}\s*$", before, re.I):
            continue
        nested = _CLAIM.match(sentence, match.start())
        if nested is not None:
            skip_until = nested.end()
        found.append(value)
    return found


def breakdowns(text: str) -> list[Breakdown]:
    """Each sentence's first "N of M" claim with the counts given after it."""
    found: list[Breakdown] = []
    flat = " ".join(text.split())
    sentences = _SENTENCE.split(flat)
    for index, sentence in enumerate(sentences):
        claim = _CLAIM.search(sentence)
        first = _OF_FIRST.match(sentence)
        if first is not None and (claim is None or first.start() <= claim.start()):
            counted, total = _int(first.group(2)), _int(first.group(1))
            parts = _parts(sentence, first.end())
            found.append(Breakdown(first.group(0).strip(), counted, total, parts))
            continue
        if claim is None:
            continue
        part, whole_text = _int(claim.group(1)), claim.group(2)
        refers_back = not whole_text[0].isdigit() or "the" in claim.group(0).lower().split()
        whole = _int(whole_text) if whole_text[0].isdigit() else None
        if whole is None and found:
            whole = found[-1].part
        parts = _parts(sentence, claim.end())
        explained = True
        if refers_back and not parts and whole is not None and part < whole:
            later = " ".join([sentence[claim.end() :], *sentences[index + 1 :]])
            explained = re.search(rf"(?<![\d.,]){whole - part}(?![\d.,])", later) is not None
        found.append(Breakdown(claim.group(0), part, whole, parts, explained, refers_back))
    return found
