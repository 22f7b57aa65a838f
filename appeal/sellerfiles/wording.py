"""What `appeal metrics` results say, in words any face shows (terminal, web page): figure
names, what a figure is made of, notes, and what `--into` wrote."""

from __future__ import annotations

import re

from appeal.dates import pct
from appeal.sellerfiles.figures import Figure, Note, Section, Written

WHY_ESTIMATES = (
    "Estimates come from your own files; Account Health is authoritative. They can differ "
    "because Amazon counts some metrics by promised delivery date and updates them with a lag "
    "of up to two weeks, and because orders missing from the files are not counted."
)
_ROLES = {
    "worst_7d": "worst 7 days",
    "latest_7d": "latest 7 days",
    "span": "under 7 days",
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
_RANK = {metric: i for i, metric in enumerate(_ORDER)}


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


def empty(figure: Figure) -> str:
    return "unchecked" if figure.metric == "valid_tracking_rate" else "no orders"


def words(key: str) -> str:
    """Amazon's camelCase count names as words: lateShipmentCount -> late shipment count."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", key).lower()


def detail(figure: Figure) -> str:
    """What a figure is made of, in one line."""
    if figure.source == "amazon":
        counts = ", ".join(f"{words(k)} {v:,}" for k, v in figure.counts.items())
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
    one = note.count == 1
    texts = {
        "amazon_cancels_left_out": (
            f"{n} {'order' if one else 'orders'} still Pending (unpaid) {'is' if one else 'are'} "
            "left out: Amazon cancels those itself, and they are not seller cancellations."
        ),
        "cause_unknown": f"{n} cancelled orders do not say who cancelled (only the Unshipped "
        "report's is-buyer-requested-cancellation does): they are counted as seller "
        "cancellations, so the cancellation rate is an upper bound. Account Health has the "
        "real figure.",
        "other_channel": f"{n} Amazon-fulfilled (FBA) {'order is' if one else 'orders are'} not "
        "counted: these metrics concern merchant-fulfilled orders.",
        "not_checked": f"{n} shipments by carriers whose format cannot be checked "
        f"({note.detail}): not counted in the usable share.",
        "as_of_after_files": f"The files end on {note.detail}, before --as-of: the days after "
        "it hold no orders in the files, which is not the same as no orders.",
        "short_before_as_of": f"--as-of leaves fewer than 7 days of orders ({note.detail}): "
        "the cancellation rate covers those days, not a 7-day window.",
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
        "no_rows": f"{note.detail}: column names but no rows below them, so nothing was read "
        f"from {'it' if note.count == 1 else 'them'} (cut short, or a period without orders?).",
        "cut_rows": _cut_rows(note),
        "amazon_report_apart": _apart(note),
    }
    return texts[note.kind]


def _cut_rows(note: Note) -> str:
    from appeal.sellerfiles.reports import NAMES

    cells, width = note.columns or (0, 0)
    report = NAMES[note.report] if note.report else "file"
    if note.report == "shipping_confirmation":  # the seller's own file, not a download
        again = "Check the file: a row cut short, or edited? Amazon reads missing cells as blank."
    else:
        again = "Download the report again (a copy cut short, or edited?)."
    if note.count == 1:
        return (
            f"1 row of the {report} ({note.detail}) has {cells} of {width} columns and was left "
            f"out: the figures do not count it. {again}"
        )
    return (
        f"{note.count:,} rows of the {report} ({note.detail}) have fewer columns than its "
        f"header (the first: {cells} of {width}) and were left out: the figures do not count "
        f"them. {again}"
    )


def heading(section: Section) -> str:
    name = section.name
    if section.marketplace_id and section.marketplace:
        name += f" ({section.marketplace_id})"
    if section.period:
        name += f", {section.period[0]} to {section.period[1]}"
    if section.account_status:
        name += f" · account status {section.account_status}"
    return name


def rank(figure: Figure) -> tuple[bool, int]:
    """Where a figure stands in any list of figures: Amazon's first, then by metric."""
    return figure.source != "amazon", _RANK.get(figure.metric, len(_RANK))


def ordered(section: Section) -> list[Figure]:
    return sorted(section.figures, key=lambda f: (*rank(f), f.key))


_WHY_NOT = {
    "upper_bound": "not written: the estimate is an upper bound (who cancelled is not in the "
    "files); copy the figure from Account Health",
    "no_value": "not written: the window holds no orders",
    "amazon_kept": "not written: the case already holds Amazon's own figure",
}


def no_cause_note(written: list[Written]) -> str | None:
    """Why some figures stayed out of the case, said once below the list (None if none did)."""
    if not any(item.reason == "no_cause" for item in written):
        return None
    return (
        "Only the metrics the case's causes concern go into it: the letter gives them as the "
        "reasons for Amazon's notice. The others are shown above and left out; if Amazon's "
        "notice names one of them, add the cause that explains it and read the report again."
    )


def written_text(item: Written) -> str:
    from appeal.core.catalogue import load_catalogue

    if item.metric == "*":
        names = item.reason.split(":", 1)[1]
        return f"Nothing written: the files are about {names}, not the case's marketplace."
    name = load_catalogue().metrics[item.metric].en
    value = pct(item.figure.value) if item.figure and item.figure.value is not None else ""
    if item.reason == "no_cause":
        shown = f"{name}: {value}" if value else name
        return f"{shown} not written: no cause of this case concerns it."
    if item.place == "not_written":
        return f"{name}: {_WHY_NOT.get(item.reason, 'not written')}."
    if item.place == "beside_seller":
        return (
            f"{name}: {value} kept beside the figure you typed (from_reports); the letter "
            "goes on using yours."
        )
    return f"{name}: {value} written."


def _apart(note: Note) -> str:
    start, end = note.period or (None, None)
    return (
        f"{note.detail}: Amazon's performance report covers {start} to {end}, far from the "
        "days of your order and shipping files: the two are shown apart, each with its own "
        "targets, and the figures of the older one are not current (download today's report "
        "from Account Health, or the recent order files)."
    )
