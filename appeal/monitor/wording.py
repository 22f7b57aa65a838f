"""What `appeal monitor` results say, in English or Chinese, for any face (terminal, web page):
figure names, warning sentences, signals and notes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from appeal.dates import pct
from appeal.monitor.result import MonitorResult, Note, Signal, Watch
from appeal.monitor.texts import TEXTS
from appeal.sellerfiles.wording import rank

_ROLES = {
    "en": {"latest_7d": "latest 7 days", "last_30d": "last 30 days", "last_10d": "last 10 days"},
    "zh": {"latest_7d": "最近7天", "last_30d": "最近30天", "last_10d": "最近10天"},
}
_ESTIMATE_NAMES = {
    "valid_tracking_rate": {"en": "Usable tracking IDs", "zh": "可用追踪号"},
    "late_shipment_rate": {"en": "Late confirmations", "zh": "迟确认发货"},
}
_EXTRA_NAMES = {
    "order_defect_rate_afn": {"en": "Order Defect Rate (FBA)", "zh": "订单缺陷率（FBA）"},
    "invoice_defect_rate": {"en": "Invoice Defect Rate", "zh": "发票缺陷率"},
}
STATUS = {
    "en": {"red": "red", "amber": "amber", "green": "green", "grey": "-"},
    "zh": {"red": "红", "amber": "黄", "green": "绿", "grey": "-"},
}
_STOPPED = frozenset({"DEACTIVATED", "SUSPENDED"})  # Amazon's schema; its example says SUSPENDED
# Amazon's policy items and warnings (Account Health), as Seller Central names them in Chinese.
_POLICY_ZH = {
    "suspectedIntellectualPropertyViolations": "涉嫌侵犯知识产权",
    "receivedIntellectualPropertyComplaints": "收到的知识产权投诉",
    "productAuthenticityCustomerComplaints": "商品真实性买家投诉",
    "productConditionCustomerComplaints": "商品状况买家投诉",
    "productSafetyCustomerComplaints": "商品安全买家投诉",
    "listingPolicyViolations": "违反商品发布政策",
    "restrictedProductPolicyViolations": "违反受限商品政策",
    "customerProductReviewsPolicyViolations": "违反买家商品评论政策",
    "otherPolicyViolations": "其他违反政策行为",
    "foodAndProductSafetyIssues": "食品和商品安全问题",
    "documentRequest": "文件要求",
    "documentRequests": "文件要求",
    "spammingSellerMessaging": "滥用买家与卖家消息",
}
REPORT_NAMES = {
    "en": {
        "all_orders": "All Orders report",
        "unshipped": "Unshipped orders report",
        "performance_json": "seller performance report (SP-API)",
    },
    "zh": {
        "all_orders": "全部订单报告（All Orders）",
        "unshipped": "未发货订单报告",
        "performance_json": "账户绩效报告（SP-API）",
    },
}


def t(lang: str, key: str, **values: Any) -> str:
    return TEXTS[lang][key].format(**values)


def label(watch: Watch, lang: str = "en") -> str:
    """The figure's name: the metric, and for estimates their window."""
    from appeal.core.catalogue import load_catalogue

    figure = watch.figure
    known = load_catalogue().metrics.get(figure.metric)
    if known is not None:
        name = known.zh if lang == "zh" else known.en
    else:
        name = _EXTRA_NAMES.get(figure.metric, {}).get(lang, figure.metric)
    if figure.source == "amazon":
        if figure.key.startswith("lateShipmentRateList"):
            days = (figure.end - figure.start).days + 1
            name += f"，{days}天" if lang == "zh" else f", {days} days"
        return name
    name = _ESTIMATE_NAMES.get(figure.metric, {}).get(lang, name)
    role = _ROLES[lang].get(figure.role, figure.role)
    return f"{name}，{role}" if lang == "zh" else f"{name}, {role}"


def _signed(value: float) -> str:
    return f"{value:+.2f}".rstrip("0").rstrip(".")


def watch_text(watch: Watch, margin: float, lang: str = "en") -> str:
    """The warning sentence of a red or amber figure."""
    figure, verdict = watch.figure, watch.assessment
    target = watch.target.text if watch.target else "-"
    reasons = []
    for reason in verdict.reasons:
        reasons.append(
            t(
                lang,
                reason,
                target=target,
                margin=f"{margin:g}",
                slope=_signed(verdict.slope or 0.0),
                points=verdict.points,
                date=verdict.crosses_on,
            )
        )
    value = pct(figure.value) if figure.value is not None else t(lang, "no_value")
    if figure.upper_bound:
        value += t(lang, "upper_bound")
    joiner = "；" if lang == "zh" else "; "
    return t(
        lang,
        "watch",
        label=label(watch, lang),
        market=watch.marketplace,
        value=value,
        reasons=joiner.join(reasons),
    )


