"""YAML in: safe loading that remembers the line of every key and list item.

Only plain data is built (mappings, lists, strings, numbers, booleans, null); any tag such as
`!!python/object` is refused. Dates stay strings here; the case model parses them, so that a
date like 2026-02-30 becomes a located field error instead of a crash in the YAML library.
"""

from __future__ import annotations

from typing import Any

import yaml

from appeal.errors import InputError

try:  # the C parser is much faster; the constructor below is Python either way
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class LineDict(dict[Any, Any]):
    """A mapping that knows the (1-based) line of each of its keys."""

    key_lines: dict[Any, int]
    line: int


class LineList(list[Any]):
    """A list that knows the (1-based) line of each of its items."""

    item_lines: list[int]
    line: int


class _LineLoader(_Base):  # type: ignore[valid-type,misc]
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> Any:
    mapping = LineDict()
    mapping.key_lines = {}
    mapping.line = node.start_mark.line + 1
    yield mapping
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if not isinstance(key, str | int | float | bool) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            )
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key {key!r} appears twice (first on line {mapping.key_lines[key]})",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = line


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> Any:
    items = LineList()
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    items.line = node.start_mark.line + 1
    yield items
    items.extend(loader.construct_object(child, deep=True) for child in node.value)


def _construct_timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:omap", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def load_yaml(text: str, name: str) -> Any:
    """Parse YAML `text` (from the file called `name`) into LineDict/LineList/scalars."""
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = exc.problem or exc.context or "not valid YAML"
        if "could not determine a constructor" in problem or "constructor for the tag" in problem:
            tag = problem.split("tag", 1)[-1].strip(" '")
            raise InputError(
                f"{name}:{line}: the tag {tag} is not allowed; a case file holds plain data "
                "only (text, numbers, lists, mappings). Remove the tag."
            ) from None
        column = f" (column {mark.column + 1})" if mark else ""
        start = exc.context_mark
        if start is not None and start.line + 1 != line:
            column += f", in what starts on line {start.line + 1}"
        raise InputError(
            f"{name}:{line}: YAML syntax: {problem}{column}. Check the indentation, and put "
            "text containing ': ' or starting with a special character in quotes."
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: not valid YAML ({exc}).") from None


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
