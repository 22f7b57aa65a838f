"""The wizard's answers as a whole: what a notice fills in, which required answers are still
missing, where a draft stopped, and the deadline a notice date gives by Amazon's rule."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from appeal.core.catalogue import PARTS, Catalogue
from appeal.dates import parse_date
from appeal.wizard.draft import Draft
from appeal.wizard.notice import NoticeFacts

DateRule = Literal["date", "past", "deadline"]
_SELLER = ("business_name", "store_name", "marketplace", "contact_name")


def rule_deadline(day: dt.date, scope: str, categories: Any) -> dt.date | None:
    """The deadline Amazon's rule gives for a notice of `day` (None where it sets none)."""
    from appeal.core.case import Notice
    from appeal.core.channel import deadline

    try:
        notice = Notice.model_validate(
            {"date": day, "scope": scope, "categories": list(categories or ["-"])}
        )
    except ValueError:
        return None
    due: dt.date | None = deadline(notice)
    return due


def notice_scope(facts: NoticeFacts | None) -> str:
    """What the notice says was removed, for the wizard's default: nothing for a warning, some
    categories only where the notice says so or is about the Valid Tracking Rate (the one metric
    Amazon acts on per category, domain.md 2), else all self-shipping."""
    if facts is None:
        return "all"
    if facts.kind == "warning":
        return "warning"
    if facts.scope:
        return facts.scope
    return "category" if "valid_tracking_rate" in facts.named else "all"


def forget_old_notice(draft: Draft) -> None:
    """A case started from an earlier one gets a new notice: what belonged to the old notice
    goes (its date, scope, categories, reference and deadline; every figure with its window and
    the effect so far; each cause's facts, which count the old period), so nothing of the old
    period is stated as the new one's; the earlier case's submissions, which answered the old
    notice). Root causes, actions and measures stay."""
    draft.set(("notice",), None, save=False)
    draft.set(("submissions",), None, save=False)
    draft.set(("metrics",), None, save=False)
    for index, _ in enumerate(draft.causes()):
        if draft.get(("causes", index, "facts")) is not None:
            draft.set(("causes", index, "facts"), None, save=False)


def apply_notice(draft: Draft, facts: NoticeFacts) -> None:
    """Fill the draft with what the notice states (it wins over earlier sources). The deadline
    is not stored: it follows from the notice date, asked for in the wizard."""
    if facts.kind == "reply":
        return
    if facts.date:
        draft.set(("notice", "date"), facts.date.isoformat(), save=False)
    if facts.scope or facts.kind == "warning":
        draft.set(("notice", "scope"), notice_scope(facts), save=False)
    if facts.categories:
        draft.set(("notice", "categories"), facts.categories, save=False)
    if facts.reference:
        draft.set(("notice", "reference"), facts.reference, save=False)
    for metric, value in facts.metrics.items():
        draft.set(("metrics", metric, "value"), value, save=False)
        if metric in facts.periods:
            start, end = facts.periods[metric]
            draft.set(
                ("metrics", metric, "window"), [start.isoformat(), end.isoformat()], save=False
            )
    if facts.causes and not draft.causes():
        draft.set(("causes",), [{"cause": c} for c in facts.causes], save=False)
    draft.save()


def notice_deadline(facts: NoticeFacts | None, day: dt.date | None) -> dt.date | None:
    """The deadline the notice states, as a date (its "within N days" counts from `day`)."""
    if facts is None:
        return None
    if facts.deadline:
        return facts.deadline
    if facts.deadline_days and day:
        return day + dt.timedelta(days=facts.deadline_days)
    return None


def _date(value: Any) -> dt.date | None:
    try:
        return parse_date(value) if value not in (None, "") else None
    except ValueError:
        return None


def missing_fields(draft: Draft, catalogue: Catalogue, *, email: bool = False) -> list[str]:
    """Every required answer still missing, by its --set key, all at once."""
    missing = [f"seller.{key}" for key in _SELLER if not draft.get(("seller", key))]
    if email and not draft.get(("seller", "merchant_token")):
        missing.append("seller.merchant_token")
    if _date(draft.get(("notice", "date"))) is None:
        missing.append("notice.date")
    scope = draft.get(("notice", "scope"))
    if scope not in ("category", "all", "warning"):
        missing.append("notice.scope")
    if scope == "category" and not draft.get(("notice", "categories")):
        missing.append("notice.categories")
    causes = draft.causes()
    if not causes:
        missing.append("causes")
    for index, entry in enumerate(causes):
        if not isinstance(entry, dict) or entry.get("cause") not in catalogue.causes:
            missing.append(f"causes[{index}].cause")
            continue
        if not entry.get("facts"):
            missing.append(f"causes[{index}].facts")
        missing += [f"causes[{index}].{part}" for part in PARTS if not entry.get(part)]
    return missing


def first_open_step(draft: Draft) -> int:
    """Where a draft stopped: the first step with a required answer missing."""
    if any(not draft.get(("seller", key)) for key in _SELLER):
        return 0
    if not draft.get(("notice", "date")) or not draft.get(("notice", "scope")):
        return 1
    causes = draft.causes()
    if not causes:
        return 2
    for entry in causes:
        if not entry.get("facts") or any(not entry.get(part) for part in PARTS):
            return 3
    return 4


def _key(entry: Any) -> tuple[str, str]:
    return ("use", str(entry["use"])) if entry.get("use") else ("text", str(entry.get("text")))


def relink_answers(entry: dict[str, Any], old_roots: list[Any], new_roots: list[Any]) -> None:
    """After the root causes of a cause changed from `old_roots` to `new_roots`, make every
    action's and measure's `answers` name the same root causes as before: numbers follow their
    root cause to its new place, links to a root cause no longer listed are dropped."""
    new_keys = [_key(r) for r in new_roots]
    uses = {value for kind, value in new_keys if kind == "use"}
    for part in ("corrective_actions", "preventive_measures"):
        for item in entry.get(part) or []:
            if not isinstance(item, dict) or item.get("answers") in (None, ""):
                continue
            given = item["answers"] if isinstance(item["answers"], list) else [item["answers"]]
            kept: list[Any] = []
            for answer in given:
                text = str(answer).strip()
                if not text.isdigit():
                    link: Any = text if text in uses else None
                elif (
                    1 <= int(text) <= len(old_roots)
                    and (was := _key(old_roots[int(text) - 1])) in new_keys
                ):
                    link = new_keys.index(was) + 1
                else:
                    link = None
                if link is not None and link not in kept:
                    kept.append(link)
            if kept:
                item["answers"] = kept if len(kept) > 1 else kept[0]
            else:
                del item["answers"]
