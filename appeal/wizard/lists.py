"""Pick-one and pick-several lists for the terminal, built on questionary's list control.

Differences from questionary's own select/checkbox, all for sellers: long choices wrap (with a
hanging indent) instead of being cut at the terminal width; typing filters the list (also
Chinese) and never ticks or inverts everything; every hint and the answer line are in the
wizard's language; Ctrl-D ends like Ctrl-C.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from prompt_toolkit.application import Application
from prompt_toolkit.filters import Condition, is_done
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import ConditionalContainer, FormattedTextControl, HSplit, Layout, Window
from questionary import Choice
from questionary.constants import DEFAULT_STYLE
from questionary.prompts.common import InquirerControl

from appeal.wizard.wrapping import width_of, wrap

_INDENT = 6  # pointer (3) + tick box (2) + space: continuation lines start under the text


def _hanging(_line: int, wrap_count: int) -> str:
    return " " * _INDENT if wrap_count else ""


def terminal_width(io: dict[str, Any]) -> int:
    """The width of the output the prompts go to."""
    output = io.get("output")
    if output is not None:
        return int(output.get_size().columns)
    import shutil

    return shutil.get_terminal_size().columns


def _after(line: str, text: str, width: int) -> str:
    """`text` to follow a question's last line: on it when it fits, else on lines of its own
    under the question's text."""
    if width_of(f"{line} {text}") < width:
        return text
    return "\n  " + "\n  ".join(wrap(text, width - 3))


def ask_list(
    message: str,
    choices: list[tuple[str, Any]],
    *,
    many: bool,
    words: dict[str, str],
    default: Any = None,
    checked: list[Any] | None = None,
    validate: Callable[[list[Any]], bool | str] | None = None,
    io: dict[str, Any] | None = None,
) -> Any:
    """Ask one list question; the chosen value (or values, with `many`).

    `words` holds the texts in the wizard's language: `instruction`, `filter`, `no_match`
    (with {typed}), and for `many` `done` (with {n}) and `none`."""
    width = terminal_width(io or {})
    titles = {value: title for title, value in choices}
    items = [  # long sentences wrapped at words, continued under the text
        Choice(
            ("\n" + " " * _INDENT).join(wrap(title, width - _INDENT - 1)),
            value=value,
            checked=bool(many and checked and value in checked),
        )
        for title, value in choices
    ]
    question = wrap(f"? {message}", width - 1, hang=2)  # by words, continued under the text
    instruction = _after(question[-1], words["instruction"], width)
    start = next((i for i in items if i.value == default), None) if not many else None
    control = InquirerControl(
        items,
        None,
        pointer="»",
        initial_choice=start,
        use_indicator=many,
    )
    if many:
        control.selected_options = [c.value for c in items if c.checked]
    error: list[str] = []

    def prompt_tokens() -> FormattedText:
        tokens = [("class:qmark", "?"), ("class:question", "\n".join(question)[1:] + " ")]
        if not control.is_answered:
            tokens.append(("class:instruction", instruction))
            return FormattedText(tokens)
        if many:
            picked = [c for c in items if c.value in control.selected_options]
            if len(picked) == 1:
                answer = titles[picked[0].value]
            else:
                answer = words["done"].format(n=len(picked)) if picked else words["none"]
        else:
            answer = titles[control.get_pointed_at().value]
        tokens.append(("class:answer", _after(question[-1], answer, width)))
        return FormattedText(tokens)

    def search_tokens() -> FormattedText:
        return FormattedText(
            [("class:question-mark", words["filter"]), ("", control.search_filter or "")]
        )

    def error_tokens() -> FormattedText:
        return FormattedText([("class:validation-toolbar", error[0] if error else "")])

    layout = Layout(
        HSplit(
            [
                Window(
                    FormattedTextControl(prompt_tokens), wrap_lines=True, dont_extend_height=True
                ),
                ConditionalContainer(
                    Window(
                        control, wrap_lines=True, get_line_prefix=_hanging, dont_extend_height=True
                    ),
                    filter=~is_done,
                ),
                ConditionalContainer(
                    Window(FormattedTextControl(search_tokens), height=1),
                    filter=Condition(lambda: bool(control.search_filter)) & ~is_done,
                ),
                ConditionalContainer(
                    Window(FormattedTextControl(error_tokens), height=1),
                    filter=Condition(lambda: bool(error)) & ~is_done,
                ),
            ]
        )
    )
    bindings = KeyBindings()

    @bindings.add(Keys.ControlC, eager=True)
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.ControlD, eager=True)
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    def _move(step: int) -> Callable[[KeyPressEvent], None]:
        def move(_event: KeyPressEvent) -> None:
            (control.select_next if step > 0 else control.select_previous)()
            while not control.is_selection_valid():
                (control.select_next if step > 0 else control.select_previous)()

        return move

    bindings.add(Keys.Down, eager=True)(_move(1))
    bindings.add(Keys.Up, eager=True)(_move(-1))
    bindings.add(Keys.ControlN, eager=True)(_move(1))
    bindings.add(Keys.ControlP, eager=True)(_move(-1))

    if many:

        @bindings.add(" ", eager=True)
        def _toggle(_event: KeyPressEvent) -> None:
            value = control.get_pointed_at().value
            if value in control.selected_options:
                control.selected_options.remove(value)
            else:
                control.selected_options.append(value)
            error.clear()

    @bindings.add(Keys.Backspace, eager=True)
    def _unfilter(event: KeyPressEvent) -> None:
        if control.search_filter:
            control.remove_search_character()
            control.pointed_at = 0
            error.clear()

    @bindings.add(Keys.Any)
    def _filter(event: KeyPressEvent) -> None:
        typed = event.data
        if typed.isprintable() and not (many and typed == " "):
            control.add_search_character(cast(Any, typed))
            control.pointed_at = 0
            error.clear()
            while not control.is_selection_valid():
                control.select_next()

    # Enter; and a line feed, which is what Enter becomes when typed before the list is up
    # (the terminal still in line mode) and what some terminals send (as prompt_toolkit's
    # own prompts take it)
    @bindings.add(Keys.ControlJ, eager=True)
    @bindings.add(Keys.ControlM, eager=True)
    def _answer(event: KeyPressEvent) -> None:
        typed = (control.search_filter or "").lower()
        if typed and not any(typed in str(c.title).lower() for c in items):  # never silently
            error[:] = [words["no_match"].format(typed=control.search_filter)]
            return
        if not many:
            control.is_answered = True
            event.app.exit(result=control.get_pointed_at().value)
            return
        picked = [c.value for c in items if c.value in control.selected_options]
        verdict = validate(picked) if validate else True
        if verdict is not True:
            error[:] = [str(verdict) if verdict is not False else words["invalid"]]
            return
        control.is_answered = True
        event.app.exit(result=picked)

    app: Application[Any] = Application(
        layout=layout, key_bindings=bindings, style=DEFAULT_STYLE, **(io or {})
    )
    return app.run()
