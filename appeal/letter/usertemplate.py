"""A letter template the user gives (`render --template`): not our code, so it runs fenced in.

- Jinja's sandbox (no attribute tricks, `range` capped), and repeating text or raising numbers to
  a power is refused past what a letter needs;
- it loads only files in its own folder: no `..`, no symbolic link that points out;
- it stops after TIME_LIMIT seconds and TEXT_LIMIT characters of output: the render runs in a
  worker thread, and a template that runs over gets an exception raised inside that thread
  (portable: no signal.alarm, no fork);
- any error it raises is reported with the template's file and line.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from appeal.errors import InputError, quoted
from appeal.fsio import TEXT_FILE_LIMIT

TIME_LIMIT = 5.0  # seconds per letter; ours takes milliseconds
TEXT_LIMIT = 2_000_000  # characters of Markdown; a long letter has 20,000


class TemplateStopped(Exception):
    """Raised inside the worker thread when the template runs out of time or space."""


class LimitedSandbox(SandboxedEnvironment):
    """The sandbox, with `*` and `**` checked before they build something huge."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        small_base = isinstance(left, int | float) and abs(left) <= 1
        if operator == "**" and isinstance(right, int) and right > 128 and not small_base:
            raise SecurityError(f"the power {quoted(right)} is too large for a letter")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > TEXT_LIMIT:
                    raise SecurityError("repeating text that many times is too much")
        return super().call_binop(context, operator, left, right)


class ConfinedLoader(jinja2.FileSystemLoader):
    """Loads templates from one folder only: nothing outside it, also not through a link."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = folder.resolve()

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = Path(self.folder, *template.split("/"))
        real = path.resolve()
        if not real.is_relative_to(self.folder):
            raise jinja2.TemplateNotFound(
                f"{template} (it is outside the template's folder {self.folder})"
            )
        try:
            size = real.stat().st_size
        except OSError:
            size = 0
        if size > TEXT_FILE_LIMIT:
            raise jinja2.TemplateNotFound(f"{template} (larger than {TEXT_FILE_LIMIT:,} bytes)")
        return super().get_source(environment, template)


def _template_line(exc: BaseException, filename: str) -> int | None:
    """The line of the template where `exc` was raised (Jinja maps its frames to it)."""
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == filename and frame.lineno:
            line = frame.lineno
    return line


def _render(template: Any, context: dict[str, Any], budget: list[int]) -> tuple[str, str, str, str]:
    chunks = []
    for chunk in template.generate(context):
        budget[0] -= len(chunk)
        if budget[0] < 0:
            raise TemplateStopped(f"wrote more than {TEXT_LIMIT:,} characters")
        chunks.append(chunk)
    from appeal.letter.content import optional_block

    try:
        subject = "".join(template.blocks["subject"](template.new_context(context)))
        # optional: the signature (outside the form's boxes) and the letterhead (not in e-mail)
        closing, header = (optional_block(template, b, context) for b in ("closing", "header"))
    except Exception:
        template.environment.handle_exception()  # re-raises with the template's lines
    return "".join(chunks), subject, closing, header


def _stop(thread: threading.Thread) -> None:
    """Raise TemplateStopped inside `thread` at its next step (CPython; elsewhere it is left
    to finish on its own, and the command ends all the same)."""
    import ctypes

    api = getattr(ctypes, "pythonapi", None)
    if api is not None and thread.ident is not None:
        api.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(thread.ident), ctypes.py_object(TemplateStopped)
        )


def render_user_template(
    template: Any, context: dict[str, Any], path: Path, *, time_limit: float | None = None
) -> tuple[str, str, str, str]:
    """(letter, subject, closing, header) as Markdown from the user's template, within the
    limits (closing and header are "" when the template has no such block)."""
    time_limit = TIME_LIMIT if time_limit is None else time_limit
    if "subject" not in template.blocks:
        raise KeyError("subject")
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["value"] = _render(template, context, [TEXT_LIMIT])
        except BaseException as exc:  # handed to the calling thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="appeal-user-template", daemon=True)
    worker.start()
    worker.join(time_limit)
    if worker.is_alive():
        _stop(worker)
        worker.join(1.0)
        raise InputError(
            f"{path}: the template did not finish within {time_limit:g} seconds (a loop that "
            "never ends?); fix it, or render without --template."
        )
    error = outcome.get("error")
    if error is None:
        value: tuple[str, str, str, str] = outcome["value"]
        return value
    line = getattr(error, "lineno", None) or _template_line(error, template.filename or str(path))
    where = f"{path}:{line}" if line else str(path)
    if isinstance(error, TemplateStopped):
        raise InputError(f"{where}: the template {error}; a letter needs far less.")
    if isinstance(error, jinja2.TemplateError):
        raise InputError(f"{where}: template error: {quoted(error, 300)}") from None
    if not isinstance(error, Exception):
        raise error  # KeyboardInterrupt and the like
    raise InputError(
        f"{where}: the template failed ({type(error).__name__}: {quoted(error, 200)}); fix the "
        "template at that line, or render without --template."
    )
