"""Reading Amazon's notice: what kind of message it is, what was removed, which metric against
which target, and what deadline it states. Nothing is guessed: the notice's own date is taken
only where the text labels it (the e-mail's date is outside a paste), an ambiguous date
(03/04/2026) is returned for the wizard to ask, and a threshold is never read as the seller's
figure."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from appeal.wizard import notice_words as words

Kind = Literal["removal", "warning", "reply", "correction"]
Outcome = Literal["accepted", "rejected", "more_info"]

_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
MONTHS = {name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DATE = (
    rf"(?:(20\d\d)-(\d\d?)-(\d\d?)|(20\d\d)/(\d\d?)/(\d\d?)|(20\d\d)\s*年\s*(\d\d?)\s*月\s*"
    rf"(\d\d?)\s*日|{_MONTH}\s+(\d\d?),?\s+(20\d\d)|(\d\d?)\s+{_MONTH},?\s+(20\d\d)|"
    rf"(\d\d?)[/.](\d\d?)[/.](20\d\d))"
)
_DATE_RE = re.compile(_DATE, re.IGNORECASE)
# Where a text names its own date: a "Date:" line, "sent on", "deactivated on" ...
_LABELLED = re.compile(
    rf"(?:^|\n)\s*(?:date|sent|notice date|notification date|date of notice|日期|通知日期|"
    rf"发送日期|发送时间)\s*:\s*{_DATE}|"
    rf"(?<!we )(?<!notice )(?:sent|dated|issued|deactivated|removed|suspended)\s+on\s+{_DATE}|"
    rf"于\s*{_DATE}\s*(?:停用|移除|暂停)",
    re.IGNORECASE,
)
_EXPLICIT_DEADLINE = re.compile(
    rf"(?:by|before|no later than|on or before)\s+{_DATE}|"
    rf"(?:截止日期|截止时间)\s*(?:为|是|:)?\s*{_DATE}|请于\s*{_DATE}\s*(?:之)?前",
    re.IGNORECASE,
)
# A window: "for the period October 6, 2026 to November 4, 2026", "Time period: 1 October 2026 –
# 30 October 2026", "2026年10月1日至2026年10月30日" (dashes of every width; NFKC leaves them).
_PERIOD = re.compile(
    rf"(?:between|from|period(?: of)?\s*:?|for the period|统计(?:周期|期间|时间)\s*:?|时间段\s*:?)"
    rf"\s*{_DATE}\s*(?:and|to|through|until|-|–|—|~|至|到)\s*{_DATE}|"
    rf"{_DATE}\s*(?:至|到|-|–|—|~|\bto\b|\bthrough\b)\s*{_DATE}",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"(?:reference|ref\.?|notification|notice)\s*(?:id|number|no\.?|#)?\s*[:#]\s*"
    r"([A-Z0-9][A-Z0-9-]{5,})",
    re.IGNORECASE,
)


@dataclass
class NoticeFacts:
    """What the notice states (None or empty: it does not say)."""

    kind: Kind | None = None
    outcome: Outcome | None = None  # for Amazon's reply to an appeal
    date: dt.date | None = None  # only a date the text labels as its own
    ambiguous_dates: list[tuple[str, dt.date, dt.date]] = field(default_factory=list)
    scope: Literal["category", "all"] | None = None
    categories: list[str] = field(default_factory=list)
    metrics: dict[str, float] = field(default_factory=dict)  # the seller's figures
    targets: dict[str, float] = field(default_factory=dict)  # Amazon's thresholds
    window_days: dict[str, int] = field(default_factory=dict)  # "in the past 30 days"
    periods: dict[str, tuple[dt.date, dt.date]] = field(default_factory=dict)
    named: list[str] = field(default_factory=list)  # metrics named, with or without figures
    deadline_days: int | None = None  # "within 17 days": from the original notice's date
    deadline: dt.date | None = None  # a deadline the text states as a date
    causes: list[str] = field(default_factory=list)
    reference: str = ""

    @property
    def found_anything(self) -> bool:
        return bool(
            self.kind or self.date or self.ambiguous_dates or self.named or self.deadline_days
        )


def _fold(text: str) -> str:
    """NFKC (full-width digits and signs to ASCII), curly quotes to straight ones."""
    folded = unicodedata.normalize("NFKC", text)
    return folded.translate(str.maketrans("“”‘’", "\"\"''"))


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_from(
    groups: tuple[str | None, ...],
) -> tuple[dt.date | None, tuple[dt.date, dt.date] | None]:
    """A date from the groups of one _DATE match; or both readings of an ambiguous one."""
    g = groups
    for y, m, d in ((0, 1, 2), (3, 4, 5), (6, 7, 8)):
        if g[y]:
            return _safe(int(g[y] or 0), int(g[m] or 0), int(g[d] or 0)), None
    if g[9]:
        return _safe(int(g[11] or 0), MONTHS[(g[9] or "")[:3].lower()], int(g[10] or 0)), None
    if g[13]:
        return _safe(int(g[14] or 0), MONTHS[(g[13] or "")[:3].lower()], int(g[12] or 0)), None
    a, b, year = int(g[15] or 0), int(g[16] or 0), int(g[17] or 0)
    month_first, day_first = _safe(year, a, b), _safe(year, b, a)
    if month_first and day_first and a != b:
        return None, (month_first, day_first)
    return month_first or day_first, None


def _first_date(groups: tuple[str | None, ...]) -> tuple[str | None, ...]:
    """The 18 groups of the first date that matched in a pattern with several _DATE parts."""
    for start in range(0, len(groups), 18):
        if any(groups[start : start + 18]):
            return groups[start : start + 18]
    return groups[:18]


def read_window(typed: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a window as typed ("2026-10-01 to 2026-10-30", "1 October
    2026 – 30 October 2026", "2026年10月1日至2026年10月30日"); None unless it holds exactly
    two dates, each readable one way only."""
    days = [_date_from(m.groups()) for m in _DATE_RE.finditer(_fold(typed))]
    if len(days) != 2 or days[0][0] is None or days[1][0] is None:
        return None
    return days[0][0], days[1][0]


