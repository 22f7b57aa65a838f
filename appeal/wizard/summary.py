"""What the wizard tells the seller, in their language: what a notice says, where the appeal
goes and by when, and what the checks found (the letter itself stays English)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from appeal.core.catalogue import PARTS, Catalogue
from appeal.dates import longdate, pct
from appeal.wizard.notice import NoticeFacts
from appeal.wizard.texts import TEXTS, phrase

if TYPE_CHECKING:
    from appeal.core.channel import Channel
    from appeal.letter.rules import Finding

_KIND = {
    "removal": ("a removal: selling privileges were taken away", "下架/停用通知：销售权限已被移除"),
    "warning": ("a warning: nothing is removed yet", "警告：尚未移除任何权限"),
    "reply": ("Amazon's reply to an appeal", "亚马逊对申诉的回复"),
    "correction": ("a correction of an earlier notice", "对先前通知的更正"),
}
_OUTCOME = {
    "accepted": ("accepted", "已通过"),
    "rejected": ("not accepted", "未通过"),
    "more_info": ("more detail asked for", "要求补充更多细节"),
}
_LABELS = {
    "kind": ("Kind", "类型"),
    "scope": ("Removed", "范围"),
    "scope.category": ("self-shipping in: {names}", "以下品类的自发货：{names}"),
    "scope.all": ("all self-shipping, or the account", "全部自发货或整个账户"),
    "metric": ("{name}", "{name}"),
    "value": ("yours {value}", "您的数值 {value}"),
    "no_value": ("your figure not stated", "未写明您的数值"),
    "target": ("Amazon's target {sign} {target}", "亚马逊要求 {sign} {target}"),
    "window": ("over {days} days", "统计周期 {days} 天"),
    "period": ("{start} to {end}", "{start} 至 {end}"),
    "deadline_days": (
        "Deadline: within {days} days of the notice",
        "截止：通知发出后 {days} 天内",
    ),
    "deadline_date": ("Deadline: {date}", "截止：{date}"),
    "date": ("Notice date: {date}", "通知日期：{date}"),
    "no_date": (
        "Notice date: not in the text; you will be asked",
        "通知日期：文中未写明，稍后请填写",
    ),
    "answer": ("The letter must answer, for each cause:", "申诉信要逐个原因回答："),
    "nothing": ("Nothing recognised in the text.", "未能从文中识别出内容。"),
}


def _l(lang: str, key: str, **values: object) -> str:
    en, zh = _LABELS[key]
    return (zh if lang == "zh" else en).format(**values)


def day(value: dt.date, lang: str) -> str:
    """A date as the seller reads it: 20 November 2026, or 2026年11月20日."""
    return f"{value.year}年{value.month}月{value.day}日" if lang == "zh" else longdate(value)


def describe_notice(facts: NoticeFacts, lang: str, catalogue: Catalogue) -> list[str]:
    """What the notice says, line by line: kind, scope, metrics against targets, deadline, and
    the questions the letter must answer."""
    if not facts.found_anything:
        return [_l(lang, "nothing")]
    zh = lang == "zh"
    colon = "：" if zh else ": "
    lines = []
    if facts.kind:
        kind = _KIND[facts.kind][1 if zh else 0]
        if facts.outcome:
            kind += f" ({_OUTCOME[facts.outcome][1 if zh else 0]})"
        lines.append(f"{_l(lang, 'kind')}{colon}{kind}")
    if facts.scope == "category":
        names = "; ".join(facts.categories) or "?"
        lines.append(f"{_l(lang, 'scope')}{colon}{_l(lang, 'scope.category', names=names)}")
    elif facts.scope == "all":
        lines.append(f"{_l(lang, 'scope')}{colon}{_l(lang, 'scope.all')}")
    for metric in facts.named:
        info = catalogue.metrics[metric]
        parts = []
        if metric in facts.metrics:
            parts.append(_l(lang, "value", value=pct(facts.metrics[metric])))
        else:
            parts.append(_l(lang, "no_value"))
        target = facts.targets.get(metric, info.target)
        sign = "≥" if info.better == "higher" else "<"
        parts.append(_l(lang, "target", sign=sign, target=pct(target)))
        if metric in facts.window_days:
            parts.append(_l(lang, "window", days=facts.window_days[metric]))
        if metric in facts.periods:
            start, end = facts.periods[metric]
            parts.append(_l(lang, "period", start=day(start, lang), end=day(end, lang)))
        lines.append(f"{info.zh if zh else info.en}{colon}" + ("，" if zh else ", ").join(parts))
    if facts.date:
        lines.append(_l(lang, "date", date=day(facts.date, lang)))
    elif facts.kind != "reply":
        lines.append(_l(lang, "no_date"))
    if facts.deadline:
        lines.append(_l(lang, "deadline_date", date=day(facts.deadline, lang)))
    elif facts.deadline_days:
        lines.append(_l(lang, "deadline_days", days=facts.deadline_days))
    if facts.causes and facts.kind != "reply":
        lines.append(_l(lang, "answer"))
        for cause_id in facts.causes:
            cause = catalogue.causes[cause_id]
            parts = [
                catalogue.parts[p].name.of(lang)
                if zh or not cause.tracking_wording
                else catalogue.parts[p].tracking_heading
                for p in PARTS
            ]
            lines.append(f"  {cause.title(lang)}{colon}" + ("；" if zh else "; ").join(parts))
    return lines


def days_left(days: int, lang: str) -> str:
    if days > 1:
        return phrase(lang, "left", n=days)
    if days == 1:
        return phrase(lang, "left_one")
    if days == 0:
        return phrase(lang, "due_today")
    return phrase(lang, "past", n=-days)


def channel_lines(
    channel: Channel, marketplace: str, today: dt.date, lang: str, rule_days: int | None
) -> list[str]:
    """Which channel, why, the deadline with the days left, and how to send: the channel's
    own label and steps (data/channels.yaml), so every face says the same."""
    due: dt.date | None = getattr(channel, "deadline", None)
    form_file = ".form.txt 文件" if lang == "zh" else "the .form.txt file"
    steps = channel.steps(marketplace, form_file, lang)
    if channel.kind == "none":  # a warning: nothing to appeal
        lines = [phrase(lang, f"channel.none.{n}") for n in (1, 2)]
        return lines + [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    lines = [phrase(lang, "channel", label=channel.label(lang))]
    if channel.kind == "email":
        lines.append(phrase(lang, "why.email", marketplace=marketplace))
    else:
        lines.append(phrase(lang, "why.seller_central", reason=channel.reason))
    accepted, sent = getattr(channel, "accepted_on", None), getattr(channel, "sent_on", None)
    if accepted is not None:
        lines.append(phrase(lang, "deadline_accepted", date=day(accepted, lang)))
    elif due is None:
        if sent is not None:
            lines.append(phrase(lang, "no_deadline_sent", date=day(sent, lang)))
        else:
            lines.append(phrase(lang, "no_deadline"))
    else:
        given = getattr(channel, "deadline_given", True)
        origin = phrase(lang, "deadline_origin", days=rule_days) if not given and rule_days else ""
        if sent is not None:
            left = phrase(lang, "sent_in_time", date=day(sent, lang))
        else:
            left = days_left((due - today).days, lang)
        lines.append(phrase(lang, "deadline_line", date=day(due, lang), origin=origin, left=left))
    lines.append(phrase(lang, "how"))
    lines += [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    return lines


_FIELDS_ZH = {
    "seller.business_name": "公司名称",
    "seller.store_name": "店铺名称",
    "seller.contact_name": "署名",
    "seller.address": "地址",
    "seller.merchant_token": "卖家记号",
    "notice.reference": "通知编号",
    "notice.deadline": "截止日期",
    "letter": "整封信",
    "facts": "事实",
    "owner": "负责人",
    "frequency": "频率",
    "attachments": "附件",
}


def where_zh(where: str, catalogue: Catalogue) -> str:
    """A finding's place in Chinese: 原因 1（无效追踪号），根本原因，第 2 项."""

    def cause(match: re.Match[str]) -> str:
        found = catalogue.cause(match.group(2))
        return f"原因 {match.group(1)}（{found.title_zh if found else match.group(2)}）"

    text = re.sub(r"cause (\d+) \((\w+)\)", cause, where)
    for part in PARTS:
        text = text.replace(catalogue.part_name(part), catalogue.part_name(part, "zh"))
    text = re.sub(r"item (\d+)", r"第 \1 项", text)
    for english, chinese in sorted(_FIELDS_ZH.items(), key=lambda kv: -len(kv[0])):
        text = re.sub(rf"\b{re.escape(english)}\b", chinese, text)
    return text.replace(", ", "，")


