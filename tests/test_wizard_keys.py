"""A few wizard tests by keystroke (prompt_toolkit pipe input): the lists and the keys that end."""

from __future__ import annotations

from pathlib import Path

import pytest

from appeal.wizard.flow import WizardInterrupted
from tests.test_wizard_terminal import DRAFT
from tests.wizard_helpers import CTRL_D, DOWN, ENTER, SPACE, run_keys


def _draft(tmp_path: Path) -> Path:
    case = tmp_path / "case.yaml"
    case.write_text(DRAFT.format(lang="en"), encoding="utf-8")
    return case


def test_typing_on_a_list_filters_and_never_ticks_everything(tmp_path: Path) -> None:
    case = _draft(tmp_path)
    keys = [
        ENTER,  # continue the draft: at the details
        "37 of 412 packages in October 2026 were missed." + ENTER,
        "ai" + SPACE + ENTER,  # "a" and "i" narrow the list; Space ticks the first shown
        CTRL_D,
    ]
    with pytest.raises(WizardInterrupted) as stopped:
        run_keys(keys, case=case)
    assert stopped.value.exit_code == 130
    saved = case.read_text(encoding="utf-8")
    assert saved.count("- use:") == 1  # one item ticked, not all, not the inverse


def test_space_ticks_the_pointed_item_and_ctrl_d_ends_a_text_prompt(tmp_path: Path) -> None:
    case = _draft(tmp_path)
    keys = [
        ENTER,
        "37 of 412 packages in October 2026 were missed." + ENTER,
        DOWN + SPACE + ENTER,  # the second root cause
        "Our evening shift typed IDs by hand." + CTRL_D,  # Ctrl-D with text typed
    ]
    with pytest.raises(WizardInterrupted):
        run_keys(keys, case=case)
    saved = case.read_text(encoding="utf-8")
    assert "use: typed_by_hand" in saved and saved.count("- use:") == 1
    assert "evening shift" not in saved  # the unfinished answer is not taken


def test_a_line_feed_answers_a_list_as_enter_does(tmp_path: Path) -> None:
    """Enter typed before a list is up reaches it as a line feed (the terminal was still in
    line mode); some terminals send one for Enter. Either way it answers the list."""
    case = _draft(tmp_path)
    keys = [
        "\n",  # continue the draft (a list)
        "37 of 412 packages in October 2026 were missed.\n",
        DOWN + SPACE + "\n",  # the second root cause, confirmed with a line feed
        CTRL_D,
    ]
    with pytest.raises(WizardInterrupted):
        run_keys(keys, case=case)
    saved = case.read_text(encoding="utf-8")
    assert "use: typed_by_hand" in saved and saved.count("- use:") == 1
