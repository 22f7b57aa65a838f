"""Changing a case file in place without losing what the user wrote: comments, key order,
quoting and blank lines survive (ruamel.yaml round trip), and the result is validated before
it replaces the file atomically."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from appeal.core.casefile import parse_case
from appeal.errors import InputError, quoted
from appeal.fsio import atomic_write, folder_lock, read_text

# Characters the case reader (PyYAML's scanner, YAML 1.1) takes as line breaks, or refuses as
# unprintable, when they stand in a file as they are: text holding one is written double-quoted,
# where they become escapes (\N, \L, \P, \x00 ...), so it reads back exactly as it was.
_NEEDS_ESCAPES = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]"
)


def _represent_text(representer: Any, data: str) -> Any:
    if _NEEDS_ESCAPES.search(data):
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    return representer.represent_str(data)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(str, _represent_text)
    return yaml


def _detect_indent(text: str) -> tuple[int, int]:
    """(sequence indent, dash offset) the file already uses, so edits look like the rest."""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if stripped.startswith("- ") and line.startswith(" "):
            offset = len(line) - len(stripped)
            return offset + 2, offset
    return 4, 2


def load_for_edit(text: str, name: str) -> Any:
    """The case as ruamel's round-trip structures (CommentedMap)."""
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml().load(text)
    except YAMLError as exc:
        raise InputError(
            f"{name}: not valid YAML ({quoted(exc, 300)}); fix it before editing."
        ) from None


def dump_edited(data: Any, original: str) -> str:
    yaml = _yaml()
    sequence, offset = _detect_indent(original)
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def edit_case_file(path: Path, change: Callable[[Any], None]) -> str:
    """Apply `change` to the case at `path` and save it; return the new text.

    The edited text must still be a valid case, otherwise nothing is written. The case's
    folder is locked from reading to writing, so two edits at once both land; a case behind
    a symbolic link is edited where it really is."""
    real = Path(os.path.realpath(path))
    with folder_lock(real.parent):
        original = read_text(path)
        data = load_for_edit(original, str(path))
        change(data)
        text = dump_edited(data, original)
        parse_case(text, str(path))
        atomic_write(real, text.encode("utf-8"))
    return text


def append_facts(path: Path, cause_id: str, sentence: str) -> str:
    """Add `sentence` to the facts of cause `cause_id` (adding the cause when the case has
    none), unless the facts already say it. Returns the new text of the case."""

    def change(data: Any) -> None:
        causes = data.get("causes")
        if causes is None:
            raise InputError(f"{path}: the case has no causes list; add one first.")
        entry = next((c for c in causes if c.get("cause") == cause_id), None)
        if entry is None:
            from ruamel.yaml.comments import CommentedMap

            entry = CommentedMap([("cause", cause_id), ("facts", sentence)])
            causes.append(entry)
            return
        facts = str(entry.get("facts") or "").strip()
        if sentence in facts:
            return
        entry["facts"] = f"{facts} {sentence}".strip()

    return edit_case_file(path, change)
