"""A step's form, as the page posts it, into the draft: the web twin of the wizard's steps.

Only what the form holds is touched: a field absent from the post is left as the case file
has it, and entries keep their own keys and comments (they are updated in place). Text is
stored as typed (trimmed); an emptied optional field is removed from the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from appeal.core.catalogue import PARTS, Catalogue, Cause, PartName
from appeal.wizard.draft import Draft

Form = Mapping[str, list[str]]
SELLER_FIELDS = (
    "business_name",
    "store_name",
    "merchant_token",
    "marketplace",
    "contact_name",
    "contact_email",
)
NOTICE_FIELDS = ("date", "reference", "deadline")
# The extra answers each part's entries carry, beside the sentence.
EXTRAS: dict[PartName, tuple[str, ...]] = {
    "root_causes": (),
    "corrective_actions": ("date", "answers"),
    "preventive_measures": ("owner", "frequency", "start", "answers"),
}
CHANNELS = ("auto", "email", "seller_central")


def one(form: Form, key: str) -> str | None:
    """The value posted for `key` (the last one), or None when the form did not post it."""
    values = form.get(key)
    return values[-1] if values else None


def _store(draft: Draft, path: tuple[str | int, ...], typed: str) -> None:
    """Set a text answer (None removes it), only when it differs from the file."""
    if path[-1] == "answers":
        _store_answers(draft, path, typed)
        return
    value = typed.strip() or None
    current = draft.get(path)
    if (None if current in (None, "") else str(current)) != value:
        draft.set(path, value, save=False)


def answers_text(value: Any) -> str:
    """An `answers:` as the page shows it: 1, 3."""
    if value in (None, ""):
        return ""
    return ", ".join(str(v) for v in (value if isinstance(value, list) else [value]))


def _store_answers(draft: Draft, path: tuple[str | int, ...], typed: str) -> None:
    """Root-cause numbers typed as '1', '1, 3' or '1 3' become `answers: 1` / `[1, 3]`; other
    text is kept as typed, for the checks to point at."""
    import re

    pieces = [p for p in re.split(r"[\s,，、;；]+", typed.strip()) if p]
    value: Any = None
    if pieces and all(p.isdigit() for p in pieces):
        numbers = list(dict.fromkeys(int(p) for p in pieces))
        value = numbers[0] if len(numbers) == 1 else numbers
    elif pieces:
        value = typed.strip()
    if answers_text(draft.get(path)) != answers_text(value):
        draft.set(path, value, save=False)


def apply_seller(draft: Draft, form: Form) -> None:
    for key in SELLER_FIELDS:
        typed = one(form, f"seller.{key}")
        if typed is not None:
            _store(draft, ("seller", key), typed)


def apply_notice(draft: Draft, form: Form) -> None:
    for key in NOTICE_FIELDS:
        typed = one(form, f"notice.{key}")
        if typed is not None:
            _store(draft, ("notice", key), typed)
    scope = one(form, "notice.scope")
    if scope in ("category", "all", "warning"):
        _store(draft, ("notice", "scope"), scope)
    typed = one(form, "notice.categories")
    if draft.get(("notice", "scope")) == "warning" and draft.get(("notice", "deadline")):
        draft.set(("notice", "deadline"), None, save=False)  # a warning sets no deadline
    if draft.get(("notice", "scope")) in ("all", "warning"):
        if draft.get(("notice", "categories")) is not None:
            draft.set(("notice", "categories"), None, save=False)
    elif typed is not None:
        from appeal.wizard.notice import split_categories

        wanted = split_categories(typed)
        current = [str(c) for c in draft.get(("notice", "categories")) or []]
        if wanted != current:
            draft.set(("notice", "categories"), wanted or None, save=False)


def apply_causes(draft: Draft, form: Form, catalogue: Catalogue) -> None:
    """The ticked causes: those already in the case keep their place and answers, new ones
    follow in the catalogue's order; a cause the catalogue does not know is left alone."""
    if one(form, "causes.shown") is None:
        return
    ticked = [c for c in form.get("causes", []) if c in catalogue.causes]
    existing = [str(c.get("cause")) for c in draft.causes()]
    kept = [c for c in existing if c in ticked or c not in catalogue.causes]
    picked = kept + [c for c in catalogue.causes if c in ticked and c not in kept]
    if picked != existing:
        draft.keep_causes(picked)
        if not picked:
            draft.set(("causes",), None, save=False)


