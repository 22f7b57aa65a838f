"""Checks on the words themselves: placeholders left from templates, text not in English, the
phrase families reviewers reject (data in `data/checks.yaml`), and questions to Amazon."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Annotated, Literal

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
_NON_LATIN = (
    r"\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0e00-\u0e7f\u3040-\u30ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef"
)
NON_LATIN = re.compile(rf"[{_NON_LATIN}]+")
# A run of text in another script as a reader sees it: from its first such character to its
# last, with the digits, spaces and punctuation between (a Chinese sentence with dates and
# counts is one run, not "年"), digits just before it ("2026年") and CJK punctuation around it.
_LATIN_LETTER = r"A-Za-z\u00c0-\u024f\u1e00-\u1eff"
_NON_LATIN_RUN = re.compile(
    rf"[\u3000-\u303f]*\d*[{_NON_LATIN}](?:[^{_LATIN_LETTER}]*[{_NON_LATIN}])?[\u3000-\u303f]*"
)
# A name in another script followed by its Latin spelling in brackets: "王芳 (Wang Fang)".
_GLOSSED = re.compile(rf"[{_NON_LATIN}]+\s*[(（][^()（）]*[{_LATIN_LETTER}][^()（）]*[)）]")
QUOTE_COLUMNS = 80  # a longer run is quoted up to this width (a CJK character takes two)
# Where a `?` is not a question: inside a web address, or inside quotes.
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|(?<!\w)'[^'\n]*'(?!\w)")
# A sentence ends at . ! ? ; followed by a space (not inside 4.1 or a URL).
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def non_latin_run(text: str) -> str | None:
    """The first run of text in a non-Latin script, whole (spaces collapsed), cut to about
    QUOTE_COLUMNS columns with "..." when longer; None when the text has none."""
    import unicodedata

    match = _NON_LATIN_RUN.search(text)
    if match is None:
        return None
    run = " ".join(match.group(0).split())
    columns = 0
    for index, char in enumerate(run):
        columns += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
        if columns > QUOTE_COLUMNS - 4:
            return run[:index].rstrip() + " ..."
    return run


# What a piece of text is: body text (English only), a name or an address (any script: the
# letterhead and the signature), or the owner of a preventive measure (in the body: a role or
# a name, in Latin letters, so the reviewer can read it).
TextKind = Literal["text", "name", "owner"]


@dataclass(frozen=True)
class Text:
    """One piece of text the letter shows, with where it comes from."""

    where: str
    text: str
    kind: TextKind = "text"


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


_OWNER_FIX = (
    "the owner is written into the letter's body, which the reviewer reads in English: write "
    "a role in English (e.g. 'Warehouse lead') or the person's name in Latin letters (a "
    "Chinese name in pinyin, e.g. 'Zhang Min' for 张敏)",
    "负责人会写进信的正文，审核员读的是英文：请写英文职位（如 Warehouse lead），或用拉丁字母"
    "写姓名（中文姓名写拼音，如“张敏”写作 Zhang Min）",
)


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
        if piece.kind == "name":
            continue
        # an owner's name may keep its own script beside the Latin spelling the reviewer reads
        plain = _GLOSSED.sub("", piece.text) if piece.kind == "owner" else piece.text
        if (run := non_latin_run(plain)) is not None:
            fix, fix_zh = (
                _OWNER_FIX
                if piece.kind == "owner"
                else (
                    f"the letter to {marketplace} must be in English: translate this text "
                    "(names and addresses may stay as they are)",
                    f"寄往 {marketplace} 的信必须是英文：请翻译这段文字（姓名和地址可保留原样）",
                )
            )
            level: Level = "error" if english else "warning"
            findings.append(Finding(level, "not-english", piece.where, run, fix, fix_zh))
        if piece.kind == "owner":
            continue
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
