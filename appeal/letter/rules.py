"""The rules the checks apply to a case and its letter (spec section 7): structure, text and
length. Phrase lists are data (`data/checks.yaml`, applied in `phrases.py`); each finding says
where it is, quotes the words, and says how to fix it, in English and Chinese. Errors block
(exit 1); warnings advise."""

from __future__ import annotations

import re

from appeal.core.case import Case
from appeal.core.catalogue import PARTS, Catalogue
from appeal.core.fitting import fit, fitting_for
from appeal.letter.content import Letter
from appeal.letter.finding import Finding as Finding
from appeal.letter.finding import Level
from appeal.letter.formats.document import parse_markdown
from appeal.letter.length import allowed_pages, estimate_pages
from appeal.letter.phrases import NON_LATIN, Text, text_findings
from appeal.letter.plan import plan_findings
from appeal.units import unbound

_NUMBER = re.compile(r"\d")
# A measure says how often it runs ("every working day", "weekly", "twice a day", 每天) or what
# sets it off, for a standing rule ("before each upload", "only after", "no order may ...",
# "confirmation is blocked for any carrier not in it").
_WHEN = re.compile(
    r"\b(?:every|each|daily|weekly|monthly|quarterly|yearly|annually|hourly|nightly|fortnightly"
    r"|once|twice|always|never|whenever|when|before|after|until|unless|only|must|requires?"
    r"|blocked|stopped"
    r"|automatically|continuously|real[- ]time|same\s+day|per\s+(?:day|week|month|shift|order"
    r"|upload|parcel|package|batch|file)|times\s+a\s+(?:day|week|month))\b"
    r"|\bno\s+(?:\w+\s+){1,3}?(?:may|can|is|are)\b|每|定期|实时|自动",
    re.IGNORECASE,
)


def states_when(text: str) -> bool:
    """Whether a measure's text says how often it runs or what sets it off."""
    return _WHEN.search(unbound(text)) is not None


def _texts(case: Case, catalogue: Catalogue) -> list[Text]:
    """Every piece of text the letter shows, with where it comes from."""
    seller = case.seller
    out = [
        Text("seller.business_name", seller.business_name, "name"),
        Text("seller.contact_name", seller.contact_name, "name"),
        Text("seller.store_name", seller.store_name, "name"),
    ]
    if seller.address:
        out.append(Text("seller.address", seller.address, "name"))
    if case.notice.reference:
        out.append(Text("notice.reference", case.notice.reference))
    if seller.holidays:
        out.append(Text("seller.holidays", seller.holidays))
    if case.responsibility is not None and case.responsibility.text:
        out.append(Text("responsibility", case.responsibility.text))
    fitting = fitting_for(case)
    for index, entry in enumerate(case.causes, start=1):
        cause = catalogue.causes[entry.cause]
        label = f"cause {index} ({entry.cause})"
        if entry.facts:
            out.append(Text(f"{label}, facts", entry.facts))
        for part in PARTS:
            for number, item in enumerate(getattr(entry, part), start=1):
                where = f"{label}, {catalogue.part_name(part)}, item {number}"
                resolved = cause.item(part, item.use) if item.use else None
                if resolved is not None:  # the owner is checked on its own below
                    # quoted in findings, so with plain spaces (a GBK console has no U+00A0)
                    out.append(Text(where, unbound(fit(resolved, fitting).en)))
                else:
                    out.append(Text(where, item.text or ""))
                owner = getattr(item, "owner", None)
                if owner:
                    out.append(Text(f"{where}, owner", owner, "owner"))
                frequency = getattr(item, "frequency", None)
                if frequency:
                    out.append(Text(f"{where}, frequency", frequency))
    return out


def _finding(
    level: Level, rule: str, where: str, fix: str, fix_zh: str, quote: str = ""
) -> Finding:
    return Finding(level, rule, where, quote, fix, fix_zh)


def _structure(case: Case, catalogue: Catalogue) -> list[Finding]:
    findings = []
    for index, entry in enumerate(case.causes, start=1):
        cause = catalogue.causes[entry.cause]
        label = f"cause {index} ({entry.cause})"
        for part in PARTS:
            name = catalogue.part_name(part)
            if not getattr(entry, part):
                findings.append(
                    _finding(
                        "error",
                        "missing-part",
                        f"{label}, {name}",
                        f"Amazon asks for {name} for every cause; add at least one "
                        f"(`appeal causes` lists the catalogue's {name} for {cause.id})",
                        f"亚马逊要求每个原因都写{catalogue.part_name(part, 'zh')}；至少添加一条"
                        "（可从目录中选择这个原因的条目）",
                    )
                )
        own_words = entry.facts + " ".join(i.text or "" for i in entry.root_causes)
        if not _NUMBER.search(own_words):
            findings.append(
                _finding(
                    "warning",
                    "no-figures",
                    f"{label}, facts",
                    "give numbers and dates: how many orders or packages, out of how many, between "
                    "which dates (e.g. '37 of 412 packages between 6 October and 4 November 2026')",
                    "写出数字和日期：多少订单或包裹、总数多少、哪段日期"
                    "（如“2026 年 10 月 6 日至 11 月 4 日 412 个包裹中有 37 个”）",
                    entry.facts[:60],
                )
            )
        for number, action in enumerate(entry.corrective_actions, start=1):
            if action.date is None:
                findings.append(
                    _finding(
                        "warning",
                        "action-without-date",
                        f"{label}, actions taken, item {number}",
                        "add `date:` (when it was done); dated actions show the fix is real",
                        "写明完成日期；有日期的措施才显得真实",
                    )
                )
        for number, measure in enumerate(entry.preventive_measures, start=1):
            default = cause.item("preventive_measures", measure.use or "")
            if not (measure.owner or measure.frequency or (default and default.frequency)):
                findings.append(
                    _finding(
                        "warning",
                        "measure-without-owner",
                        f"{label}, prevention, item {number}",
                        "add `owner:` (who does it) or `frequency:` (how often); a measure without "
                        "either reads as a promise",
                        "写明负责人或执行频率；两者都没有的措施读起来像空头承诺",
                    )
                )
            elif not (measure.frequency or (default and default.frequency)) and not states_when(
                default.en if default else measure.text or ""
            ):
                findings.append(
                    _finding(
                        "warning",
                        "measure-without-frequency",
                        f"{label}, prevention, item {number}",
                        "add `frequency:` (how often, e.g. 'every working day', 'each Monday') or "
                        "say in the text what sets it off ('before each upload'); with an owner "
                        "alone a reviewer cannot tell whether it is done daily or once",
                        "写明执行频率（`frequency:`，如“每个工作日”“每周一”），或在措施中写明触发条件"
                        "（如“每次上传前”）；只有负责人，审核员看不出是每天做还是只做一次",
                    )
                )
    return findings


