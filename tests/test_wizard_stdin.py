"""`appeal new` without a terminal to ask on: input closed, at its end, a pipe, or the
terminal going away mid-way. Never a hang nor a traceback; the seller's answers are kept
(the case file untouched when nothing was asked; every answer given saved when the terminal
closes mid-way, exit 1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.test_wizard_terminal import DRAFT

_ENV = {**os.environ, "APPEAL_TODAY": "2026-11-24", "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}
_LIMIT = 60  # seconds: a guard against a hang, far above the second or so a run takes


def _new(
    tmp_path: Path, *args: str, stdin: int | None = None, typed: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "appeal", "new", "case.yaml", *args],
        cwd=tmp_path,
        env=_ENV,
        stdin=stdin,
        input=typed,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=_LIMIT,
    )


@pytest.mark.parametrize(
    "stdin",
    [
        {"stdin": subprocess.DEVNULL},  # < /dev/null: at its end at once
        {"typed": "Example Trading Co.\nExampleHome\n"},  # a pipe that ends
    ],
    ids=["devnull", "pipe"],
)
def test_input_at_its_end_says_so_and_leaves_the_case_as_it_was(
    tmp_path: Path, stdin: dict[str, Any]
) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(DRAFT.format(lang="en"), encoding="utf-8")
    before = case.read_bytes()
    done = _new(tmp_path, "--set", "seller.store_name=Changed", **stdin)
    assert done.returncode == 2
    assert "needs a terminal" in done.stderr and "--no-input" in done.stderr
    assert "nothing written" in done.stderr and "Traceback" not in done.stderr
    assert case.read_bytes() == before  # nothing asked, nothing changed


@pytest.mark.skipif(sys.platform == "win32", reason="a closed standard input is POSIX sh's <&-")
def test_closed_input_in_chinese(tmp_path: Path) -> None:
    done = subprocess.run(
        ["/bin/sh", "-c", f'exec "{sys.executable}" -m appeal new case.yaml --lang zh <&-'],
        cwd=tmp_path,
        env=_ENV,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=_LIMIT,
    )
    assert done.returncode == 2
    assert "需要在终端中提问" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "case.yaml").exists()


def test_terminal_closing_mid_way_keeps_every_answer_and_exits_1(tmp_path: Path) -> None:
    """The terminal goes away after the first answer (its other end closed, as when a remote
    session drops with hang-ups ignored): the answer is in the case, the message on stderr."""
    pty = pytest.importorskip("pty")
    import select

    main, child_end = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "appeal", "new", "case.yaml", "--lang", "en"],
        cwd=tmp_path,
        env=_ENV,
        stdin=child_end,
        stdout=child_end,
        stderr=subprocess.PIPE,
    )
    os.close(child_end)

    def read_until(text: bytes) -> None:
        seen = b""
        while text not in seen:
            ready, _, _ = select.select([main], [], [], _LIMIT)
            assert ready, f"{text!r} never shown; the screen so far: {seen!r}"
            seen += os.read(main, 4096)

    try:
        read_until(b"Legal business name")
        os.write(main, b"Example Trading Co.\r")
        read_until(b"Store name")
    finally:
        os.close(main)  # the terminal goes away
    _, errors = process.communicate(timeout=_LIMIT)
    assert process.returncode == 1
    message = errors.decode("utf-8")
    assert "the terminal closed" in message and "appeal new case.yaml" in message
    assert "unexpected" not in message and "Traceback" not in message
    assert "business_name: Example Trading Co." in (tmp_path / "case.yaml").read_text("utf-8")
