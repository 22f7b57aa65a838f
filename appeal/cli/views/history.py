"""How `appeal history` shows a case's submissions, and a submission just recorded, in the
case's language (`lang: zh`: Chinese, as render and check speak it)."""

from __future__ import annotations

import datetime as dt

import typer

from appeal.cli.views.letter import deadline_line, findings_report
from appeal.core.catalogue import PartName, load_catalogue
from appeal.core.channel import Channel
from appeal.errors import inert
from appeal.letter.history import Recorded
from appeal.letter.replies import Answered
from appeal.letter.status import CaseStatus

_EN = {
    "none": "{path}: nothing submitted yet.",
    "reply": "   reply: ",
    "sent": "   letter as sent: {path}",
    "unchanged": "The letter is unchanged since the last submission.",
    "no_snapshot": "No snapshot of a sent letter to compare with.",
    "recorded": "Recorded the submission of {date} ({channel}, {outcome}) in {path}; the letter "
    "as sent is in {snapshot}.",
    "kept_written": "The case changed after appeal wrote {path} ({day}): the letter kept as "
    "sent is the one appeal wrote then, not the case as it is now.",
    "not_written": "warning: the case changed after appeal wrote {path} ({day}); the letter "
    "kept in {snapshot} is the case as it is now, which may not be the letter you sent. Replace "
    "that file with the letter you sent (as Markdown) if they differ.",
    "answered": "Recorded Amazon's reply of {reply_date} ({outcome}) to submission {number}, "
    "sent {sent}, in {path}.",
    "reply_of": "  (reply {date})",
    "unread": "appeal could not tell which parts Amazon's reply asks to strengthen: read it, "
    "strengthen each part it names, then run `appeal check` before resending.",
    "rework": "Amazon asks for more detail on: {parts}. Strengthen those parts, then run "
    "`appeal check` before resending.",
}
_ZH = {
    "none": "{path}：尚无提交记录。",
    "reply": "   亚马逊答复：",
    "sent": "   寄出的信：{path}",
    "unchanged": "自上次提交以来，信件没有改动。",
    "no_snapshot": "没有寄出信件的存档，无法比较。",
    "recorded": "已在 {path} 中记录 {date} 的提交（{channel}，{outcome}）；寄出的信保存在 "
    "{snapshot}。",
    "kept_written": "{path}（{day}）生成之后案例又改过：作为寄出的信保存的是当时生成的那封，"
    "而不是案例现在的样子。",
    "not_written": "警告：{path}（{day}）生成之后案例又改过；{snapshot} 中保存的是案例现在的样子，"
    "可能不是您寄出的信。如有不同，请用您寄出的信（Markdown）替换该文件。",
    "answered": "已在 {path} 中记录亚马逊 {reply_date} 对第 {number} 次提交（{sent} 寄出）的答复"
    "（{outcome}）。",
    "reply_of": "（{date} 答复）",
    "unread": "无法判断亚马逊的答复要求补充哪些部分：请阅读答复，充实其中提到的每一部分，"
    "再运行 `appeal check`，然后重新提交。",
    "rework": "亚马逊要求补充：{parts}。请先充实这些部分，再运行 `appeal check`，然后重新提交。",
}
_WORDS_ZH = {
    "email": "邮件",
    "seller_central": "卖家后台",
    "pending": "等待答复",
    "accepted": "已通过",
    "rejected": "被拒绝",
    "more_info": "要求补充信息",
}


def _say(lang: str, key: str, **values: object) -> str:
    return (_ZH if lang == "zh" else _EN)[key].format(**values)


def outcome_word(lang: str, value: str) -> str:
    """A channel or outcome value in the case's language."""
    return _word(lang, value)


def _word(lang: str, value: str) -> str:
    return _WORDS_ZH.get(value, value) if lang == "zh" else value


def _deadline(channel: Channel, today: dt.date, lang: str) -> str:
    if lang != "zh":
        return deadline_line(channel, today)
    from appeal.wizard.summary import channel_lines

    if channel.kind == "none":
        return "截止日期：无（警告不会停用任何权限）"
    days = None if channel.deadline_given else 17
    lines = channel_lines(channel, "", today, "zh", days)
    return next(line for line in lines if line.startswith("截止日期"))


def show_status(status: CaseStatus) -> None:
    case = status.checks.letter.case
    lang = case.lang
    lines = []
    if not case.submissions:
        lines.append(_say(lang, "none", path=status.case_path))
    for number, sub in enumerate(case.submissions, start=1):
        channel, outcome = _word(lang, sub.channel), _word(lang, sub.outcome)
        width = 14 - sum(1 for c in channel if ord(c) > 0x2E80)  # a Chinese character is wide
        answered = _say(lang, "reply_of", date=sub.reply_date) if sub.reply_date else ""
        lines.append(f"{number}. {sub.date}  {channel:<{width}} {outcome}{answered}")
        if sub.reply:
            lines.append(_say(lang, "reply") + " ".join(sub.reply.split()))
        if sub.snapshot:
            lines.append(_say(lang, "sent", path=sub.snapshot))
    lines.append(_deadline(status.checks.letter.channel, status.today, lang))
    lines.append(findings_report(status.checks, lang))
    if status.diff is not None:
        lines.append(status.diff or _say(lang, "unchanged"))
    elif status.diff_asked:
        lines.append(_say(lang, "no_snapshot"))
    typer.echo(inert("\n".join(lines)))  # the diff shows a file's content


def _show_rework(rework: list[PartName], lang: str, unread: bool) -> None:
    if unread:
        typer.echo(_say(lang, "unread"))
    if rework:
        catalogue = load_catalogue()
        sep = "、" if lang == "zh" else ", "
        parts = sep.join(catalogue.part_name(p, lang) for p in rework)
        typer.echo(_say(lang, "rework", parts=parts))


def show_answered(answered: Answered) -> None:
    lang = answered.lang
    typer.echo(
        _say(
            lang,
            "answered",
            reply_date=answered.reply_date,
            outcome=_word(lang, answered.outcome),
            number=answered.number,
            sent=answered.sent,
            path=answered.case_path,
        )
    )
    _show_rework(answered.rework, lang, answered.reply_unread)


def show_recorded(recorded: Recorded) -> None:
    lang = recorded.lang
    typer.echo(
        _say(
            lang,
            "recorded",
            date=recorded.date,
            channel=_word(lang, recorded.channel),
            outcome=_word(lang, recorded.outcome),
            path=recorded.case_path,
            snapshot=recorded.snapshot,
        )
    )
    changed = recorded.changed_since
    if changed is not None:
        key = "kept_written" if changed.kept else "not_written"
        typer.echo(_say(lang, key, path=changed.path, day=changed.day, snapshot=recorded.snapshot))
    _show_rework(recorded.rework, lang, recorded.reply_unread)
