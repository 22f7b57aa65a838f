"""Where a case stands: its submissions with Amazon's replies, the checks on the letter as it is
now, and what changed since the letter was last sent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from appeal.letter.checks import CheckReport, check_case
from appeal.letter.history import last_sent, letter_diff


@dataclass(frozen=True)
class CaseStatus:
    case_path: Path
    today: dt.date
    checks: CheckReport
    diff_asked: bool
    diff: str | None  # None: not asked, or no sent letter to compare with; "": unchanged

    @property
    def exit_code(self) -> int:
        return self.checks.exit_code


def case_status(case_path: Path, *, today: dt.date, diff: bool = False) -> CaseStatus:
    """The status of the case at `case_path` (writes nothing)."""
    checks = check_case(case_path, today)
    changes = None
    if diff:
        sent = last_sent(checks.letter.case, case_path)
        if sent is not None:
            from appeal.core.catalogue import load_catalogue
            from appeal.letter.content import render_letter

            # as of the day it was sent, so only what the seller changed shows (not wording
            # that follows the date: "starting 22 November" / "in place since 22 November")
            current = render_letter(
                checks.letter.case, load_catalogue(), letter_date=sent.submission.date
            )
            name = sent.submission.snapshot or "sent"
            changes = letter_diff(sent.markdown, current.markdown, name)
    return CaseStatus(case_path, today, checks, diff, changes)
