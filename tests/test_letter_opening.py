"""The letter's opening is made from the case (tester2 F1.7): what was removed, when, which
figure, the causes by name when there are several, and what failed in the responsibility
sentence, so no two sellers' letters open with the same boilerplate."""

from __future__ import annotations

import re
from pathlib import Path

from appeal.core.casefile import parse_case
from appeal.core.catalogue import load_catalogue
from appeal.letter.content import render_letter
from appeal.letter.render import render_case
from appeal.letter.rules import letter_findings
from tests.conftest import EXAMPLES, TODAY

FIXED_FRAMING = "this plan sets out the root causes"


def _openings(tmp_path: Path) -> dict[str, list[str]]:
    """Each example's opening paragraph, as sentences."""
    openings = {}
    for path in sorted(EXAMPLES.glob("*.yaml")):
        render_case(path, formats=["txt"], out_dir=tmp_path, today=TODAY)
        letter = (tmp_path / f"{path.stem}.txt").read_text(encoding="utf-8")
        paragraph = letter.split("Dear Seller Performance team,\n\n", 1)[1].split("\n\n", 1)[0]
        openings[path.stem] = re.split(r"(?<=\.) (?=[A-Z])", paragraph)
    return openings


def test_no_opening_sentence_is_shared_by_two_example_letters(tmp_path: Path) -> None:
    openings = _openings(tmp_path)
    assert len(openings) == 9
    seen: dict[str, str] = {}
    for name, sentences in openings.items():
        assert not any(FIXED_FRAMING in s.lower() for s in sentences), name
        for sentence in sentences:
            assert sentence not in seen, (sentence, seen.get(sentence), name)
            seen[sentence] = name


def test_several_causes_are_named_in_their_order_and_what_failed_with_them(
    tmp_path: Path,
) -> None:
    opening = " ".join(_openings(tmp_path)["full-suspension"])
    assert (
        "We found 3 causes, answered in turn below: (1) late shipment confirmations, (2) seller "
        "cancellations and (3) invalid tracking IDs."
    ) in opening
    assert (
        "These failures came from our own dispatch planning, stock planning and shipping "
        "confirmation, and we take full responsibility for them."
    ) in opening


def test_one_cause_opens_with_the_notice_alone_when_no_responsibility_is_chosen(
    tmp_path: Path,
) -> None:
    (opening,) = _openings(tmp_path)["late-delivery"]
    assert opening.startswith("On 19 November 2026 our merchant-fulfilled selling privileges")
    assert opening.endswith(
        "On-Time Delivery Rate was 84.5\u00a0% against Amazon's target of ≥\u00a090\u00a0%."
    )


def test_the_reading_copy_names_what_failed_and_the_channel_the_letter_uses(
    tmp_path: Path,
) -> None:
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    case = tmp_path / "de.yaml"
    text = text.replace("lang: en", "lang: zh").replace("amazon.com", "amazon.de")
    case.write_text(text, encoding="utf-8")
    render_case(case, formats=["txt"], out_dir=tmp_path, today=TODAY)
    reading = (tmp_path / "de.zh.txt").read_text(encoding="utf-8")
    assert "这些问题源于我们自己的发货确认，我们承担全部责任" in reading
    assert "被限制品类旁的“申诉/Appeal”" in reading and "重新激活账户" not in reading


# Typed by hand, or written by `metrics --into` before it kept to the case's causes.
UNRELATED = """\
  late_shipment_rate: {value: 3.2, window: [2026-10-21, 2026-11-19]}
  unit_on_time_delivery_rate: {value: 88.48, window: [2026-10-11, 2026-11-09]}
"""


def test_the_opening_gives_no_metric_as_a_reason_that_no_cause_answers() -> None:
    """tester3 F1.11: a VTR category case with the Unit On-Time Delivery Rate (88.48 %, missing
    its > 90 % target) under `metrics:` opened "removed because our Valid Tracking Rate was
    91.2 % ... and our Unit On-Time Delivery Rate was 88.48 %", a reason Amazon never gave, and
    `check` was silent. Now the opening keeps to the causes' metrics, and the check names each
    figure no cause answers, with what to do."""
    catalogue = load_catalogue()
    text = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    case = parse_case(text.replace("metrics:\n", "metrics:\n" + UNRELATED, 1), "case.yaml")
    letter = render_letter(case, catalogue, letter_date=TODAY)
    opening = letter.markdown.replace("\u00a0", " ").split("Dear Seller Performance team,")[1]
    opening = opening.strip().split("\n\n", 1)[0]
    assert (
        "were removed because our Valid Tracking Rate was 91.2 % against Amazon's target of "
        "≥ 95 %. These failures"
    ) in opening
    assert "Delivery" not in opening and "Late Shipment" not in opening
    found = {
        f.where: f
        for f in letter_findings(case, catalogue, letter)
        if f.rule == "metric-without-cause"
    }
    assert set(found) == {"metrics.late_shipment_rate", "metrics.unit_on_time_delivery_rate"}
    unit = found["metrics.unit_on_time_delivery_rate"]
    assert unit.level == "warning" and unit.quote == "88.48 %"
    assert "missing Amazon's target (≥ 90 %)" in unit.fix and "(late_delivery)" in unit.fix
    assert "remove it from the case's metrics" in found["metrics.late_shipment_rate"].fix
    assert "未达标" in unit.fix_zh


def test_a_metric_a_cause_concerns_stays_a_reason_and_raises_nothing() -> None:
    """The late-delivery cause answers both delivery rates: both may be reasons."""
    catalogue = load_catalogue()
    text = (EXAMPLES / "late-delivery.yaml").read_text(encoding="utf-8")
    unit = "  unit_on_time_delivery_rate: {value: 88.48, window: [2026-10-11, 2026-11-09]}\n"
    case = parse_case(text.replace("metrics:\n", "metrics:\n" + unit, 1), "case.yaml")
    letter = render_letter(case, catalogue, letter_date=TODAY)
    assert "and our Unit On-Time Delivery Rate was 88.48" in letter.markdown
    assert not [
        f for f in letter_findings(case, catalogue, letter) if f.rule == "metric-without-cause"
    ]
