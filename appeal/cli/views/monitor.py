"""How `appeal monitor` results read: the dashboard (80 columns, red/amber/green, a sparkline per
figure), the warnings alone (`--quiet`), and `--json`; in English or Chinese."""

from __future__ import annotations

import datetime as dt
import re
import sys
from typing import Any

from appeal.dates import pct
from appeal.monitor.result import MonitorResult, Signal, Watch
from appeal.monitor.wording import (
    STATUS,
    empty,
    label,
    note_text,
    note_texts,
    ordered,
    signal_text,
    t,
    warning_texts,
    watch_text,
)

BLOCKS = "▁▂▃▄▅▆▇█"  # in GBK too (Chinese Windows consoles)
ASCII_RAMP = "_.-:=+*#"  # for consoles that cannot show the blocks
SPARK_POINTS = 14

# Spaces not to break at, beyond the units appeal.units binds: a date and its time, a number
# and the Chinese counter after it.
_KEEP_TOGETHER = re.compile(r"(?<=\d\d-\d\d) (?=\d\d:\d\d)|(?<=\d) (?=[个条项])")
_COLOURS = {"red": "red", "amber": "yellow", "green": "green", "grey": "dim"}


def sparkline(values: list[float], *, target: float | None = None, ascii_only: bool = False) -> str:
    """One character per value (the last SPARK_POINTS), low to high on a scale that includes
    the target, so that a bar's height shows the distance to the line, not noise magnified."""
    ramp = ASCII_RAMP if ascii_only else BLOCKS
    shown = values[-SPARK_POINTS:]
    if not shown:
        return ""
    scale = [*shown, target] if target is not None else shown
    low, high = min(scale), max(scale)
    if high == low:
        return ramp[len(ramp) // 2 - 1] * len(shown)
    top = len(ramp) - 1
    return "".join(ramp[round((v - low) / (high - low) * top)] for v in shown)


def blocks_fit(stream: Any = None) -> bool:
    """Whether the console's encoding can show the block characters."""
    encoding = getattr(stream or sys.stdout, "encoding", None) or "ascii"
    try:
        BLOCKS.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _spark(watch: Watch, ascii_only: bool) -> str:
    values = [v for _, v in watch.history]
    return sparkline(
        values, target=watch.target.value if watch.target else None, ascii_only=ascii_only
    )


def _target_text(watch: Watch, ascii_only: bool = False) -> str:
    text = watch.target.text if watch.target else "-"
    return text.replace("≥", ">=") if ascii_only else text


def show(result: MonitorResult, *, lang: str = "en", quiet: bool = False) -> None:
    """Print the dashboard, or with `quiet` only the warnings (one a line, nothing when all is
    well; a database that had to be moved aside is still told, on stderr)."""
    ascii_only = not blocks_fit(sys.stdout)  # what else it cannot show: cli.boundary.plain_output
    if quiet:
        for text in warning_texts(result, lang):
            print(text)
        for note in result.notes:
            if note.kind in ("database_moved_aside", "clock_backwards"):
                print(note_text(note, lang), file=sys.stderr)
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = Console(highlight=False)
    out.print(Text(t(lang, "title", folder=result.folder), style="bold"))
    markets = sorted({w.marketplace for w in result.watches})
    for market in markets:
        out.print()
        out.print(Text(market, style="bold"))
        grid = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False)
        names = t(lang, "columns").split("|")
        for n, name in enumerate(names):
            grid.add_column(
                name,
                justify="right" if n == 2 else "left",
                no_wrap=n != 1,
                style="dim" if n == 3 else None,
                header_style="dim",
            )
        for watch in ordered([w for w in result.watches if w.marketplace == market]):
            status = watch.assessment.status
            value = watch.figure.value
            name = label(watch, lang)
            if watch.figure.source == "amazon":
                name += t(lang, "amazon")
            grid.add_row(
                Text(STATUS[lang][status], style=_COLOURS[status]),
                Text(name),
                Text(pct(value) if value is not None else empty(watch, lang)),
                Text(_target_text(watch, ascii_only)),
                Text(_spark(watch, ascii_only)),
            )
        out.print(grid)
    out.print()
    warnings = warning_texts(result, lang)
    if warnings:
        out.print(Text(t(lang, "warnings", n=len(warnings)), style="bold red"))
        _bullets(out, warnings, "!", "red")
    else:
        out.print(Text(t(lang, "all_well"), style="green"))
    notes = note_texts(result, lang)
    if notes:
        out.print(Text(t(lang, "notes"), style="dim"))
        _bullets(out, notes, "-", "dim")
    taken = result.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    db = result.database.name
    out.print(
        Text(t(lang, "taken", taken=taken, stored=result.stored, db=db, new=result.recorded)),
        style="dim",
    )