def apply_details(draft: Draft, form: Form, catalogue: Catalogue) -> set[int]:
    """Facts, the three parts and the evidence files of every cause shown on the page. Returns
    the causes whose root causes changed: their actions' links were renumbered, so the page
    shows the new numbers."""
    relinked: set[int] = set()
    for index, entry in enumerate(draft.causes()):
        prefix = f"c{index}"
        if one(form, f"{prefix}.cause") != str(entry.get("cause")):
            continue  # the form was made for another list of causes
        facts = one(form, f"{prefix}.facts")
        if facts is not None:
            _store(draft, ("causes", index, "facts"), facts)
        cause = catalogue.cause(str(entry.get("cause")))
        if cause is None:
            continue
        old_roots = list(draft.get(("causes", index, "root_causes")) or [])
        for part in PARTS:
            key = f"{prefix}.{part}"
            if one(form, f"{key}.shown") is not None:
                _apply_part(draft, index, part, form, key, cause)
        new_roots = list(draft.get(("causes", index, "root_causes")) or [])
        if [dict(r) for r in new_roots] != [dict(r) for r in old_roots]:
            from appeal.wizard.answers import relink_answers

            relink_answers(draft.get(("causes", index)), old_roots, new_roots)
            relinked.add(index)
        attachments = one(form, f"{prefix}.attachments")
        if attachments is not None:
            from appeal.wizard.links import split_names

            names = split_names(attachments)
            current = [str(n) for n in draft.get(("causes", index, "attachments")) or []]
            if names != current:
                draft.set(("causes", index, "attachments"), names or None, save=False)
    return relinked


def _apply_part(
    draft: Draft, index: int, part: PartName, form: Form, key: str, cause: Cause
) -> None:
    """Rebuild the list of one part from the form: the entries kept in their order, then the
    newly ticked catalogue items, then new sentences in the seller's words; then every
    entry's extra answers (dates, owners)."""
    from ruamel.yaml.comments import CommentedMap

    old = list(draft.get(("causes", index, part)) or [])
    ticked = [i for i in form.get(f"{key}.use", []) if cause.item(part, i) is not None]
    texts = form.get(f"{key}.own.text", [])
    own_lists = {name: form.get(f"{key}.own.{name}", []) for name in EXTRAS[part]}

    def own_extras(row: int) -> dict[str, str]:
        return {n: (v[row] if row < len(v) else "") for n, v in own_lists.items()}

    def use_extras(item_id: str) -> dict[str, str]:
        found = {n: one(form, f"{key}.{n}.{item_id}") for n in EXTRAS[part]}
        return {n: v for n, v in found.items() if v is not None}

    kept: list[tuple[Any, str | None, dict[str, str]]] = []  # entry, new text, extras
    row = 0
    for entry in old:
        if entry.get("use") is not None:
            item_id = str(entry["use"])
            if item_id in ticked:
                kept.append((entry, None, use_extras(item_id)))
            elif cause.item(part, item_id) is None:
                kept.append((entry, None, {}))  # an id the catalogue lacks: the checks say so
            continue
        typed = texts[row].strip() if row < len(texts) else None
        if typed is None:
            kept.append((entry, None, {}))  # the page did not show this entry
        elif typed:
            kept.append((entry, typed, own_extras(row)))
        row += 1
    used = {str(e.get("use")) for e, _, _ in kept if e.get("use") is not None}
    for item_id in ticked:
        if item_id not in used:
            kept.append((CommentedMap([("use", item_id)]), None, use_extras(item_id)))
            used.add(item_id)
    for position in range(row, len(texts)):
        if texts[position].strip():
            kept.append((CommentedMap(), texts[position].strip(), own_extras(position)))
    entries = [entry for entry, _, _ in kept]
    if [id(e) for e in entries] != [id(e) for e in old]:
        draft.set(("causes", index, part), entries, save=False)
    for position, (_, text, extras) in enumerate(kept):
        where = ("causes", index, part, position)
        if text is not None:
            _store(draft, (*where, "text"), text)
        for name, typed in extras.items():
            _store(draft, (*where, name), typed)


def apply_channel(draft: Draft, form: Form) -> None:
    chosen = one(form, "channel")
    if chosen not in CHANNELS:
        return
    if chosen == "auto" and draft.get(("channel",)) is None:
        return
    if str(draft.get(("channel",))) != chosen:
        draft.set(("channel",), chosen, save=False)


def apply_step(step: str, draft: Draft, form: Form, catalogue: Catalogue) -> set[int]:
    """Apply the form of `step` (one of the wizard's steps) to the draft; the causes whose
    links were renumbered (details only)."""
    if step == "seller":
        apply_seller(draft, form)
    elif step == "notice":
        apply_notice(draft, form)
    elif step == "causes":
        apply_causes(draft, form, catalogue)
    elif step == "details":
        return apply_details(draft, form, catalogue)
    elif step == "channel":
        apply_channel(draft, form)
    return set()