def _latest_findings(case: Case, catalogue: Catalogue) -> list[Finding]:
    """A `latest` figure over fewer days than Amazon measures the metric over, given without
    `source:`: the letter would state it as Amazon's own metric, which Amazon cannot have
    measured yet (a VTR over 2 days; an ODR over 2 weeks)."""
    from appeal.letter.context import short_window

    findings = []
    seen = set()
    for entry in case.causes:
        metric = catalogue.causes[entry.cause].metric
        measured = getattr(case.metrics, metric.id)
        if metric.id in seen or measured is None or measured.latest is None:
            continue
        seen.add(metric.id)
        latest = measured.latest
        if latest.source or not short_window(latest.window, metric.days):
            continue
        days = (latest.window[1] - latest.window[0]).days + 1
        findings.append(
            _finding(
                "warning",
                "latest-too-short",
                f"metrics.{metric.id}.latest",
                f"this figure covers {days} day(s), fewer than the {metric.days} days Amazon "
                f"measures its {metric.en} over, so it cannot be Amazon's figure yet; give your "
                "own count as `source:` (e.g. 'our own count: 58 of 58 tracking IDs confirmed "
                "since the fix were valid'): the letter then states it as your count",
                f"这个数值只覆盖 {days} 天，短于亚马逊计算{metric.zh}的 {metric.days} 天，亚马逊还"
                "不可能测出它；请在 source 中写明是您自己的统计（如 58 个追踪号中 58 个有效），"
                "信中会写成您自己的统计",
                f"{latest.value:g} %",
            )
        )
    return findings


def _channel_findings(case: Case, letter: Letter) -> list[Finding]:
    if letter.channel.kind != "email" or case.seller.merchant_token:
        return []
    return [
        _finding(
            "error",
            "merchant-token",
            "seller.merchant_token",
            "the e-mail channel needs your merchant token: Amazon's tracking team finds the "
            "account by it. Copy it from Seller Central (Settings > Account Info > Your "
            "Merchant Token) into `seller.merchant_token`",
            "邮件申诉必须提供卖家记号（Merchant Token），亚马逊据此找到账户。请在卖家后台"
            "（设置 > 账户信息 > 您的卖家记号）复制后填入“卖家记号”",
        )
    ]


def _category_findings(case: Case) -> list[Finding]:
    """A category name in another script: the subject and first sentence name it, and Amazon
    files the appeal under the marketplace's own (English) category name."""
    from appeal.core.marketplaces import marketplace

    english = marketplace(case.seller.marketplace).english
    return [
        Finding(
            "error" if english else "warning",
            "not-english",
            "notice.categories",
            name,
            f"write the category as {case.seller.marketplace} names it in English, "
            "e.g. Toys & Games",
            f"请按 {case.seller.marketplace} 网站上的英文名称填写品类，例如 Toys & Games",
        )
        for name in case.notice.categories
        if NON_LATIN.search(name)
    ]


def letter_pages(case: Case, letter: Letter) -> float:
    """The letter's length in pages of the .docx at the default style."""
    from appeal.core.marketplaces import marketplace

    paper = marketplace(case.seller.marketplace).paper
    return estimate_pages(parse_markdown(letter.markdown), paper)


def letter_findings(case: Case, catalogue: Catalogue, letter: Letter) -> list[Finding]:
    """All findings for `case` and the letter it makes, errors first."""
    findings = _structure(case, catalogue) + _channel_findings(case, letter)
    findings += _latest_findings(case, catalogue)
    findings += _category_findings(case)
    findings += plan_findings(case, catalogue)
    findings += text_findings(_texts(case, catalogue), case.seller.marketplace)
    pages = letter_pages(case, letter)
    allowed = allowed_pages(len(case.causes))
    if pages > allowed:
        findings.append(
            _finding(
                "warning",
                "too-long",
                "letter",
                f"keep it to {allowed} pages for {len(case.causes)} cause(s): reviewers spend a "
                "few minutes; cut repetition and background, keep numbers, dates and mechanisms",
                f"{len(case.causes)} 个原因请控制在 {allowed} 页内：审核员只花几分钟；删掉重复和"
                "背景介绍，保留数字、日期和机制",
                f"about {pages:.1f} pages",
            )
        )
    return sorted(findings, key=lambda f: f.level != "error")
