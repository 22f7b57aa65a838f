"""Checks a consultant makes on the plan as a whole: every root cause answered by an action and
a prevention, more than one action per cause, evidence for each cause, figures that add up,
catalogue items that fit where the parcels ship from, and no metric in the letter that no cause
answers."""

from __future__ import annotations

from appeal.core.case import Case, CauseEntry
from appeal.core.catalogue import PARTS, Catalogue
from appeal.core.fitting import fits_case, fitting_for
from appeal.dates import pct
from appeal.letter.context import answered
from appeal.letter.figures import breakdowns
from appeal.letter.finding import Finding


def _traced(entry: CauseEntry, label: str) -> list[Finding]:
    """Which root causes have no action or no prevention that says it answers them."""
    if not entry.root_causes or not entry.corrective_actions or not entry.preventive_measures:
        return []  # the missing part is already an error
    if len(entry.root_causes) == 1:
        return []  # every action and measure answers the only root cause
    if not any(a.answers for a in entry.corrective_actions) and not any(
        m.answers for m in entry.preventive_measures
    ):
        return [
            Finding(
                "warning",
                "untraced",
                label,
                "",
                "say which root cause each action and prevention answers (`answers: 1`, or "
                "the root cause's id); the letter then writes 'addresses root cause 1', and a "
                "reviewer sees every root cause dealt with",
                "为每条纠正措施和预防措施注明它对应第几条根本原因，信中会写明对应关系，"
                "审核员能看到每个根本原因都有处理",
            )
        ]
    findings = []
    acted = {n for a in entry.corrective_actions for n in answered(entry, a)}
    prevented = {n for m in entry.preventive_measures for n in answered(entry, m)}
    for number in range(1, len(entry.root_causes) + 1):
        missing = [
            (en, zh)
            for en, zh, done in (
                ("action", "纠正措施", acted),
                ("prevention", "预防措施", prevented),
            )
            if number not in done
        ]
        if missing:
            what = " and no ".join(en for en, _ in missing)
            what_zh = "或".join(zh for _, zh in missing)
            findings.append(
                Finding(
                    "warning",
                    "root-cause-unanswered",
                    f"{label}, root cause {number}",
                    "",
                    f"root cause {number} has no {what} that says it answers it: add one with "
                    f"`answers: {number}`, or remove the root cause if it did not contribute",
                    f"没有{what_zh}对应第 {number} 条根本原因：请补充一条并注明对应第 {number} 条，"
                    "若该原因并不成立请删除",
                )
            )
    return findings


def _evidence(case: Case, entry: CauseEntry, label: str) -> list[Finding]:
    if entry.attachments or (case.attachments and len(case.causes) == 1):
        return []
    return [
        Finding(
            "warning",
            "no-evidence",
            label,
            "",
            "attach the proof for this cause and list it under the cause's `attachments:` "
            "(e.g. the Account Health or VTR report export, the corrected upload file, "
            "before/after screenshots of the changed setting); the catalogue names the proof "
            "for each action",
            "为这个原因附上证据文件并列在该原因的附件里（如账户状况或有效追踪率报告、"
            "更正后的上传文件、设置修改前后截图）；目录为每条措施列出了对应证据",
        )
    ]


def _single_action(entry: CauseEntry, label: str) -> list[Finding]:
    if len(entry.corrective_actions) != 1:
        return []
    return [
        Finding(
            "warning",
            "single-action",
            f"{label}, actions taken",
            "",
            "one action reads thin: a reviewer expects the immediate fix (the affected orders "
            "corrected) and the change to the process that caused it, each dated",
            "只有一条纠正措施显得单薄：审核员希望看到立即修正（处理受影响订单）和对出错流程的"
            "改变，并各自注明日期",
        )
    ]


def _figures(entry: CauseEntry, label: str) -> list[Finding]:
    findings = []
    pieces = [("facts", entry.facts)] + [
        (f"root causes, item {n}", r.text or "") for n, r in enumerate(entry.root_causes, start=1)
    ]
    for where, text in pieces:
        for breakdown in breakdowns(text):
            if not breakdown.adds_up:
                findings.append(
                    Finding(
                        "warning",
                        "figures-do-not-add-up",
                        f"{label}, {where}",
                        breakdown.claim,
                        f"{breakdown.problem()}; correct the figures if they are wrong",
                        f"{breakdown.problem_zh()}；如数字有误请更正",
                    )
                )
    return findings


def _fit(case: Case, catalogue: Catalogue, entry: CauseEntry, label: str) -> list[Finding]:
    fitting = fitting_for(case)
    cause = catalogue.causes[entry.cause]
    findings = []
    for part in PARTS:
        for number, raw in enumerate(getattr(entry, part), start=1):
            item = cause.item(part, raw.use) if raw.use else None
            if item is None or fits_case(item, fitting):
                continue
            findings.append(
                Finding(
                    "warning",
                    "item-does-not-fit",
                    f"{label}, {catalogue.part_name(part)}, item {number}",
                    item.id,
                    f"'{item.id}' is about parcels shipped directly from China, but the case says "
                    "`seller.ships_from: domestic`; pick another item or write your own",
                    f"“{item.zh}”针对中国直发包裹，但案件写的是国内发货；请换一条或自己写",
                )
            )
    return findings


def _metrics_without_cause(case: Case, catalogue: Catalogue) -> list[Finding]:
    """A figure under `metrics:` that no cause of the case concerns (typed by hand, or written
    by an older `metrics --into`, which wrote every metric of Amazon's report): the letter's
    table shows it, but no part of the plan answers it."""
    concerned = catalogue.concerned_metrics(entry.cause for entry in case.causes)
    findings = []
    for name, figure in case.metrics.present():
        if name in concerned:
            continue
        info = catalogue.metrics[name]
        target = figure.target_or(info.usual)
        causes = ", ".join(c.id for c in catalogue.causes_for(name))
        if target.met_by(figure.value):
            fix = (
                f"no cause of this plan concerns the {info.en}, and a figure Amazon did not ask "
                "about distracts the reviewer: remove it from the case's metrics"
            )
            fix_zh = (
                f"本计划没有哪个原因涉及{info.zh}，亚马逊没问到的数字只会分散审核员的注意力："
                "请从指标中删除"
            )
        else:
            fix = (
                f"the letter's table shows the {info.en} missing Amazon's target "
                f"({target.text}), but no cause of this plan answers it: if Amazon's "
                f"notice names it, add the cause that explains it ({causes}); if not, remove "
                "it from the case's metrics"
            )
            fix_zh = (
                f"信中的表格显示{info.zh}未达标（{target.text}），但本计划没有任何原因回应它："
                f"如果亚马逊的通知提到了它，请添加解释它的原因（{causes}）；否则请从指标中删除"
            )
        findings.append(
            Finding(
                "warning",
                "metric-without-cause",
                f"metrics.{name}",
                pct(figure.value),
                fix,
                fix_zh,
            )
        )
    return findings


def plan_findings(case: Case, catalogue: Catalogue) -> list[Finding]:
    """The consultant's checks for every cause of `case`, and figures no cause answers."""
    findings = _metrics_without_cause(case, catalogue)
    for index, entry in enumerate(case.causes, start=1):
        if catalogue.cause(entry.cause) is None:
            continue
        label = f"cause {index} ({entry.cause})"
        findings += _single_action(entry, label)
        findings += _traced(entry, label)
        findings += _evidence(case, entry, label)
        findings += _figures(entry, label)
        findings += _fit(case, catalogue, entry, label)
    return findings