def fix_for(finding: Finding, lang: str) -> str:
    """What to do about a finding, said for the wizard and the page: a finding about which
    root cause an action answers, or about evidence, names the step that asks it (the
    checks' own wording names keys of the case file); every other finding as the checks say."""
    key = f"fix.{finding.rule}"
    said = finding.fix_in(lang) or finding.fix
    if key not in TEXTS:
        return said
    head = re.split(r": add one with|：", said)[0]  # what is missing, without the key to write
    return phrase(lang, key, head=head)


def finding_line(finding: Finding, lang: str, catalogue: Catalogue) -> str:
    """One finding as the seller reads it in the wizard (the quote stays as written)."""
    if lang != "zh":
        quoted = f' "{finding.quote}"' if finding.quote else ""
        return (
            f"{finding.level}: {finding.where}: [{finding.rule}]{quoted}: {fix_for(finding, lang)}"
        )
    fix = fix_for(finding, lang)
    quoted = f"“{finding.quote}”" if finding.quote else ""
    level = phrase(lang, f"level.{finding.level}")
    return f"{level}：{where_zh(finding.where, catalogue)}：{quoted}{fix}"


def step_of(where: str) -> tuple[int, int | None]:
    """The wizard step (and cause) where the answer a finding is about is asked."""
    if where.startswith("seller"):
        return 0, None
    if where.startswith("notice"):
        return 1, None
    match = re.match(r"cause (\d+)", where)
    if match:
        return 3, int(match.group(1)) - 1
    return 3, None
