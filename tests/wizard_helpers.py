"""Driving the wizard through its seam with prompt_toolkit's pipe input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from appeal.wizard.new import NewResult, run_new
from appeal.wizard.prompter import QuestionaryPrompter

ENTER, DOWN, SPACE, ESC_ENTER, CTRL_C, CTRL_U = "\r", "\x1b[B", " ", "\x1b\r", "\x03", "\x15"


def run_keys(keys: list[str], **options: Any) -> NewResult:
    """Run `appeal new` with these keystrokes, one prompt's worth per list item."""
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()  # a prompt beyond the keys given fails at once instead of waiting
        prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
        defaults: dict[str, Any] = {
            "case": None,
            "lang": "en",
            "from_case": None,
            "notice_file": None,
            "no_input": False,
            "sets": [],
            "today": dt.date(2026, 11, 24),
        }
        defaults.update(options)
        return run_new(prompter=prompter, **defaults)


def english_answers() -> list[str]:
    """Keystrokes for a full English run with one cause (invalid tracking)."""
    return [
        # step 1: seller
        "Shenzhen Example Trading Co., Ltd." + ENTER,
        "ExampleHome" + ENTER,
        "A2EXAMPLE0TOKEN" + ENTER,
        ENTER,
        "Li Wei" + ENTER,
        "ops@example.com" + ENTER,
        ENTER,  # next step
        # step 2: notice
        ESC_ENTER,
        "2026-11-20" + ENTER,
        ENTER,
        "Toys & Games" + ENTER,
        ENTER,
        ENTER,
        # step 3: causes: the first (invalid tracking)
        SPACE + ENTER,
        ENTER,
        # step 4: details
        "37 of 412 packages between 6 October and 4 November 2026 had no valid tracking ID."
        + ENTER,
        SPACE + ENTER,
        ENTER,  # root causes: the first item; no own sentence
        SPACE + ENTER,
        ENTER,
        ENTER,  # actions: the first; none of our own; date: today
        SPACE + ENTER,
        ENTER,
        "Warehouse lead" + ENTER,
        ENTER,  # measures: first; owner; start
        ENTER,
        # step 5: channel shown
        ENTER,
        # step 6: review
        "y",
        # step 7: formats (all ticked)
        ENTER,
    ]


def in_folder(tmp_path: Path, name: str = "case.yaml") -> Path:
    return tmp_path / name
