"""`appeal metrics --into CASE`: record the figures the tool can stand behind in a case.

Only the metrics the case's causes concern (the catalogue's `metrics:` of each cause) are
written: the letter gives its figures as the reasons for the notice, and Amazon's report holds
every metric of the account (a VTR category case must not gain a Late Shipment Rate). The
others are reported as not written (`no_cause`), so every face can show them apart.

Per metric: Amazon's own figure when the SP-API report gives one (the one that misses its
target, else the longest window), else an estimate; never an upper bound and never an empty
window. A figure the seller typed (from Account Health or a notice) is never replaced: the new
one is kept beside it under `from_reports`, and the letter goes on using the seller's. Where a
figure is written, a facts sentence joins the cause the metric belongs to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from appeal.dates import longdate, pct
from appeal.sellerfiles.figures import Figure, MetricsResult, Section, Written

_ESTIMATE_ROLE = {
    "cancellation_rate": "worst_7d",
    "valid_tracking_rate": "last_30d",
    "late_shipment_rate": "last_30d",
}
_RANK = {"account_health": 2, "amazon_report": 1, "estimate": 0}
SOURCES = {
    "amazon": "Amazon SP-API seller performance report",
    "all_orders": "estimate from the All Orders report",
    "all_orders+unshipped": "estimate from the All Orders and Unshipped reports",
    "confirmations": "estimate from shipping-confirmation files",
    "unshipped+confirmations": "estimate from the Unshipped report and confirmation files",
}


def _span(figure: Figure, joiner: str = "to") -> str:
    return f"{longdate(figure.start)} {joiner} {longdate(figure.end)}"


def sentence(figure: Figure, latest: Figure | None) -> str:
    """A facts sentence with the counts and the window."""
    value = pct(figure.value or 0.0)
    if figure.source == "amazon":
        from appeal.core.catalogue import load_catalogue

        title = load_catalogue().metrics[figure.metric].en
        text = f"Amazon's figure for our {title} was {value} from {_span(figure)}"
        parts = [f"{figure.counts[k]:,} {w}" for k, w in _ODR_PARTS if k in figure.counts]
        text += f" ({', '.join(parts)})." if parts else "."
    elif figure.metric == "cancellation_rate":
        text = (
            f"Between {_span(figure, 'and')} we cancelled {figure.numerator} of "
            f"{figure.denominator} merchant-fulfilled orders ({value})."
        )
    elif figure.metric == "valid_tracking_rate":
        text = (
            f"Between {_span(figure, 'and')}, {figure.numerator} of {figure.denominator} "
            f"shipments had a tracking ID usable for their carrier ({value})."
        )
        if figure.counts.get("not_checked"):
            text += (
                f" {figure.counts['not_checked']} more went with carriers whose number format "
                "cannot be checked and are not counted."
            )
    else:
        text = (
            f"Between {_span(figure, 'and')}, {figure.numerator} of {figure.denominator} "
            f"orders were confirmed after their expected ship date ({value})."
        )
    if latest is not None and latest.value is not None:
        text += (
            f" In the latest window, {_span(latest)}, it was {latest.numerator} of "
            f"{latest.denominator} ({pct(latest.value)})."
        )
    return text


_ODR_PARTS = (
    ("orderWithDefects", "orders with a defect"),
    ("claims", "claims"),
    ("chargebacks", "chargebacks"),
    ("negativeFeedback", "negative feedback"),
)


def choose(section: Section, metric: str) -> tuple[Figure | None, Figure | None, str]:
    """The figure to record for `metric`, the latest estimate beside it, or why none."""
    amazon = [f for f in section.figures if f.metric == metric and f.source == "amazon"]
    if amazon:
        missed = [f for f in amazon if f.meets is False]
        return (missed[0] if missed else max(amazon, key=lambda f: f.end - f.start)), None, ""
    role = _ESTIMATE_ROLE.get(metric)
    estimate = next((f for f in section.figures if f.metric == metric and f.role == role), None)
    if estimate is None and metric == "cancellation_rate":
        estimate = next((f for f in section.figures if f.metric == metric), None)
    if estimate is None:
        return None, None, "none"
    if estimate.upper_bound:
        return None, None, "upper_bound"
    if estimate.value is None:
        return None, None, "no_value"
    latest = next(
        (f for f in section.figures if f.metric == metric and f.role == "latest_7d"), None
    )
    if latest is not None and (latest.value is None or latest.upper_bound):
        latest = None
    return estimate, latest, ""


def _entry(figure: Figure, latest: Figure | None) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def window(f: Figure) -> Any:
        seq = CommentedSeq([f.start, f.end])
        seq.fa.set_flow_style()
        return seq

    entry = CommentedMap()
    # Amazon's rate exactly; an estimate to two decimals, as the letter shows it.
    value = figure.value or 0.0
    entry["value"] = value if figure.source == "amazon" else round(value, 2)
    entry["window"] = window(figure)
    entry["source"] = SOURCES["amazon" if figure.source == "amazon" else str(figure.basis)]
    entry["origin"] = "amazon_report" if figure.source == "amazon" else "estimate"
    if figure.source == "amazon" and figure.target is not None:
        entry["target"] = figure.target.value
        entry["target_condition"] = figure.target.condition
    if figure.status:
        entry["status"] = figure.status
    counts = dict(figure.counts)
    if figure.source == "estimate":
        counts = {"numerator": figure.numerator or 0, "denominator": figure.denominator or 0}
        counts.update(figure.counts)
    if counts:
        entry["counts"] = CommentedMap(counts)
    if latest is not None:
        entry["latest"] = CommentedMap(
            [("value", round(latest.value or 0.0, 2)), ("window", window(latest))]
        )
    return entry


def pick_section(result: MetricsResult, marketplace: str) -> Section | None:
    """The section of the case's marketplace (or the only one whose marketplace is unknown)."""
    same = [s for s in result.sections if s.marketplace == marketplace]
    if same:
        return same[-1]
    unnamed = [s for s in result.sections if s.marketplace is None]
    return unnamed[-1] if len(unnamed) == 1 and len(result.sections) == 1 else None


