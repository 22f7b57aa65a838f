"""`appeal monitor`: read the newest files of a folder, record their figures as snapshots, and
judge every figure and leading signal. Nothing is printed here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from appeal.core.targets import Target
from appeal.errors import InputError
from appeal.monitor.folder import Folder, Found, named_marketplaces, scan_folder
from appeal.monitor.result import MonitorResult, Note, Signal, Watch
from appeal.monitor.signals import (
    STALE,
    Unshipped,
    holiday_signals,
    inventory_signal,
    order_signals,
    read_unshipped,
    tracking_signal,
)
from appeal.monitor.store import Snapshot, Store, open_store
from appeal.monitor.trend import assess
from appeal.sellerfiles.figures import Figure, MetricsResult, Section

DEFAULT_MARGIN = 0.5  # percentage points
WATCHED_ROLES = frozenset({"amazon", "latest_7d", "last_30d", "last_10d"})
_NEEDS_FIGURES = ("performance_json", "all_orders", "shipping_confirmation")
_KINDS = (
    "SP-API seller performance report (JSON), All Orders report, Unshipped orders report, "
    "shipping-confirmation upload files"
)


def series_name(figure: Figure) -> str:
    """The stable name of a figure's snapshot series."""
    if figure.source == "amazon":
        key = figure.key
        if key.startswith("lateShipmentRateList"):  # by its window, not its place in the list
            key = f"lateShipmentRate.{(figure.end - figure.start).days + 1}d"
        return f"amazon.{key}"
    return f"estimate.{figure.metric}.{figure.role}"


def run_monitor(
    *,
    folder: Path,
    now: dt.datetime,
    as_of: dt.date | None = None,
    margin: float = DEFAULT_MARGIN,
    calendars: tuple[str, ...] | None = None,
    timeout: float | None = None,
    record: bool = True,
) -> MonitorResult:
    """One monitor run over `folder` at the time `now` (aware). `as_of` fixes the last day of
    the windows and the day signals are judged on (default: the newest day in the files, and
    each marketplace's today); `calendars` the holiday calendars (default: CN and the
    marketplaces' countries). With `record` False nothing is written: the stored history is
    read and this run's figures join it in memory only (the web page's view)."""
    if not 0 <= margin <= 50:
        raise InputError(f"--margin {margin:g}: give percentage points between 0 and 50.")
    scanned = scan_folder(folder)
    chosen = scanned.for_figures()
    if not chosen:
        raise InputError(_empty_message(folder, scanned))
    figures = None
    window_end = as_of or _today(chosen, now)
    if any(f.kind in _NEEDS_FIGURES for f in chosen):
        from appeal.sellerfiles.metrics import read_figures

        figures = read_figures([f.path for f in chosen], as_of=window_end)
    sections = _current_sections(figures)
    markets = sorted({s.name for s in sections if s.figures})  # not a status-only section
    notes = [Note("not_read", str(path), why) for path, why in scanned.not_read]
    for cut in figures.notes if figures is not None else []:
        if cut.kind == "cut_rows" and cut.columns is not None:
            cells, width = cut.columns
            other = f"{cells},{width},{cut.report or 'all_orders'}"
            notes.append(Note("rows_left_out", cut.detail, other, count=cut.count))
        if cut.kind == "amazon_report_apart" and cut.period is not None:
            window = f"{cut.period[0]} to {cut.period[1]}"
            notes.append(Note("amazon_report_apart", cut.detail, window))
    if scanned.ignored():
        notes.append(Note("older_files_ignored", count=scanned.ignored()))
    for aside, read in scanned.saved_later():
        day = _local_day(aside.data_end, None) if aside.data_end else None
        notes.append(Note("saved_later_older_data", aside.path.name, read.path.name, day=day))
    if figures is None:
        notes.append(Note("no_figures"))
    single = markets[0] if len(markets) == 1 else None
    judged = window_end or now.date()
    ended = _ended(chosen, single, judged)
    newest = dt.datetime.fromtimestamp(max(f.modified for f in chosen), tz=dt.UTC)
    if as_of is None and now - newest > STALE and not ended:
        notes.append(Note("reports_old", when=newest))
    data_ends = _data_ends(chosen, single)

    def today_of(market: str | None) -> dt.date:
        return as_of or _local_today(market, now)

    store_args: dict[str, Any] = {"read_only": not record}
    if timeout is not None:
        store_args["timeout"] = timeout
    with open_store(folder, **store_args) as store:
        notes += _store_notes(store, now, markets)
        default = markets[0] if len(markets) == 1 else _only(store)
        snapshots = [_snapshot(s.name, f) for s in sections for f in s.figures if _watched(f, True)]
        on_disk = store.count()
        recorded = store.record(snapshots, now)  # read-only: joins the history in memory only
        watches = [
            _watch(store, s.name, f, margin, data_ends)
            for s in sections
            for f in s.figures
            if _watched(f)
        ]
        stored = store.count() if record else on_disk
        recorded = recorded if record else 0
        database = store.opened.path
    signals, more = _signals(scanned, default, today_of, now, calendars, markets, figures)
    signals = ended + signals
    signals += [
        Signal("account_status", s.name, name=s.account_status)
        for s in sections
        if s.account_status and s.account_status.upper() != "NORMAL"
    ]
    signals += _amazon_flags(sections)
    return MonitorResult(
        folder=folder,
        database=database,
        taken_at=now,
        margin=margin,
        files=[(f.path, f.kind) for f in scanned.found if f in chosen or f.kind == "inventory"],
        figures=figures,
        watches=watches,
        signals=signals,
        notes=notes + more,
        recorded=recorded,
        stored=stored,
        calendars=_calendars(calendars, markets),
    )


