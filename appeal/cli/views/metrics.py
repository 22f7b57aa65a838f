"""Showing `appeal metrics` results (table, chart, JSON) and writing them into a case."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from appeal.sellerfiles.metrics import WHY_ESTIMATES, Figure, Results, compute

# Which cause's facts a metric's sentence joins, first match in the case wins.
CAUSES_FOR = {
    "cancellation_rate": ("cancellations", "inventory"),
    "valid_tracking_rate": ("invalid_tracking", "untrackable_shipments"),
    "late_shipment_rate": ("late_shipment",),
    "order_defect_rate": ("feedback_claims", "packaging"),
    "on_time_delivery_rate": ("late_delivery",),
}


def _span(figure: Figure, joiner: str = "to") -> str:
    from appeal.letter.content import longdate

    return f"{longdate(figure.start)} {joiner} {longdate(figure.end)}"


def _primary(results: Results) -> dict[str, tuple[Figure, Figure | None]]:
    """Per metric: the figure for the case (Amazon's own first, else the worst estimate) and
    the latest estimate when it differs (the effect so far)."""
    chosen: dict[str, tuple[Figure, Figure | None]] = {}
    for figure in results.figures:
        metric = figure.metric.id
        if metric in chosen and chosen[metric][0].estimate is False:
            continue
        if not figure.estimate or metric not in chosen:
            chosen[metric] = (figure, None)
        elif "latest" in figure.label:
            chosen[metric] = (chosen[metric][0], figure)
        elif "30 days" in figure.label:  # of late confirmations, the 30-day figure
            chosen[metric] = (figure, None)
    return chosen


def sentence(figure: Figure, latest: Figure | None) -> str:
    """A facts sentence with numerator, denominator and window."""
    from appeal.letter.content import pct

    if figure.metric.id == "cancellation_rate":
        text = (
            f"Between {_span(figure, 'and')} we cancelled {figure.numerator} of "
            f"{figure.denominator} merchant-fulfilled orders ({pct(figure.value)})."
        )
    elif figure.metric.id == "valid_tracking_rate" and figure.estimate:
        text = (
            f"Between {_span(figure, 'and')}, {figure.numerator} of {figure.denominator} "
            f"shipments had a tracking ID usable for their carrier ({pct(figure.value)})."
        )
    elif figure.metric.id == "late_shipment_rate" and figure.estimate:
        text = (
            f"Between {_span(figure, 'and')}, {figure.numerator} of {figure.denominator} "
            f"orders were confirmed after their expected ship date ({pct(figure.value)})."
        )
    else:
        text = (
            f"Amazon's figure for our {figure.metric.en} was {pct(figure.value)} from "
            f"{_span(figure)}."
        )
    if latest is not None:
        text += (
            f" In the latest window, {_span(latest)}, it was {latest.numerator} of "
            f"{latest.denominator} ({pct(latest.value)})."
        )
    return text


def write_into_case(case_path: Path, results: Results) -> list[str]:
    """Record the figures and their sentences in the case; returns the sentences added."""
    from appeal.core.caseedit import edit_case_file

    chosen = _primary(results)
    added: list[str] = []

    def change(data: Any) -> None:
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if data.get("metrics") is None:
            data["metrics"] = CommentedMap()
        causes = data.get("causes") or []
        for metric_id, (figure, latest) in chosen.items():
            window = CommentedSeq([figure.start, figure.end])
            window.fa.set_flow_style()
            entry = CommentedMap(
                [("value", round(figure.value, 2)), ("window", window), ("source", figure.source)]
            )
            if latest is not None:
                latest_window = CommentedSeq([latest.start, latest.end])
                latest_window.fa.set_flow_style()
                entry["latest"] = CommentedMap(
                    [("value", round(latest.value, 2)), ("window", latest_window)]
                )
            data["metrics"][metric_id] = entry
            text = sentence(figure, latest)
            target = next(
                (c for wanted in CAUSES_FOR[metric_id] for c in causes if c.get("cause") == wanted),
                None,
            )
            if target is not None and text not in str(target.get("facts") or ""):
                target["facts"] = f"{str(target.get('facts') or '').strip()} {text}".strip()
                added.append(text)

    edit_case_file(case_path, change)
    return added


def run_metrics(
    *, files: list[Path], as_of: dt.date | None, as_json: bool, into: Path | None
) -> int:
    results = compute(files, as_of)
    added = write_into_case(into, results) if into is not None else []
    if as_json:
        print(
            json.dumps(
                {
                    "as_of": results.as_of.isoformat(),
                    "figures": [f.as_json() for f in results.figures],
                    "by_carrier": {
                        c: {"usable": ok, "shipments": n, "rate": round(100 * ok / n, 2)}
                        for c, (ok, n) in results.by_carrier.items()
                    },
                    "daily": [
                        {
                            "day": d.isoformat(),
                            "orders": o,
                            "seller_cancellations": c,
                            "cancellation_rate_7d": None if r is None else round(r, 2),
                        }
                        for d, o, c, r in results.daily
                    ],
                    "notes": [*results.notes, WHY_ESTIMATES],
                    "sentences_added": added,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    _print(results, into, added)
    return 0


def _print(results: Results, into: Path | None, added: list[str]) -> None:
    from rich.console import Console
    from rich.table import Table

    from appeal.letter.content import pct

    out = Console(highlight=False)
    table = Table(title=f"Figures as of {results.as_of}", show_edge=False)
    for column in ("figure", "value", "count", "window", "target", "source"):
        table.add_column(column, justify="right" if column in ("value", "count") else "left")
    for f in results.figures:
        colour = "green" if f.meets else "red"
        count = f"{f.numerator} / {f.denominator}" if f.denominator else "-"
        table.add_row(
            f.label,
            f"[{colour}]{pct(f.value)}[/]",
            count,
            f"{f.start} to {f.end}",
            f.metric.target_text,
            f.source + ("" if f.estimate else " (Amazon's own)"),
        )
    out.print(table)
    if results.by_carrier:
        out.print("Usable tracking IDs by carrier (last 30 days):")
        for carrier, (ok, n) in sorted(results.by_carrier.items()):
            out.print(f"  {carrier}: {ok} of {n} ({pct(100 * ok / n)})", markup=False)
    chart = [(d, r) for d, _, _, r in results.daily if r is not None][-30:]
    if chart:
        out.print("Seller cancellations, rolling 7 days (| marks Amazon's 2.5 % target):")
        scale = max(5.0, max(r for _, r in chart))
        width = 40
        mark = round(2.5 / scale * width)
        for day, rate in chart:
            filled = round(rate / scale * width)
            bar = "".join(
                "|" if i == mark else ("█" if i < filled else " ") for i in range(width + 1)
            )
            colour = "red" if rate >= 2.5 else "green"
            out.print(f"  {day}  [{colour}]{bar}[/] {pct(rate)}")
    for note in [*results.notes, WHY_ESTIMATES]:
        out.print(note, markup=False, style="dim")
    if into is not None:
        out.print(f"Wrote the figures into {into}" + (":" if added else "."), markup=False)
        for text in added:
            out.print(f"  + {text}", markup=False)
