"""How `appeal monitor` results read: the dashboard (80 columns, red/amber/green, a sparkline per
figure), the warnings alone (`--quiet`), and `--json`; in English or Chinese."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

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

# Every sentence the monitor says, in English and Chinese.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "appeal monitor: {folder}",
        "taken": "Run at {taken}; {stored} snapshots in {db} ({new} new).",
        "columns": "status|figure|value|target|trend",
        "amazon": " (Amazon)",
        "no_value": "no orders",
        "none_checkable": "none checkable",
        "all_well": "All well: no figure near its target, no leading signal.",
        "warnings": "Warnings ({n}):",
        "notes": "Notes:",
        "misses_target": "misses the target {target}",
        "amazon_says_bad": "Amazon marks it BAD",
        "near_target": "within {margin} points of the target {target}",
        "trend_crosses": "at {slope} points a day ({points} snapshots) it crosses the target "
        "{target} on {date}",
        "watch": "{label} ({market}): {value}; {reasons}.",
        "upper_bound": " (an upper bound: the files do not say who cancelled)",
        "late_today": "{market}: unshipped orders due to ship by today ({today}): {count}, "
        "{overdue} of them already past their promise date. Ship and confirm them today.",
        "verge_of_cancellation": "{market}: unshipped orders Amazon flags as about to be "
        "cancelled (verge-of-cancellation): {count}. Ship or resolve them now.",
        "tracking_fails": "{file}: tracking IDs in the newest shipping confirmations that fail "
        "their carrier's check: {count}. Run `appeal tracking {file} --fix FIXED.txt` and upload "
        "the fixed file.",
        "holiday_orders_due_during": "{name} ({calendar}, {start} to {end}) starts in {days} "
        "days; unshipped orders due to ship during it: {count}. Extend your handling time "
        "(the holiday closure in Seller Central's shipping settings) before it.",
        "holiday_not_seen": "{name} ({calendar}, {start} to {end}) starts in {days} days, and "
        "the Unshipped report shows no extended handling time yet. Set the closure in Seller "
        "Central's shipping settings before it.",
        "holiday_running": "{name} ({calendar}, {start} to {end}) is on now; unshipped orders "
        "due to ship before it ends: {count}.",
        "inventory_stale": "{file}: the newest inventory file was written {hours} hours ago "
        "({written}); quantities on Amazon may be out of date: run your stock sync.",
        "account_status": "{market}: Amazon's account status is {name}.",
        "orders": "Orders: {orders}{more}.",
        "more": " and {n} more",
        "database_created": "Started the snapshot database {detail}.",
        "database_moved_aside": "The snapshot database {other} could not be read: kept it as "
        "{detail} and started a new one (trends start again from this run).",
        "database_migrated": "Brought the snapshot database up to date (from schema {count}).",
        "database_not_read": "The snapshot database {detail} could not be read (damaged, or "
        "from another version of appeal): no history is shown. Run the monitor to repair it.",
        "clock_backwards": "This computer's clock ({when}) is earlier than the last run's "
        "({detail}); snapshots are ordered by their data windows, so trends are unaffected. "
        "Check the clock.",
        "new_marketplace": "{detail} is new in this folder (it held {other}); its trend starts "
        "now, and each marketplace keeps its own.",
        "marketplace_not_in_files": "No files of {detail} this time (its newest snapshot ends "
        "{day}): its figures were not updated.",
        "not_read": "Not read: {detail}: {other}",
        "older_files_ignored": "{count} older downloads of the same reports were left aside "
        "(the newest of each is read).",
        "no_figures": "The files give no figure (an Unshipped report alone?): only the leading "
        "signals were checked.",
        "reports_old": "The newest report in the folder was saved {when}, more than a day ago: "
        "download today's reports for current figures.",
        "dates_as_written": "{count} promise dates were taken as written (UTC): the files do "
        "not say their marketplace.",
        "no_holiday_table": "No holiday table for {detail}: its holidays are not checked.",
        "holiday_table_ends": "The holiday table for {detail} ends on {day}; update appeal for "
        "later holidays.",
        "provisional_holiday": "{detail} ({day}): the official dates were not out when "
        "appeal's table was written; check them.",
        "inventory_file_in_future": "{detail} is dated in the future: its age cannot be judged.",
    },
    "zh": {
        "title": "appeal monitor：{folder}",
        "taken": "运行于 {taken}；快照 {stored} 条（新增 {new} 条），存于 {db}。",
        "columns": "状态|指标|数值|目标|趋势",
        "amazon": "（亚马逊）",
        "no_value": "无订单",
        "none_checkable": "无可校验的",
        "all_well": "一切正常：没有指标接近目标线，也没有预警信号。",
        "warnings": "警告（{n} 条）：",
        "notes": "说明：",
        "misses_target": "未达到目标 {target}",
        "amazon_says_bad": "亚马逊标为 BAD",
        "near_target": "距目标 {target} 不到 {margin} 个百分点",
        "trend_crosses": "按每天 {slope} 个百分点的趋势（{points} 条快照），将于 {date} 越过目标 "
        "{target}",
        "watch": "{label}（{market}）：{value}；{reasons}。",
        "upper_bound": "（上限估计：文件未说明由谁取消）",
        "late_today": "{market}：{count} 个未发货订单今天（{today}）必须发货，否则迟发"
        "（其中 {overdue} 个已过承诺日期）：请今天发货并确认。",
        "verge_of_cancellation": "{market}：亚马逊标记 {count} 个未发货订单即将被取消"
        "（verge-of-cancellation）：请立即发货或处理。",
        "tracking_fails": "{file}：最新发货确认文件中有 {count} 个追踪号未通过承运商校验：运行 "
        "`appeal tracking {file} --fix FIXED.txt` 并上传修正后的文件。",
        "holiday_orders_due_during": "{name}（{calendar}，{start} 至 {end}）{days} 天后开始："
        "有 {count} 个未发货订单的发货期限落在假期内。请在假期前延长处理时间"
        "（在卖家平台配送设置中设置假期休息）。",
        "holiday_not_seen": "{name}（{calendar}，{start} 至 {end}）{days} 天后开始，"
        "未发货订单报告中还看不到延长的处理时间。请在假期前在卖家平台配送设置中设置假期休息。",
        "holiday_running": "{name}（{calendar}，{start} 至 {end}）正在进行："
        "有 {count} 个未发货订单须在假期结束前发货。",
        "inventory_stale": "{file}：最新的库存文件写于 {hours} 小时前（{written}）；"
        "亚马逊上的库存数量可能已过时：请运行库存同步。",
        "account_status": "{market}：亚马逊账户状态为 {name}。",
        "orders": "订单：{orders}{more}。",
        "more": " 等另外 {n} 个",
        "database_created": "已新建快照数据库 {detail}。",
        "database_moved_aside": "快照数据库 {other} 无法读取：已保留为 {detail}，"
        "并新建了数据库（趋势从本次运行重新开始）。",
        "database_migrated": "已将快照数据库升级（原结构版本 {count}）。",
        "database_not_read": "快照数据库 {detail} 无法读取（已损坏或来自其他版本的 appeal）："
        "不显示历史。运行一次监控即可修复。",
        "clock_backwards": "本机时钟（{when}）早于上次运行（{detail}）；快照按数据时间窗口排序，"
        "趋势不受影响。请检查系统时间。",
        "new_marketplace": "{detail} 是此文件夹中的新站点（原有 {other}）；"
        "其趋势从现在开始，各站点分别记录。",
        "marketplace_not_in_files": "本次没有 {detail} 的文件（其最新快照截至 {day}）："
        "该站点的指标未更新。",
        "not_read": "未读取：{detail}：{other}",
        "older_files_ignored": "同类报告的 {count} 个较早下载版本未读取（每类只读最新的一个）。",
        "no_figures": "文件中没有可计算的指标（只有未发货订单报告？）：只检查了预警信号。",
        "reports_old": "文件夹中最新的报告保存于 {when}，已超过一天："
        "请下载今天的报告以获得最新数据。",
        "dates_as_written": "{count} 个承诺日期按原文（UTC）读取：文件未说明所属站点。",
        "no_holiday_table": "没有 {detail} 的假期表：不检查该地假期。",
        "holiday_table_ends": "{detail} 的假期表截至 {day}；请更新 appeal 以获得之后的假期。",
        "provisional_holiday": "{detail}（{day}）：编写 appeal 假期表时官方日期尚未公布，请核对。",
        "inventory_file_in_future": "{detail} 的时间在未来：无法判断其新旧。",
    },
}


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
    notes = [n for n in result.notes if n.kind not in JSON_ONLY_NOTES]
    if notes:
        out.print(Text(_t(lang, "notes"), style="dim"))
        _bullets(out, [note_text(n, lang) for n in notes], "-", "dim")
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
        "notes": [{"kind": n.kind, "text": note_text(n)} for n in result.notes],
        "files": [{"file": str(path), "kind": kind} for path, kind in result.files],
        "calendars": list(result.calendars),
        "snapshots": {"stored": result.stored, "new": result.recorded},
    }


def print_json(result: MonitorResult) -> None:
    import json

    print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
