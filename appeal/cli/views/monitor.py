"""How `appeal monitor` results read: the dashboard (80 columns, red/amber/green, a sparkline per
figure), the warnings alone (`--quiet`), and `--json`; in English or Chinese."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

from appeal.cli.views.monitor_texts import TEXTS
from appeal.dates import pct
from appeal.monitor.result import MonitorResult, Note, Signal, Watch

BLOCKS = "▁▂▃▄▅▆▇█"  # in GBK too (Chinese Windows consoles)
ASCII_RAMP = "_.-:=+*#"  # for consoles that cannot show the blocks
SPARK_POINTS = 14

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
_STATUS = {
    "en": {"red": "red", "amber": "amber", "green": "green", "grey": "-"},
    "zh": {"red": "红", "amber": "黄", "green": "绿", "grey": "-"},
}
JSON_ONLY_NOTES = frozenset({"older_files_ignored"})  # every run says it: not worth a line
_COLOURS = {"red": "red", "amber": "yellow", "green": "green", "grey": "dim"}


def _t(lang: str, key: str, **values: Any) -> str:
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


def _signed(value: float) -> str:
    return f"{value:+.2f}".rstrip("0").rstrip(".")


def watch_text(watch: Watch, margin: float, lang: str = "en") -> str:
    """The warning sentence of a red or amber figure."""
    figure, verdict = watch.figure, watch.assessment
    target = watch.target.text if watch.target else "-"
    reasons = []
    for reason in verdict.reasons:
        reasons.append(
            _t(
                lang,
                reason,
                target=target,
                margin=f"{margin:g}",
                slope=_signed(verdict.slope or 0.0),
                points=verdict.points,
                date=verdict.crosses_on,
            )
        )
    value = pct(figure.value) if figure.value is not None else _t(lang, "no_value")
    if figure.upper_bound:
        value += _t(lang, "upper_bound")
    joiner = "；" if lang == "zh" else "; "
    return _t(
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
        "market": signal.marketplace or "?",
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
        values["days"] = (signal.start - signal.today).days
        running = signal.start <= signal.today
        key = "holiday_running" if running else f"holiday_{signal.evidence}"
    if signal.kind == "inventory_stale" and signal.written is not None:
        values["written"] = signal.written.astimezone().strftime("%Y-%m-%d %H:%M")
        age = (now or signal.written) - signal.written
        values["hours"] = int(age.total_seconds() // 3600)
    text = _t(lang, key, **values)
    if signal.orders:
        more = signal.count - len(signal.orders)
        text += " " + _t(
            lang,
            "orders",
            orders=", ".join(signal.orders),
            more=_t(lang, "more", n=more) if more > 0 else "",
        )
    return text


def note_text(note: Note, lang: str = "en") -> str:
    when = note.when.astimezone().strftime("%Y-%m-%d %H:%M") if note.when else ""
    detail = note.detail
    if note.kind == "clock_backwards":  # the earlier run's time, as the clock said then
        detail = dt.datetime.fromisoformat(detail).astimezone().strftime("%Y-%m-%d %H:%M")
    return _t(
        lang,
        note.kind,
        detail=detail,
        other=note.other,
        count=note.count,
        day=note.day,
        when=when,
    )


def note_texts(result: MonitorResult, lang: str = "en") -> list[str]:
    """The notes worth a line on screen: the files left aside named together in one (--json
    has each with the reader's reason)."""
    aside = [Path(n.detail).name for n in result.notes if n.kind == "not_read"]
    texts = [
        note_text(n, lang)
        for n in result.notes
        if n.kind not in JSON_ONLY_NOTES and n.kind != "not_read"
    ]
    if aside:
        texts.append(_t(lang, "not_read", detail=", ".join(aside)))
    return texts


def warning_texts(result: MonitorResult, lang: str = "en") -> list[str]:
    """Every warning as a sentence: figures first (red before amber), then signals."""
    watches = sorted(
        (w for w in result.watches if w.warning),
        key=lambda w: (w.assessment.status != "red", w.marketplace),
    )
    texts = [watch_text(w, result.margin, lang) for w in watches]
    return texts + [signal_text(s, lang, result.taken_at) for s in result.signals]


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


def _spark(watch: Watch, ascii_only: bool) -> str:
    values = [v for _, v in watch.history]
    return sparkline(
        values, target=watch.target.value if watch.target else None, ascii_only=ascii_only
    )


def _target_text(watch: Watch, ascii_only: bool = False) -> str:
    text = watch.target.text if watch.target else "-"
    return text.replace("≥", ">=") if ascii_only else text


def _empty(watch: Watch, lang: str) -> str:
    if watch.figure.metric == "valid_tracking_rate":
        return _t(lang, "none_checkable")
    return _t(lang, "no_value")


def ordered(watches: list[Watch]) -> list[Watch]:
    rank = {m: i for i, m in enumerate(_ORDER)}
    return sorted(
        watches,
        key=lambda w: (w.figure.source != "amazon", rank.get(w.figure.metric, len(rank)), w.series),
    )


def show(result: MonitorResult, *, lang: str = "en", quiet: bool = False) -> None:
    """Print the dashboard, or with `quiet` only the warnings (one a line, nothing when all is
    well; a database that had to be moved aside is still told, on stderr)."""
    ascii_only = not blocks_fit(sys.stdout)
    if ascii_only and hasattr(sys.stdout, "reconfigure"):
        # A console in a narrow encoding: what it cannot show becomes "?", never a crash.
        sys.stdout.reconfigure(errors="replace")
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
    out.print(Text(_t(lang, "title", folder=result.folder), style="bold"))
    markets = sorted({w.marketplace for w in result.watches})
    for market in markets:
        out.print()
        out.print(Text(market, style="bold"))
        grid = Table(box=None, padding=(0, 1), pad_edge=False, show_edge=False)
        names = _t(lang, "columns").split("|")
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
                name += _t(lang, "amazon")
            grid.add_row(
                Text(_STATUS[lang][status], style=_COLOURS[status]),
                Text(name),
                Text(pct(value) if value is not None else _empty(watch, lang)),
                Text(_target_text(watch, ascii_only)),
                Text(_spark(watch, ascii_only)),
            )
        out.print(grid)
    out.print()
    warnings = warning_texts(result, lang)
    if warnings:
        out.print(Text(_t(lang, "warnings", n=len(warnings)), style="bold red"))
        _bullets(out, warnings, "!", "red")
    else:
        out.print(Text(_t(lang, "all_well"), style="green"))
    notes = note_texts(result, lang)
    if notes:
        out.print(Text(_t(lang, "notes"), style="dim"))
        _bullets(out, notes, "-", "dim")
    taken = result.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    db = result.database.name
    out.print(
        Text(_t(lang, "taken", taken=taken, stored=result.stored, db=db, new=result.recorded)),
        style="dim",
    )


def _bullets(out: Any, texts: list[str], mark: str, style: str) -> None:
    """Each text wrapped to the console (CJK counted double) under a hanging indent, without
    trailing spaces."""
    import re

    from rich.text import Text

    for text in texts:
        # A figure and its % sign stay on one line (a no-break space is not in GBK).
        glued = re.sub(r"(\d) %", r"\1_%", text)
        lines = Text(glued).wrap(out, max(20, out.width - 4))
        for n, line in enumerate(lines):
            line.rstrip()
            head = Text(f"  {mark} ", style=style) if n == 0 else Text("    ")
            out.print(head + Text(line.plain.replace("_%", " %")))


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
