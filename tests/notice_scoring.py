"""Scoring the notice reader on a corpus: per field, how many notices it read right."""

from __future__ import annotations

from typing import Any

from appeal.wizard.notice import NoticeFacts, read_notice

FIELDS = (
    "kind",
    "outcome",
    "date",
    "scope",
    "categories",
    "value",
    "target",
    "window",
    "deadline_days",
    "causes",
)
_DEFAULTS: dict[str, Any] = {
    "kind": None,
    "outcome": None,
    "date": None,
    "scope": None,
    "categories": [],
    "value": {},
    "target": {},
    "window": {},
    "deadline_days": None,
    "causes": [],
}


def reading(facts: NoticeFacts) -> dict[str, Any]:
    """The scored fields of one reading."""
    return {
        "kind": facts.kind,
        "outcome": facts.outcome,
        "date": facts.date,
        "scope": facts.scope,
        "categories": facts.categories,
        "value": facts.metrics,
        "target": facts.targets,
        "window": facts.window_days,
        "deadline_days": facts.deadline_days,
        "causes": facts.causes,
    }


def score(corpus: list[tuple[str, dict[str, Any]]]) -> tuple[dict[str, int], list[str]]:
    """Right readings per field, and a line per wrong one."""
    right = dict.fromkeys(FIELDS, 0)
    wrong: list[str] = []
    for number, (text, expected) in enumerate(corpus, start=1):
        got = reading(read_notice(text))
        for name in FIELDS:
            want = expected.get(name, _DEFAULTS[name])
            if got[name] == want:
                right[name] += 1
            else:
                wrong.append(f"notice {number}: {name}: expected {want!r}, read {got[name]!r}")
    return right, wrong


def table(corpus: list[tuple[str, dict[str, Any]]]) -> str:
    right, _ = score(corpus)
    return "\n".join(
        f"{name:14} {right[name]:3}/{len(corpus)}  {right[name] / len(corpus):6.1%}"
        for name in FIELDS
    )
