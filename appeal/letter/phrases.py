"""Checks on the words themselves: placeholders left from templates, text not in English, the
phrase families reviewers reject (data in `data/checks.yaml`), and questions to Amazon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from pydantic import Field

from appeal.core.catalogue import Words
from appeal.core.datafile import DataModel, load_data_file
from appeal.core.marketplaces import marketplace as marketplace_info
from appeal.letter.finding import Finding, Level

_PLACEHOLDER = re.compile(
    r"\bTODO\b|\bTBD\b|\bXXX\b|\{\{|\{%|\[(?:name|date|number|your [^\]]*|"
    r"insert[^\]]*|company[^\]]*|store[^\]]*)\]",
    re.IGNORECASE,
)
NON_LATIN = re.compile(
    r"[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]+"
)
# Where a `?` is not a question: inside a web address, or inside quotes.
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|(?<!\w)'[^'\n]*'(?!\w)")
# A sentence ends at . ! ? ; followed by a space (not inside 4.1 or a URL).
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


@dataclass(frozen=True)
class Text:
    """One piece of text the letter shows, with where it comes from."""

    where: str
    text: str
    is_name: bool = False  # names and addresses may be in any script


class PhraseRule(DataModel):
    """A family of phrases that weakens a plan (data/checks.yaml)."""

    level: Level
    problem: Words
    fix: Words
    phrases: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    unless: str | None = None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Any phrase as whole words, or any pattern; case-insensitive, any run of spaces."""
        phrases = sorted(self.phrases, key=len, reverse=True)
        alternatives = [re.escape(p).replace(r"\ ", r"\s+") for p in phrases]
        body = "|".join(alternatives) or "(?!x)x"
        whole = rf"(?<![\w'])(?:{body})(?![\w])"
        return re.compile("|".join([whole, *self.patterns]), re.IGNORECASE)

    @cached_property
    def exception(self) -> re.Pattern[str] | None:
        return re.compile(self.unless, re.IGNORECASE) if self.unless else None

    def matches(self, text: str) -> list[str]:
        """The flagged words in `text` (a sentence matching `unless` is fine). One scan of the
        whole text: no phrase or pattern crosses a sentence end (a `.`, `!`, `?` or `;` is
        neither a word character nor a space), so only a match's own sentence is looked at."""
        found = []
        for match in self.pattern.finditer(text):
            if self.exception is not None and self.exception.search(
                _sentence_around(text, match.start(), match.end())
            ):
                continue
            found.append(match.group(0))
        return found


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end] (sentences end at . ! ? ; + space)."""
    begin = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        begin = boundary.end()
    after = _SENTENCE_END.search(text, end)
    return text[begin : after.start() if after else len(text)]


class _RulesFile(DataModel):
    rules: dict[str, PhraseRule] = Field(min_length=1)


@cache
def phrase_rules() -> dict[str, PhraseRule]:
    """The phrase families by name (apology, pleading, blame_carrier ...), compiled on use."""
    rules = load_data_file("checks.yaml", _RulesFile, wrap="rules").rules
    for rule in rules.values():
        rule.pattern  # noqa: B018 - a bad regular expression fails here, at load time
    return rules


def question_in(text: str) -> str | None:
    """The question in `text` (up to its `?`), if it asks one; web addresses and quoted words
    do not count."""

    def blank(match: re.Match[str]) -> str:
        return "x" * len(match.group(0))

    plain = _QUOTED.sub(blank, _URL.sub(blank, text))
    if "?" not in plain:
        return None
    end = plain.index("?") + 1
    return text[:end].rsplit(". ", 1)[-1].strip()


def text_findings(texts: list[Text], marketplace: str) -> list[Finding]:
    """Placeholders, non-English text, weak phrases and questions in `texts`."""
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
                    "把占位符换成真实内容",
                )
            )
        if piece.is_name:
            continue
        if (match := NON_LATIN.search(piece.text)) is not None:
            findings.append(
                Finding(
                    "error" if english else "warning",
                    "not-english",
                    piece.where,
                    match.group(0),
                    f"the letter to {marketplace} must be in English: translate this text "
                    "(names and addresses may stay as they are)",
                    f"寄往 {marketplace} 的信必须是英文：请翻译这段文字（姓名和地址可保留原样）",
                )
            )
        for group, rule in phrase_rules().items():
            for words in rule.matches(piece.text):
                findings.append(
                    Finding(
                        rule.level,
                        group.replace("_", "-"),
                        piece.where,
                        words,
                        f"{rule.problem.en}: {rule.fix.en}",
                        f"{rule.problem.zh}：{rule.fix.zh}",
                    )
                )
        question = question_in(piece.text)
        if question is not None:
            findings.append(
                Finding(
                    "warning",
                    "question",
                    piece.where,
                    question,
                    "ask Amazon nothing in the plan; state what you did and will do",
                    "申诉计划里不要向亚马逊提问，只写已做和将做的事",
                )
            )
    return findings
