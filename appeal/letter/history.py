"""Submissions of a case: recording them with a snapshot of the letter as sent, reading
Amazon's reply into a rework list, and comparing the current letter with the last one sent."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appeal.core.case import Case, Submission
from appeal.core.catalogue import PARTS, Catalogue, PartName
from appeal.core.fields import REPLY_LIMIT
from appeal.core.terms import Lang, Outcome, SubmissionChannel
from appeal.errors import InputError
from appeal.fsio import atomic_write, folder_lock, read_text
from appeal.letter.formats.document import parse_markdown
from appeal.letter.formats.form import split_into_boxes

if TYPE_CHECKING:
    from appeal.letter.render import OutputFormat

NEAR_IDENTICAL = 0.9  # similarity above which a resend counts as the same letter


def rework_parts(reply: str, catalogue: Catalogue) -> list[PartName]:
    """The parts of the plan Amazon's reply asks to strengthen, in the plan's order."""
    return [part for part in PARTS if catalogue.parts[part].asked_for.search(reply)]


def snapshot_folder(case_path: Path) -> Path:
    """Where the letters as sent are kept: beside the case (the real file, if a link)."""
    real = Path(os.path.realpath(case_path))
    return real.parent / f"{real.stem}.sent"


def snapshot_path(case_path: Path, snapshot: str) -> Path | None:
    """The file `snapshot:` names, or None when it is not inside the case's folder (the case
    model refuses '..' and absolute paths; this also catches a link that points out)."""
    folder = Path(os.path.realpath(case_path)).parent
    path = Path(os.path.realpath(folder / snapshot))
    return path if path.is_relative_to(folder) else None


@dataclass(frozen=True)
class Sent:
    """The last submission that kept a snapshot, with the letter text it sent."""

    submission: Submission
    markdown: str


def last_sent(case: Case, case_path: Path) -> Sent | None:
    for submission in reversed(case.submissions):
        if submission.snapshot:
            path = snapshot_path(case_path, submission.snapshot)
            if path is None:
                return None
            try:
                return Sent(submission, read_text(path))
            except InputError:
                return None
    return None


def similarity(a: str, b: str) -> float:
    """How alike two letters are (0 to 1). Long ones are compared line by line: character by
    character takes time that grows with the product of their lengths."""
    import difflib

    if len(a) + len(b) > 40_000:
        return difflib.SequenceMatcher(None, a.splitlines(), b.splitlines(), autojunk=False).ratio()
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def part_texts(markdown: str, titles: list[str]) -> list[str]:
    """Root cause / actions / prevention text of a letter, as the form boxes without the
    opening (the notice and metrics: what Amazon asks more detail on is the causes' parts)."""
    boxes = split_into_boxes(parse_markdown(markdown), titles, with_opening=False)
    return [box.text for box in boxes]


def letter_diff(old: str, new: str, old_name: str) -> str:
    """A unified diff of the letter's text since the last submission."""
    import difflib

    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), fromfile=old_name, tofile="current letter", lineterm=""
    )
    return "\n".join(lines)


def add_submission(
    case_path: Path, *, date: dt.date, channel: str, outcome: str, reply: str, letter_markdown: str
) -> Path:
    """Record a submission in the case file (comments and order kept) and keep the letter as
    sent beside it. Returns the snapshot's path."""
    folder = snapshot_folder(case_path)
    with folder_lock(folder.parent):  # two `history add` at once: both kept, numbered apart
        return _add_locked(case_path, folder, date, channel, outcome, reply, letter_markdown)


def _add_locked(
    case_path: Path,
    folder: Path,
    date: dt.date,
    channel: str,
    outcome: str,
    reply: str,
    letter_markdown: str,
) -> Path:
    from appeal.core.caseedit import edit_case_file

    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"{folder}: cannot create the folder ({exc.strerror}).") from None
    number = 1
    while (folder / f"{date.isoformat()}-{number}.md").exists():
        number += 1
    snapshot = folder / f"{date.isoformat()}-{number}.md"
    relative = f"{folder.name}/{snapshot.name}"

    def change(data: Any) -> None:
        from ruamel.yaml.comments import CommentedMap

        entry = CommentedMap([("date", date), ("channel", channel), ("outcome", outcome)])
        if reply:
            entry["reply"] = reply
        entry["snapshot"] = relative
        if data.get("submissions") is None:
            data["submissions"] = []
        data["submissions"].append(entry)

    atomic_write(snapshot, letter_markdown.encode("utf-8"))
    try:
        edit_case_file(case_path, change)
    except BaseException:
        snapshot.unlink(missing_ok=True)
        raise
    return snapshot


@dataclass(frozen=True)
class Carried:
    """Submissions brought over from an earlier case (`appeal new --from`), with the letters as
    sent copied beside the new case, so the resend checks go on comparing with them."""

    source: Path
    count: int
    last_date: dt.date | None
    last_outcome: str
    snapshots: list[Path]


def carry_submissions(source: Path, target: Path, entries: Any) -> Carried:
    """Copy the letters as sent of `entries` (the earlier case's `submissions:` list, edited in
    place) from beside `source` into `target`'s snapshot folder, and point each entry at its
    copy. A snapshot that cannot be read is left out (the submission stays)."""
    folder = snapshot_folder(target)
    copied: list[Path] = []
    for entry in entries:
        name = entry.get("snapshot") if hasattr(entry, "get") else None
        if not name:
            continue
        old = snapshot_path(source, str(name))
        try:
            data = old.read_bytes() if old is not None else None
        except OSError:
            data = None
        if data is None:
            del entry["snapshot"]
            continue
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise InputError(f"{folder}: cannot create the folder ({exc.strerror}).") from None
        stem, number = Path(str(name)).stem.rsplit("-", 1)[0], 1
        copy = folder / Path(str(name)).name
        while copy.exists() and copy.read_bytes() != data:
            number += 1
            copy = folder / f"{stem}-{number}.md"
        if not copy.exists():
            atomic_write(copy, data)
        entry["snapshot"] = f"{folder.name}/{copy.name}"
        copied.append(copy)
    last = entries[-1] if entries else {}
    day = last.get("date")
    try:
        last_date = dt.date.fromisoformat(str(day)) if day else None
    except ValueError:
        last_date = None
    return Carried(source, len(entries), last_date, str(last.get("outcome", "")), copied)


