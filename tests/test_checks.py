"""Quality checks: each weak letter in the corpus trips exactly the rule it was written for,
and the examples (decent letters) trip none."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from appeal.cli import app
from appeal.core.casefile import parse_case
from appeal.core.catalogue import PARTS, load_catalogue
from appeal.letter.checks import check_case
from appeal.letter.content import render_letter
from appeal.letter.rules import _Text, _text_findings, letter_findings
from tests.conftest import EXAMPLES, TODAY
from tests.helpers import MINIMAL_CASE

runner = CliRunner()
FACTS = "facts: 18 of 300 orders between 1 and 30 October 2026 were confirmed late."


def _own_root_cause(text: str) -> str:
    quoted = "'" + text.replace("'", "''") + "'"
    return MINIMAL_CASE.replace("      - use: weekend_not_set", f"      - text: {quoted}")


# Each weak letter differs from a decent one by one rejected pattern (domain.md section 5).
CORPUS: dict[str, tuple[str, str, str]] = {
    "pleading": (
        _own_root_cause("We are very sorry, please give us a chance."),
        "pleading",
        "warning",
    ),
    "blaming the carrier": (
        _own_root_cause("The parcels were late; it was the carrier's fault."),
        "blaming",
        "warning",
    ),
    "blaming Amazon": (
        _own_root_cause("This suspension was made in error by your system."),
        "blaming",
        "warning",
    ),
    "boilerplate": (
        _own_root_cause("We take customer satisfaction very seriously."),
        "boilerplate",
        "warning",
    ),
    "vague promise": (
        _own_root_cause("We will pay more attention to shipping."),
        "boilerplate",
        "warning",
    ),
    "introducing the company": (
        _own_root_cause("We have been selling on Amazon for 8 years."),
        "boilerplate",
        "warning",
    ),
    "question": (
        _own_root_cause("Could you tell us which orders were late?"),
        "question",
        "warning",
    ),
    "support case": (
        _own_root_cause("As Seller Support said in case ID 1234567, it was fine."),
        "support-case",
        "warning",
    ),
    "chinese in body": (_own_root_cause("仓库周末不发货。"), "not-english", "error"),
    "template text": (_own_root_cause("Our [name] team forgot TODO."), "template-text", "error"),
    "jinja left": (_own_root_cause("Shipped by {{ carrier }}."), "template-text", "error"),
    "no actions": (
        MINIMAL_CASE.replace(
            "    corrective_actions:\n      - use: set_weekend_days\n        date: 2026-11-21\n", ""
        ),
        "missing-part",
        "error",
    ),
    "no prevention": (MINIMAL_CASE.split("    preventive_measures:")[0], "missing-part", "error"),
    "no root cause": (
        MINIMAL_CASE.replace("    root_causes:\n      - use: weekend_not_set\n", ""),
        "missing-part",
        "error",
    ),
    "no figures": (
        MINIMAL_CASE.replace(FACTS, "facts: Some orders were confirmed late."),
        "no-figures",
        "warning",
    ),
    "action without date": (
        MINIMAL_CASE.replace("        date: 2026-11-21\n", ""),
        "action-without-date",
        "warning",
    ),
    "measure without owner": (
        MINIMAL_CASE.replace(
            "      - use: daily_lsr_check\n        owner: Warehouse lead\n",
            "      - text: We check orders.\n",
        ),
        "measure-without-owner",
        "warning",
    ),
    "wall of text": (
        _own_root_cause(" ".join(["Late orders were packed slowly."] * 200)),
        "too-long",
        "warning",
    ),
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_weak_letter_trips_its_rule(name: str) -> None:
    text, rule, level = CORPUS[name]
    case = parse_case(text, "case.yaml")
    catalogue = load_catalogue()
    findings = letter_findings(case, catalogue, render_letter(case, catalogue, letter_date=TODAY))
    rules = [(f.rule, f.level) for f in findings]
    assert (rule, level) in rules, findings
    assert len({r for r, _ in rules}) == 1, f"{name} also tripped {rules}"
    finding = next(f for f in findings if f.rule == rule)
    assert finding.where and finding.fix


def test_the_minimal_case_is_clean() -> None:
    case = parse_case(MINIMAL_CASE, "case.yaml")
    catalogue = load_catalogue()
    assert letter_findings(case, catalogue, render_letter(case, catalogue, letter_date=TODAY)) == []


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_examples_have_no_findings(example: str) -> None:
    # The deadline warning depends on the day the test runs, not on the letter.
    findings = [f for f in check_case(EXAMPLES / example, TODAY).findings if f.rule != "deadline"]
    assert findings == []


def test_catalogue_sentences_raise_no_alarm() -> None:
    catalogue = load_catalogue()
    texts = [
        _Text(f"{c.id}.{i.id}", i.en)
        for c in catalogue.causes.values()
        for part in PARTS
        for i in c.items(part)
    ]
    assert _text_findings(texts, "amazon.com") == []


def test_names_may_be_chinese_but_not_on_body_text() -> None:
    findings = _text_findings(
        [_Text("owner", "王芳", True), _Text("facts", "王芳 shipped")], "amazon.com"
    )
    assert [f.where for f in findings] == ["facts"]
    assert findings[0].quote == "王芳"


def test_check_exit_codes(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL_CASE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(good)])
    assert result.exit_code == 0 and "Checks: no findings." in result.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(CORPUS["chinese in body"][0], encoding="utf-8")
    result = runner.invoke(app, ["check", str(bad)])
    assert result.exit_code == 1
    assert (
        'error: cause 1 (late_shipment), root causes, item 1: [not-english] "仓库周末不发货"'
        in result.output
    )
    render = runner.invoke(app, ["render", str(bad), "-f", "txt"])
    assert render.exit_code == 1  # render writes the letter, shows the same findings, exits 1
    assert "[not-english]" in render.output
    assert (tmp_path / "bad.txt").exists()


def test_deadline_warnings(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(MINIMAL_CASE, encoding="utf-8")
    result = runner.invoke(app, ["check", str(case)], env={"APPEAL_TODAY": "2026-12-05"})
    assert "[deadline]" in result.output and "is in 2 day(s)" in result.output
    result = runner.invoke(app, ["check", str(case)], env={"APPEAL_TODAY": "2026-12-09"})
    assert "is past" in result.output and "2 days past; send it now" in result.output
