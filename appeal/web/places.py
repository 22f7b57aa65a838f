"""Where on the page an answer lives: the step that asks it and the id of its field, for the
checks' findings and the case file's problems (so each can say "go to the answer")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from appeal.core.catalogue import PARTS, Catalogue, PartName
from appeal.letter.rules import Finding

# How the checks name a place in a cause: "cause 2 (inventory), actions taken, item 1, owner".
_CAUSE_WHERE = re.compile(
    r"^cause (?P<n>\d+) \((?P<id>[a-z_]+)\)(?:, (?P<what>[^,]+))?(?:, item (?P<item>\d+))?"
)
_PATH_STEP = re.compile(r"^(seller|notice|causes|channel|metrics|submissions|lang)\b")
_CAUSE_PATH = re.compile(r"^causes\[(\d+)\](?:\.([a-z_]+))?(?:\[(\d+)\])?")


@dataclass(frozen=True)
class Place:
    """A spot in the case: the step, the field's dotted path, and the letter section."""

    step: str | None = None
    path: str | None = None
    cause: int | None = None  # 0-based
    part: PartName | None = None
    item: int | None = None  # 0-based
    facts: bool = False


def field_id(path: str) -> str:
    """The HTML id of the field holding the answer at dotted `path`."""
    return "f-" + re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-")


def anchor_of(place: Place, data: Any) -> str | None:
    """The id of the field (or group) on the step page that holds the answer at `place`;
    `data` is the draft's answers, to tell a catalogue item from a sentence of one's own."""
    if place.cause is None:
        return field_id(place.path) if place.path else None
    prefix = f"f-c{place.cause}"
    if place.facts:
        return f"{prefix}-facts"
    if place.part is None:
        return prefix
    if place.item is None:
        return f"{prefix}-{place.part}"
    try:
        entries = list(data["causes"][place.cause][place.part] or [])
        entry = entries[place.item]
    except (KeyError, IndexError, TypeError):
        return f"{prefix}-{place.part}"
    if isinstance(entry, dict) and entry.get("use"):
        return f"{prefix}-{place.part}-use-{entry['use']}"
    own = sum(1 for e in entries[: place.item] if not (isinstance(e, dict) and e.get("use")))
    return f"{prefix}-{place.part}-own-{own}"


def step_of_path(path: str) -> str | None:
    """The wizard step that asks the answer at dotted `path`."""
    if _CAUSE_PATH.match(path) and "[" in path:
        return "details"
    match = _PATH_STEP.match(path)
    if match is None:
        return None
    return {
        "seller": "seller",
        "notice": "notice",
        "causes": "causes",
        "channel": "channel",
        "metrics": "evidence",
        "submissions": "history",
        "lang": "seller",
    }[match.group(1)]


def place_of_path(path: str) -> Place:
    match = _CAUSE_PATH.match(path)
    if match is None or "[" not in path:
        return Place(step_of_path(path), path)
    cause = int(match.group(1))
    field, item = match.group(2), match.group(3)
    part = next((p for p in PARTS if p == field), None)
    return Place(
        "details",
        path,
        cause,
        part,
        int(item) if item is not None else None,
        field == "facts",
    )


def place_of_finding(finding: Finding, catalogue: Catalogue) -> Place:
    """Where a finding of the checks points."""
    where = finding.where
    if where.startswith(("seller.", "notice.")):
        return Place(step_of_path(where), where)
    names = {catalogue.part_name(p): p for p in PARTS}
    match = _CAUSE_WHERE.match(where)
    if match is None:
        part = names.get(where)
        return Place("details" if part else None, None, None, part)
    cause = int(match.group("n")) - 1
    what = match.group("what")
    item = int(match.group("item")) - 1 if match.group("item") else None
    if what == "facts":
        return Place("details", f"causes[{cause}].facts", cause, facts=True)
    part = names.get(what or "")
    if part is None:
        return Place("details", f"causes[{cause}]", cause)
    path = f"causes[{cause}].{part}" + (f"[{item}]" if item is not None else "")
    return Place("details", path, cause, part, item)


@dataclass(frozen=True)
class Problem:
    """One problem of the case file (an answer missing or wrong), placed."""

    text: str
    place: Place


