"""How `appeal metrics` results read: the terminal report (bounded, 80 columns) and `--json`."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from appeal.dates import pct
from appeal.sellerfiles.figures import Figure, MetricsResult, Note, Section, Written

WHY_ESTIMATES = (
    "Estimates come from your own files; Account Health is authoritative. They can differ "
    "because Amazon counts some metrics by promised delivery date and updates them with a lag "
    "of up to two weeks, and because orders missing from the files are not counted."
)
_ROLES = {
    "worst_7d": "worst 7 days",
    "latest_7d": "latest 7 days",
    "span": "all days in the files",
    "last_30d": "last 30 days",
    "last_10d": "last 10 days",
}
_EXTRA_NAMES = {
    "order_defect_rate_afn": "Order Defect Rate (FBA)",
    "invoice_defect_rate": "Invoice Defect Rate",
}
_ORDER = (
    "valid_tracking_rate",
    "on_time_delivery_rate",
    "unit_on_time_delivery_rate",
    "late_shipment_rate",
    "cancellation_rate",
    "order_defect_rate",
    "order_defect_rate_afn",
    "invoice_defect_rate",
)
_CARRIERS_SHOWN = 10
_DAYS_SHOWN = 30


def label(figure: Figure) -> str:
    from appeal.core.catalogue import load_catalogue

    known = load_catalogue().metrics.get(figure.metric)
    name = known.en if known else _EXTRA_NAMES.get(figure.metric, figure.metric)
    if figure.metric == "valid_tracking_rate" and figure.source == "estimate":
        name = "Usable tracking IDs"
    elif figure.metric == "late_shipment_rate" and figure.source == "estimate":
        name = "Late confirmations"
    if figure.source == "amazon":
        if figure.key.startswith("lateShipmentRateList"):
            return f"{name}, {(figure.end - figure.start).days + 1} days"
        return name
    return f"{name}, {_ROLES[figure.role]}"


def _empty(figure: Figure) -> str:
    return "unchecked" if figure.metric == "valid_tracking_rate" else "no orders"


def _words(key: str) -> str:
    """Amazon's camelCase count names as words: lateShipmentCount -> late shipment count."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key).lower()


def detail(figure: Figure) -> str:
    """What a figure is made of, in one line."""
    if figure.source == "amazon":
        counts = ", ".join(f"{_words(k)} {v:,}" for k, v in figure.counts.items())
        return f"Amazon's counts: {counts}" if counts else "Amazon gives no counts"
    made = {
        "cancellation_rate": "{n:,} of {d:,} orders cancelled",
        "valid_tracking_rate": "{n:,} of {d:,} checked shipments usable",
        "late_shipment_rate": "{n:,} of {d:,} orders confirmed late",
    }[figure.metric].format(n=figure.numerator or 0, d=figure.denominator or 0)
    if figure.upper_bound:
        made += (
            f"; an upper bound: who cancelled {figure.counts['cause_unknown']:,} of them "
            "is not in the files"
        )
    if figure.counts.get("not_checked"):
        made += f"; {figure.counts['not_checked']:,} by carriers not checked, not counted"
    return made


def note_text(note: Note) -> str:
    n = f"{note.count:,}"
    texts = {
        "amazon_cancels_left_out": f"{n} orders still Pending (unpaid) are left out: Amazon "
        "cancels those itself, and they are not seller cancellations.",
        "cause_unknown": f"{n} cancelled orders do not say who cancelled (only the Unshipped "
        "report's is-buyer-requested-cancellation does): they are counted as seller "
        "cancellations, so the cancellation rate is an upper bound. Account Health has the "
        "real figure.",
        "other_channel": f"{n} Amazon-fulfilled (FBA) orders are not counted: these metrics "
        "concern merchant-fulfilled orders.",
        "not_checked": f"{n} shipments by carriers whose format cannot be checked "
        f"({note.detail}): not counted in the usable share.",
        "short_span": "The files span fewer than 7 days: the cancellation rate covers the whole "
        "span, not a 7-day window.",
        "no_shipments_in_window": f"No shipments in the 30 days up to the last day; the "
        f"{n} shipments in the files are from {note.detail}. Use --as-of.",
        "mixed_currencies": f"Orders of this marketplace come in {n} currencies "
        f"({note.detail}): check that the reports are all from this marketplace.",
        "separate_periods": "The files cover periods far apart (for example different "
        "years): each period is shown on its own.",
        "several_marketplaces": f"The files cover {n} marketplaces ({note.detail}); Amazon "
        "measures each separately, and so do these figures.",
        "unknown_marketplace": f"{n} promise dates are taken as written (UTC), because the "
        "files do not say which marketplace they are from: give --marketplace.",
    }
    return texts[note.kind]


