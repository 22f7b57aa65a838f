"""`appeal new`: where the answers come from, the wizard or --no-input, then the letter."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from appeal.core.catalogue import load_catalogue
from appeal.errors import CaseInvalid, InputError, OutputConflict
from appeal.wizard.answers import (
    apply_notice,
    first_open_step,
    forget_old_notice,
    missing_fields,
)
from appeal.wizard.draft import Draft
from appeal.wizard.flow import TerminalClosed, Wizard, WizardInterrupted
from appeal.wizard.notice import read_notice
from appeal.wizard.prompter import Prompter, QuestionaryPrompter
from appeal.wizard.texts import phrase

if TYPE_CHECKING:
    from appeal.letter.history import Carried
    from appeal.letter.render import RenderRun


@dataclass
class NewResult:
    """What `appeal new` did: the case file, and the render (None when nothing was rendered)."""

    path: Path
    lang: str
    run: RenderRun | None = None
    carried: Carried | None = None  # submissions brought over by --from

    @property
    def written(self) -> list[Path]:
        return self.run.results[0].written if self.run is not None else []

    @property
    def exit_code(self) -> int:
        return self.run.exit_code if self.run is not None else 0


def choose_lang(option: str | None, draft: Draft) -> str:
    """--lang, else the case's lang, else a Chinese locale, else English."""
    if option:
        if option not in ("en", "zh"):
            raise InputError(f"--lang {option}: use en or zh.")
        return option
    if draft.get(("lang",)) in ("en", "zh"):
        return str(draft.get(("lang",)))
    locale = (
        os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    )
    return "zh" if locale.lower().startswith("zh") else "en"


def parse_set(
    assignments: list[str], today: dt.date | None = None
) -> list[tuple[tuple[str | int, ...], Any]]:
    """--set KEY=VALUE items: dotted keys with [n] for list items; [a, b] for lists. Dates in
    any form sellers type become YYYY-MM-DD; notice and action dates after `today` are refused."""
    import re

    from appeal.yamlio import load_yaml

    parsed = []
    for item in assignments:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise InputError(f"--set {item}: write KEY=VALUE, e.g. --set seller.store_name=MyShop")
        path: list[str | int] = []
        for part in key.strip().split("."):
            match = re.fullmatch(r"([a-z_]+)((?:\[\d+\])*)", part)
            if match is None:
                raise InputError(f"--set {item}: '{part}' is not a field name.")
            path.append(match.group(1))
            path += [int(n) for n in re.findall(r"\[(\d+)\]", match.group(2))]
        text = value.strip()
        loaded: Any = (
            load_yaml(text, f"--set {key.strip()}") if text.startswith(("[", "{")) else text
        )
        parsed.append((tuple(path), _dates_as_iso(tuple(path), loaded, item, today)))
    return parsed


_DATE_KEYS = ("date", "deadline", "start")
_PAST_DATES = {("notice", "date"), ("corrective_actions", "date")}


def _dates_as_iso(path: tuple[str | int, ...], value: Any, item: str, today: dt.date | None) -> Any:
    """A date given with --set, in any form sellers type, as YYYY-MM-DD; InputError naming the
    key when it is no date, or a notice or action date in the future."""
    from appeal.dates import parse_date

    if isinstance(value, dict):
        return {k: _dates_as_iso((*path, k), v, item, today) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_iso((*path, n), v, item, today) for n, v in enumerate(value)]
    if not path or path[-1] not in _DATE_KEYS or not isinstance(value, str) or not value:
        return value
    try:
        day = parse_date(value)
    except ValueError as exc:
        raise InputError(f"--set {item}: {exc}") from None
    names = tuple(p for p in path if isinstance(p, str))
    if today is not None and names[-2:] in _PAST_DATES and day > today:
        raise InputError(
            f"--set {item}: {day.isoformat()} is after today ({today.isoformat()}); give the "
            "day it happened."
        )
    return day.isoformat()


def _has_terminal() -> bool:
    """Both ends are a terminal (a closed or missing stdin is none, nor is Windows' NUL, which
    Windows calls a character device like a console)."""
    try:
        if not (sys.stdin and sys.stdin.isatty() and sys.stdout and sys.stdout.isatty()):
            return False
        if sys.platform == "win32":
            import ctypes
            import msvcrt

            mode = ctypes.c_ulong()
            handle = msvcrt.get_osfhandle(sys.stdin.fileno())
            return bool(ctypes.windll.kernel32.GetConsoleMode(handle, ctypes.byref(mode)))
        return True
    except (ValueError, OSError):
        return False


def _raise_if_terminal_closed(exc: OSError, language: str, path: Path) -> None:
    """TerminalClosed when `exc` is the terminal going away mid-question (its input or output
    closed or hung up); any other OSError is left to the caller."""
    import errno

    if isinstance(exc, BrokenPipeError) or exc.errno in (errno.EIO, errno.EBADF, errno.ENXIO):
        raise TerminalClosed(phrase(language, "terminal_closed", path=path)) from None


def _render(path: Path, formats: list[str] | None, today: dt.date, lang: str) -> RenderRun:
    """The letter files; when one may not be replaced, say so with the commands that have
    the options to go on (`appeal new` has neither -o nor --force)."""
    from appeal.letter.render import render_cases

    try:
        return render_cases([path], formats=formats, today=today)
    except OutputConflict as exc:
        problems = exc.message.split("\n")[1:-1]
        raise OutputConflict(
            phrase(lang, "not_written", path=path, problems="\n".join(problems))
        ) from None


