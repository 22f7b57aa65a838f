"""YAML in: the one dialect of case files and data files, with the line of every key and item.

The dialect is deliberately small, so that whatever a seller types comes back as typed:

- every scalar is text, exactly as written (`On`, `NO`, `Yes`, `12:30`, `0123` stay text); the
  models give fields their types (numbers, dates), so a wrong value is a located field error;
- a plain (unquoted) empty value, `~` or `null` is "not given" (None);
- no tags (`!!python/object` ...), no anchors or aliases (`&a`, `*a`), no merge keys (`<<`),
  one document per file: a case file holds plain data only, and an alias cannot expand a small
  file into gigabytes.

PyYAML's C parser reads the events; this module builds the data itself. Files are written by
ruamel.yaml's round trip (`appeal.core.caseedit`), which quotes any text this reader would
otherwise read differently; a property test holds the two together.
"""

from __future__ import annotations

from typing import Any

import yaml

from appeal.errors import InputError, quoted

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
MAX_DEPTH = 32  # a case file nests 5 levels deep; deeper is an attack or a mistake


class LineDict(dict[Any, Any]):
    """A mapping that knows the (1-based) line of each of its keys."""

    key_lines: dict[Any, int]
    line: int


class LineList(list[Any]):
    """A list that knows the (1-based) line of each of its items."""

    item_lines: list[int]
    line: int


class _Frame:
    """A mapping or sequence being built, with the key waiting for its value."""

    __slots__ = ("container", "key", "key_line")

    def __init__(self, container: LineDict | LineList) -> None:
        self.container = container
        self.key: str | None = None
        self.key_line = 0


def _line(event: Any) -> int:
    return int(event.start_mark.line) + 1


def load_yaml(text: str, name: str) -> Any:
    """Parse `text` (from the file called `name`) into LineDict / LineList / str / None."""
    try:
        return _build(yaml.parse(text, Loader=_Loader), name)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "not valid YAML"
        column = f" (column {mark.column + 1})" if mark else ""
        start = exc.context_mark
        if start is not None and start.line + 1 != line:
            column += f", in what starts on line {start.line + 1}"
        raise InputError(
            f"{name}:{line}: YAML syntax: {problem}{column}. Check the indentation, and put "
            "text containing ': ' or starting with a special character in quotes."
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: not valid YAML ({quoted(exc, 300)}).") from None


def _refuse_extras(event: Any, name: str) -> None:
    if getattr(event, "anchor", None):
        raise InputError(
            f"{name}:{_line(event)}: the anchor &{quoted(event.anchor)} is not allowed: case "
            "files do not use anchors and aliases. Write the value out where it is needed."
        )
    tag = getattr(event, "tag", None)
    if tag:
        tag = quoted(tag.replace("tag:yaml.org,2002:", "!!"))
        raise InputError(
            f"{name}:{_line(event)}: the tag {tag} is not allowed; a case file holds plain "
            "data only (text, numbers, lists, mappings). Remove the tag."
        )


def _build(events: Any, name: str) -> Any:
    stack: list[_Frame] = []
    root: Any = None
    documents = 0
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise InputError(
                    f"{name}:{_line(event)}: a second YAML document (after '---'); a case file "
                    "holds one. Remove the '---' line or split the file."
                )
            continue
        if isinstance(event, yaml.AliasEvent):
            raise InputError(
                f"{name}:{_line(event)}: the alias *{quoted(event.anchor)} is not allowed: case "
                "files do not use anchors and aliases. Write the value out where it is needed."
            )
        if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
            stack.pop()
            continue
        if not isinstance(
            event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent
        ):
            continue  # stream and document ends
        _refuse_extras(event, name)
        line = _line(event)
        frame = stack[-1] if stack else None
        if isinstance(event, yaml.ScalarEvent):
            plain = event.implicit[0] and not event.style
            value: Any = None if plain and event.value in NULLS else event.value
            if frame is not None and isinstance(frame.container, LineDict) and frame.key is None:
                _take_key(frame, value, line, name)
                continue
        else:
            if frame is not None and isinstance(frame.container, LineDict) and frame.key is None:
                raise InputError(f"{name}:{line}: a key must be plain text, not a list or mapping.")
            if len(stack) >= MAX_DEPTH:
                raise InputError(
                    f"{name}:{line}: nested more than {MAX_DEPTH} levels deep; a case file "
                    "needs far fewer. Check the indentation."
                )
            value = LineDict() if isinstance(event, yaml.MappingStartEvent) else LineList()
            value.line = line
            if isinstance(value, LineDict):
                value.key_lines = {}
            else:
                value.item_lines = []
        if frame is None:
            root = value
        elif isinstance(frame.container, LineDict):
            frame.container[frame.key] = value
            frame.container.key_lines[frame.key] = frame.key_line
            frame.key = None
        else:
            frame.container.append(value)
            frame.container.item_lines.append(line)
        if isinstance(value, LineDict | LineList):
            stack.append(_Frame(value))
    return root


def _take_key(frame: _Frame, key: Any, line: int, name: str) -> None:
    mapping = frame.container
    assert isinstance(mapping, LineDict)
    if key is None:
        raise InputError(f"{name}:{line}: a key is empty; write the key's name before ':'.")
    if key == "<<":
        raise InputError(
            f"{name}:{line}: merge keys (<<) are not allowed: case files do not use anchors, "
            "aliases or merges. Write the keys out."
        )
    if key in mapping:
        raise InputError(
            f"{name}:{line}: the key '{quoted(key)}' appears twice (first on line "
            f"{mapping.key_lines[key]}); keep one."
        )
    frame.key = key
    frame.key_line = line


def line_of(data: Any, path: tuple[str | int, ...]) -> int:
    """The line of the deepest part of `path` that exists in `data` (1 when nothing does)."""
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, LineDict) and step in node:
            line = node.key_lines.get(step, line)
            node = node[step]
        elif isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line = node.item_lines[step]
            node = node[step]
        else:
            break
    return line


def plain_data(node: Any) -> Any:
    """`node` as plain dicts and lists (for JSON, comparisons and tests)."""
    if isinstance(node, dict):
        return {key: plain_data(value) for key, value in node.items()}
    if isinstance(node, list):
        return [plain_data(value) for value in node]
    return node