# Account Health Rating states that are no warning (Amazon's schema: GREAT or WARNED).
_FINE_RATINGS = frozenset({"GREAT", "GOOD", "HEALTHY"})


def _amazon_flags(sections: list[Section]) -> list[Signal]:
    """Amazon's own red flags beside its rates: an Account Health Rating that is not good,
    and the policy items and warnings its report marks BAD. Each can lead to deactivation."""
    signals = []
    for section in sections:
        rating = section.health
        if rating is not None and rating.status and rating.status.upper() not in _FINE_RATINGS:
            score = rating.score or 0
            signals.append(Signal("health_rating", section.name, count=score, name=rating.status))
        bad = tuple((c.key, c.count) for c in section.counts if (c.status or "").upper() == "BAD")
        if bad:
            signals.append(Signal("policy_bad", section.name, count=len(bad), items=bad))
    return signals


def _today(chosen: list[Found], now: dt.datetime) -> dt.date | None:
    """The last day of the windows when --as-of is not given: today in the marketplaces' own
    day (the earliest of them, so that no window ends in a marketplace's future). Unshipped
    orders are promised for days to come: without this, windows would end on those days."""
    markets = named_marketplaces(chosen)
    return min((_local_today(m, now) for m in markets), default=None)


def _empty_message(folder: Path, scanned: Folder) -> str:
    if scanned.not_read:
        names = ", ".join(p.name for p, _ in scanned.not_read[:5])
        more = "" if len(scanned.not_read) <= 5 else f" and {len(scanned.not_read) - 5} more"
        return (
            f"{folder}: none of the files is an Amazon report appeal reads ({names}{more}). "
            f"Save these reports in the folder: {_KINDS}."
        )
    return (
        f"{folder}: no Amazon report in this folder. Download them from Seller Central into it "
        f"(Reports > Fulfilment, or Orders > Order Reports): {_KINDS}."
    )


def _current_sections(figures: MetricsResult | None) -> list[Section]:
    """One section per marketplace: of a marketplace whose files split into periods far apart,
    the latest. When that leaves Amazon's report aside (older than the order files), so are
    the account statuses it gives without figures."""
    if figures is None:
        return []
    latest: dict[str, Section] = {}
    for section in figures.sections:
        known = latest.get(section.name)
        end = section.period[1] if section.period else dt.date.max
        if known is None or end >= (known.period[1] if known.period else dt.date.max):
            latest[section.name] = section
    kept = list(latest.values())
    ids = {id(s) for s in kept}
    superseded = any(s.marketplace_id and id(s) not in ids for s in figures.sections)
    return [s for s in kept if s.figures or not superseded]


def _watched(figure: Figure, stored: bool = False) -> bool:
    if figure.role not in WATCHED_ROLES:
        return False
    return figure.value is not None if stored else True


def _target(figure: Figure) -> Target | None:
    from appeal.core.catalogue import load_catalogue

    if figure.target is not None:
        return figure.target
    info = load_catalogue().metrics.get(figure.metric)
    return info.usual if info else None


def _snapshot(market: str, figure: Figure) -> Snapshot:
    assert figure.value is not None
    target = figure.target
    basis = f"estimate:{figure.basis}" if figure.basis else figure.source
    return Snapshot(
        market,
        series_name(figure),
        figure.metric,
        figure.value,
        figure.start,
        figure.end,
        basis,
        target.value if target else None,
        target.condition if target else None,
    )


def _watch(
    store: Store, market: str, figure: Figure, margin: float, data_ends: dict[str, dt.date]
) -> Watch:
    name = series_name(figure)
    history = store.series(market, name, figure.end)
    target = _target(figure)
    assessment = assess(
        figure.value, target, history, end=figure.end, margin=margin, amazon_status=figure.status
    )
    data_end = None
    if figure.basis is not None:  # an estimate: the last day its files hold
        data_end = data_ends.get("confirmations" if "confirm" in figure.basis else "all_orders")
    return Watch(market, name, figure, target, history, assessment, data_end)


