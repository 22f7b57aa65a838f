"""`appeal metrics`: the figures a set of Seller Central files gives, per marketplace.

`read_figures` is the reusable reader (also for a later `appeal monitor`): files in, one
section per marketplace out, each with Amazon's own figures (SP-API report) and the estimates
the order and shipping files allow, their windows and sources. Nothing is printed here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from appeal.errors import InputError
from appeal.sellerfiles.figures import Figure, MetricsResult, Note, Section

if TYPE_CHECKING:
    from appeal.sellerfiles.evidence import Evidence
    from appeal.sellerfiles.reports import Report


def read_figures(
    paths: list[Path], *, as_of: dt.date | None = None, marketplace: str | None = None
) -> MetricsResult:
    """Read every file (whatever its kind) and compute every figure it allows.

    `marketplace` (a domain such as amazon.com) is where files that do not say so come from;
    by default the one marketplace the other files name, if there is exactly one."""
    from appeal.core.catalogue import load_catalogue
    from appeal.sellerfiles.estimates import estimate_sections
    from appeal.sellerfiles.evidence import (
        Evidence,
        Markets,
        read_all_orders,
        read_confirmations,
        read_unshipped,
    )
    from appeal.sellerfiles.performance import read_performance
    from appeal.sellerfiles.reports import open_report

    if marketplace is not None:
        _check_marketplace(marketplace)
    ev = Evidence()
    markets = Markets(ev, marketplace)
    amazon: list[Section] = []
    no_rows: list[Report] = []
    for path in paths:
        opened = open_report(path)
        if isinstance(opened, dict):
            amazon += read_performance(opened, path)
            ev.kinds.add("performance_json")
            continue
        if not opened.has_rows():
            no_rows.append(opened)
            continue
        if opened.kind == "all_orders":
            read_all_orders(opened, ev, markets)
        elif opened.kind == "unshipped":
            read_unshipped(opened, ev, markets)
        else:
            read_confirmations(opened, ev)
        ev.kinds.add(opened.kind)
    named = {m for m in ev.currencies if m} | {p.market for p in ev.promised.values() if p.market}
    named |= {s.marketplace for s in amazon if s.marketplace}
    default = marketplace or (next(iter(named)) if len(named) == 1 else "")
    catalogue = load_catalogue().metrics
    targets = {key: info.usual for key, info in catalogue.items()}
    estimated = estimate_sections(ev, markets, as_of=as_of, default=default, targets=targets)
    split = any(s.period for s in estimated)  # one marketplace's files far apart in time
    sections = _merge(amazon, estimated)
    if not sections or not any(s.figures for s in sections):
        _nothing(ev, no_rows)
    notes = []
    notes += _cut_notes(ev)
    if no_rows:
        left = ", ".join(r.path.name for r in no_rows)
        notes.append(Note("no_rows", len(no_rows), left))
    names = sorted({s.name for s in sections if s.figures})  # not a status-only section
    if len(names) > 1:
        notes.append(Note("several_marketplaces", len(names), ", ".join(names)))
    if split:
        notes.append(Note("separate_periods"))
    for section in sections:
        if section.marketplace_id is not None and section.period is not None:
            notes.append(Note("amazon_report_apart", detail=section.name, period=section.period))
    return MetricsResult(files=list(paths), sections=sections, notes=notes)


def run_metrics(
    *,
    files: list[Path],
    as_of: dt.date | None = None,
    marketplace: str | None = None,
    into: Path | None = None,
) -> MetricsResult:
    """`appeal metrics`: the figures, and with `into` recorded in that case (whose marketplace
    is then where files that do not say so come from)."""
    if into is not None and marketplace is None:
        from appeal.core.casefile import load_case

        marketplace = load_case(into).case.seller.marketplace
    result = read_figures(files, as_of=as_of, marketplace=marketplace)
    if into is not None:
        from appeal.sellerfiles.intocase import write_into_case

        result.into = into
        result.written = write_into_case(into, result)
    return result


def _merge(amazon: list[Section], estimated: list[Section]) -> list[Section]:
    """Amazon's sections, each joined by the estimates of the same marketplace (its latest
    period), which then take Amazon's targets (one target per metric in a section); then the
    estimates of marketplaces Amazon's report does not cover. Amazon's window and the files'
    days far apart (an old Account Health download among new order files): shown apart, in
    the order of their days."""
    merged = list(amazon)
    for section in estimated:
        same = [s for s in merged if s.marketplace == section.marketplace and not s.daily]
        later = [s for s in estimated if s.marketplace == section.marketplace]
        if same and section is later[-1] and not same[0].as_of:
            target = same[0]
            ours, theirs = _span(section), _span(target)
            if ours and theirs and _apart(ours, theirs):
                target.period, section.period = theirs, section.period or ours
                merged.insert(merged.index(target) + int(ours > theirs), section)
                continue
            target.figures += [_amazon_target(f, target) for f in section.figures]
            target.daily, target.carriers, target.as_of = (
                section.daily,
                section.carriers,
                section.as_of,
            )
            target.notes += section.notes
            target.period = section.period
        else:
            merged.append(section)
    return merged


def _span(section: Section) -> tuple[dt.date, dt.date] | None:
    """The first and last day of the section's figures and daily counts."""
    if not section.figures:
        return None
    days = [d.day for d in section.daily]
    return min(days + [f.start for f in section.figures]), max(f.end for f in section.figures)


