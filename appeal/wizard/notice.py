"""Reading Amazon's notice: what a pasted notice says about date, scope, categories, metrics,
deadline and likely causes. Nothing is guessed: an ambiguous date (03/04/2026) is returned as
ambiguous for the wizard to ask."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
)
_ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
_TEXT_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(20\d\d)\b", re.IGNORECASE)
_TEXT_DMY = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH}\s+(20\d\d)\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](20\d\d)\b")
_CJK_DATE = re.compile(r"(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")

# metric id -> the words Amazon uses for it
METRIC_WORDS = {
    "valid_tracking_rate": r"valid\s+tracking\s+rate|\bVTR\b|有效追踪率",
    "late_shipment_rate": r"late\s+(?:shipment|dispatch)\s+rate|\bLSR\b|迟发率",
    "cancellation_rate": r"(?:pre-?fulfil?l?ment\s+)?cancel(?:l)?ation\s+rate|\bCR\b|取消率",
    "order_defect_rate": r"order\s+defect\s+rate|\bODR\b|订单缺陷率",
    "on_time_delivery_rate": r"on-?\s*time\s+delivery\s+rate|\bOTDR\b|准时送达率",
}
LIKELY_CAUSES = {
    "valid_tracking_rate": ["invalid_tracking"],
    "late_shipment_rate": ["late_shipment"],
    "cancellation_rate": ["cancellations"],
    "order_defect_rate": ["feedback_claims"],
    "on_time_delivery_rate": ["late_delivery"],
}
_PERCENT = r"(\d{1,3}(?:\.\d+)?)\s*%"


@dataclass
class NoticeFacts:
    """What the notice states (None or empty: it does not say)."""

    date: dt.date | None = None
    ambiguous_dates: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)
    scope: Literal["category", "all"] | None = None
    categories: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=dict)
    deadline_days: int | None = None
    deadline: dt.date | None = None
    causes: list[str] = field(default_factory=list)
    reference: str = ""

    @property
    def found_anything(self) -> bool:
        return bool(
            self.date
            or self.ambiguous_dates
            or self.scope
            or self.metrics
            or self.categories
            or self.deadline_days
        )


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _dates(text: str) -> tuple[list[dt.date], list[tuple[str, dt.date, dt.date]]]:
    found: list[dt.date] = []
    ambiguous: list[tuple[str, dt.date, dt.date]] = []
    for m in _ISO.finditer(text):
        if (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))) is not None:
            found.append(d)
    for m in _CJK_DATE.finditer(text):
        if (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))) is not None:
            found.append(d)
    for m in _TEXT_MDY.finditer(text):
        if (d := _safe_date(int(m[3]), MONTHS[m[1].lower()[:3]], int(m[2]))) is not None:
            found.append(d)
    for m in _TEXT_DMY.finditer(text):
        if (d := _safe_date(int(m[3]), MONTHS[m[2].lower()[:3]], int(m[1]))) is not None:
            found.append(d)
    for m in _NUMERIC.finditer(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        month_first = _safe_date(year, a, b)
        day_first = _safe_date(year, b, a)
        if month_first and day_first and a != b:
            ambiguous.append((m[0], month_first, day_first))
        elif month_first or day_first:
            found.append(month_first or day_first)  # type: ignore[arg-type]
    return found, ambiguous


def _categories(text: str) -> list[str]:
    match = re.search(
        r"(?:following|these|in the)\s+categor(?:y|ies)\s*[:：]?\s*(.+?)"
        r"(?:\n\s*\n|$)",
        text,
        re.IGNORECASE | re.DOTALL,
    )
    if match is None:
        match = re.search(r"以下(?:品类|类目|分类)\s*[:：]?\s*(.+?)(?:\n\s*\n|$)", text, re.DOTALL)
    if match is None:
        return []
    block = match.group(1)
    items = [re.sub(r"^[\s\-*•·]+", "", line).strip(" .;") for line in block.splitlines()]
    items = [
        i
        for i in items
        if i and len(i) <= 60 and not re.search(r"\b(?:we|you|your)\b", i, re.IGNORECASE)
    ]
    if len(items) == 1 and "," in items[0]:
        items = [i.strip() for i in items[0].split(",") if i.strip()]
    return items[:10]


def read_notice(text: str) -> NoticeFacts:
    """Read what a pasted notice states."""
    facts = NoticeFacts()
    dates, facts.ambiguous_dates = _dates(text)
    if dates:
        facts.date = max(dates)  # the notice is dated after the metric windows it quotes
    low = text.lower()
    category_words = re.search(
        r"(?:selling privileges|ability to (?:sell|fulfil)|"
        r"merchant[- ]fulfil{1,2}ed).{0,120}categor|categor.{0,80}"
        r"(?:removed|suspended)|以下(?:品类|类目)",
        low,
        re.DOTALL,
    )
    account_words = re.search(
        r"deactivat|suspended your (?:account|selling)|account (?:has been|"
        r"is) (?:deactivated|suspended)|all (?:of your )?merchant|"
        r"账户.{0,6}(?:停用|暂停)",
        low,
    )
    if category_words:
        facts.scope = "category"
        facts.categories = _categories(text)
    elif account_words:
        facts.scope = "all"
    for metric, words in METRIC_WORDS.items():
        pattern = re.compile(
            rf"(?:{words})(?:[^%\n]|\n(?!\s*\n)){{0,80}}?{_PERCENT}", re.IGNORECASE
        )
        match = pattern.search(text)
        if match is None and re.search(words, text, re.IGNORECASE) is None:
            continue
        if match is not None:
            facts.metrics[metric] = float(match.group(1))
            rest = text[match.end() : match.end() + 160]
            target = re.search(
                rf"(?:target|below|above|under|less than|at least|目标)"
                rf"[^%\n]{{0,40}}?{_PERCENT}",
                rest,
                re.IGNORECASE,
            )
            if target is not None:
                facts.targets[metric] = float(target.group(1))
        for cause in LIKELY_CAUSES[metric]:
            if cause not in facts.causes:
                facts.causes.append(cause)
    days = re.search(
        r"within\s+(\d{1,2})\s+(?:calendar\s+)?days|(\d{1,2})\s*天内", text, re.IGNORECASE
    )
    if days:
        facts.deadline_days = int(days.group(1) or days.group(2))
        if facts.date:
            facts.deadline = facts.date + dt.timedelta(days=facts.deadline_days)
    if "invalid" in low and "tracking" in low and "invalid_tracking" not in facts.causes:
        facts.causes.append("invalid_tracking")
    reference = re.search(
        r"(?:reference|ref\.?|case|notification)\s*(?:id|number|no\.?)?\s*"
        r"[:#]\s*([A-Z0-9][A-Z0-9-]{5,})",
        text,
        re.IGNORECASE,
    )
    if reference:
        facts.reference = reference.group(1)
    return facts