def run_new(
    *,
    case: Path | None,
    lang: str | None,
    from_case: Path | None,
    notice_file: Path | None,
    no_input: bool,
    sets: list[str],
    today: dt.date,
    prompter: Prompter | None = None,
    interactive: bool | None = None,
) -> NewResult:
    """Build the case from every source, ask what is missing (unless --no-input), save,
    and render the letter."""
    path = case if case is not None else Path(f"appeal-{today.isoformat()}.yaml")
    assignments = parse_set(sets, today)
    if interactive is None:
        interactive = _has_terminal()
    if not no_input and prompter is None and not interactive:
        language = lang if lang in ("en", "zh") else choose_lang(None, Draft(path, _empty()))
        raise InputError(phrase(language, "needs_terminal"))
    if from_case is not None and path.exists():
        raise InputError(
            f"{path}: already exists; --from starts a new case, so give a new file name."
        )
    carried = None
    if from_case is not None:
        # the same notice: a second appeal of the same suspension, so the earlier letters as
        # sent and Amazon's replies come along and the resend checks go on (domain.md 5)
        draft = Draft.from_case(path, from_case, submissions=notice_file is None)
        if draft.get(("submissions",)):
            from appeal.letter.history import carry_submissions

            carried = carry_submissions(from_case, path, draft.get(("submissions",)))
    else:
        draft = Draft.open(path)
    language = choose_lang(lang, draft)
    start = 0
    if not no_input and path.exists() and draft.data:
        ask = prompter or QuestionaryPrompter()
        ask.use_language(language)
        backup = path.with_name(path.name + ".bak")
        number = 1
        while backup.exists():  # an older backup is never replaced
            number += 1
            backup = path.with_name(f"{path.name}.bak{number}")
        try:
            choice = _resume_choice(ask, language, path, backup)
        except (KeyboardInterrupt, EOFError):
            raise WizardInterrupted(phrase(language, "interrupted", path=path)) from None
        except OSError as exc:
            _raise_if_terminal_closed(exc, language, path)
            raise
        if choice == "quit":
            return NewResult(path, language)
        if choice == "restart":
            shutil.copy2(path, backup)
            draft = Draft(path, _empty())
        else:
            start = first_open_step(draft)
    draft.set(("lang",), language, save=False)

    if notice_file is not None:
        from appeal.fsio import read_text

        facts = read_notice(read_text(notice_file))
        if facts.kind == "reply":
            channel = "email" if draft.get(("notice", "scope")) == "category" else "seller_central"
            raise InputError(
                f"--notice {notice_file}: "
                + phrase(language, "notice_reply", outcome=facts.outcome, channel=channel)
            )
        if from_case is not None:  # the new notice replaces the old case's
            forget_old_notice(draft)
        apply_notice(draft, facts)
    else:
        facts = None
    for key_path, value in assignments:
        draft.set(key_path, value, save=False)
    if no_input and not any(k[:2] == ("notice", "deadline") for k, _ in assignments):
        _store_stated_deadline(draft, facts)
    draft.save()
    catalogue = load_catalogue()
    if no_input:
        _complete_or_explain(draft, path, catalogue)
        return NewResult(path, language, _render(path, None, today, language), carried)
    ask = prompter or QuestionaryPrompter()
    ask.use_language(language)
    wizard = Wizard(draft, ask, catalogue, language, today, facts)
    wizard.old_notice = from_case is not None and notice_file is None
    try:
        ending = wizard.run(start)
    except (KeyboardInterrupt, EOFError):
        draft.save()
        raise WizardInterrupted(phrase(language, "interrupted", path=path)) from None
    except OSError as exc:  # answers are saved as they are given; the draft was never unsaved
        _raise_if_terminal_closed(exc, language, path)
        raise
    if ending == "quit":
        return NewResult(path, language, None, carried)
    carried = carried if draft.get(("submissions",)) else None  # a new notice was given
    return NewResult(path, language, _render(path, wizard.formats, today, language), carried)


def _store_stated_deadline(draft: Draft, facts: Any) -> None:
    """--no-input: a deadline the notice states is kept when Amazon's rule gives another."""
    from appeal.dates import parse_date
    from appeal.wizard.answers import notice_deadline, rule_deadline

    try:
        day = parse_date(draft.get(("notice", "date")))
    except ValueError:
        return
    stated = notice_deadline(facts, day)
    scope = str(draft.get(("notice", "scope")) or "all")
    if stated is not None and stated != rule_deadline(day, scope, None):
        draft.set(("notice", "deadline"), stated.isoformat(), save=False)


def _resume_choice(ask: Prompter, language: str, path: Path, backup: Path) -> str:
    return str(
        ask.select(
            "resume",
            phrase(language, "resume", path=path),
            [
                (phrase(language, "resume.continue"), "continue"),
                (phrase(language, "resume.restart", backup=backup), "restart"),
                (phrase(language, "resume.quit"), "quit"),
            ],
            "continue",
        )
    )


def _complete_or_explain(draft: Draft, path: Path, catalogue: Any) -> None:
    """--no-input: InputError naming every missing answer and every invalid one at once."""
    from appeal.core.casefile import parse_case

    problems: list[str] = []
    try:
        parse_case(draft.text(), str(path), catalogue)
    except CaseInvalid as exc:
        problems = list(exc.problems)
    # a missing merchant token for the e-mail channel is the checks' error (letter, exit 1)
    missing = missing_fields(draft, catalogue)
    named = [p for p in problems if not any(m in p for m in missing)]
    if missing or named:
        lines = [f"  {m}: missing" for m in missing] + [f"  {p}" for p in named]
        raise InputError(
            f"--no-input: the answers are incomplete ({path} keeps what was given); give each "
            "with --set KEY=VALUE:\n" + "\n".join(lines)
        )


def _empty() -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap([("version", 1)])
