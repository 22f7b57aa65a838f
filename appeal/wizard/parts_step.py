"""The wizard's questions for one part of a cause's plan (root causes, corrective actions or
preventive measures): the catalogue's items ticked and own sentences added, then for each item
its date, or its owner, frequency and start, and which root causes it answers. An item
unticked and ticked again gets back what was answered for it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from appeal.core.catalogue import PartName
from appeal.wizard.answers import relink_answers
from appeal.wizard.links import ask_answers
from appeal.wizard.texts import hint

if TYPE_CHECKING:
    from appeal.wizard.flow import Wizard

_OWN = {"root_causes": "own_root", "corrective_actions": "own_action"}
_OWN["preventive_measures"] = "own_measure"
_PICK = {"root_causes": "root_causes", "corrective_actions": "actions"}
_PICK["preventive_measures"] = "measures"


def ask_part(wizard: Wizard, index: int, part: PartName) -> None:
    """Step 4, one part of cause `index`: its items (saved as soon as the list is left), then
    each item's own questions."""
    cause_id = str(wizard.draft.get(("causes", index, "cause")))
    old = list(wizard.draft.get(("causes", index, part)) or [])
    entries = _pick(wizard, index, part, cause_id, old)
    if part == "root_causes":  # links from actions and measures follow their root cause
        relink_answers(wizard.draft.get(("causes", index)), old, entries)
        wizard.draft.save()
    for position, entry in enumerate(entries):
        label = entry.get("text") or _label(wizard, part, cause_id, entry["use"])
        short = f"[{label if len(label) <= 60 else label[:57] + '...'}]"
        where = ("causes", index, part, position)
        if part == "corrective_actions":
            wizard.text("action_date", (*where, "date"), item=short, kind="past")
        elif part == "preventive_measures":
            wizard.text("owner", (*where, "owner"), item=short, english=True)
            if entry.get("text"):  # a catalogue measure states its own frequency
                wizard.text(
                    "frequency", (*where, "frequency"), item=short, english=True, required=False
                )
            wizard.text("start", (*where, "start"), item=short, kind="date", required=False)
        if part != "root_causes":
            ask_answers(wizard, index, part, position, short)


def _pick(
    wizard: Wizard, index: int, part: PartName, cause_id: str, old: list[Any]
) -> list[dict[str, Any]]:
    """The part's entries: catalogue items and own sentences ticked, then own ones added."""
    details = wizard.item_details
    for e in old:
        key = ("use", e["use"]) if e.get("use") else ("text", str(e.get("text")))
        details[(cause_id, part, f"{key[0]}:{key[1]}")] = dict(e)
    own = [str(e["text"]) for e in old if e.get("text")]
    cause = wizard.catalogue.causes[cause_id]
    choices: list[tuple[str, Any]] = [
        (_label(wizard, part, cause_id, i.id), ("use", i.id)) for i in cause.items(part)
    ]
    choices += [(text, ("text", text)) for text in own]
    checked = [("use", e["use"]) if e.get("use") else ("text", str(e["text"])) for e in old]
    picked = wizard.ask.checkbox(
        _PICK[part], wizard.t(_PICK[part]), choices, checked, hint=hint(wizard.lang, _PICK[part])
    )
    entries = [
        {**details.get((cause_id, part, f"{kind}:{value}"), {}), kind: value}
        for kind, value in picked
    ]
    wizard.draft.set(("causes", index, part), entries)  # saved as soon as the list is left
    while True:
        extra = wizard.text(
            _OWN[part], ("causes", index, "_own"), required=False, english=True, empty="finish"
        )
        wizard.draft.set(("causes", index, "_own"), None, save=False)
        if not extra:
            break
        entries.append({"text": extra})
        wizard.draft.set(("causes", index, part), entries)
    return entries


def _label(wizard: Wizard, part: PartName, cause_id: str, item_id: str) -> str:
    """A catalogue item as the list shows it, with the proof that backs it."""
    item = wizard.catalogue.causes[cause_id].item(part, item_id)
    assert item is not None
    label = item.zh if wizard.lang == "zh" else item.en
    if item.evidence is None:
        return label
    return label + wizard.t("proof", what=item.evidence.of(wizard.lang))
