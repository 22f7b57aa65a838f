"""The wizard's one seam to the terminal.

Every question has a key (the key of its text in `appeal.wizard.texts`), so tests can answer by
key instead of by keystroke, and the web front end can show the same question. Ctrl-C raises
KeyboardInterrupt and Ctrl-D EOFError; the wizard saves and exits 130 on either.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from appeal.wizard.texts import phrase

Validator = Callable[[str], bool | str]


class Prompter(Protocol):
    def use_language(self, lang: str) -> None: ...

    def text(
        self,
        key: str,
        message: str,
        *,
        default: str = "",
        validate: Validator | None = None,
        multiline: bool = False,
        hint: str = "",
        empty: str = "",
    ) -> str:
        """Ask for text. `empty` says what an empty answer does ("skip", "finish", "none"): a
        terminal names the key that gives it (the question's text names no key)."""
        ...

    def select(
        self,
        key: str,
        message: str,
        choices: list[tuple[str, Any]],
        default: Any = None,
        *,
        hint: str = "",
    ) -> Any: ...

    def checkbox(
        self,
        key: str,
        message: str,
        choices: list[tuple[str, Any]],
        checked: list[Any],
        validate: Callable[[list[Any]], bool | str] | None = None,
        *,
        hint: str = "",
    ) -> list[Any]: ...

    def confirm(self, key: str, message: str, *, default: bool = True) -> bool: ...

    def show(self, text: str) -> None: ...


def _errors_on_several_lines(application: Any) -> None:
    """Let the line under a question that says why an answer was refused take as many lines as
    its message (prompt_toolkit gives it one: a terminal cut the message at its last column,
    losing what to type instead)."""
    from prompt_toolkit.layout import Window, walk
    from prompt_toolkit.layout.controls import FormattedTextControl

    for container in walk(application.layout.container):
        if not isinstance(container, Window) or not isinstance(
            container.content, FormattedTextControl
        ):
            continue
        source = getattr(container.content.text, "__qualname__", "")
        if source.startswith("ValidationToolbar."):
            container.height = None


class QuestionaryPrompter:
    """Prompts on the terminal (or on the given prompt_toolkit input/output, for tests)."""

    def __init__(self, input: Any = None, output: Any = None, lang: str = "en") -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output
        self.lang = lang

    def use_language(self, lang: str) -> None:
        self.lang = lang

    def _t(self, key: str, **values: Any) -> str:
        return phrase(self.lang, key, **values)

    def _hint(self, hint: str) -> None:
        if hint:
            from prompt_toolkit.formatted_text import FormattedText

            from appeal.wizard.lists import terminal_width
            from appeal.wizard.wrapping import wrap

            lines = wrap(hint, terminal_width(self._io) - 2)
            text = "\n".join("  " + line for line in lines)
            self._print(FormattedText([("fg:ansibrightblack", text)]))

    def _wrapped(self, message: str) -> str:
        """A question wrapped by words at the terminal's width, continued under its text (the
        prompt puts '? ' before it)."""
        from appeal.wizard.lists import terminal_width
        from appeal.wizard.wrapping import wrap

        lines = wrap(f"? {message}", terminal_width(self._io) - 1, hang=2)
        return "\n".join(lines)[2:]

    def _print(self, text: Any) -> None:
        from prompt_toolkit import print_formatted_text

        print_formatted_text(
            text, **({"output": self._io["output"]} if "output" in self._io else {})
        )

    def text(
        self,
        key: str,
        message: str,
        *,
        default: str = "",
        validate: Validator | None = None,
        multiline: bool = False,
        hint: str = "",
        empty: str = "",
    ) -> str:
        import questionary
        from prompt_toolkit.key_binding import KeyBindings

        self._hint(hint)
        bindings = KeyBindings()

        @bindings.add("c-d", eager=True)
        def _end(event: Any) -> None:
            event.app.exit(exception=EOFError, style="class:aborting")

        if empty and not multiline:  # which key leaves it empty, after the question
            keys = self._t(f"keys.{empty}")
            message += keys if keys.startswith("（") else " " + keys
        question = questionary.text(
            self._wrapped(message),
            default=default,
            validate=self._wrapped_check(validate),
            multiline=multiline,
            instruction=self._t("multiline") if multiline else None,
            key_bindings=bindings,
            **self._io,
        )
        _errors_on_several_lines(question.application)
        return str(question.unsafe_ask())

    def _wrapped_check(self, validate: Validator | None) -> Validator | None:
        """`validate` with its message wrapped by words at the terminal's width."""
        if validate is None:
            return None

        def check(answer: str) -> bool | str:
            from appeal.wizard.lists import terminal_width
            from appeal.wizard.wrapping import wrap

            verdict = validate(answer)
            if verdict is True or not isinstance(verdict, str):
                return verdict
            return "\n".join(wrap(verdict, terminal_width(self._io) - 1))

        return check

    def _words(self) -> dict[str, str]:
        return {
            "instruction": self._t("list.one"),
            "filter": self._t("list.filter"),
            "no_match": self._t("list.no_match", typed="{typed}"),
            "done": self._t("list.done", n="{n}"),
            "none": self._t("list.none"),
            "invalid": self._t("required"),
        }

    def select(
        self,
        key: str,
        message: str,
        choices: list[tuple[str, Any]],
        default: Any = None,
        *,
        hint: str = "",
    ) -> Any:
        from appeal.wizard.lists import ask_list

        self._hint(hint)
        return ask_list(
            message, choices, many=False, words=self._words(), default=default, io=self._io
        )

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
        from appeal.wizard.lists import ask_list

        self._hint(hint)
        words = {**self._words(), "instruction": self._t("list.many")}
        return list(
            ask_list(
                message,
                choices,
                many=True,
                words=words,
                checked=checked,
                validate=validate,
                io=self._io,
            )
        )

    def confirm(self, key: str, message: str, *, default: bool = True) -> bool:
        choices = [(self._t("yes"), True), (self._t("no"), False)]
        return bool(self.select(key, message, choices, default))

    def show(self, text: str) -> None:
        """Print `text`, each line wrapped by words at the terminal's width (not cut by the
        terminal in the middle of a word or an address)."""
        from appeal.wizard.lists import terminal_width
        from appeal.wizard.wrapping import wrap_block

        self._print(wrap_block(text, terminal_width(self._io) - 1))
