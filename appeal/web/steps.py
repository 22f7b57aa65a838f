"""The seven steps of the wizard as pages: what each form shows, read from the draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from appeal.core.catalogue import PARTS, Catalogue, Cause, Item, PartName
from appeal.wizard.draft import Draft
from appeal.wizard.flow import STEPS

# The wizard's seven steps, then the two pages beside them.
PAGES = (*STEPS, "evidence", "history")
FORM_STEPS = frozenset({"seller", "notice", "causes", "details", "channel"})
DATE_FIELDS = frozenset({"date", "start", "deadline"})


def text_of(value: Any) -> str:
    return "" if value is None else str(value)


def date_value(value: Any) -> tuple[str, bool]:
    """(value for the field, whether a date input can hold it). A date typed in another form
    (2026/11/20) is shown as ISO; text that is no date stays text, so nothing is lost."""
    from appeal.dates import parse_date

    if value in (None, ""):
        return "", True
    try:
        return parse_date(value).isoformat(), True
    except ValueError:
        return str(value), False


@dataclass
class ItemRow:
    """A catalogue sentence, ticked or not, with its extra answers."""

    item: Item
    ticked: bool
    index: int | None  # its place in the case's list, when ticked
    values: dict[str, str]


@dataclass
class OwnRow:
    """A sentence in the seller's own words (index None: the empty row to add one)."""

    text: str
    values: dict[str, str]
    index: int | None


@dataclass
class PartView:
    name: PartName
    extras: tuple[str, ...]
    items: list[ItemRow] = field(default_factory=list)
    own: list[OwnRow] = field(default_factory=list)


@dataclass
class CauseView:
    index: int
    id: str
    cause: Cause | None
    facts: str
    parts: list[PartView] = field(default_factory=list)
    attachments: str = ""  # the cause's evidence files, as the page shows them: a; b


def cause_views(draft: Draft, catalogue: Catalogue) -> list[CauseView]:
    """Every cause of the draft with its facts and the three parts, as the details step shows."""
    from appeal.web.answers import EXTRAS

    views = []
    for index, entry in enumerate(draft.causes()):
        cause_id = text_of(entry.get("cause"))
        cause = catalogue.cause(cause_id)
        view = CauseView(index, cause_id, cause, text_of(entry.get("facts")))
        view.attachments = "; ".join(text_of(n) for n in entry.get("attachments") or [])
        if cause is not None:
            for part in PARTS:
                view.parts.append(_part_view(entry.get(part) or [], cause, part, EXTRAS[part]))
        views.append(view)
    return views


def _values(entry: Any, extras: tuple[str, ...]) -> dict[str, str]:
    from appeal.web.answers import answers_text

    if entry is None:
        return dict.fromkeys(extras, "")
    return {
        name: answers_text(entry.get(name)) if name == "answers" else text_of(entry.get(name))
        for name in extras
    }


def _part_view(
    entries: list[Any], cause: Cause, part: PartName, extras: tuple[str, ...]
) -> PartView:
    view = PartView(part, extras)
    by_use = {text_of(e.get("use")): (i, e) for i, e in enumerate(entries) if e.get("use")}
    for item in cause.items(part):
        index, entry = by_use.get(item.id, (None, None))
        view.items.append(ItemRow(item, entry is not None, index, _values(entry, extras)))
    for index, entry in enumerate(entries):
        if entry.get("use") is None:
            view.own.append(OwnRow(text_of(entry.get("text")), _values(entry, extras), index))
    view.own.append(OwnRow("", _values(None, extras), None))
    return view


def step_states(draft: Draft, to_fix: frozenset[str] = frozenset()) -> dict[str, bool]:
    """Which steps are answered, by the wizard's own rule of where a draft stopped; a step
    holding an answer to fix (`to_fix`) is not."""
    from appeal.wizard.flow import first_open_step

    first_open = first_open_step(draft)
    return {
        name: position < first_open and name not in to_fix for position, name in enumerate(STEPS)
    }


def steps_to_fix(preview: Any) -> frozenset[str]:
    """The steps holding an answer the case file cannot take as it is (a date that is no
    day, a text too long ...)."""
    return frozenset(p.problem.place.step for p in preview.problems if p.problem.place.step)
