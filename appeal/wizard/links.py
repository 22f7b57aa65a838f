"""What ties a cause's plan together in the wizard: which root causes each action and measure
answers (the letter then says 'addresses root cause 1'), and the evidence files for the cause,
each checked beside the case file (the letter lists them under Attachments; the e-mail draft
attaches them)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from appeal.core.catalogue import PartName
from appeal.wizard.texts import hint

if TYPE_CHECKING:
    from appeal.wizard.flow import Wizard


def root_cause_choices(wizard: Wizard, index: int) -> list[tuple[str, int]]:
    """The cause's root causes as the letter numbers them: '1. <sentence>'."""
    cause_id = str(wizard.draft.get(("causes", index, "cause")))
    cause = wizard.catalogue.causes[cause_id]
    choices = []
    for number, entry in enumerate(wizard.draft.get(("causes", index, "root_causes")) or [], 1):
        item = cause.item("root_causes", str(entry.get("use"))) if entry.get("use") else None
        if item is not None:
            label = item.zh if wizard.lang == "zh" else item.en
        else:
            label = str(entry.get("text") or "")
        choices.append((f"{number}. {label}", number))
    return choices


def _numbers(stored: Any, roots: list[Any]) -> list[int]:
    """The root-cause numbers an `answers:` names (numbers, or the ids the root causes use)."""
    given = stored if isinstance(stored, list) else [] if stored in (None, "") else [stored]
    uses = [str(r.get("use")) for r in roots]
    numbers = []
    for answer in given:
        text = str(answer).strip()
        if text.isdigit() and 1 <= int(text) <= len(roots):
            numbers.append(int(text))
        elif text in uses:
            numbers.append(uses.index(text) + 1)
    return list(dict.fromkeys(numbers))


def ask_answers(wizard: Wizard, index: int, part: PartName, position: int, item: str) -> None:
    """Which root causes the action or measure at `position` answers; asked only where the
    cause has more than one (the only one is answered by every action)."""
    choices = root_cause_choices(wizard, index)
    if len(choices) < 2:
        return
    where = ("causes", index, part, position, "answers")
    roots = list(wizard.draft.get(("causes", index, "root_causes")) or [])
    picked = wizard.ask.checkbox(
        "answers",
        wizard.t("answers", item=item),
        choices,
        _numbers(wizard.draft.get(where), roots),
        validate=lambda v: bool(v) or wizard.t("pick_one"),
        hint=hint(wizard.lang, "answers"),
    )
    numbers = sorted(int(n) for n in picked)
    wizard.draft.set(where, numbers[0] if len(numbers) == 1 else numbers)


def split_names(typed: str) -> list[str]:
    """File names typed on one line, separated by ; (or the full-width ；)."""
    return [name.strip() for name in typed.replace("；", ";").split(";") if name.strip()]


def missing_file(folder: Path, name: str) -> bool:
    """True unless `name` is a file inside `folder` (the case file's folder)."""
    path = folder / name.replace("\\", "/")
    try:
        return not (path.resolve().is_relative_to(folder.resolve()) and path.is_file())
    except (OSError, RuntimeError, ValueError):
        return True


def ask_attachments(wizard: Wizard, index: int) -> None:
    """The evidence files for the cause at `index`: each name typed is a file beside the case
    (a name the case listed before is kept as it is; the checks say when it is missing)."""
    folder = wizard.draft.path.parent
    where = ("causes", index, "attachments")
    current = [str(name) for name in wizard.draft.get(where) or []]

    def check(answer: str) -> bool | str:
        for name in split_names(answer):  # one listed before stays: the checks say it is missing
            if name not in current and missing_file(folder, name):
                return wizard.t("attachment_missing", name=name, folder=folder)
        return True

    answer = wizard.ask.text(
        "attachments",
        wizard.t("attachments"),
        default="; ".join(current),
        validate=check,
        hint=hint(wizard.lang, "attachments"),
        empty="skip",
    )
    names = split_names(answer)
    wizard.draft.set(where, names or None)