# A report that ends more days than this before the day judged is out of date. Amazon's
# performance report ends the day before it is made; a day's All Orders report, that day.
ENDS_BEFORE = 2


def _ended(chosen: list[Found], market: str | None, judged: dt.date) -> list[Signal]:
    """The reports read whose data ends days before the day judged (by their data, not the
    time they were saved). Not the Unshipped report: it lists the orders still to ship, and
    its newest order may be days old in a download of today."""
    found = []
    for item in chosen:
        if item.kind not in ("performance_json", "all_orders") or item.known_until is None:
            continue
        last = _local_day(item.known_until, market)
        if (judged - last).days > ENDS_BEFORE:
            found.append(
                Signal(
                    "report_ends", market, today=judged, end=last, file=item.path, name=item.kind
                )
            )
    return found


def _data_ends(chosen: list[Found], market: str | None) -> dict[str, dt.date]:
    """The last day of data of the files read, by the names an estimate's basis gives."""
    ends: dict[str, dt.date] = {}
    for item in chosen:
        if item.data_end is None:
            continue
        key = "confirmations" if item.kind == "shipping_confirmation" else item.kind
        day = _local_day(item.data_end, market)
        ends[key] = max(day, ends.get(key, day))
    return ends


def _local_day(moment: dt.datetime, market: str | None) -> dt.date:
    """The day of `moment` in the marketplace's time zone (UTC when it is not known)."""
    return _local_today(market, moment) if market else moment.astimezone(dt.UTC).date()


def _store_notes(store: Store, now: dt.datetime, markets: list[str]) -> list[Note]:
    opened = store.opened
    notes = []
    if opened.unread:
        notes.append(Note("database_not_read", str(opened.path)))
    if opened.moved_aside is not None:
        notes.append(Note("database_moved_aside", str(opened.moved_aside), str(opened.path)))
    elif opened.created:
        notes.append(Note("database_created", str(opened.path)))
    if opened.migrated_from is not None:
        notes.append(Note("database_migrated", count=opened.migrated_from))
    last = store.last_taken()
    if last is not None and now < last:
        notes.append(Note("clock_backwards", last.isoformat(timespec="seconds"), when=now))
    before = store.marketplaces()
    for market in markets:
        if before and market not in before:
            notes.append(Note("new_marketplace", market, ", ".join(sorted(before))))
    for market, end in sorted(before.items()):
        if markets and market not in markets:
            notes.append(Note("marketplace_not_in_files", market, day=end))
    return notes


def _only(store: Store) -> str | None:
    known = store.marketplaces()
    return next(iter(known)) if len(known) == 1 else None


def _local_today(market: str | None, now: dt.datetime) -> dt.date:
    from zoneinfo import ZoneInfo

    from appeal.core.marketplaces import marketplaces

    known = marketplaces().get(market or "")
    return now.astimezone(ZoneInfo(known.time_zone) if known else None).date()


def _calendars(given: tuple[str, ...] | None, markets: list[str]) -> tuple[str, ...]:
    if given:
        return tuple(dict.fromkeys(code.upper() for code in given))
    from appeal.core.marketplaces import marketplaces

    known = marketplaces()
    countries = [known[m].country for m in markets if m in known]
    return tuple(dict.fromkeys(["CN", *countries]))


def _signals(
    scanned: Folder,
    default: str | None,
    today_of: Callable[[str | None], dt.date],
    now: dt.datetime,
    calendars: tuple[str, ...] | None,
    markets: list[str],
    figures: MetricsResult | None,
) -> tuple[list[Signal], list[Note]]:
    signals: list[Signal] = []
    notes: list[Note] = []
    orders: list[Unshipped] | None = None
    newest = scanned.newest("unshipped")
    if newest is not None:
        all_orders = scanned.newest("all_orders")
        read = read_unshipped(newest, default, all_orders)
        orders = read.orders
        if read.cut is not None and figures is None:  # else read_figures read it and said so
            notes.append(read.cut)
        if read.as_written:
            notes.append(Note("dates_as_written", count=read.as_written))
        if read.done_since and all_orders is not None:
            name, other = newest.path.name, all_orders.path.name
            notes.append(Note("unshipped_done_since", name, other, count=read.done_since))
        signals += order_signals(orders, today_of)
    confirmations = scanned.newest("shipping_confirmation")
    if confirmations is not None:
        found = tracking_signal(confirmations, default)
        if found is not None:
            signals.append(found)
    codes = _calendars(calendars, markets or ([default] if default else []))
    held, more = holiday_signals(codes, today_of(default), orders)
    signals += held
    notes += more
    stale, note = inventory_signal(scanned.newest("inventory"), now)
    if stale is not None:
        signals.append(stale)
    if note is not None:
        notes.append(note)
    return signals, notes
