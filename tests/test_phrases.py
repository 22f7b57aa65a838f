"""The phrase families compile only what a letter could match (data/checks.yaml `words`):
what they find is the same as with every phrase and pattern compiled, and each pattern's words
are proven from the pattern itself."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.phrases import (
    Pattern,
    PhraseRule,
    _compiled,
    folded,
    phrase_rules,
    text_findings,
)
from appeal.letter.rules import _texts
from tests.conftest import EXAMPLES
from tests.helpers import every_cue, whole_expression

RULES = phrase_rules()
PATTERNS = [(name, p) for name, rule in RULES.items() for p in rule.patterns]


def test_folding_meets_every_letter_that_ignoring_case_equates_with_an_ascii_one() -> None:
    """Case-insensitive matching equates a few non-ASCII letters with ASCII ones (the Kelvin
    sign with k, the long s with s, the Turkish i's with i); `folded` must turn each into that
    letter, or a cue would miss a text the expression matches."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    odd = [chr(c) for c in range(0x80, 0x110000) if letter.fullmatch(chr(c))]
    assert len(odd) == 4  # if Python adds more, folded() must learn them
    for char in odd:
        assert re.fullmatch(folded(char), char, re.IGNORECASE), hex(ord(char))


@pytest.mark.parametrize(
    ("family", "pattern"), PATTERNS, ids=[f"{n}-{i}" for i, (n, _) in enumerate(PATTERNS)]
)
@given(data=st.data())
@settings(max_examples=150, deadline=None)
def test_every_match_of_a_pattern_holds_one_of_its_words(
    family: str, pattern: Pattern, data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(re.compile(pattern.match, re.IGNORECASE)))
    assert any(word in folded(text) for word in pattern.words), (family, text)


@pytest.mark.parametrize("family", sorted(RULES))
@given(data=st.data())
@settings(max_examples=60, deadline=None)
def test_every_phrase_written_any_way_holds_its_cue(family: str, data: st.DataObject) -> None:
    rule = RULES[family]
    if not rule.phrases:
        return
    phrase = data.draw(st.sampled_from(rule.phrases))
    spaces = st.text(alphabet=" \t\n\u00a0\u2003\u3000", min_size=1, max_size=3)
    words = [
        "".join(data.draw(st.sampled_from([c.lower(), c.upper()])) for c in word)
        for word in phrase.split()
    ]
    text = words[0] + "".join(data.draw(spaces) + w for w in words[1:])
    assert rule.matches(f"x {text} y") == whole_expression(rule).findall(f"x {text} y")


# Words from every family, plus words that sit next to them in letters.
_VOCABULARY = sorted(
    {w for rule in RULES.values() for p in rule.phrases for w in p.split()}
    | {w for _, p in PATTERNS for word in p.words for w in word.split()}
    | {"the", "carrier", "customers", "amazon", "amazon's", "orders", "5", "daily", "happen"}
    | {"again", "monitor", "eye", "an", "keep", "we", "are", "it", "will", "our", "account"}
)


@given(
    st.lists(
        st.sampled_from([*_VOCABULARY, ".", ",", ";", "?", "'s", "Sorry", "NEVER"]), max_size=30
    ),
    st.sampled_from([" ", "  ", "\n", " \t"]),
)
@settings(max_examples=400, deadline=None)
def test_leaving_out_what_cannot_match_finds_the_same(words: list[str], space: str) -> None:
    text = space.join(words)
    for name, rule in RULES.items():
        assert rule.matches(text) == rule.matches(text, every_cue(rule)), name


def test_a_clean_example_letter_compiles_no_phrase_family() -> None:
    catalogue = load_catalogue()
    loaded = load_case(EXAMPLES / "vtr-toys.yaml", catalogue)
    _compiled.cache_clear()
    assert text_findings(_texts(loaded.case, catalogue), "amazon.com") == []
    assert _compiled.cache_info().currsize == 0


def test_a_weak_sentence_still_compiles_and_is_found() -> None:
    rule = RULES["monitoring_without_number"]
    assert rule.matches("We will keep a close eye on tracking.") == ["keep a close eye on"]
    assert rule.matches("We check tracking.") == []


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ({"match": "(unclosed", "words": ["x"]}, "not a regular expression"),
        ({"match": "sorry", "words": ["Sorry"]}, "lower case with single spaces"),
        ({"match": "sorry", "words": ["so  rry"]}, "lower case with single spaces"),
        ({"match": "sorry", "words": []}, "at least 1 item"),
    ],
)
def test_a_pattern_in_the_data_file_is_checked(pattern: dict[str, object], problem: str) -> None:
    raw = {"level": "warning", "problem": {"en": "a", "zh": "b"}, "fix": {"en": "c", "zh": "d"}}
    with pytest.raises(ValidationError, match=problem):
        PhraseRule.model_validate({**raw, "patterns": [pattern]})


def test_a_bad_unless_in_the_data_file_is_refused() -> None:
    raw = {"level": "warning", "problem": {"en": "a", "zh": "b"}, "fix": {"en": "c", "zh": "d"}}
    with pytest.raises(ValidationError, match="unless"):
        PhraseRule.model_validate({**raw, "unless": "(unclosed"})


def test_ascii_letters_fold_to_lower_case() -> None:
    assert folded(string.ascii_uppercase + "  \n X") == string.ascii_lowercase + " x"
