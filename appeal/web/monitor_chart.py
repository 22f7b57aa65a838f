"""A figure's snapshots as a small inline SVG chart, written here (no library, no CDN): the
values over their data windows, the target as a dashed line, and where the trend crosses it.

Colours are SVG presentation attributes, which the page's Content-Security-Policy allows (it
refuses inline CSS)."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from appeal.dates import pct
from appeal.monitor.result import Watch

WIDTH, HEIGHT = 320, 132
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 12, 24  # room for the value and date labels
COLOURS = {"red": "#a01c1c", "amber": "#b06a00", "green": "#17653a", "grey": "#5b6475"}
INK, MUTED, LINE = "#1d2330", "#5b6475", "#d6dae2"


def chart(watch: Watch, title: str) -> Markup:
    """The SVG of one figure. `title` names it for screen readers."""
    points = watch.history
    target = watch.target.value if watch.target else None
    crosses = watch.assessment.crosses_on
    colour = COLOURS[watch.assessment.status]
    if not points:
        return Markup("")
    first = points[0][0]
    last = max(points[-1][0], crosses or points[-1][0])
    span = max(1, (last - first).days)
    values = [v for _, v in points] + ([target] if target is not None else [])
    low, high = min(values), max(values)
    pad = (high - low) * 0.1 or max(abs(high) * 0.05, 0.5)
    low, high = low - pad, high + pad

    def x(day: dt.date) -> float:
        return LEFT + (day - first).days / span * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    summary = f"{title}: {len(points)} snapshots, {points[0][0]} to {points[-1][0]}, latest "
    summary += pct(points[-1][1])
    if watch.target:
        summary += f", target {watch.target.text}"
    if crosses:
        summary += f", the trend crosses it on {crosses}"
    parts = [
        f'<svg class="spark-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-label="{escape(summary)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(summary)}</title>",
        f'<rect x="{LEFT}" y="{TOP}" width="{WIDTH - LEFT - RIGHT}" '
        f'height="{HEIGHT - TOP - BOTTOM}" fill="#ffffff" stroke="{LINE}"/>',
    ]
    if target is not None:
        ty = y(target)
        parts.append(
            f'<line x1="{LEFT}" y1="{ty:.1f}" x2="{WIDTH - RIGHT}" y2="{ty:.1f}" '
            f'stroke="{COLOURS["red"]}" stroke-width="1.5" stroke-dasharray="5 4"/>'
        )
        parts.append(_label(LEFT - 4, ty + 4, _value(target), "end", COLOURS["red"]))
    if crosses is not None and target is not None:
        day, value = points[-1]
        parts.append(
            f'<line x1="{x(day):.1f}" y1="{y(value):.1f}" x2="{x(crosses):.1f}" '
            f'y2="{y(target):.1f}" stroke="{COLOURS["amber"]}" stroke-width="2" '
            'stroke-dasharray="3 3"/>'
        )
        parts.append(
            f'<circle cx="{x(crosses):.1f}" cy="{y(target):.1f}" r="4" fill="#ffffff" '
            f'stroke="{COLOURS["amber"]}" stroke-width="2"/>'
        )
    line = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
    parts.append(f'<polyline points="{line}" fill="none" stroke="{INK}" stroke-width="2"/>')
    for day, value in points[:-1]:
        parts.append(f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="2.5" fill="{INK}"/>')
    day, value = points[-1]
    parts.append(f'<circle cx="{x(day):.1f}" cy="{y(value):.1f}" r="4.5" fill="{colour}"/>')
    shown = [target] if target is not None else []
    for value in (max(v for _, v in points), min(v for _, v in points)):
        if all(abs(y(value) - y(other)) > 12 for other in shown):  # labels never overlap
            parts.append(_label(LEFT - 4, y(value) + 4, _value(value), "end", MUTED))
            shown.append(value)
    parts.append(_label(LEFT, HEIGHT - 6, f"{first:%m-%d}", "start", MUTED))
    parts.append(_label(WIDTH - RIGHT, HEIGHT - 6, f"{last:%m-%d}", "end", MUTED))
    parts.append("</svg>")
    return Markup("".join(parts))


def _value(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def _label(x: float, y: float, text: str, anchor: str, fill: str) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="{anchor}" '
        f'fill="{fill}">{escape(text)}</text>'
    )
