"""The rules the checks apply to a case and its letter (spec section 7): structure, text and
length. Phrase lists are data (`data/checks.yaml`); each finding says where it is, quotes the
words, and says how to fix it. Errors block (exit 1); warnings advise."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue
from appeal.core.datafile import load_data_file
from appeal.core.marketplaces import marketplace as marketplace_info
from appeal.letter.content import Letter
from appeal.letter.formats.document import parse_markdown
from appeal.letter.formats.txt import blocks_to_text

Level = Literal["error", "warning"]
MAX_WORDS = 1000  # about two pages; Amazon publishes no limit, reviewers read for minutes
_PLACEHOLDER = re.compile(
    r"\bTODO\b|\bTBD\b|\bXXX\b|\{\{|\{%|\[(?:name|date|number|your [^\]]*|"
    r"insert[^\]]*|company[^\]]*|store[^\]]*)\]",
    re.IGNORECASE,
)
_NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]+"
)
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Finding:
    """One problem found: how bad, which rule, where (cause, part, item), the words, the fix."""

    level: Level
    rule: str
    where: str
    quote: str
    fix: str

    def line(self) -> str:
        quoted = f' "{self.quote}"' if self.quote else ""
        return f"{self.level}: {self.where}: [{self.rule}]{quoted}: {self.fix}"


@dataclass(frozen=True)
class _Text:
    where: str
    text: str
    is_name: bool = False  # names and addresses may be in any script


class PhraseRule(BaseModel):
    """A family of phrases that weakens a plan (data/checks.yaml)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: Level
    problem: str
    fix: str
    phrases: list[str] = Field(min_length=1)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Any of the phrases as whole words, case-insensitive, any run of spaces between."""
        phrases = sorted(self.phrases, key=len, reverse=True)
        body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
        return re.compile(rf"(?<![\w'])(?:{body})(?![\w])", re.IGNORECASE)


class _RulesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    rules: dict[str, PhraseRule]


@cache
def phrase_rules() -> dict[str, PhraseRule]:
    """The phrase families by name (pleading, blaming ...), compiled on first use."""
    return load_data_file("checks.yaml", _RulesFile, wrap="rules").rules


def _texts(case: Case, catalogue: Catalogue) -> list[_Text]:
    """Every piece of text the letter shows, with where it comes from."""
    seller = case.seller
    out = [
        _Text("seller.business_name", seller.business_name, True),
        _Text("seller.contact_name", seller.contact_name, True),
        _Text("seller.store_name", seller.store_name, True),
    ]
    if seller.address:
        out.append(_Text("seller.address", seller.address, True))
    if case.notice.reference:
        out.append(_Text("notice.reference", case.notice.reference))
    for index, entry in enumerate(case.causes, start=1):
        cause = catalogue.causes[entry.cause]
        label = f"cause {index} ({entry.cause})"
        if entry.facts:
            out.append(_Text(f"{label}, facts", entry.facts))
        for part in PARTS:
            for number, item in enumerate(getattr(entry, part), start=1):
                where = f"{label}, {catalogue.part_name(part)}, item {number}"
                resolved = cause.item(part, item.use) if item.use else None
                out.append(_Text(where, item.text or (resolved.en if resolved else "")))
                owner = getattr(item, "owner", None)
                if owner:
                    out.append(_Text(f"{where}, owner", owner, True))
                frequency = getattr(item, "frequency", None)
                if frequency:
                    out.append(_Text(f"{where}, frequency", frequency))
    return out


def _structure(case: Case, catalogue: Catalogue) -> list[Finding]:
    findings = []
    for index, entry in enumerate(case.causes, start=1):
        cause = catalogue.causes[entry.cause]
        label = f"cause {index} ({entry.cause})"
        for part in PARTS:
            name = catalogue.part_name(part)
            if not getattr(entry, part):
                findings.append(
                    Finding(
                        "error",
                        "missing-part",
                        f"{label}, {catalogue.part_name(part)}",
                        "",
                        f"Amazon asks for {name} for every cause; add at least one "
                        f"(`appeal causes` lists the catalogue's {name} for {cause.id})",
                    )
                )
        own_words = entry.facts + " ".join(i.text or "" for i in entry.root_causes)
        if not _NUMBER.search(own_words):
            findings.append(
                Finding(
                    "warning",
                    "no-figures",
                    f"{label}, facts",
                    entry.facts[:60],
                    "give numbers and dates: how many orders or packages, out of how many, between "
                    "which dates (e.g. '37 of 412 packages between 6 October and 4 November 2026')",
                )
            )
        for number, action in enumerate(entry.corrective_actions, start=1):
            if action.date is None:
                findings.append(
                    Finding(
                        "warning",
                        "action-without-date",
                        f"{label}, actions taken, item {number}",
                        "",
                        "add `date:` (when it was done); dated actions show the fix is real",
                    )
                )
        for number, measure in enumerate(entry.preventive_measures, start=1):
            default = cause.item("preventive_measures", measure.use or "")
            if not (measure.owner or measure.frequency or (default and default.frequency)):
                findings.append(
                    Finding(
                        "warning",
                        "measure-without-owner",
                        f"{label}, prevention, item {number}",
                        "",
                        "add `owner:` (who does it) or `frequency:` (how often); a measure without "
                        "either reads as a promise",
                    )
                )
    return findings


def _text_findings(texts: list[_Text], marketplace: str) -> list[Finding]:
    findings = []
    english = marketplace_info(marketplace).english
    for piece in texts:
        if (match := _PLACEHOLDER.search(piece.text)) is not None:
            findings.append(
                Finding(
                    "error",
                    "template-text",
                    piece.where,
                    match.group(0),
                    "replace the placeholder with the real content",
                )
            )
        if not piece.is_name and (match := _NON_LATIN.search(piece.text)) is not None:
            findings.append(
                Finding(
                    "error" if english else "warning",
                    "not-english",
                    piece.where,
                    match.group(0),
                    f"the letter to {marketplace} must be in English: translate this text "
                    "(names and addresses may stay as they are)",
                )
            )
        if not piece.is_name:
            for group, rule in phrase_rules().items():
                for match in rule.pattern.finditer(piece.text):
                    findings.append(
                        Finding(
                            rule.level,
                            group.replace("_", "-"),
                            piece.where,
                            match.group(0),
                            f"{rule.problem}: {rule.fix}",
                        )
                    )
            if "?" in piece.text:
                question = piece.text[: piece.text.index("?") + 1].rsplit(".", 1)[-1].strip()
                findings.append(
                    Finding(
                        "warning",
                        "question",
                        piece.where,
                        question,
                        "ask Amazon nothing in the plan; state what you did and will do",
                    )
                )
    return findings


def letter_words(letter: Letter) -> int:
    return len(blocks_to_text(parse_markdown(letter.markdown)).split())


def letter_findings(case: Case, catalogue: Catalogue, letter: Letter) -> list[Finding]:
    """All findings for `case` and the letter it makes, errors first."""
    findings = _structure(case, catalogue)
    findings += _text_findings(_texts(case, catalogue), case.seller.marketplace)
    words = letter_words(letter)
    if words > MAX_WORDS:
        findings.append(
            Finding(
                "warning",
                "too-long",
                "letter",
                f"{words} words",
                f"keep it to about two pages (~{MAX_WORDS} words): reviewers spend a few minutes; "
                "cut repetition, keep numbers, dates and mechanisms",
            )
        )
    return sorted(findings, key=lambda f: f.level != "error")
