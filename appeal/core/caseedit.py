"""Changing a case file in place without losing what the user wrote: comments, key order,
quoting, blank lines and block texts (`>` folded, `|` literal) survive (ruamel.yaml round
trip), and the result is validated before it replaces the file atomically."""

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


_FOLD_WIDTH = 80  # a folded text the seller wrote on one line, once it is changed


# What a block (| or >) cannot hold as it is: a tab opening a line, white space ending one.
_NOT_IN_BLOCKS = re.compile(r"\r|(?:^|\n)\t|[ \t](?:\n|$)")


def _fits_a_block(text: str) -> bool:
    """A literal or folded block holds `text` exactly (else it is quoted, with escapes)."""
    return not (_NEEDS_ESCAPES.search(text) or _NOT_IN_BLOCKS.search(text))


def _represent_text(representer: Any, data: str) -> Any:
    if _NEEDS_ESCAPES.search(data):
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style='"')
    if "\n" in data and _fits_a_block(data):  # several lines: a literal block, as people write
        return representer.represent_scalar("tag:yaml.org,2002:str", data, style="|")
    return representer.represent_str(data)


def _represent_block(representer: Any, data: Any) -> Any:
    """A folded or literal text as a block when one holds it, else quoted like other text."""
    from ruamel.yaml.representer import RoundTripRepresenter as Base
    from ruamel.yaml.scalarstring import FoldedScalarString

    if not _fits_a_block(data):
        return _represent_text(representer, str(data))
    if isinstance(data, FoldedScalarString):
        return Base.represent_folded_scalarstring(representer, data)
    return Base.represent_literal_scalarstring(representer, data)


def block_texts(data: Any) -> dict[str, Any]:
    """The texts `data` (as loaded for editing) holds as folded or literal blocks, by their
    text without the white space around it."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    found: dict[str, Any] = {}
    nodes = [data]
    while nodes:
        node = nodes.pop()
        if isinstance(node, dict):
            nodes += node.values()
        elif isinstance(node, list):
            nodes += node
        elif isinstance(node, FoldedScalarString | LiteralScalarString):
            found.setdefault(node.strip(), node)
    return found


def restyled(text: str, old: Any = None, blocks: dict[str, Any] | None = None) -> Any:
    """`text` to be saved in place of `old`, in the seller's layout: a block text of the file
    with the same words (`old`, or one of `blocks`, e.g. an own sentence whose entry was
    rebuilt) is kept exactly as written, line breaks and chomping included; changed text
    where `old` was folded (`>`) is folded again at the width of `old`'s lines; where it was
    literal (`|`), stays literal. Other text is plain (several lines become a literal block
    when written)."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    same = blocks.get(text.strip()) if blocks else None
    if isinstance(old, FoldedScalarString | LiteralScalarString) and old.strip() == text.strip():
        same = old
    if same is not None:
        kept = type(same)(str(same))
        for slot in ("fold_pos", "comment"):
            if hasattr(same, slot):
                setattr(kept, slot, getattr(same, slot))
        return kept
    if isinstance(old, LiteralScalarString):
        return LiteralScalarString(text)
    if isinstance(old, FoldedScalarString):
        folded = FoldedScalarString(text)
        folded.fold_pos = _folds(text, _widest_line(old) if _folds_of(old) else _FOLD_WIDTH)
        return folded
    return text


def _folds_of(text: Any) -> list[int]:
    return sorted(getattr(text, "fold_pos", None) or [])


def _widest_line(folded: Any) -> int:
    """The longest line `folded` takes in the file (its text cut where it was folded)."""
    text, start, widest = str(folded), 0, 0
    for end in [*_folds_of(folded), len(text)]:
        widest = max([widest, *(len(line) for line in text[start:end].split("\n"))])
        start = end + 1
    return widest


def _folds(text: str, width: int) -> list[int]:
    """Where to fold `text` into lines of about `width` characters: at single spaces between
    words, never inside a line that starts with white space (YAML keeps those as they are)."""
    folds: list[int] = []
    for match in re.finditer(r"[^\n]+", text):
        start, last = match.start(), -1
        if match.group()[0].isspace():
            continue
        for index in range(match.start() + 1, match.end() - 1):
            if text[index] != " " or text[index - 1].isspace() or text[index + 1].isspace():
                continue
            if index - start > width and last > start:
                folds.append(last)
                start = last + 1
            last = index
        if match.end() - start > width and last > start:
            folds.append(last)
    return folds


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the user's long lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(str, _represent_text)
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    yaml.representer.add_representer(FoldedScalarString, _represent_block)
    yaml.representer.add_representer(LiteralScalarString, _represent_block)
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
        entry["facts"] = restyled(f"{facts} {sentence}".strip(), entry.get("facts"))

    return edit_case_file(path, change)
