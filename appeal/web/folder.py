"""The served folder's case files: names that cannot leave the folder, and the case list."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from appeal.errors import AppealError, InputError

CASE_SUFFIXES = (".yaml", ".yml")
# Device names Windows reserves in every folder (CON.yaml opens the console there).
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]")


class UnsafeName(InputError):
    """Raised for a case name that is not a plain file name of the served folder."""


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    name: str
    marketplace: str
    causes: list[str]
    deadline: dt.date | None
    days_left: int | None  # None: no deadline, or it was met
    last_outcome: str | None
    problems: int  # answers still missing or wrong (0: the letter can be made)
    modified: float
    sent_on: dt.date | None = None  # a letter went in time (core.channel.deadline_kept)
    accepted_on: dt.date | None = None  # Amazon accepted the letter sent that day
    unreadable: str | None = None  # why the file cannot be read, and what to do


def case_path(folder: Path, name: str) -> Path:
    """The case file `name` directly inside `folder`. A name with a path separator, `..`, a
    drive, a control character, or a symbolic link that points out of the folder is refused."""
    clean = name.strip()
    if (
        not clean
        or clean != name
        or clean.startswith(".")
        or _UNSAFE.search(clean)
        or _RESERVED.match(clean)
        or not clean.lower().endswith(CASE_SUFFIXES)
        or len(clean.encode("utf-8")) > 200
    ):
        raise UnsafeName(f"'{name}' is not a case file name of this folder.")
    root = folder.resolve()
    path = root / clean
    if path.is_symlink() or path.exists():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise UnsafeName(f"'{name}' cannot be opened.") from None
        if target.parent != root or not target.is_file():
            raise UnsafeName(f"'{name}' points outside the folder; it is not opened here.")
    return path


def new_case_name(typed: str) -> str:
    """The file name for a case the seller names: `.yaml` added, spaces kept as typed."""
    name = typed.strip()
    if name and not name.lower().endswith(CASE_SUFFIXES):
        name += ".yaml"
    return name


def case_rows(folder: Path, today: dt.date, lang: str = "en") -> list[CaseRow]:
    """Every case file of the folder, newest first; files that are not cases are left out."""
    rows = []
    for path in folder.iterdir():
        if path.suffix.lower() not in CASE_SUFFIXES or path.name.startswith("."):
            continue
        try:
            case_path(folder, path.name)
        except UnsafeName:
            continue
        row = _row(path, today, lang)
        if row is not None:
            rows.append(row)
    return sorted(rows, key=lambda r: r.modified, reverse=True)


def _row(path: Path, today: dt.date, lang: str) -> CaseRow | None:
    from appeal.core.casefile import parse_case
    from appeal.core.catalogue import load_catalogue
    from appeal.core.channel import deadline, deadline_kept
    from appeal.errors import CaseInvalid
    from appeal.fsio import read_text
    from appeal.web.unreadable import empty_file, unreadable
    from appeal.yamlio import load_yaml

    modified = path.stat().st_mtime
    try:
        text = read_text(path)
        data = load_yaml(text, path.name)
    except AppealError as exc:
        return _unreadable_row(path, unreadable(exc.message, path, lang), modified)
    if not text.strip():
        return _unreadable_row(path, empty_file(path, lang), modified)
    if not isinstance(data, dict) or not ({"version", "seller", "notice", "causes"} & set(data)):
        return None
    catalogue = load_catalogue()
    try:
        case = parse_case(text, path.name, catalogue)
    except CaseInvalid as exc:
        raw_seller, raw_causes = data.get("seller"), data.get("causes")
        seller = raw_seller if isinstance(raw_seller, dict) else {}
        entries = raw_causes if isinstance(raw_causes, list) else []
        titles = [
            cause.title(lang)
            for entry in entries
            if isinstance(entry, dict) and (cause := catalogue.cause(str(entry.get("cause"))))
        ]
        marketplace = str(seller.get("marketplace") or "") if seller else ""
        return CaseRow(
            path.name, marketplace, titles, None, None, None, len(exc.problems), modified
        )
    except AppealError as exc:
        return _unreadable_row(path, unreadable(exc.message, path, lang), modified)
    due = deadline(case.notice)
    kept = deadline_kept(case)
    met = kept.sent_on is not None or kept.accepted_on is not None
    return CaseRow(
        name=path.name,
        marketplace=case.seller.marketplace,
        causes=[catalogue.causes[c.cause].title(lang) for c in case.causes],
        deadline=due,
        days_left=(due - today).days if due is not None and not met else None,
        last_outcome=case.submissions[-1].outcome if case.submissions else None,
        problems=0,
        modified=modified,
        sent_on=kept.sent_on,
        accepted_on=kept.accepted_on,
    )


def _unreadable_row(path: Path, why: str, modified: float) -> CaseRow:
    """A case file listed although it cannot be read: the seller sees it is still there, and
    why it cannot be opened."""
    return CaseRow(path.name, "", [], None, None, None, 0, modified, unreadable=why)