def reply_text(reply: str | None, reply_file: Path | None) -> str:
    if reply is not None and reply_file is not None:
        raise InputError("give --reply or --reply-file, not both.")
    text = read_text(reply_file) if reply_file is not None else (reply or "")
    if len(text.strip()) > REPLY_LIMIT:
        source = reply_file or "--reply"
        raise InputError(
            f"{source}: the reply is {len(text.strip()):,} characters; appeal keeps at most "
            f"{REPLY_LIMIT:,}. Keep the part of Amazon's message that says what to change."
        )
    return text


@dataclass(frozen=True)
class Written:
    """A letter file appeal last wrote beside the case (the render record says so and the file
    is as written) that the case, as it is now, no longer makes: the case changed since."""

    path: Path
    day: dt.date  # when it was written (the file's time)
    kept: bool  # True: that letter (.md) is the snapshot; False: the case as it is now is


_LETTER_SUFFIXES: dict[str, OutputFormat] = {".form.txt": "form", ".md": "md", ".txt": "txt"}


def _written_letters(case_path: Path) -> list[Path]:
    """The case's letter files (.md, .txt, .form.txt) beside it that appeal wrote and nobody
    changed since, the newest first."""
    import hashlib

    from appeal.letter.outputs import Record

    record = Record.read(case_path.parent)
    found = []
    for suffix in _LETTER_SUFFIXES:
        path = case_path.parent / f"{case_path.stem}{suffix}"
        try:
            data = path.read_bytes() if not path.is_symlink() else None
        except OSError:
            continue
        if data is not None and record.wrote(path.name, hashlib.sha256(data).hexdigest()):
            found.append(path)
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _as_written(
    case_path: Path, case: Case, catalogue: Catalogue, letter_markdown: str, date: dt.date
) -> tuple[str, Written | None]:
    """The letter to keep as sent: the case's letter as of `date` when it still makes the
    letter file appeal last wrote (as of `date` or of the day that file was written); else the
    Markdown letter appeal wrote then, or, when there is none, the case as it is now, with a
    `Written` saying the case changed since."""
    from appeal.dates import longdate
    from appeal.letter.content import render_letter
    from appeal.letter.render import build_files

    letters = _written_letters(case_path)
    if not letters:
        return letter_markdown, None
    newest = letters[0]
    stamp = newest.stat().st_mtime
    day = dt.datetime.fromtimestamp(stamp).date()
    fmt = next(f for s, f in _LETTER_SUFFIXES.items() if newest.name.endswith(s))
    on_disk = newest.read_bytes()
    head = on_disk[:2000].decode("utf-8", errors="replace")  # the letter's own date is on top
    dated = [
        d
        for back in range(60)
        if longdate(d := date - dt.timedelta(days=back)) in head and d not in (date, day)
    ]
    for letter_day in dict.fromkeys((date, day, *dated[:3])):
        letter = render_letter(case, catalogue, letter_date=letter_day)
        planned = build_files(
            letter,
            [fmt],
            folder=case_path.parent,
            stem=case_path.stem,
            box_titles=catalogue.box_titles(),
        )
        if planned[0].data == on_disk:
            return letter_markdown, None
    markdown = case_path.parent / f"{case_path.stem}.md"
    if markdown in letters and abs(markdown.stat().st_mtime - stamp) < 60:  # the same render
        return markdown.read_bytes().decode("utf-8", errors="replace"), Written(newest, day, True)
    return letter_markdown, Written(newest, day, False)


@dataclass(frozen=True)
class Recorded:
    """A submission just recorded, and what Amazon's reply asks to strengthen."""

    case_path: Path
    date: dt.date
    channel: SubmissionChannel
    outcome: Outcome
    snapshot: Path
    rework: list[PartName]
    lang: Lang = "en"  # the case's: the language its view speaks
    reply: str = ""
    changed_since: Written | None = None  # the case changed after its letter was last written

    @property
    def reply_unread(self) -> bool:
        """Amazon's reply asks for more, but names none of the parts in words appeal knows."""
        return self.outcome in ("rejected", "more_info") and bool(self.reply) and not self.rework


def record_submission(
    case_path: Path,
    *,
    date: dt.date,
    channel: SubmissionChannel,
    outcome: Outcome,
    reply: str | None = None,
    reply_file: Path | None = None,
) -> Recorded:
    """`appeal history add`: render the letter as it was on `date`, record the submission
    and keep the letter as sent."""
    from appeal.core.casefile import load_case
    from appeal.core.catalogue import load_catalogue
    from appeal.letter.content import render_letter

    text = reply_text(reply, reply_file)
    catalogue = load_catalogue()
    case = load_case(case_path, catalogue).case
    letter = render_letter(case, catalogue, letter_date=date)
    markdown, changed = _as_written(case_path, case, catalogue, letter.markdown, date)
    snapshot = add_submission(
        case_path,
        date=date,
        channel=channel,
        outcome=outcome,
        reply=text.strip(),
        letter_markdown=markdown,
    )
    rework = rework_parts(text, catalogue) if outcome in ("rejected", "more_info") else []
    return Recorded(
        case_path, date, channel, outcome, snapshot, rework, case.lang, text.strip(), changed
    )