def _own_date(text: str, facts: NoticeFacts) -> None:
    for match in _LABELLED.finditer(text):
        day, both = _date_from(_first_date(match.groups()))
        if day is not None:
            facts.date = day
            return
        if both is not None:
            raw = _DATE_RE.search(match.group(0))
            facts.ambiguous_dates.append((raw.group(0) if raw else "", *both))


def _kind(text: str, facts: NoticeFacts) -> None:
    if words.REPLY_CONTEXT.search(text):
        for outcome, pattern in words.REPLY_OUTCOMES:
            if pattern.search(text):
                facts.kind, facts.outcome = "reply", outcome  # type: ignore[assignment]
                return
    if words.CORRECTION.search(text):
        facts.kind = "correction"
    elif words.REMOVAL.search(text):
        facts.kind = "removal"
    elif words.WARNING.search(text):
        facts.kind = "warning"


def split_categories(text: str) -> list[str]:
    """Category names from a list as written: one a line, or separated by ; , or 'and', with
    Amazon's names that contain commas kept whole."""
    pieces: list[str] = []
    for part in re.split(r"[;\n]|、|以及", text):  # 和 and & join words inside one name
        pieces += [p for p in re.split(r",|\band\b", part) if p.strip()]
    cleaned = [re.sub(r"^[\s\-*•·\"']+|[\s.\"';:]+$", "", p) for p in pieces]
    cleaned = [re.sub(r"^(?:the|and)\s+", "", c) for c in cleaned if c]
    known = {k.lower(): k for k in words.CATEGORIES_WITH_COMMAS}
    out: list[str] = []
    index = 0
    while index < len(cleaned):
        for size in (4, 3, 2):
            joined = ", ".join(cleaned[index : index + size])
            merged = re.sub(r",\s*(?=[^,]*$)", " & ", joined) if size > 1 else joined
            for candidate in (joined, merged, joined.replace(", &", " &")):
                if candidate.lower() in known:
                    out.append(known[candidate.lower()])
                    index += size
                    break
            else:
                continue
            break
        else:
            if cleaned[index]:
                out.append(cleaned[index])
            index += 1
    return [c for c in out if c and len(c) <= 60][:12]


def _categories(text: str) -> list[str]:
    block = re.search(
        r"(?:following|these|the below|below)\s+(?:product\s+)?categor(?:y|ies)\s*(?:\(\w+\))?"
        r"\s*:?\s*(.+?)(?:\n\s*\n|(?<=[a-z)])\.(?:\s|$)|$)",
        text,
        re.IGNORECASE | re.DOTALL,
    ) or re.search(
        r"以下(?:品类|类目|分类)(?:的[^:\n]{0,12})?\s*:?\s*(.+?)(?:\n\s*\n|。|$)", text, re.DOTALL
    )
    if block is not None:
        found = block.group(1)
        head, colon, rest = found.partition(":")
        if colon and re.fullmatch(r"[a-z ()]*", head):  # "... categories have been removed:"
            found = rest
        lines = [ln for ln in found.splitlines() if ln.strip()]
        items = [
            ln
            for ln in lines
            if len(ln.strip()) <= 80
            and not re.search(r"\b(?:we|you|your|our|this|please)\b", ln, re.IGNORECASE)
        ]
        return split_categories("\n".join(items[:12]))
    inline = re.search(
        r"\b(?:in|for|from|within)\s+the\s+([A-Z][\w&,' \n-]{1,80}?)\s+(?:product\s+)?"
        r"categor(?:y|ies)\b",
        text,
    ) or re.search(r"在\s*\"?([^\"\n]{1,60}?)\"?\s*(?:品类|类目|分类)", text)
    if inline is not None:
        return split_categories(re.sub(r"\s+", " ", inline.group(1)))
    # "... sell seller-fulfilled items in Toys & Games (only)." names the category too
    listed = re.search(
        r"(?:seller|merchant|self)[- ]?fulfil{1,2}ed\s+(?:items|offers|listings|products|orders)"
        r"\s+in\s+(?:the\s+)?([A-Z][\w&,' \n-]{1,80}?)(?:\s+only)?\s*(?:[.;:(]|\n\s*\n|$)",
        text,
    )
    if listed is not None and not re.match(r"(?:Amazon|US|UK|the)\b", listed.group(1)):
        return split_categories(re.sub(r"\s+", " ", listed.group(1)))
    label = re.search(r"(?:^|\n)\s*categor(?:y|ies)\s*:\s*(.+)", text, re.IGNORECASE)
    return split_categories(label.group(1)) if label is not None else []


