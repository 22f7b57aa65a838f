"""Checks on the words themselves: placeholders left from templates, text not in English, the
phrase families reviewers reject (data in `data/checks.yaml`), and questions to Amazon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

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


def _compiles(pattern: str) -> str:
    """Checked once, when the data file is read (the result is then cached): a bad
    expression fails there, not in a seller's check."""
    try:
        re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise ValueError(f"not a regular expression: {exc}") from None
    return pattern


# A regular expression of data/checks.yaml, case-insensitive.
Expression = Annotated[str, AfterValidator(_compiles)]


class Pattern(DataModel):
    """A wording a phrase list cannot cover, and the words one of which any match holds."""

    match: Expression
    # lower case, single spaces: a letter that holds none of them cannot match, and the
    # expression is then not compiled (compiling every family costs more than a whole check)
    words: list[str] = Field(min_length=1)

    @field_validator("words")
    @classmethod
    def _folded(cls, words: list[str]) -> list[str]:
        if any(not w or w != folded(w) for w in words):
            raise ValueError("write the words in lower case with single spaces")
        return words


class PhraseRule(DataModel):
    """A family of phrases that weakens a plan (data/checks.yaml)."""

    level: Level
    problem: Words
    fix: Words
    phrases: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    unless: Expression | None = None

    @cached_property
    def _cued_phrases(self) -> tuple[tuple[str, str], ...]:
        """(cue, phrase), the longest phrase first (the order the expression tries them)."""
        return tuple((folded(p), p) for p in sorted(self.phrases, key=len, reverse=True))

    def expression(self, within: str) -> re.Pattern[str] | None:
        """The family's expression for a text whose `folded` form is `within`: any phrase as
        whole words, or any pattern; case-insensitive, any run of spaces. Phrases and patterns
        that cannot match there are left out (they would match nowhere, so what is found is
        the same), and None when nothing is left."""
        phrases = tuple(p for cue, p in self._cued_phrases if cue in within)
        patterns = tuple(p.match for p in self.patterns if any(w in within for w in p.words))
        return _compiled(phrases, patterns) if phrases or patterns else None

    @cached_property
    def exception(self) -> re.Pattern[str] | None:
        return re.compile(self.unless, re.IGNORECASE) if self.unless else None

    def matches(self, text: str, within: str | None = None) -> list[str]:
        """The flagged words in `text` (a sentence matching `unless` is fine); `within` is the
        folded text of the whole letter when `text` is a piece of it. One scan of the whole
        text: no phrase or pattern crosses a sentence end (a `.`, `!`, `?` or `;` is neither a
        word character nor a space), so only a match's own sentence is looked at."""
        expression = self.expression(folded(text) if within is None else within)
        found = []
        for match in expression.finditer(text) if expression else ():
            if self.exception is not None and self.exception.search(
                _sentence_around(text, match.start(), match.end())
            ):
                continue
            found.append(match.group(0))
        return found


@cache
def _compiled(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = [re.escape(p).replace(r"\ ", r"\s+") for p in phrases]
    whole = rf"(?<![\w'])(?:{'|'.join(alternatives)})(?![\w])" if alternatives else None
    return re.compile("|".join(filter(None, [whole, *patterns])), re.IGNORECASE)


# The letters that case-insensitive matching equates with a different ASCII letter, which
# str.lower() keeps apart (tests/test_phrases.py finds them all).
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def folded(text: str) -> str:
    """`text` as the cues are written: lower case, any run of spaces one space. A phrase or
    pattern that matches `text` (case-insensitively) leaves one of its cues in this."""
    return " ".join(text.translate(_ODD_CASES).lower().split())


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
    """The phrase families by name (apology, pleading, blame_carrier ...), each compiled only
    for what a letter could match (compiling all of them costs more than a whole check)."""
    return load_data_file("checks.yaml", _RulesFile, wrap="rules").rules


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
    everything = folded("\n".join(piece.text for piece in texts))
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
            for words in rule.matches(piece.text, everything):
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