def _bullets(out: Any, texts: list[str], mark: str, style: str) -> None:
    """Each text wrapped to the console under a hanging indent: by words, and Chinese between
    characters (never before a closing mark), counting a Chinese character as two columns
    (the wizard's wrapper). A figure stays with its unit and sign, a date with its time."""
    from rich.text import Text

    from appeal.units import NBSP
    from appeal.wizard.wrapping import wrap

    for text in texts:
        lines = wrap(f"  {mark} " + _KEEP_TOGETHER.sub(NBSP, text), max(24, out.width), hang=4)
        for n, line in enumerate(lines):
            line = line.rstrip()
            head = Text(line[:4], style=style if n == 0 else "")
            out.print(head + Text(line[4:]), soft_wrap=True)


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def watch_json(watch: Watch, margin: float) -> dict[str, Any]:
    figure, verdict = watch.figure, watch.assessment
    return {
        "series": watch.series,
        "metric": figure.metric,
        "label": label(watch),
        "source": figure.source,
        "value": figure.value,
        "window": [_day(figure.start), _day(figure.end)],
        "target": None
        if watch.target is None
        else {"value": watch.target.value, "condition": watch.target.condition},
        "upper_bound": figure.upper_bound,
        "amazon_status": figure.status,
        "status": verdict.status,
        "reasons": list(verdict.reasons),
        "trend": {
            "slope_per_day": verdict.slope,
            "points": verdict.points,
            "crosses_on": _day(verdict.crosses_on),
        },
        "history": [[_day(day), value] for day, value in watch.history],
        "data_ends": _day(watch.data_end),
        "no_data": watch.no_data,
        "warning": watch_text(watch, margin) if watch.warning else None,
    }


def signal_json(signal: Signal, now: dt.datetime) -> dict[str, Any]:
    found: dict[str, Any] = {"kind": signal.kind, "marketplace": signal.marketplace}
    if signal.count:
        found["count"] = signal.count
    if signal.orders:
        found["orders"] = list(signal.orders)
    if signal.kind == "late_today":
        found["overdue"] = signal.overdue
    if signal.today:
        found["today"] = _day(signal.today)
    if signal.kind == "holiday":
        found |= {
            "holiday": signal.name,
            "holiday_zh": signal.name_zh,
            "calendar": signal.calendar,
            "start": _day(signal.start),
            "end": _day(signal.end),
            "evidence": signal.evidence,
        }
    if signal.kind == "account_status":
        found["status"] = signal.name
    if signal.kind == "report_ends":
        found |= {"report": signal.name, "ends": _day(signal.end)}
    if signal.kind == "health_rating":
        found |= {"rating": signal.name, "score": signal.count or None}
    if signal.kind == "policy_bad":
        found["items"] = [{"key": key, "count": count} for key, count in signal.items]
    if signal.file is not None:
        found["file"] = str(signal.file)
    if signal.written is not None:
        found["written"] = signal.written.isoformat(timespec="seconds")
    found["warning"] = signal_text(signal, "en", now)
    return found


def as_json(result: MonitorResult) -> dict[str, Any]:
    """The whole result for scripts: every figure with its history, signals, notes."""
    markets = sorted({w.marketplace for w in result.watches})
    return {
        "folder": str(result.folder),
        "database": str(result.database),
        "taken_at": result.taken_at.isoformat(timespec="seconds"),
        "margin": result.margin,
        "exit_code": result.exit_code,
        "warnings": warning_texts(result),
        "marketplaces": {
            market: [
                watch_json(w, result.margin)
                for w in ordered([w for w in result.watches if w.marketplace == market])
            ]
            for market in markets
        },
        "signals": [signal_json(s, result.taken_at) for s in result.signals],
        "notes": [
            {"kind": n.kind, "text": note_text(n), "file": n.detail, "why": n.other}
            if n.kind == "not_read"
            else {"kind": n.kind, "text": note_text(n)}
            for n in result.notes
        ],
        "files": [{"file": str(path), "kind": kind} for path, kind in result.files],
        "calendars": list(result.calendars),
        "snapshots": {"stored": result.stored, "new": result.recorded},
    }


def print_json(result: MonitorResult) -> None:
    import json

    print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
