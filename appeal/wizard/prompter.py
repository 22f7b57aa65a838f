"""The wizard's one seam to the terminal: questions asked through questionary.

Tests drive it with prompt_toolkit's pipe input; Ctrl-C raises KeyboardInterrupt (the wizard
saves and exits 130) instead of questionary's "Cancelled by user".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

Validator = Callable[[str], bool | str]


class Prompter(Protocol):
    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Validator | None = None,
        multiline: bool = False,
    ) -> str: ...

    def select(self, message: str, choices: list[tuple[str, Any]], default: Any = None) -> Any: ...

    def checkbox(
        self,
        message: str,
        choices: list[tuple[str, Any]],
        checked: list[Any],
        validate: Callable[[list[Any]], bool | str] | None = None,
    ) -> list[Any]: ...

    def confirm(self, message: str, *, default: bool = True) -> bool: ...

    def show(self, text: str) -> None: ...


class QuestionaryPrompter:
    """Prompts on the terminal (or on the given prompt_toolkit input/output, for tests)."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output

    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Validator | None = None,
        multiline: bool = False,
    ) -> str:
        import questionary

        answer = questionary.text(
            message, default=default, validate=validate, multiline=multiline, **self._io
        ).unsafe_ask()
        return str(answer)

    def select(self, message: str, choices: list[tuple[str, Any]], default: Any = None) -> Any:
        import questionary

        items = [questionary.Choice(title, value=value) for title, value in choices]
        start = next((i for i in items if i.value == default), None)
        return questionary.select(message, choices=items, default=start, **self._io).unsafe_ask()

    def checkbox(
        self,
        message: str,
        choices: list[tuple[str, Any]],
        checked: list[Any],
        validate: Callable[[list[Any]], bool | str] | None = None,
    ) -> list[Any]:
        import questionary

        items = [
            questionary.Choice(title, value=value, checked=value in checked)
            for title, value in choices
        ]
        answer = questionary.checkbox(
            message, choices=items, validate=validate or (lambda _: True), **self._io
        ).unsafe_ask()
        return list(answer)

    def confirm(self, message: str, *, default: bool = True) -> bool:
        import questionary

        return bool(questionary.confirm(message, default=default, **self._io).unsafe_ask())

    def show(self, text: str) -> None:
        from prompt_toolkit import print_formatted_text

        print_formatted_text(
            text, **({"output": self._io["output"]} if "output" in self._io else {})
        )
