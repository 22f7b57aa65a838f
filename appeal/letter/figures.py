"""Numbers in the seller's sentences: dates a sentence already states, and "N of M" figures
whose breakdown does not add up (a reviewer asks about the orders left unexplained).

Only counts that are clearly parts of the N are summed: a count of the same thing as the
total ("52 orders" of "611 packages": orders, packages, parcels and shipments are one thing
here), "29 of them", or a count that is the subject of its own clause ("8 were ...",
"17 came from ...", "49 from the Singles' Day week"). Other numbers in the sentence ("after
pasting from 3 carrier web pages", "2 warehouse staff did it") are not parts of anything."""

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
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# Words after a count that make it the subject of its clause: "8 were ...", "17 came from".
_PART_VERBS = frozenset(
    {"were", "was", "are", "is", "had", "has", "have", "went", "came", "got", "left", "fell"}
    | {"drew", "took", "held", "bore", "became", "used", "from", "for", "that", "which", "who"}
)
_SAME_THING = frozenset({"order", "package", "parcel", "shipment"})
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
        """What does not add up, in words, as a check (the figures may well be right)."""
        if len(self.parts) == 1 and self.total < self.part:
            return (
                f"what follows explains {self.total} of the {self.part}: check whether the "
                f"other {self.rest} need a word"
            )
        if self.parts:
            listed = " + ".join(map(str, self.parts))
            return (
                f"the counts after it add up to {listed} = {self.total}, not {self.part}: "
                f"check that {_and(self.parts)} are parts of the {self.part}, none counted "
                "twice and none left out"
            )
        rest = self.rest
        return (
            f"{rest} of the {self.whole} are not accounted for: check whether the other {rest} "
            "need a word"
        )

    def problem_zh(self) -> str:
        if len(self.parts) == 1 and self.total < self.part:
            return (
                f"后文只说明了 {self.part} 个中的 {self.total} 个：请考虑是否需要说明其余 "
                f"{self.rest} 个"
            )
        if self.parts:
            listed = " + ".join(map(str, self.parts))
            return (
                f"其后的分项之和为 {listed} = {self.total}，不是 {self.part}：请核对 "
                f"{'、'.join(map(str, self.parts))} 是否都属于这 {self.part} 个，有无重复或遗漏"
            )
        rest = self.rest
        return f"{self.whole} 个中有 {rest} 个未作说明：请考虑是否需要说明其余 {rest} 个"


def _and(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _int(text: str) -> int:
    return int(text.replace(",", ""))


def _lemma(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _nouns(text: str) -> set[str]:
    """What a total counts: the first words after it ("412 merchant-fulfilled packages")."""
    return {_lemma(w) for w in _WORD.findall(text)[:3]}


def _is_part(after: str, nouns: set[str]) -> bool:
    """Whether the count followed by `after` is a part of the claim's total."""
    words = _WORD.findall(after[:60])
    if re.match(r"\s+of\s+(?:the\s+|them\b|these\b|those\b)", after, re.I):
        return True
    if not words or not re.match(r"\s+[A-Za-z]", after):
        return False
    first = words[0].lower()
    if first in _PART_VERBS or (first.endswith("ed") and len(first) > 4 and first != "hundred"):
        return True
    for word in (_lemma(w) for w in words[:2]):
        if word in nouns or (word in _SAME_THING and nouns & _SAME_THING):
            return True
    return False


def _parts(sentence: str, start: int, nouns: set[str]) -> list[int]:
    """Counts after position `start` that are parts of the claim's total (see the module's
    docstring): never dates, years, percentages, ranges or measures, and not the "of M" of a
    nested claim."""
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
        if _is_part(after, nouns):
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
            # "Of M, K had ..., J had ...": J is K's sibling (the findings may overlap), not a
            # part of K; K's own parts follow a colon ("71 had no valid tracking: 52 ...").
            colon = sentence.find(":", first.end())
            nouns = _nouns(sentence[first.end(1) :])
            parts = _parts(sentence, colon, nouns) if colon >= 0 else []
            found.append(Breakdown(first.group(0).strip(), counted, total, parts))
            continue
        if claim is None:
            continue
        part, whole_text = _int(claim.group(1)), claim.group(2)
        refers_back = not whole_text[0].isdigit() or "the" in claim.group(0).lower().split()
        whole = _int(whole_text) if whole_text[0].isdigit() else None
        if whole is None and found:
            whole = found[-1].part
        nouns = _nouns(sentence[claim.end() :]) if whole_text[0].isdigit() else set()
        parts = _parts(sentence, claim.end(), nouns)
        explained = True
        if refers_back and not parts and whole is not None and part < whole:
            later = " ".join([sentence[claim.end() :], *sentences[index + 1 :]])
            explained = re.search(rf"(?<![\d.,]){whole - part}(?![\d.,])", later) is not None
        found.append(Breakdown(claim.group(0), part, whole, parts, explained, refers_back))
    return found