def _metric_at(text: str, position: int, *, sentence: bool = True) -> str | None:
    """The metric a figure at `position` belongs to: the last one named before it in the same
    paragraph, else the first one named after it in the same sentence (or paragraph)."""
    start = text.rfind("\n\n", 0, position) + 1
    before = [
        (m.end(), metric)
        for metric, pattern in words.METRICS.items()
        for m in pattern.finditer(text, start, position)
    ]
    if before:
        return max(before)[1]
    stops = ("\n\n",) + ((". ", ".\n", "。") if sentence else ())
    end = min([text.find(s, position) for s in stops if s in text[position:]] + [len(text)])
    after = [
        (m.start(), metric)
        for metric, pattern in words.METRICS.items()
        for m in pattern.finditer(text, position, end)
    ]
    return min(after)[1] if after else None


def _metrics(text: str, facts: NoticeFacts) -> None:
    for name, pattern in words.METRICS.items():
        if pattern.search(text):
            facts.named.append(name)
    previous_end = 0
    for match in words.PERCENT.finditer(text):
        metric = _metric_at(text, match.start())
        lead = text[max(previous_end, match.start() - 40) : match.start()]
        previous_end = match.end()
        if metric is None:
            continue
        value = float(match.group(1))
        if value > 100:
            continue
        is_target = bool(
            words.TARGET_BEFORE.search(lead) or words.TARGET_AFTER.search(text[match.end() :])
        )
        chosen = facts.targets if is_target else facts.metrics
        chosen.setdefault(metric, value)
    for match in words.WINDOW_DAYS.finditer(text):
        metric = _metric_at(text, match.start(), sentence=False)
        days = next(int(g) for g in match.groups() if g)
        if metric is not None:
            facts.window_days.setdefault(metric, days)
    for match in _PERIOD.finditer(text):
        metric = _metric_at(text, match.start())
        if metric is None and len(facts.named) == 1:
            metric = facts.named[0]  # "Time period: ..." on its own, in a notice about one metric
        groups = match.groups()
        first = 0 if any(groups[:36]) else 36
        begin, _ = _date_from(groups[first : first + 18])
        end, _ = _date_from(groups[first + 18 : first + 36])
        if metric is not None and begin and end and begin <= end:
            facts.periods.setdefault(metric, (begin, end))


def _causes(text: str, facts: NoticeFacts) -> None:
    from appeal.core.catalogue import load_catalogue

    catalogue = load_catalogue()
    for metric in facts.named:
        cause = catalogue.metrics[metric].likely_cause
        if "late-receipt" in text.lower() and metric == "on_time_delivery_rate":
            cause = "late_delivery"
        if cause not in facts.causes:
            facts.causes.append(cause)
    for cause, pattern in words.CAUSE_WORDS:
        if pattern.search(text) and cause not in facts.causes:
            facts.causes.append(cause)


def read_notice(raw: str) -> NoticeFacts:
    """Read what a pasted notice states."""
    text = _fold(raw)
    facts = NoticeFacts()
    _kind(text, facts)
    _own_date(text, facts)
    _metrics(text, facts)
    _causes(text, facts)
    if facts.kind in ("removal", "correction"):
        facts.categories = _categories(text)
        if facts.categories or (
            words.CATEGORY_SCOPE.search(text)
            and not re.search(r"your (?:selling )?account", text, re.IGNORECASE)
        ):
            facts.scope = "category"
        elif facts.named == ["valid_tracking_rate"] and not words.ACCOUNT_SCOPE.search(text):
            facts.scope = "category"  # Amazon removes MFN per category for VTR (domain.md 2)
        elif words.ACCOUNT_SCOPE.search(text) or facts.kind == "removal":
            facts.scope = "all"
    days = words.DEADLINE_DAYS.search(text)
    if days:
        facts.deadline_days = int(days.group(1) or days.group(2))
    explicit = _EXPLICIT_DEADLINE.search(text)
    if explicit:
        facts.deadline, _ = _date_from(_first_date(explicit.groups()))
    reference = _REFERENCE.search(text)
    if reference and re.search(r"\d", reference.group(1)):
        facts.reference = reference.group(1)
    return facts