def _apart(one: tuple[dt.date, dt.date], other: tuple[dt.date, dt.date]) -> bool:
    from appeal.sellerfiles.estimates import GAP

    return (one[0] - other[1]).days > GAP or (other[0] - one[1]).days > GAP


def _amazon_target(figure: Figure, section: Section) -> Figure:
    """The estimate measured against Amazon's target for the metric, when its report gives one
    (Amazon's targets vary by account and marketplace)."""
    import dataclasses

    theirs = next(
        (f.target for f in section.figures if f.metric == figure.metric and f.target), None
    )
    return figure if theirs is None else dataclasses.replace(figure, target=theirs)


def _cut_notes(ev: Evidence) -> list[Note]:
    """Rows left out for want of columns, one note per kind of report: how many, and where
    the first ones are."""
    from appeal.sellerfiles.reports import cut_places

    notes = []
    for kind in ("all_orders", "unshipped", "shipping_confirmation"):
        reports = [(name, width, cut) for k, name, width, cut in ev.cut if k == kind]
        if not reports:
            continue
        count = sum(cut.count for _, _, cut in reports)
        detail = cut_places([(name, cut) for name, _, cut in reports])
        _, width, first = reports[0]
        notes.append(Note("cut_rows", count, detail, (first.first[0][1], width), report=kind))
    return notes


def _nothing(ev: Evidence, no_rows: list[Report]) -> NoReturn:
    from appeal.sellerfiles.reports import NAMES

    other = sum(n for days in ev.other_channel.values() for n in days.values())
    if no_rows and not ev.orders and not other and not ev.shipments and not ev.promised:
        raise InputError(
            "; ".join(
                f"{r.path}:{r.header}: the {NAMES[r.kind]} has column names but no rows below them"
                for r in no_rows
            )
            + ": no orders or shipments to compute figures from. Download the report again, "
            "with its rows (a download cut short can keep only its first line)."
        )
    if other and not ev.orders:
        raise InputError(
            f"the reports hold no merchant-fulfilled orders (all {other} are fulfilled by "
            "Amazon); these metrics concern merchant-fulfilled orders only."
        )
    raise InputError("the files hold no orders or shipments to compute figures from.")


def _check_marketplace(domain: str) -> None:
    from appeal.core.marketplaces import marketplaces
    from appeal.core.validation import did_you_mean

    known = marketplaces()
    if domain not in known:
        hint = did_you_mean(domain, list(known)) or "; write the site's domain, e.g. amazon.com"
        raise InputError(f"--marketplace {domain}: not a marketplace appeal knows{hint}.")