def signal_text(signal: Signal, lang: str = "en", now: dt.datetime | None = None) -> str:
    """The warning sentence of a leading signal (with the first orders it concerns)."""
    values: dict[str, Any] = {
        "market": signal.marketplace or t(lang, "no_marketplace"),
        "count": signal.count,
        "overdue": signal.overdue,
        "today": signal.today,
        "file": signal.file.name if signal.file else "",
        "name": signal.name_zh if lang == "zh" and signal.name_zh else signal.name,
        "calendar": signal.calendar,
        "start": signal.start,
        "end": signal.end,
    }
    key: str = signal.kind
    if signal.kind == "late_today" and signal.overdue:
        key = "late_today_overdue"
    if signal.kind == "holiday":
        assert signal.start is not None and signal.today is not None
        days = (signal.start - signal.today).days
        values["when"] = t(lang, "tomorrow") if days == 1 else t(lang, "in_days", days=days)
        if signal.end is not None and signal.end != signal.start:
            values["span"] = t(lang, "span", start=signal.start, end=signal.end)
        else:  # a one-day holiday: its day, not a range
            values["span"] = str(signal.start)
        running = signal.start <= signal.today
        key = "holiday_running" if running else f"holiday_{signal.evidence}"
    if signal.kind == "account_status":
        status = signal.name.upper()
        key = {"AT_RISK": "account_status_at_risk"}.get(status, key)
        key = "account_status_stopped" if status in _STOPPED else key
    if signal.kind == "health_rating":
        values["score"] = t(lang, "score", score=signal.count) if signal.count else ""
    if signal.kind == "policy_bad":
        values["items"] = ("、" if lang == "zh" else ", ").join(
            _policy(key, count, lang) for key, count in signal.items
        )
    if signal.kind == "report_ends":
        assert signal.end is not None and signal.today is not None
        values["report"] = REPORT_NAMES[lang].get(signal.name, signal.name)
        values["days"] = (signal.today - signal.end).days
    if signal.kind == "inventory_stale" and signal.written is not None:
        values["written"] = signal.written.astimezone().strftime("%Y-%m-%d %H:%M")
        age = (now or signal.written) - signal.written
        values["hours"] = int(age.total_seconds() // 3600)
    text = t(lang, key, **values)
    if signal.orders:
        more = signal.count - len(signal.orders)
        text += " " + t(
            lang,
            "orders",
            orders=", ".join(signal.orders),
            more=t(lang, "more", n=more) if more > 0 else "",
        )
    return text


def _policy(key: str, count: int | None, lang: str) -> str:
    from appeal.sellerfiles.wording import words

    name = _POLICY_ZH.get(key, words(key)) if lang == "zh" else words(key)
    if count is None:
        return name
    return f"{name}（{count:,}）" if lang == "zh" else f"{name} ({count:,})"


def note_text(note: Note, lang: str = "en") -> str:
    when = note.when.astimezone().strftime("%Y-%m-%d %H:%M") if note.when else ""
    detail = note.detail
    if note.kind == "clock_backwards":  # the earlier run's time, as the clock said then
        detail = dt.datetime.fromisoformat(detail).astimezone().strftime("%Y-%m-%d %H:%M")
    # rows_left_out: the first row's cells, the header's, the kind of file
    cells, width, report = [*note.other.split(","), "", "", ""][:3]
    if note.kind == "rows_left_out":
        upload = report == "shipping_confirmation"
        report = t(lang, f"report_{report or 'all_orders'}")
        again = t(lang, "again_upload" if upload else "again_report")
    else:
        report = again = ""
    key: str = note.kind
    if note.count == 1 and f"{key}_one" in TEXTS[lang]:
        key += "_one"
    return t(
        lang,
        key,
        detail=detail,
        other=note.other,
        count=note.count,
        day=note.day,
        when=when,
        cells=cells,
        width=width,
        report=report,
        again=again,
    )


def note_texts(result: MonitorResult, lang: str = "en") -> list[str]:
    """The notes worth a line on screen: the files left aside named together in one (--json
    has each with the reader's reason)."""
    aside = [Path(n.detail).name for n in result.notes if n.kind == "not_read"]
    texts = [note_text(n, lang) for n in result.notes if n.kind != "not_read"]
    if aside:
        texts.append(t(lang, "not_read", detail=", ".join(aside)))
    return texts


def warning_texts(result: MonitorResult, lang: str = "en") -> list[str]:
    """Every warning as a sentence: figures first (red before amber), then signals."""
    watches = sorted(
        (w for w in result.watches if w.warning),
        key=lambda w: (w.assessment.status != "red", w.marketplace),
    )
    texts = [watch_text(w, result.margin, lang) for w in watches]
    return texts + [signal_text(s, lang, result.taken_at) for s in result.signals]


def empty(watch: Watch, lang: str) -> str:
    if watch.no_data:
        return t(lang, "no_data")
    if watch.figure.metric == "valid_tracking_rate":
        return t(lang, "none_checkable")
    return t(lang, "no_value")


def ordered(watches: list[Watch]) -> list[Watch]:
    """The watches in the order `appeal metrics` shows its figures."""
    return sorted(watches, key=lambda w: (*rank(w.figure), w.series))
