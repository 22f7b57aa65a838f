"""A case file being written by the wizard: nested answers set by path, and the file saved
(atomically, comments, order and the layout of block texts kept) after every change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from appeal.core.caseedit import block_texts, dump_edited, load_for_edit, restyled
from appeal.errors import InputError
from appeal.fsio import atomic_write, read_text

_ORDER = (
    "version",
    "lang",
    "seller",
    "notice",
    "channel",
    "metrics",
    "causes",
    "attachments",
    "submissions",
)


def _plain(value: Any) -> Any:
    """Dates typed as text are stored as dates, so the file shows 2026-11-20 unquoted."""
    if type(value) is str and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _dotted(path: tuple[str | int, ...]) -> str:
    """A path as --set writes it: causes[0].facts."""
    text = ""
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


class Draft:
    def __init__(self, path: Path, data: Any, original: str = "") -> None:
        self.path = path
        self.data = data
        self.original = original
        self._blocks = block_texts(data)  # the seller's `>` and `|` texts, kept when saved again

    @classmethod
    def open(cls, path: Path) -> Draft:
        """The draft at `path` (its answers loaded safely, never validated), or a new one."""
        from ruamel.yaml.comments import CommentedMap

        if path.exists():
            text = read_text(path)
            data = load_for_edit(text, str(path)) if text.strip() else CommentedMap()
            if not isinstance(data, CommentedMap):
                raise InputError(
                    f"{path}: exists and is not a case file; give a new file "
                    "name so that nothing is overwritten."
                )
            return cls(path, data, text)
        return cls(path, CommentedMap([("version", 1)]))

    @classmethod
    def from_case(cls, path: Path, source: Path, *, submissions: bool = False) -> Draft:
        """A new draft at `path` starting from another case's answers (and its submissions
        when `submissions`: their snapshots are still the earlier case's, see
        `letter.history.carry_submissions`)."""
        base = cls.open(source)
        if not submissions or not base.data.get("submissions"):
            base.data.pop("submissions", None)
        return cls(path, base.data, base.original)

    # -- reading and writing by path -----------------------------------------------------
    def get(self, path: tuple[str | int, ...]) -> Any:
        node: Any = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def set(self, path: tuple[str | int, ...], value: Any, *, save: bool = True) -> None:
        """Set (or with None remove) the answer at `path`, then save the file. InputError when
        the path runs through an answer that is not a mapping or list, or past a list's end."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        node: Any = self.data
        for position, step in enumerate(path[:-1]):
            following = path[position + 1]
            self._check_step(node, step, path[:position])
            if isinstance(node, dict):
                child = node.get(step)
            else:
                assert isinstance(step, int)
                child = node[step] if step < len(node) else None
            if child is None:
                child = CommentedSeq() if isinstance(following, int) else CommentedMap()
                if isinstance(node, dict):
                    self._insert(node, step, child)
                else:
                    node.append(child)
            node = child
        last = path[-1]
        self._check_step(node, last, path[:-1])
        if value is None:
            if isinstance(node, dict):
                node.pop(last, None)
        elif isinstance(node, dict):
            self._insert(node, last, self._wrap(value, node.get(last)))
        else:
            assert isinstance(last, int)
            if last == len(node):
                node.append(None)
            node[last] = self._wrap(value, node[last])
        if save:
            self.save()

    @staticmethod
    def _check_step(node: Any, step: str | int, before: tuple[str | int, ...]) -> None:
        where = _dotted(before) or "the case"
        if isinstance(step, int):
            if not isinstance(node, list):
                raise InputError(f"{where} is not a list, so it has no item [{step}].")
            if step > len(node):
                raise InputError(
                    f"{where}[{step}]: {where} has {len(node)} item(s); the next one is "
                    f"[{len(node)}]."
                )
        elif not isinstance(node, dict):
            raise InputError(f"{where} is a single answer, so it has no field '{step}'.")

    def _insert(self, node: Any, key: Any, value: Any) -> None:
        if key in node or node is not self.data or key not in _ORDER:
            node[key] = value
            return
        position = sum(1 for k in node if k in _ORDER and _ORDER.index(k) < _ORDER.index(key))
        node.insert(position, key, value)

    def _wrap(self, value: Any, old: Any = None) -> Any:
        """`value` as ruamel writes it, in the layout `old` (the answer it replaces) had."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if isinstance(value, dict) and not isinstance(value, CommentedMap):
            return CommentedMap((k, self._wrap(v)) for k, v in value.items() if v is not None)
        if isinstance(value, list) and not isinstance(value, CommentedSeq):
            seq = CommentedSeq(self._wrap(v) for v in value)
            flow = all(isinstance(v, str | int | float) for v in value) and len(value) <= 5
            if isinstance(old, CommentedSeq) and old:  # a list keeps the seller's style
                flow = bool(old.fa.flow_style())
            if flow:
                seq.fa.set_flow_style()
            return seq
        if isinstance(value, str):
            value = restyled(value, old, self._blocks)
        return _plain(value)

    # -- causes ----------------------------------------------------------------------------
    def causes(self) -> list[Any]:
        return list(self.data.get("causes") or [])

    def keep_causes(self, picked: list[str]) -> None:
        """Keep the answers of causes still picked, add new ones, in the order picked."""
        existing = {c.get("cause"): c for c in self.causes()}
        self.set(
            ("causes",), [existing.get(cause_id) or {"cause": cause_id} for cause_id in picked]
        )

    # -- the file ----------------------------------------------------------------------------
    def text(self) -> str:
        return dump_edited(self.data, self.original)

    def save(self) -> None:
        atomic_write(self.path, self.text().encode("utf-8"), follow_links=True)
