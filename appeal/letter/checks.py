"""The checks `appeal check` and every render run: the rules on the case and its letter, what
Amazon's last reply asked for and whether the letter changed since, and the deadline."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue, PartName, load_catalogue
from appeal.letter.content import Letter, render_letter
from appeal.letter.evidence import EvidenceScan, evidence_findings, scan_evidence
from appeal.letter.rules import Finding, letter_findings

DEADLINE_WARNING_DAYS = 3


@dataclass
class CheckReport:
    """Everything the checks found for one case, errors first."""

    letter: Letter
    findings: list[Finding] = field(default_factory=list)
    rework: list[PartName] = field(default_factory=list)  # parts Amazon's last reply asked for
    rework_from: dt.date | None = None  # the date of that reply
    reply_unread: bool = False  # that reply names none of the parts in words appeal knows

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.level == "error")

    @property
    def warnings(self) -> int:
        return len(self.findings) - self.errors

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0


def deadline_finding(letter: Letter, today: dt.date) -> Finding | None:
    """A warning when the deadline is within a few days or past."""
    days = letter.channel.days_left(today)
    if days is None or days > DEADLINE_WARNING_DAYS:
        return None
    when = "is past" if days < 0 else ("is today" if days == 0 else f"is in {days} day(s)")
    return Finding(
        "warning",
        "deadline",
        "notice.deadline",
        str(letter.channel.deadline),
        f"the deadline {when}; send the plan now (it can still be improved later)",
        "截止日期"
        + ("已过" if days < 0 else ("就是今天" if days == 0 else f"还剩 {days} 天"))
        + "；请现在就提交（之后仍可改进）",
    )


def _resend_findings(report: CheckReport, case_path: Path, catalogue: Catalogue) -> list[Finding]:
    """Compare the letter with the last one Amazon sent back, part by part."""
    case = report.letter.case
    if not case.submissions:  # never sent: nothing to compare (and no history to load)
        return []
    from appeal.letter.history import (
        NEAR_IDENTICAL,
        last_sent,
        part_texts,
        rework_parts,
        similarity,
    )

    sent = last_sent(case, case_path)
    if sent is None or sent.submission.outcome not in ("rejected", "more_info"):
        return []
    when = sent.submission.date
    found = []
    # the letter as it would have read on the day the last one was sent: wording that follows
    # the date ("starting 22 November" / "in place since 22 November") is no change
    current = render_letter(case, catalogue, letter_date=when).markdown
    ratio = similarity(sent.markdown, current)
    if ratio >= NEAR_IDENTICAL:
        found.append(
            Finding(
                "warning",
                "resend",
                "letter",
                f"{ratio:.0%} the same",
                f"nearly identical to the letter sent on {when}, which Amazon answered "
                f"'{sent.submission.outcome}'; strengthen it before sending again",
                f"与 {when} 发出、被亚马逊退回的信几乎相同；再次提交前请补充数字、日期和机制",
            )
        )
    report.rework = rework_parts(sent.submission.reply, catalogue)
    report.rework_from = answered = sent.submission.answered
    report.reply_unread = bool(sent.submission.reply.strip()) and not report.rework
    titles = catalogue.box_titles()
    old, new = part_texts(sent.markdown, titles), part_texts(current, titles)
    for part in report.rework:
        box = PARTS.index(part)
        if old[box] == new[box]:
            name = catalogue.part_name(part)
            found.append(
                Finding(
                    "warning",
                    "rework-unchanged",
                    name,
                    "",
                    f"Amazon's reply of {answered} asked for greater detail on the {name}, "
                    "and they are unchanged since; add figures, dates and mechanisms",
                    f"亚马逊 {answered} 的回复要求补充{catalogue.part_name(part, 'zh')}，"
                    "但这部分至今没有改动；请补充数字、日期和机制",
                )
            )
    return found


def check_letter(
    case_path: Path,
    case: Case,
    letter: Letter,
    catalogue: Catalogue,
    today: dt.date,
    *,
    evidence: EvidenceScan | None = None,
) -> CheckReport:
    """Run every check on `letter` (made from the case at `case_path`); `evidence` is the
    case's evidence files as found beside it (looked for when not given)."""
    report = CheckReport(letter, letter_findings(case, catalogue, letter))
    report.findings += _resend_findings(report, case_path, catalogue)
    if evidence is None:
        evidence = scan_evidence(case, case_path)
    report.findings += evidence_findings(case, evidence, letter.channel.kind)
    late = deadline_finding(letter, today)
    if late is not None:
        report.findings.append(late)
    report.findings.sort(key=lambda f: f.level != "error")
    return report


def check_case(case_path: Path, today: dt.date) -> CheckReport:
    """Load, render and check the case at `case_path` (writes nothing)."""
    from appeal.core.casefile import load_case

    catalogue = load_catalogue()
    case = load_case(case_path, catalogue).case
    letter = render_letter(case, catalogue, letter_date=today)
    return check_letter(case_path, case, letter, catalogue, today)
