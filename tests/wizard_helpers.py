"""Driving the wizard in tests: a scripted answerer at the prompter seam (answers by question
key), and prompt_toolkit's pipe input for the few keystroke tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from appeal.wizard.new import NewResult, run_new
from appeal.wizard.prompter import QuestionaryPrompter

ENTER, DOWN, SPACE, ESC_ENTER, CTRL_C, CTRL_D, CTRL_U = (
    "\r",
    "\x1b[B",
    " ",
    "\x1b\r",
    "\x03",
    "\x04",
    "\x15",
)
TODAY = dt.date(2026, 11, 24)


class Each:
    """Answers for a question asked several times (per cause, per item, after a refusal)."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)


DEFAULT = object()  # take the question's default, as Enter does
INTERRUPT = object()  # Ctrl-C
END = object()  # Ctrl-D


class Scripted:
    """A Prompter that answers by question key. A question not in the script takes its
    default (as Enter would) when that default passes the question's check; otherwise the test
    fails, naming the question. Typed answers go through the question's check like typed text:
    a refused answer is recorded and the next one given is used."""

    def __init__(self, answers: dict[str, Any]) -> None:
        self.answers = {k: (v.answers if isinstance(v, Each) else [v]) for k, v in answers.items()}
        self.repeat = {k for k, v in answers.items() if not isinstance(v, Each)}
        self.asked: list[str] = []
        self.messages: list[str] = []  # every question and hint, as the seller reads them
        self.defaults: dict[str, str] = {}  # the last default offered per question
        self.empties: dict[str, str] = {}  # what an empty answer does, per text question
        self.offered: list[tuple[str, str]] = []  # every (question, default) in order
        self.shown: list[str] = []
        self.refused: list[tuple[str, str, str]] = []
        self.choices: dict[str, list[tuple[str, Any]]] = {}
        self.lang = "en"

    def use_language(self, lang: str) -> None:
        self.lang = lang

    def _next(self, key: str, message: str, hint: str = "") -> Any:
        self.asked.append(key)
        self.messages += [message, hint]
        queue = self.answers.get(key)
        if not queue:
            return DEFAULT
        answer = queue[0] if key in self.repeat else queue.pop(0)
        if answer is INTERRUPT:
            raise KeyboardInterrupt
        if answer is END:
            raise EOFError
        if callable(answer):
            answer = answer(message)
        return answer

    def text(
        self,
        key: str,
        message: str,
        *,
        default: str = "",
        validate: Callable[[str], bool | str] | None = None,
        multiline: bool = False,
        hint: str = "",
        empty: str = "",
    ) -> str:
        self.empties[key] = empty
        self.defaults[key] = default
        self.offered.append((key, default))
        while True:
            answer = self._next(key, message, hint)
            text = default if answer is DEFAULT else str(answer)
            verdict = validate(text) if validate else True
            if verdict is True:
                return text
            self.refused.append((key, text, str(verdict)))
            if answer is DEFAULT or not self.answers.get(key) or key in self.repeat:
                raise AssertionError(f"{key} ({message}): {text!r} refused: {verdict}")

    def select(
        self,
        key: str,
        message: str,
        choices: list[tuple[str, Any]],
        default: Any = None,
        *,
        hint: str = "",
    ) -> Any:
        self.choices[key] = choices
        answer = self._next(key, message, hint)
        self.messages += [title for title, _ in choices]
        if answer is DEFAULT:
            return default if default is not None else choices[0][1]
        return _pick(key, choices, answer)

    def checkbox(
        self,
        key: str,
        message: str,
        choices: list[tuple[str, Any]],
        checked: list[Any],
        validate: Callable[[list[Any]], bool | str] | None = None,
        *,
        hint: str = "",
    ) -> list[Any]:
        self.choices[key] = choices
        answer = self._next(key, message, hint)
        self.messages += [title for title, _ in choices]
        if answer is DEFAULT:
            picked = list(checked)
        else:  # tick the named items this list offers (one script can serve several causes)
            offered = [a for a in answer if _offers(choices, a)]
            if answer and not offered:
                raise AssertionError(f"{key}: none of {answer!r} in {[c[1] for c in choices]}")
            picked = [_pick(key, choices, a) for a in offered]
        verdict = validate(picked) if validate else True
        if verdict is not True:
            raise AssertionError(f"{key}: {picked!r} refused: {verdict}")
        return picked

    def confirm(self, key: str, message: str, *, default: bool = True) -> bool:
        answer = self._next(key, message)
        return default if answer is DEFAULT else bool(answer)

    def show(self, text: str) -> None:
        self.shown.append(text)


def _offers(choices: list[tuple[str, Any]], wanted: Any) -> bool:
    try:
        _pick("", choices, wanted)
    except AssertionError:
        return False
    return True


def _pick(key: str, choices: list[tuple[str, Any]], wanted: Any) -> Any:
    """The value of the choice `wanted` names: its value, the id in a (kind, id) value, or the
    start of its title."""
    for _, value in choices:
        if value == wanted or (isinstance(value, tuple) and value[-1] == wanted):
            return value
    for title, value in choices:
        if isinstance(wanted, str) and title.startswith(wanted):
            return value
    raise AssertionError(f"{key}: no choice {wanted!r} in {[c[1] for c in choices]}")


ENGLISH: dict[str, Any] = {
    "business_name": "Shenzhen Example Trading Co., Ltd.",
    "store_name": "ExampleHome",
    "merchant_token": "A2EXAMPLE0TOKEN",
    "contact_name": "Li Wei",
    "contact_email": "ops@example.com",
    "paste_notice": "",
    "notice_date": "2026-11-20",
    "scope": "category",
    "categories": "Toys & Games",
    "causes": ["invalid_tracking"],
    "facts": "37 of 412 packages between 6 October and 4 November 2026 had no valid tracking ID.",
    # ticked where the list offers them: the first for invalid_tracking, the second for
    # late_shipment
    "root_causes": ["zero_width_paste", "weekend_not_set"],
    "actions": ["reuploaded_tracking", "set_weekend_days"],
    "action_date": "2026-11-21",
    "measures": ["daily_vtr_check", "daily_lsr_check"],
    "owner": "Warehouse lead",
    "start": "2026-11-22",
    "review_ok": "write",
}


def scripted(answers: dict[str, Any] | None = None, **options: Any) -> tuple[NewResult, Scripted]:
    """Run `appeal new` with the English answers, changed by `answers`."""
    prompter = Scripted({**ENGLISH, **(answers or {})})
    return run_new(prompter=prompter, **_options(options)), prompter


def _options(options: dict[str, Any]) -> dict[str, Any]:
    defaults: dict[str, Any] = {
        "case": None,
        "lang": "en",
        "from_case": None,
        "notice_file": None,
        "no_input": False,
        "sets": [],
        "today": TODAY,
    }
    return {**defaults, **options}


def run_keys(keys: list[str], **options: Any) -> NewResult:
    """Run `appeal new` with these keystrokes, one prompt's worth per list item."""
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()  # a prompt beyond the keys given fails at once instead of waiting
        prompter = QuestionaryPrompter(input=pipe, output=DummyOutput())
        return run_new(prompter=prompter, **_options(options))


def in_folder(tmp_path: Path, name: str = "case.yaml") -> Path:
    return tmp_path / name