_PROBLEM = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+|\?): (?P<path>[^:\s]+): (?P<message>.*)$", re.DOTALL
)
_TOO_LONG = re.compile(r"^is (?P<count>[\d,]+) characters long; keep it under (?P<limit>[\d,]+)$")
_FIELD_KEYS = {"notice.date": "notice_date", "seller.marketplace": "marketplace"}
_PART_KEYS = {"root_causes": "root_causes", "corrective_actions": "actions"}
_PART_KEYS["preventive_measures"] = "measures"
_EXTRA_KEYS = {"date": "action_date", "owner": "owner", "frequency": "frequency"}
_EXTRA_KEYS.update(start="start", answers="answers")
_WORDS = {
    "step": ("Step {n} ({name})", "第 {n} 步（{name}）"),
    "cause": ("cause {n}", "原因 {n}"),
    "item": ("item {n}", "第 {n} 条"),
    "in_editor": (
        "{message}. No question of this page holds it: open {file} in a text editor such as "
        "Notepad, correct or delete line {line}, save, and reload this page",
        "{message}。本页面没有对应的问题：请用记事本等文本编辑器打开 {file}，"
        "修改或删除第 {line} 行，保存后刷新本页",
    ),
    "too_long": (
        "this answer is too long ({count} characters; keep it under {limit})",
        "此回答太长（{count} 个字符；请少于 {limit} 个）",
    ),
}


def _words(lang: str, key: str, **values: object) -> str:
    en, zh = _WORDS[key]
    return (zh if lang == "zh" else en).format(**values)


def path_words(path: str, lang: str = "en") -> str:
    """The answer at dotted `path` as a seller finds it: the step and the field's question
    ("Step 4 (root causes, actions, prevention), cause 1, “What happened ...”"), not
    `causes[0].facts`; the path itself when the page asks no such question."""
    from appeal.web.steps import PAGES
    from appeal.web.texts import has, question, say

    place = place_of_path(path)
    if place.step is None or place.step not in PAGES:
        return path

    def asked(key: str) -> str:
        return f"“{question(lang, key, item='').strip()}”" if has(key) else key

    where = [
        _words(lang, "step", n=PAGES.index(place.step) + 1, name=say(lang, f"step.{place.step}"))
    ]
    if place.cause is None:
        key = _FIELD_KEYS.get(path, re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1]))
        where.append(asked(key) if has(key) else path)
        return _joined(where, lang)
    where.append(_words(lang, "cause", n=place.cause + 1))
    if place.facts:
        where.append(asked("facts"))
    elif place.part is not None:
        where.append(asked(_PART_KEYS[place.part]))
        if place.item is not None:
            where.append(_words(lang, "item", n=place.item + 1))
        extra = path.rsplit(".", 1)[-1] if path.endswith(tuple(_EXTRA_KEYS)) else ""
        if extra in _EXTRA_KEYS:
            where.append(asked(_EXTRA_KEYS[extra]))
    return _joined(where, lang)


def _joined(parts: list[str], lang: str) -> str:
    return ("，" if lang == "zh" else ", ").join(parts)


def problem_words(message: str, lang: str = "en") -> str:
    """A problem's message in a page's words where the page has them (a text too long)."""
    found = _TOO_LONG.match(message)
    if found is not None:
        return _words(lang, "too_long", count=found["count"], limit=found["limit"])
    return message


def place_problem(line: str, lang: str = "en") -> Problem:
    """A located problem `file:line: field.path: message` as its message and place; the
    message names the step and field in words (`path_words`)."""
    match = _PROBLEM.match(line)
    if match is None:
        return Problem(line, Place())
    path = match.group("path")
    if path == "(top)":
        return Problem(match.group("message"), Place())
    message = match.group("message")
    if message.startswith("unknown key"):  # only an editor can rename or remove a key
        name = match.group("file").replace("\\", "/").rsplit("/", 1)[-1]
        said = _words(lang, "in_editor", message=message.rstrip("."), file=name, line=match["line"])
        return Problem(f"{path}: {said}", Place())
    said = f"{path_words(path, lang)}: {problem_words(message, lang)}"
    return Problem(said, place_of_path(path))
