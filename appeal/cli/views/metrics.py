"""How `appeal metrics` results read: the terminal report (bounded, 80 columns) and `--json`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from appeal.dates import pct
from appeal.sellerfiles.figures import Figure, MetricsResult, Note, Section
from appeal.sellerfiles.wording import (
    WHY_ESTIMATES,
    detail,
    empty,
    heading,
    label,
    no_cause_note,
    note_text,
    ordered,
    words,
    written_text,
)

_CARRIERS_SHOWN = 10
_DAYS_SHOWN = 30


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
        if not section.figures:
            out.print(
                "Amazon's report gives only the account status, no figures.",
                markup=False,
                style="red",
            )
            continue
        out.print(f"  {'figure':<32} {'value':>9}  {'target':<8} {'met':<4} status", style="dim")
        for figure in ordered(section):
            value = pct(figure.value) if figure.value is not None else empty(figure)
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
                out.print(f"  {words(count.key)}: {shown}{count.status}", markup=False)
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
    # the chart draws the estimates: the target their rows show (never another figure's)
    target = next(
        (
            f.target
            for f in section.figures
            if f.metric == "cancellation_rate" and f.source == "estimate"
        ),
        None,
    )
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


def _written(out: Any, result: MetricsResult) -> None:
    out.print(f"Into {result.into}:", markup=False)
    for item in result.written:
        out.print(f"  {written_text(item)}", markup=False)
        if item.sentence:
            out.print(f"    + {item.sentence}", markup=False)
    if (note := no_cause_note(result.written)) is not None:
        out.print(note, markup=False, style="dim")


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
    return {
        "kind": note.kind,
        "count": note.count,
        "detail": note.detail,
        "columns": list(note.columns) if note.columns else None,
        "period": [_day(d) for d in note.period] if note.period else None,
        "report": note.report,
        "text": note_text(note),
    }


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
        "figures": [figure_json(f) for f in ordered(section)],
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
            "note": no_cause_note(result.written),
        },
    }


def print_json(result: MetricsResult) -> None:
    import json

    print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
