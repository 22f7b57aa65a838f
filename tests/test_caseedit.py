"""Saving a case keeps what the user wrote."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from appeal.core.caseedit import dump_edited, edit_case_file, load_for_edit
from appeal.core.casefile import load_case
from appeal.errors import CaseInvalid
from tests.conftest import EXAMPLES

COMMENTED = """\
# My appeal, started 2026-11-21
version: 1
seller:
  business_name: "Test & Co."     # as registered
  store_name: TestStore
  marketplace: amazon.com
  contact_name: Li Wei

notice:
  date: 2026-11-20
  scope: all
causes:
  - cause: late_shipment
    facts: >-
      18 of 300 orders between 1 and 30 October 2026
      were confirmed late.
    root_causes:
      - use: weekend_not_set   # the main one
"""


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_unchanged_round_trip_is_identical(example: str) -> None:
    text = (EXAMPLES / example).read_text(encoding="utf-8")
    assert dump_edited(load_for_edit(text, example), text) == text


def test_round_trip_of_hand_written_file() -> None:
    assert dump_edited(load_for_edit(COMMENTED, "c.yaml"), COMMENTED) == COMMENTED


def test_edit_keeps_comments_order_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(COMMENTED, encoding="utf-8")

    def change(data: Any) -> None:
        data["causes"][0]["corrective_actions"] = [{"use": "set_weekend_days"}]
        data["notice"]["reference"] = "PN-1"

    text = edit_case_file(path, change)
    assert text.startswith("# My appeal, started 2026-11-21\n")
    assert '  business_name: "Test & Co."     # as registered\n' in text
    assert "      - use: weekend_not_set   # the main one\n" in text
    assert "  scope: all\n  reference: PN-1\n" in text
    assert load_case(path).case.causes[0].corrective_actions[0].use == "set_weekend_days"


def test_invalid_edit_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    shutil.copy(EXAMPLES / "vtr-toys.yaml", path)
    before = path.read_bytes()

    def change(data: Any) -> None:
        data["notice"]["scope"] = "galaxy"

    with pytest.raises(CaseInvalid):
        edit_case_file(path, change)
    assert path.read_bytes() == before
