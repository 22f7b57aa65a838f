"""How a letter's channel, deadline and check findings are shown: shared by render, check and
history."""

from __future__ import annotations

import datetime as dt

from appeal.core.catalogue import load_catalogue
from appeal.core.channel import Channel
from appeal.dates import longdate
from appeal.letter.checks import CheckReport
from appeal.letter.content import Letter


def days_left(days: int) -> str:
    if days > 1:
        return f"{days} days left"
    if days == 1:
        return "1 day left"
    if days == 0:
        return "due today"
    return f"{-days} days past; send it now"


def deadline_line(channel: Channel, today: dt.date) -> str:
    days = channel.days_left(today)
    if channel.kind == "none":
        return "Deadline: none (a warning removes nothing)"
    if channel.accepted_on is not None:
        accepted = longdate(channel.accepted_on)
        return f"Deadline: none now (Amazon accepted the plan sent on {accepted})"
    sent = longdate(channel.sent_on) if channel.sent_on is not None else None
    if channel.deadline is None:
        if sent is not None:
            return f"Deadline: none stated by Amazon for this removal; sent {sent}"
        return "Deadline: no deadline stated by Amazon for this removal; send promptly"
    origin = "" if channel.deadline_given else " (notice date + 17 days)"
    if channel.sent_on is not None:
        return (
            f"Deadline: {longdate(channel.deadline)}{origin}, met: sent {longdate(channel.sent_on)}"
        )
    assert days is not None
    return f"Deadline: {longdate(channel.deadline)}{origin}, {days_left(days)}"


def channel_report(letter: Letter, today: dt.date) -> str:
    """Which channel, why, the deadline, and how to send, in the case's language."""
    channel = letter.channel
    if letter.case.lang == "zh":
        from appeal.wizard.summary import channel_lines

        days = None if channel.deadline_given else 17
        marketplace = letter.case.seller.marketplace
        return "\n".join(channel_lines(channel, marketplace, today, "zh", days))
    lines = [
        f"Channel: {channel.label()}",
        f"  why: {channel.reason}",
        deadline_line(channel, today),
        "What to do:" if channel.kind == "none" else "How to send:",
    ]
    steps = channel.steps(letter.case.seller.marketplace, "the .form.txt file")
    lines += [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    return "\n".join(lines)


def findings_report(report: CheckReport, lang: str = "en") -> str:
    """What Amazon's last reply asked for, then every finding, errors first."""
    catalogue = load_catalogue()
    lines = []
    if lang == "zh":
        from appeal.wizard.summary import where_zh

        if report.rework:
            asked = "、".join(catalogue.part_name(p, "zh") for p in report.rework)
            lines.append(f"亚马逊 {report.rework_from} 的答复要求补充：{asked}。")
        if report.reply_unread:
            lines.append(
                f"亚马逊 {report.rework_from} 的答复：无法判断要求补充哪些部分；请阅读答复，"
                "充实其中提到的每一部分。"
            )
        if not report.findings:
            return "\n".join([*lines, "检查：没有发现问题。"])
        lines.append(f"检查：{report.errors} 个错误，{report.warnings} 个提醒。")
        for f in report.findings:
            level = "错误" if f.level == "error" else "提醒"
            quoted = f"“{f.quote}”" if f.quote else ""
            where = where_zh(f.where, catalogue)
            lines.append(f"  {level}：{where}：[{f.rule}]{quoted}：{f.fix_in('zh')}")
        return "\n".join(lines)
    if report.rework:
        asked = ", ".join(catalogue.part_name(p) for p in report.rework)
        lines.append(f"Amazon's reply of {report.rework_from} asks for more detail on: {asked}.")
    if report.reply_unread:
        lines.append(
            f"Amazon's reply of {report.rework_from}: appeal could not tell which parts it asks "
            "to strengthen; read it and strengthen each part it names."
        )
    if not report.findings:
        lines.append("Checks: no findings.")
        return "\n".join(lines)
    lines.append(f"Checks: {report.errors} error(s), {report.warnings} warning(s).")
    lines += [f"  {finding.line()}" for finding in report.findings]
    return "\n".join(lines)
