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
from appeal.errors import CaseInvalid, InputError
from appeal.wizard.draft import Draft
from appeal.wizard.flow import Wizard, WizardInterrupted, apply_notice, first_open_step
from appeal.wizard.notice import read_notice
from appeal.wizard.prompter import Prompter, QuestionaryPrompter
from appeal.wizard.texts import phrase

if TYPE_CHECKING:
    from appeal.letter.render import RenderRun


@dataclass
class NewResult:
    """What `appeal new` did: the case file, and the render (None when nothing was rendered)."""

    path: Path
    lang: str
    run: RenderRun | None = None

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


def parse_set(assignments: list[str]) -> list[tuple[tuple[str | int, ...], Any]]:
    """--set KEY=VALUE items: dotted keys with [n] for list items; [a, b] for lists."""
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
        parsed.append((tuple(path), loaded))
    return parsed


def _render(path: Path, formats: list[str] | None, today: dt.date) -> RenderRun:
    from appeal.letter.render import render_cases

    return render_cases([path], formats=formats, today=today)


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
    assignments = parse_set(sets)
    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if not no_input and prompter is None and not interactive:
        raise InputError(
            "appeal new asks questions and needs a terminal. For scripts, give the answers with "
            "--set, --from and --notice and add --no-input."
        )
    if from_case is not None and path.exists():
        raise InputError(
            f"{path}: already exists; --from starts a new case, so give a new file name."
        )
    draft = Draft.from_case(path, from_case) if from_case is not None else Draft.open(path)
    language = choose_lang(lang, draft)
    start = 0
    if not no_input and path.exists() and draft.data:
        ask = prompter or QuestionaryPrompter()
        backup = path.with_name(path.name + ".bak")
        number = 1
        while backup.exists():  # an older backup is never replaced
            number += 1
            backup = path.with_name(f"{path.name}.bak{number}")
        choice = ask.select(
            phrase(language, "resume", path=path),
            [
                (phrase(language, "resume.continue"), "continue"),
                (phrase(language, "resume.restart", backup=backup), "restart"),
                (phrase(language, "resume.quit"), "quit"),
            ],
            "continue",
        )
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
        apply_notice(draft, facts)
    else:
        facts = None
    for key_path, value in assignments:
        draft.set(key_path, value, save=False)
    draft.save()
    catalogue = load_catalogue()
    if no_input:
        from appeal.core.casefile import parse_case

        try:
            parse_case(draft.text(), str(path), catalogue)
        except CaseInvalid as exc:
            raise InputError(
                f"--no-input: the answers are incomplete ({path} keeps what was given):\n"
                + "\n".join(exc.problems)
            ) from None
        return NewResult(path, language, _render(path, None, today))
    wizard = Wizard(draft, prompter or QuestionaryPrompter(), catalogue, language, today, facts)
    try:
        confirmed = wizard.run(start)
    except KeyboardInterrupt:
        draft.save()
        raise WizardInterrupted(
            f"stopped; every answer so far is saved in {path}. Continue with: appeal new {path}"
        ) from None
    if not confirmed:
        return NewResult(path, language)
    return NewResult(path, language, _render(path, wizard.formats, today))


def _empty() -> Any:
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap([("version", 1)])
