"""Case + catalogue -> the letter's content as Markdown, from the one Jinja template."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from appeal.core.case import Case
from appeal.core.catalogue import Catalogue
from appeal.core.channel import Channel, decide_channel
from appeal.dates import longdate, pct
from appeal.errors import InputError
from appeal.letter.context import cause_context, period, responsibility_line
from appeal.packaged import template_path
from appeal.units import bind_units

# Characters CommonMark gives a meaning anywhere in a line; escaped with a backslash.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~#!])")
# "12." or "12)" opening a line would start a numbered list.
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def escape_markdown(value: Any) -> str:
    """Make `value` literal text in Markdown: every special character is backslash-escaped,
    line-start markers are neutralised, and line breaks become hard breaks."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in text.split("\n") if line.strip()] or [""]
    out = []
    for line in lines:
        line = _INLINE_SPECIAL.sub(r"\\\1", line.strip())
        if line[:1] in ("-", "+", "="):
            line = "\\" + line
        out.append(_ORDERED_MARKER.sub(r"\1\\\2", line))
    return "\\\n".join(out)


def figure(value: float) -> str:
    """A percentage as the letter writes it: "4.1 %" with the number bound to its unit."""
    return bind_units(pct(value))


def _finalize(value: Any) -> Any:
    from markupsafe import Markup

    if isinstance(value, Markup):  # structure the template itself marked with `| safe`
        return str(value)
    return escape_markdown(value)


@dataclass(frozen=True)
class Letter:
    """A rendered letter: the Markdown every format is made from, plus what writers need."""

    markdown: str
    subject: str
    channel: Channel
    case: Case
    letter_date: dt.date
    closing: str = ""  # the signature's Markdown (the template's block `closing`), if any
    header: str = ""  # letterhead, date, To, Subject (block `header`): not in the e-mail body


def _bytecode_cache() -> Any:
    """Compiled templates kept between runs (compiling ours costs about 30 ms per start);
    Jinja recompiles whenever the template's text changes. No cache when none can be made."""
    import jinja2

    from appeal.packaged import cache_folder

    folder = cache_folder() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))


@cache
def _environment(folder: Path, sandboxed: bool) -> Any:
    import jinja2

    cls: type[jinja2.Environment] = jinja2.Environment
    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(str(folder))
    if sandboxed:
        from appeal.letter.usertemplate import ConfinedLoader, LimitedSandbox

        cls, loader = LimitedSandbox, ConfinedLoader(folder)
    env = cls(
        loader=loader,
        bytecode_cache=_bytecode_cache(),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
        finalize=_finalize,
    )
    env.filters["longdate"] = longdate
    env.filters["pct"] = figure
    return env


def _load_template(template: Path | None) -> Any:
    """Our template, or the user's (run sandboxed: it is not our code)."""
    import jinja2

    path = (template or template_path("letter.md.j2")).resolve()
    env = _environment(path.parent, template is not None)
    try:
        return env.get_template(path.name)
    except jinja2.TemplateNotFound:
        raise InputError(f"{path}: no such template file.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: the template is not UTF-8; re-save it as UTF-8.") from None


def optional_block(template: Any, name: str, context: dict[str, Any]) -> str:
    """The text of the template's block `name`, or "" when it has none."""
    block = template.blocks.get(name)
    return "".join(block(template.new_context(context))) if block else ""


def _tidy(markdown: str) -> str:
    """Collapse the blank lines the template's block tags leave behind."""
    return re.sub(r"\n{3,}", "\n\n", markdown).strip() + "\n"


def _metrics_rows(case: Case, catalogue: Catalogue) -> list[dict[str, Any]]:
    """The metrics table; `reason` marks a missed figure the opening may give as a reason for
    the notice: only one a cause of the case concerns (a figure no cause answers is a check
    finding, never a reason Amazon did not give)."""
    concerned = catalogue.concerned_metrics(entry.cause for entry in case.causes)
    rows = []
    for name, metric in case.metrics.present():
        info = catalogue.metrics[name]
        target = metric.target_or(info.usual)
        window = period(*metric.window) if metric.window else info.window
        rows.append(
            {
                "title": info.en,
                "value": metric.value,
                "target": bind_units(target.text),
                "window": bind_units(window),
                "source": metric.source,
                "missed": not target.met_by(metric.value),
                "answered": name in concerned,
            }
        )
    return rows


def attachment_rows(case: Case) -> list[dict[str, str]]:
    """Every evidence file once, with the causes it backs ("" for the whole plan)."""
    rows = []
    for name in case.evidence_files():
        numbers = [str(i) for i, c in enumerate(case.causes, start=1) if name in c.attachments]
        label = ""
        if numbers and len(case.causes) > 1:
            label = ("cause " if len(numbers) == 1 else "causes ") + " and ".join(numbers)
        rows.append({"name": name, "causes": label})
    return rows


def render_letter(
    case: Case,
    catalogue: Catalogue,
    *,
    letter_date: dt.date,
    template: Path | None = None,
) -> Letter:
    """Fill the template for `case`. A user-supplied template runs sandboxed."""
    import jinja2

    channel = decide_channel(case, catalogue)
    rows = _metrics_rows(case, catalogue)
    context = {
        "seller": case.seller,
        "notice": case.notice,
        "metrics": case.metrics,
        "metrics_rows": rows,
        "missed": [row for row in rows if row["missed"] and row["answered"]],
        "causes": cause_context(case, catalogue, letter_date),
        "responsibility": responsibility_line(case, catalogue),
        "attachments": attachment_rows(case),
        "channel": channel,
        "catalogue": catalogue,
        "letter_date": letter_date,
    }
    try:
        compiled = _load_template(template)
        if template is None:
            markdown = compiled.render(context)
            subject_md = "".join(compiled.blocks["subject"](compiled.new_context(context)))
            closing, header = (optional_block(compiled, b, context) for b in ("closing", "header"))
        else:
            from appeal.letter.usertemplate import render_user_template

            markdown, subject_md, closing, header = render_user_template(
                compiled, context, template
            )
    except KeyError:
        raise InputError(
            f"{template}: the template has no {{% block subject %}}; copy it from the default "
            "template."
        ) from None
    except jinja2.TemplateError as exc:
        where = f"{template}:{getattr(exc, 'lineno', '?')}" if template else "letter template"
        raise InputError(f"{where}: template error: {exc}") from None
    from appeal.letter.formats.document import inline_plain_text

    return Letter(
        markdown=_tidy(markdown),
        subject=inline_plain_text(subject_md.strip()),
        channel=channel,
        case=case,
        letter_date=letter_date,
        closing=_tidy(closing) if closing.strip() else "",
        header=_tidy(header) if header.strip() else "",
    )


def render_reading_copy(letter: Letter, catalogue: Catalogue) -> str:
    """The Chinese reading copy of `letter` (Markdown): catalogue items in Chinese, the
    seller's own text as typed. For the seller to check; never sent."""
    case = letter.case
    path = template_path("reading.zh.md.j2")
    template = _environment(path.parent, False).get_template(path.name)
    markdown = template.render(
        {
            "seller": case.seller,
            "notice": case.notice,
            "channel": letter.channel,
            "parts": catalogue.parts,
            "causes": cause_context(case, catalogue, letter.letter_date),
            "responsibility": responsibility_line(case, catalogue),
        }
    )
    return _tidy(markdown)