def heading(section: Section) -> str:
    name = section.name
    if section.marketplace_id and section.marketplace:
        name += f" ({section.marketplace_id})"
    if section.period:
        name += f", {section.period[0]} to {section.period[1]}"
    if section.account_status:
        name += f" · account status {section.account_status}"
    return name


def _ordered(section: Section) -> list[Figure]:
    rank = {m: i for i, m in enumerate(_ORDER)}
    return sorted(
        section.figures,
        key=lambda f: (f.source != "amazon", rank.get(f.metric, len(rank)), f.key),
    )


def _short_window(start: dt.date, end: dt.date) -> str:
    return f"{start} to {end}"


def _indented(text: str) -> str:
    import textwrap

    return textwrap.fill(text, width=78, initial_indent="      ", subsequent_indent="      ")


def show(result: MetricsResult) -> None:
    """Print the report: per marketplace a table, Amazon's other items, carriers, a chart."""
    from rich.console import Console
    from rich.markup import escape

    out = Console(highlight=False)
    for note in result.notes:
        out.print(f"Note: {note_text(note)}", markup=False, style="yellow")
    for section in result.sections:
        out.print()
        out.print(f"[bold]{escape(heading(section))}[/]")
        if section.health is not None:
            rating = section.health
            parts = [rating.status or "", f"score {rating.score}" if rating.score else ""]
            window = _short_window(rating.start, rating.end) if rating.start and rating.end else ""
            shown = ", ".join(p for p in parts if p)
            out.print(f"Account Health Rating: {shown} {window}".rstrip(), markup=False)
        out.print(f"  {'figure':<32} {'value':>9}  {'target':<8} {'met':<4} status", style="dim")
        for figure in _ordered(section):
            value = pct(figure.value) if figure.value is not None else _empty(figure)
            colour = {True: "green", False: "red", None: "yellow"}[figure.meets]
            met = {True: "yes", False: "NO", None: "-"}[figure.meets]
            status = figure.status or ("estimate" if figure.source == "estimate" else "")
            target = figure.target.text if figure.target else "-"
            out.print(
                f"  {escape(label(figure)):<32} [{colour}]{value:>9}[/]  {target:<8} "
                f"[{colour}]{met:<4}[/] {status}"
            )
            about = f"{_short_window(figure.start, figure.end)}; {detail(figure)}"
            out.print(_indented(about), markup=False, style="dim")
        if section.counts:
            out.print("Also in Amazon's report (count, status):")
            for count in section.counts:
                shown = f"{count.count:,}, " if count.count is not None else ""
                out.print(f"  {_words(count.key)}: {shown}{count.status}", markup=False)
        _carriers(out, section)
        _chart(out, section)
        for note in section.notes:
            out.print(note_text(note), markup=False, style="dim")
    if any(f.source == "estimate" for s in result.sections for f in s.figures):
        out.print(WHY_ESTIMATES, markup=False, style="dim")
    if result.into is not None:
        _written(out, result)


def _carriers(out: Any, section: Section) -> None:
    if not section.carriers:
        return
    out.print("Tracking IDs by carrier, last 30 days (usable / unusable / not checked):")
    ranked = sorted(
        section.carriers.items(),
        key=lambda kv: -(kv[1].usable + kv[1].unusable + kv[1].not_checked),
    )
    for name, c in ranked[:_CARRIERS_SHOWN]:
        out.print(f"  {name}: {c.usable:,} / {c.unusable:,} / {c.not_checked:,}", markup=False)
    if len(ranked) > _CARRIERS_SHOWN:
        rest = ranked[_CARRIERS_SHOWN:]
        total = sum(c.usable + c.unusable + c.not_checked for _, c in rest)
        out.print(f"  ... {len(rest)} more carriers, {total:,} shipments (--json lists all)")


