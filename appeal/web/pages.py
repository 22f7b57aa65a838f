"""The page templates: one Jinja environment, HTML autoescaped, a missing value an error."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"


def _say(context: Any, key: str, **values: Any) -> str:
    from appeal.web.texts import say

    return say(context["lang"], key, **values)


def _hint(context: Any, key: str) -> str:
    """The wizard's one-line hint for question `key`: what Amazon wants, with an example."""
    from appeal.wizard.texts import hint

    return hint(context["lang"], key)


def _question(context: Any, key: str, **values: Any) -> str:
    from appeal.web.texts import question

    return question(context["lang"], key, **values)


def _where(context: Any, finding: Any) -> str:
    """Where a finding points, as the wizard says it (in Chinese: 原因 1（…），第 2 项)."""
    if str(finding.where).startswith(("seller.", "notice.")):  # a field: its step and question
        from appeal.web.places import path_words

        return path_words(str(finding.where), context["lang"])
    if context["lang"] != "zh":
        return str(finding.where)
    from appeal.core.catalogue import load_catalogue
    from appeal.wizard.summary import where_zh

    return where_zh(finding.where, load_catalogue())


def _fix(context: Any, finding: Any) -> str:
    """What to do about a finding, as the wizard says it (the step that asks it, not a key)."""
    import re

    from appeal.web.places import path_words
    from appeal.wizard.summary import fix_for

    said = fix_for(finding, context["lang"])
    # a key of the case file (`seller.merchant_token`) is the page's question there
    return re.sub(
        r"`((?:seller|notice)\.[a-z_]+)`", lambda m: path_words(m[1], context["lang"]), said
    )


def _days_left(context: Any, days: int) -> str:
    from appeal.wizard.summary import days_left

    return days_left(days, context["lang"])


def _case_url(name: str, *parts: str) -> str:
    return "/case/" + "/".join([quote(name, safe=""), *parts])


def _field_id(path: str) -> str:
    from appeal.web.places import field_id

    return field_id(path)


def _longdate(value: Any) -> str:
    from appeal.dates import longdate

    return longdate(value)


def _pct(value: float) -> str:
    from appeal.dates import pct

    return pct(value)


@cache
def environment() -> Any:
    import jinja2

    from appeal.core.fields import TEXT_LIMIT

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["t"] = jinja2.pass_context(_say)
    env.globals["hint"] = jinja2.pass_context(_hint)
    env.globals["q"] = jinja2.pass_context(_question)
    env.globals["case_url"] = _case_url
    env.globals["days_left"] = jinja2.pass_context(_days_left)
    env.globals["where"] = jinja2.pass_context(_where)
    env.globals["fix"] = jinja2.pass_context(_fix)
    env.globals["field_id"] = _field_id
    env.globals["text_limit"] = TEXT_LIMIT
    env.filters["longdate"] = _longdate
    env.filters["pct"] = _pct
    return env


def render(template: str, **context: Any) -> str:
    """The template `name` filled with `context` (which must hold `lang`)."""
    text: str = environment().get_template(template).render(**context)
    return text


def render_fragment(template: str, **context: Any) -> Markup:
    return Markup(render(template, **context))
