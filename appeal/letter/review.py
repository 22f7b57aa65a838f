"""Everything `check` and `render` report about a case: lint findings, what Amazon's last reply
asked for, and the deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from appeal.core.case import Case
from appeal.core.catalogue import Catalogue, PartName, load_catalogue
from appeal.letter.checks import PART_NAMES, Finding, deadline_finding, lint_letter
from appeal.letter.content import Letter, render_letter
from appeal.letter.history import (
    BOX_FOR_PART,
    NEAR_IDENTICAL,
    last_sent,
    part_texts,
    rework_parts,
    similarity,
)


@dataclass
class Review:
    letter: Letter
    findings: list[Finding] = field(default_factory=list)
    rework: list[PartName] = field(default_factory=list)
    rework_from: dt.date | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.level == "error")


def review_letter(
    case_path: Path, case: Case, letter: Letter, catalogue: Catalogue, today: dt.date
) -> Review:
    """Lint the letter and compare it with the last submission."""
    review = Review(letter, lint_letter(case, catalogue, letter))
    sent = last_sent(case, case_path)
    if sent is not None and sent.submission.outcome in ("rejected", "more_info"):
        when = sent.submission.date
        ratio = similarity(sent.markdown, letter.markdown)
        if ratio >= NEAR_IDENTICAL:
            review.findings.append(
                Finding(
                    "warning",
                    "resend",
                    "letter",
                    f"{ratio:.0%} the same",
                    f"nearly identical to the letter sent on {when}, which Amazon answered "
                    f"'{sent.submission.outcome}'; strengthen it before sending again",
                )
            )
        review.rework = rework_parts(sent.submission.reply)
        review.rework_from = when
        old, new = part_texts(sent.markdown), part_texts(letter.markdown)
        for part in review.rework:
            box = BOX_FOR_PART[part]
            if old[box] == new[box]:
                review.findings.append(
                    Finding(
                        "warning",
                        "rework-unchanged",
                        PART_NAMES[part],
                        "",
                        f"Amazon's reply of {when} asked for greater detail on the "
                        f"{PART_NAMES[part]}, and they are unchanged since; add figures, dates "
                        "and mechanisms",
                    )
                )
    late = deadline_finding(case, letter, today)
    if late is not None:
        review.findings.append(late)
    return review


def review_case(case_path: Path, today: dt.date) -> Review:
    """Load, render and review the case at `case_path` (writes nothing)."""
    from appeal.core.casefile import load_case

    catalogue = load_catalogue()
    case = load_case(case_path, catalogue).case
    letter = render_letter(case, catalogue, letter_date=today)
    return review_letter(case_path, case, letter, catalogue, today)
