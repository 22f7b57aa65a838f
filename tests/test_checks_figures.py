"""The "figures do not add up" check: it sums only the counts that are parts of the "N of M"
(the same thing as the total, "N of them", a count that is its clause's subject), never other
numbers of the sentence, and words what it finds as a check, never as a sentence to add."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from appeal.core.casefile import parse_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import render_letter
from appeal.letter.finding import Finding
from appeal.letter.rules import letter_findings
from tests.conftest import EXAMPLES, TODAY

EXAMPLE = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
FACTS = EXAMPLE[EXAMPLE.index("      37 of 412") : EXAMPLE.index("    root_causes:")]
# The tester's two rewordings of the vtr-toys facts (report tester2, F1.5): both are correct.
TESTER_1 = (
    "37 of 412 packages shipped between 6 October and 4 November 2026 had no valid tracking "
    "ID: 29 carried an invisible zero-width space after pasting from 3 carrier web pages, and 8 "
    "were confirmed with 'Other' as carrier although the carrier was YunExpress."
)
TESTER_2 = (
    "37 of 412 packages shipped between 6 October and 4 November 2026 had no valid tracking "
    "ID: 29 of them were pasted with a zero-width space and 8 were confirmed with 'Other' as "
    "carrier; 2 warehouse staff did all of it."
)
# appeal's own `tracking --into` sentence: the findings overlap, none is a part of another.
TRACKING_SENTENCE = (
    "Of 8 tracking IDs in upload.txt, 2 carried an invisible character (zero width space), 1 "
    "had full-width or lower-case characters, 2 held characters that cannot be cleaned safely, "
    "1 failed the check digit of the selected carrier and 1 was used on more than one order."
)


def _findings(facts: str) -> list[Finding]:
    assert FACTS in EXAMPLE
    text = EXAMPLE.replace("facts: >-\n" + FACTS, "facts: '" + facts.replace("'", "''") + "'\n")
    case = parse_case(text, "case.yaml")
    assert " ".join(case.causes[0].facts.split()) == " ".join(facts.split())
    catalogue = load_catalogue()
    letter = render_letter(case, catalogue, letter_date=TODAY)
    return [
        f for f in letter_findings(case, catalogue, letter) if f.rule == "figures-do-not-add-up"
    ]


@pytest.mark.parametrize("facts", [TESTER_1, TESTER_2, TRACKING_SENTENCE])
def test_numbers_that_are_not_parts_are_not_summed(facts: str) -> None:
    assert _findings(facts) == []


@pytest.mark.parametrize(
    ("facts", "listed"),
    [
        (TESTER_1.replace("and 8 were", "and 5 were"), "29 + 5 = 34, not 37"),
        (TESTER_2.replace("and 8 were", "and 6 were"), "29 + 6 = 35, not 37"),
        (
            "Between 1 and 7 November 2026 we cancelled 9 of 220 orders: 6 were requests from "
            "buyers and 2 went to postal codes our carrier does not serve.",
            "6 + 2 = 8, not 9",
        ),
        (
            "Of 611 packages confirmed in October 2026, 71 had no valid tracking: 52 orders went "
            "by an economy postal line and 18 used our forwarder's waybill numbers.",
            "52 + 18 = 70, not 71",
        ),
    ],
)
def test_a_true_mismatch_is_still_found_and_worded_as_a_check(facts: str, listed: str) -> None:
    (finding,) = _findings(facts)
    assert listed in finding.fix
    assert "check that" in finding.fix and "are parts of the" in finding.fix
    assert "the other" not in finding.fix and "其余" not in finding.fix_zh  # no sentence to add
    assert "请核对" in finding.fix_zh


@pytest.mark.parametrize(
    ("facts", "says"),
    [
        (
            "31 of 300 packages between 1 and 30 October 2026 had no valid tracking ID; 27 of "
            "them were pasted from the carrier's app.",
            "what follows explains 27 of the 31: check whether the other 4 need a word",
        ),
        (
            "31 of 300 packages between 1 and 30 October 2026 had no valid tracking ID. 27 of "
            "the 31 were pasted from the carrier's app.",
            "4 of the 31 are not accounted for: check whether the other 4 need a word",
        ),
    ],
)
def test_a_part_left_unexplained_is_asked_about_not_dictated(facts: str, says: str) -> None:
    (finding,) = _findings(facts)
    assert says in finding.fix
    assert "其余 4 个" in finding.fix_zh


NOISE = [
    "after pasting from {n} carrier web pages",
    "on {n} busy evenings",
    "while {n} warehouse staff were on leave",
    "",
]


@settings(max_examples=60, deadline=None)
@given(
    first=st.integers(1, 400),
    second=st.integers(1, 400),
    total=st.integers(2, 900),
    noise=st.sampled_from(NOISE),
    n=st.integers(1, 60),
    noun=st.sampled_from(["packages", "orders", "shipments"]),
)
def test_the_check_fires_exactly_when_the_parts_miss_the_total(
    first: int, second: int, total: int, noise: str, n: int, noun: str
) -> None:
    """Two parts ("A carried ..., and B were ...") with any other count in between: the
    finding appears exactly when A + B differs from the N of "N of M"."""
    between = f" {noise.format(n=n)}" if noise else ""
    facts = (
        f"{total} of {total * 3} {noun} shipped in October 2026 had no valid tracking ID: "
        f"{first} carried a zero-width space{between}, and {second} were confirmed with the "
        "wrong carrier."
    )
    findings = _findings(facts)
    assert bool(findings) == (first + second != total), (facts, findings)
