"""A wizard save keeps the seller's layout: texts written as folded (`>`) or literal (`|`)
blocks come back as written, changed ones keep their block style, and new texts of several
lines are written as a block, as a person would."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from appeal.core.caseedit import append_facts
from appeal.core.casefile import load_case, parse_case
from appeal.wizard.draft import Draft
from appeal.wizard.new import run_new
from appeal.yamlio import load_yaml
from tests.conftest import EXAMPLES
from tests.wizard_helpers import Each, Scripted, _options

BLOCKS = """\
# written by hand
version: 1
lang: en
seller:
  business_name: Shenzhen Example Trading Co., Ltd.
  store_name: ExampleHome
  merchant_token: A2EXAMPLE0TOKEN
  marketplace: amazon.com
  contact_name: Li Wei
  address: |
    Room 1203, Building A
    Shenzhen 518000
notice:
  date: 2026-11-20
  scope: category
  categories: [Toys & Games]
causes:
  - cause: invalid_tracking
    facts: >
      37 of 412 packages between 6 October and 4 November 2026
      had no valid tracking ID.

      29 carried an invisible zero-width space after pasting.
    root_causes:
      - use: zero_width_paste
      - text: |
          Our evening shift copied tracking IDs from the carrier's app,
          which adds the invisible character.
    corrective_actions:
      - use: reuploaded_tracking
        date: 2026-11-21
        answers: [1, 2]
      - text: >-
          Since 22 November 2026 the evening shift confirms orders from
          the carrier's CSV export instead of the app.
        date: 2026-11-22
        answers: 2
    preventive_measures:
      - use: validate_before_upload
        owner: order team lead Zhou Yan
        start: 2026-11-22
        answers: [1, 2]
    attachments:
      - corrected-shipping-confirmation.txt
"""

# every step asked again, each answer left as it was (Enter), then the letter written
EVERY_STEP = {"resume": "continue", "review_ok": Each(*(("goto", n) for n in range(4)), "write")}


def _case(tmp_path: Path, text: str = BLOCKS) -> Path:
    shutil.copy(EXAMPLES / "corrected-shipping-confirmation.txt", tmp_path)
    case = tmp_path / "case.yaml"
    case.write_text(text, encoding="utf-8")
    return case


def _run(case: Path, answers: dict[str, object]) -> Scripted:
    prompter = Scripted(answers)
    run_new(prompter=prompter, **_options({"case": case}))
    return prompter


def test_every_answer_kept_leaves_the_file_as_the_seller_wrote_it(tmp_path: Path) -> None:
    case = _case(tmp_path)
    asked = _run(case, EVERY_STEP)
    assert {"facts", "root_causes", "actions", "attachments"} <= set(asked.asked)
    assert case.read_text(encoding="utf-8") == BLOCKS
    assert (tmp_path / "case.txt").exists()


def test_an_example_asked_through_again_is_unchanged(tmp_path: Path) -> None:
    original = (EXAMPLES / "vtr-toys.yaml").read_text(encoding="utf-8")
    for name in ("account-health-vtr-2026-11", "corrected-shipping-confirmation"):
        shutil.copy(EXAMPLES / f"{name}.txt", tmp_path)
    shutil.copy(EXAMPLES / "tracking-check-before-after.txt", tmp_path)
    case = _case(tmp_path, original)
    _run(case, EVERY_STEP)
    assert case.read_text(encoding="utf-8") == original


def test_changed_folded_facts_stay_folded_at_the_width_of_the_sellers_lines(
    tmp_path: Path,
) -> None:
    case = _case(tmp_path)
    facts = (
        "37 of 412 packages between 6 October and 4 November 2026 had no valid tracking ID: 29 "
        "carried an invisible zero-width space after pasting and 8 were confirmed with 'Other' "
        "as the carrier although the carrier was YunExpress."
    )
    _run(case, {"resume": "continue", "review_ok": Each(("goto", 3), "write"), "facts": facts})
    text = case.read_text(encoding="utf-8")
    block = text[text.index("    facts: >-\n") : text.index("    root_causes:")]
    lines = block.split("\n")[1:-1]
    assert lines[0] == "      37 of 412 packages between 6 October and 4 November 2026"
    assert len(lines) == 5 and all(line.startswith("      ") for line in lines)
    assert max(len(line) for line in lines) == len(lines[0])  # the seller's widest line
    assert load_case(case).case.causes[0].facts == facts
    assert load_yaml(text, "case.yaml")["causes"][0]["facts"] == facts


def test_new_text_of_several_lines_is_written_as_a_block(tmp_path: Path) -> None:
    case = _case(tmp_path)
    draft = Draft.open(case)
    draft.set(("seller", "address"), "Room 5, Building B\nShenzhen 518000\nChina")
    draft.set(("causes", 0, "root_causes", 1), {"text": "Two lines\nof our own."})
    text = case.read_text(encoding="utf-8")
    assert "  address: |-\n    Room 5, Building B\n    Shenzhen 518000\n    China\n" in text
    assert "      - text: |-\n          Two lines\n          of our own.\n" in text
    loaded = parse_case(text, "case.yaml")
    assert loaded.seller.address == "Room 5, Building B\nShenzhen 518000\nChina"
    assert loaded.causes[0].root_causes[1].text == "Two lines\nof our own."


def test_a_sentence_added_to_folded_facts_keeps_them_folded(tmp_path: Path) -> None:
    # what `appeal tracking --into` and the web's evidence step do
    case = _case(tmp_path)
    append_facts(case, "invalid_tracking", "Checked on 24 November 2026.")
    text = case.read_text(encoding="utf-8")
    facts = re.search(r"    facts: >-?\n((?:      .*\n|\n)+)", text)
    assert facts is not None
    assert facts.group(1).startswith("      37 of 412 packages between 6 October and 4 November")
    assert all(len(line) <= 6 + 60 for line in facts.group(1).split("\n"))
    assert load_case(case).case.causes[0].facts == (
        "37 of 412 packages between 6 October and 4 November 2026 had no valid tracking ID.\n"
        "29 carried an invisible zero-width space after pasting. Checked on 24 November 2026."
    )
