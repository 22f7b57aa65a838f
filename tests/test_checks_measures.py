"""A preventive measure says how often it runs or what sets it off (tester2 F1.6): an owner
alone does not tell a reviewer whether it is done daily or once. The wizard asks "How often?"
for a measure in the seller's own words; the check warns when neither `frequency:` nor the
text says it. Every catalogue measure states it already."""

from __future__ import annotations

from pathlib import Path

import pytest

from appeal.core.casefile import load_case, parse_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import render_letter
from appeal.letter.rules import letter_findings
from tests.conftest import TODAY
from tests.helpers import MINIMAL_CASE
from tests.wizard_helpers import Each, scripted

CATALOGUE_MEASURE = "      - use: daily_lsr_check\n        owner: Warehouse lead\n"


def _rules(text: str) -> list[str]:
    case = parse_case(text, "case.yaml")
    catalogue = load_catalogue()
    letter = render_letter(case, catalogue, letter_date=TODAY)
    return [f.rule for f in letter_findings(case, catalogue, letter)]


def _own(measure: str, extra: str = "") -> str:
    assert CATALOGUE_MEASURE in MINIMAL_CASE
    own = f"      - text: {measure}\n        owner: team lead Liu\n{extra}"
    return MINIMAL_CASE.replace(CATALOGUE_MEASURE, own)


def test_an_owner_without_a_frequency_is_a_warning() -> None:
    rules = _rules(_own("The team lead checks the tracking IDs."))
    assert rules.count("measure-without-frequency") == 1


@pytest.mark.parametrize(
    ("measure", "extra"),
    [
        ("The team lead checks the tracking IDs.", "        frequency: every working day\n"),
        ("The team lead checks the tracking IDs every morning before the upload.", ""),
        ("The team lead checks the tracking IDs daily.", ""),
        ("The team lead checks the tracking IDs twice a day.", ""),
        ("A second person checks each upload file before it is sent.", ""),
        ("No upload file may be sent without a second person's check.", ""),
        ("主管每天检查追踪号。", ""),
    ],
)
def test_a_frequency_in_the_field_or_the_text_is_enough(measure: str, extra: str) -> None:
    assert "measure-without-frequency" not in _rules(_own(measure, extra))


def test_a_measure_without_owner_gets_one_finding_not_two() -> None:
    text = _own("The team lead checks the tracking IDs.").replace(
        "        owner: team lead Liu\n", ""
    )
    rules = _rules(text)
    assert "measure-without-owner" in rules and "measure-without-frequency" not in rules


def _catalogue_items() -> list[tuple[str, str]]:
    catalogue = load_catalogue()
    return [
        (cause_id, item.id)
        for cause_id, cause in catalogue.causes.items()
        for item in cause.items("preventive_measures")
    ]


@pytest.mark.parametrize(("cause_id", "item_id"), _catalogue_items())
def test_every_catalogue_measure_states_when_it_runs(cause_id: str, item_id: str) -> None:
    cause = load_catalogue().causes[cause_id]
    root = cause.items("root_causes")[0].id
    action = cause.items("corrective_actions")[0].id
    text = (
        MINIMAL_CASE.replace("cause: late_shipment", f"cause: {cause_id}")
        .replace("use: weekend_not_set", f"use: {root}")
        .replace("use: set_weekend_days", f"use: {action}")
        .replace("use: daily_lsr_check", f"use: {item_id}")
    )
    assert "measure-without-frequency" not in _rules(text)


def test_the_wizard_asks_how_often_for_a_measure_in_own_words(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {
            "own_measure": Each("A second person opens 20 confirmed IDs on the carrier's site", ""),
            "frequency": "every Monday",
        },
        case=case,
    )
    assert asked.asked.count("frequency") == 1  # the catalogue measure states its own
    assert asked.empties["frequency"] == "skip"
    measures = load_case(case).case.causes[0].preventive_measures
    own = [m for m in measures if m.text]
    assert [(m.frequency, m.use) for m in own] == [("every Monday", None)]
    assert all(m.frequency is None for m in measures if m.use)
    letter = (tmp_path / "case.txt").read_text(encoding="utf-8")
    assert "carrier's site (owner: Warehouse lead; every Monday" in letter


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_how_often_may_be_left_empty_and_the_review_then_warns(tmp_path: Path, lang: str) -> None:
    case = tmp_path / "case.yaml"
    _, asked = scripted(
        {
            "own_measure": Each("The team lead checks the tracking IDs", ""),
            "frequency": "",
        },
        case=case,
        lang=lang,
    )
    question = next(m for m in asked.messages if m.startswith(("How often", "多久执行一次")))
    assert question.startswith("多久执行一次" if lang == "zh" else "How often (in English)?")
    own = [m for m in load_case(case).case.causes[0].preventive_measures if m.text]
    assert own and own[0].frequency is None
    warned = "\n".join(asked.shown)
    assert ("执行频率" if lang == "zh" else "measure-without-frequency") in warned