def write_into_case(case_path: Path, result: MetricsResult) -> list[Written]:
    """Record the figures in the case (comments and layout kept); what was done, per metric."""
    from appeal.core.case import Metrics
    from appeal.core.caseedit import edit_case_file
    from appeal.core.catalogue import load_catalogue

    catalogue = load_catalogue()
    wanted = {m: [c.id for c in catalogue.causes_for(m)] for m in Metrics.model_fields}
    written: list[Written] = []

    def change(data: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        marketplace = str((data.get("seller") or {}).get("marketplace") or "")
        section = pick_section(result, marketplace)
        if section is None:
            names = ", ".join(s.name for s in result.sections)
            written.append(Written("*", "not_written", None, f"other_marketplace:{names}"))
            return
        if data.get("metrics") is None:
            data["metrics"] = CommentedMap()
        causes = data.get("causes") or []
        concerned = catalogue.concerned_metrics(str(c.get("cause") or "") for c in causes)
        for metric in Metrics.model_fields:
            figure, latest, why = choose(section, metric)
            if figure is None and why == "none":
                continue
            if metric not in concerned:
                written.append(Written(metric, "not_written", figure, "no_cause"))
                continue
            if figure is None:
                written.append(Written(metric, "not_written", None, why))
                continue
            entry = _entry(figure, latest)
            existing = data["metrics"].get(metric)
            origin = str((existing or {}).get("origin") or "account_health")
            if existing is not None and _RANK[origin] > _RANK[entry["origin"]]:
                if origin == "account_health":
                    if hasattr(existing, "fa"):  # a one-line {value: ...} would grow too long
                        existing.fa.set_block_style()
                    existing["from_reports"] = entry
                    written.append(Written(metric, "beside_seller", figure))
                else:
                    written.append(Written(metric, "not_written", figure, "amazon_kept"))
                continue
            data["metrics"][metric] = entry
            text = sentence(figure, latest)
            done = Written(metric, "metric", figure)
            target = next(
                (c for want in wanted[metric] for c in causes if c.get("cause") == want), None
            )
            if target is not None and text not in str(target.get("facts") or ""):
                target["facts"] = f"{str(target.get('facts') or '').strip()} {text}".strip()
                done.sentence = text
            written.append(done)

    edit_case_file(case_path, change)
    return written