def _chart(out: Any, section: Section) -> None:
    chart = [(d.day, d.rate_7d) for d in section.daily if d.rate_7d is not None][-_DAYS_SHOWN:]
    if not chart:
        return
    target = next((f.target for f in section.figures if f.metric == "cancellation_rate"), None)
    line = target.value if target else 2.5
    out.print(f"Cancellations, rolling 7 days (| marks the {line:g} % target):")
    scale = max(2 * line, *(r for _, r in chart if r is not None))
    width = 40
    mark = round(line / scale * width)
    for day, rate in chart:
        assert rate is not None
        filled = round(rate / scale * width)
        bar = "".join("|" if i == mark else ("█" if i < filled else " ") for i in range(width + 1))
        colour = "red" if rate >= line else "green"
        out.print(f"  {day}  [{colour}]{bar}[/] {pct(rate)}")


_WHY_NOT = {
    "upper_bound": "not written: the estimate is an upper bound (who cancelled is not in the "
    "files); copy the figure from Account Health",
    "no_value": "not written: the window holds no orders",
    "amazon_kept": "not written: the case already holds Amazon's own figure",
}


def written_text(item: Written) -> str:
    from appeal.core.catalogue import load_catalogue

    if item.metric == "*":
        names = item.reason.split(":", 1)[1]
        return f"Nothing written: the files are about {names}, not the case's marketplace."
    name = load_catalogue().metrics[item.metric].en
    if item.place == "not_written":
        return f"{name}: {_WHY_NOT.get(item.reason, 'not written')}."
    value = pct(item.figure.value) if item.figure and item.figure.value is not None else ""
    if item.place == "beside_seller":
        return (
            f"{name}: {value} kept beside the figure you typed (from_reports); the letter "
            "goes on using yours."
        )
    return f"{name}: {value} written."


def _written(out: Any, result: MetricsResult) -> None:
    out.print(f"Into {result.into}:", markup=False)
    for item in result.written:
        out.print(f"  {written_text(item)}", markup=False)
        if item.sentence:
            out.print(f"    + {item.sentence}", markup=False)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def figure_json(figure: Figure) -> dict[str, Any]:
    return {
        "metric": figure.metric,
        "label": label(figure),
        "source": figure.source,
        "estimate": figure.source == "estimate",
        "key": figure.key or None,
        "value": figure.value,
        "no_orders": figure.value is None,
        "window": [_day(figure.start), _day(figure.end)],
        "target": None
        if figure.target is None
        else {
            "value": figure.target.value,
            "condition": figure.target.condition,
            "text": figure.target.text,
        },
        "meets_target": figure.meets,
        "status": figure.status,
        "numerator": figure.numerator,
        "denominator": figure.denominator,
        "counts": figure.counts,
        "upper_bound": figure.upper_bound,
        "basis": figure.basis,
    }


def _note_json(note: Note) -> dict[str, Any]:
    return {"kind": note.kind, "count": note.count, "detail": note.detail, "text": note_text(note)}


def section_json(section: Section) -> dict[str, Any]:
    health = section.health
    return {
        "marketplace": section.marketplace,
        "marketplace_id": section.marketplace_id,
        "period": [_day(d) for d in section.period] if section.period else None,
        "account_status": section.account_status,
        "account_health_rating": None
        if health is None
        else {
            "status": health.status,
            "score": health.score,
            "window": [_day(health.start), _day(health.end)],
        },
        "as_of": _day(section.as_of),
        "figures": [figure_json(f) for f in _ordered(section)],
        "other_items": [
            {
                "key": c.key,
                "count": c.count,
                "status": c.status,
                "window": [_day(c.start), _day(c.end)],
            }
            for c in section.counts
        ],
        "by_carrier": {
            name: {"usable": c.usable, "unusable": c.unusable, "not_checked": c.not_checked}
            for name, c in section.carriers.items()
        },
        "daily": [
            {
                "day": d.day.isoformat(),
                "orders": d.orders,
                "cancelled": d.cancelled,
                "cancellation_rate_7d": d.rate_7d,
            }
            for d in section.daily
        ],
        "notes": [_note_json(n) for n in section.notes],
    }


def as_json(result: MetricsResult) -> dict[str, Any]:
    estimates = any(f.source == "estimate" for s in result.sections for f in s.figures)
    return {
        "files": [str(p) for p in result.files],
        "sections": [section_json(s) for s in result.sections],
        "notes": [_note_json(n) for n in result.notes],
        "about_estimates": WHY_ESTIMATES if estimates else None,
        "into": None
        if result.into is None
        else {
            "case": str(result.into),
            "written": [
                {
                    "metric": w.metric,
                    "place": w.place,
                    "reason": w.reason or None,
                    "text": written_text(w),
                    "sentence": w.sentence,
                }
                for w in result.written
            ],
        },
    }


def print_json(result: MetricsResult) -> None:
    import json

    print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
