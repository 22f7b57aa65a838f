"""A case's pages: the seven steps of the wizard (any of them at any time), each answer saved
as it is typed, the preview beside them, and the case's language."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import AbstractContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.exceptions import HTTPException

from appeal.core.catalogue import PARTS, load_catalogue
from appeal.web.answers import Form, apply_step, one
from appeal.web.app import html, page_lang, settings_of
from appeal.web.editing import editing, read_draft, seen_by, version_of
from appeal.web.folder import case_path
from appeal.web.pages import _case_url
from appeal.wizard.draft import Draft

router = APIRouter()
# The wizard's question for each part's list, for a sentence of one's own, for each extra answer.
PICK_KEYS = {
    "root_causes": "root_causes",
    "corrective_actions": "actions",
    "preventive_measures": "measures",
}
OWN_KEYS = {
    "root_causes": "own_root",
    "corrective_actions": "own_action",
    "preventive_measures": "own_measure",
}
EXTRA_KEYS = {
    "date": "action_date",
    "owner": "owner",
    "frequency": "frequency",
    "start": "start",
    "answers": "answers_numbers",
}


class Pending:
    """Changes being received per case, so that a page loaded right after a change (a reload
    while the last answer is on its way) shows that answer."""

    def __init__(self) -> None:
        self.counts: dict[Path, int] = {}
        self.idle: dict[Path, asyncio.Event] = {}

    @asynccontextmanager
    async def writing(self, path: Path) -> AsyncIterator[None]:
        self.counts[path] = self.counts.get(path, 0) + 1
        self.idle.setdefault(path, asyncio.Event()).clear()
        try:
            yield
        finally:
            self.counts[path] -= 1
            if not self.counts[path]:
                self.idle[path].set()

    async def settled(self, path: Path, timeout: float = 3.0) -> None:
        event = self.idle.get(path)
        if event is not None and not event.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout)


def pending(request: Request) -> Pending:
    state = request.app.state
    if not hasattr(state, "pending"):
        state.pending = Pending()
    found: Pending = state.pending
    return found


def existing_case(request: Request, name: str) -> Path:
    path = case_path(settings_of(request).folder, name)
    if not path.is_file():
        raise HTTPException(404)
    return path


async def form_lists(request: Request) -> Form:
    """The posted form as {name: [values]} (text fields only)."""
    form = await request.form()
    return {key: [v for v in form.getlist(key) if isinstance(v, str)] for key in form}


@asynccontextmanager
async def posted(request: Request, name: str) -> AsyncIterator[tuple[Path, Form]]:
    """The case a form was posted to, and the form; the case counts as being changed (see
    `Pending`) until the block ends."""
    path = existing_case(request, name)
    async with pending(request).writing(path):
        yield path, await form_lists(request)


def edit(request: Request, path: Path, form: Form) -> AbstractContextManager[Draft]:
    """The draft to change, if the page that posted `form` may (else CaseChanged, which the
    app shows as the conflict page)."""
    return editing(path, one(form, "version"), sent_tab(request))


def sent_tab(request: Request) -> str | None:
    """The id of the page (browser tab) a change comes from."""
    sent = request.headers.get("x-appeal-tab")
    return sent if sent and len(sent) <= 40 else None


def tab_of(request: Request) -> str:
    """The page's tab id: the one it sent, or a new one for a page being made."""
    import secrets

    return sent_tab(request) or secrets.token_urlsafe(9)


def case_lang(request: Request, draft: Draft) -> str:
    lang = draft.get(("lang",))
    return str(lang) if lang in ("en", "zh") else page_lang(request)


def case_context(
    request: Request, name: str, path: Path, draft: Draft, page: str
) -> dict[str, Any]:
    """Everything a case page (or the fragments a change sends back) shows."""
    from appeal.core.marketplaces import marketplaces
    from appeal.web.preview import build_preview
    from appeal.web.steps import (
        PAGES,
        cause_views,
        date_value,
        step_states,
        steps_to_fix,
        text_of,
    )

    settings = settings_of(request)
    catalogue = load_catalogue()
    today = settings.today()
    lang = case_lang(request, draft)
    preview = build_preview(path, draft.original, draft.data, catalogue, today, lang)
    context: dict[str, Any] = {
        "lang": lang,
        "csrf": settings.csrf,
        "name": name,
        "stem": path.stem,
        "page": page,
        "pages": PAGES,
        "states": step_states(draft, fix := steps_to_fix(preview)),
        "fix_steps": fix,
        "channel_waits": "fix" if step_states(draft)["notice"] else "answers",
        "version": version_of(draft.original),
        "tab": tab_of(request),
        "val": lambda *key: text_of(draft.get(key)),
        "date_val": lambda *key: date_value(draft.get(key)),
        "catalogue": catalogue,
        "parts": PARTS,
        "preview": preview,
        "today": today,
        "markets": list(marketplaces()),
        "causes": cause_views(draft, catalogue),
        "picked": [text_of(c.get("cause")) for c in draft.causes()],
        "regrown": set(),
        "relinked": set(),
        "notice_read": None,
        "notice_reply": None,
        "categories_text": "; ".join(text_of(c) for c in draft.get(("notice", "categories")) or []),
        "default_deadline": _usual_deadline(preview),
        "date_pair": date_value,
        "pick_key": PICK_KEYS,
        "own_key": OWN_KEYS,
        "extra_key": EXTRA_KEYS,
        "fixed_links": {},
    }
    context.update(channel_context(preview, path, draft, today, lang))
    if page in ("review", "finish"):
        from appeal.web.preview import resend_note

        context["resend"] = resend_note(preview, catalogue, lang)
    if page == "finish":
        from appeal.web.downloads import finish_context

        context.update(finish_context(preview))
    elif page == "history":
        from appeal.web.file_routes import history_context

        context.update(history_context(path, today, preview))
    elif page == "evidence":
        from appeal.sellerfiles import wording as metrics_wording
        from appeal.tracking.findings import findings
        from appeal.tracking.result import label

        context.update(
            evidence=None, metrics_wording=metrics_wording, kind_label=label, row_findings=findings
        )
    return context


def _usual_deadline(preview: Any) -> str:
    """The deadline that applies when the seller gives none (the notice date plus Amazon's
    usual days), to show beside the field."""
    from appeal.core.channel import deadline

    if preview.case is None:
        return ""
    due = deadline(preview.case.notice.model_copy(update={"deadline": None}))
    return due.isoformat() if due is not None else ""


def channel_context(
    preview: Any, path: Path, draft: Draft, today: Any, lang: str
) -> dict[str, Any]:
    """The channel box: the wizard's own lines (which channel, why, deadline and days left,
    how to send), in the case's language."""
    from appeal.wizard.answers import rule_deadline
    from appeal.wizard.summary import channel_lines

    channel = preview.channel
    case = preview.case
    if channel is None or case is None:
        return {"channel": None, "channel_lines": []}
    rule = rule_deadline(case.notice.date, case.notice.scope, ["-"])
    rule_days = (rule - case.notice.date).days if rule is not None else None
    lines = channel_lines(channel, case.seller.marketplace, today, lang, rule_days)
    return {
        "channel": channel,
        "channel_lines": [line.replace(".form.txt", f"{path.stem}.form.txt") for line in lines],
        "deadline": channel.deadline,
        "days_left": channel.days_left(today),
    }


@router.get("/case/{name}")
async def open_case(request: Request, name: str) -> Response:
    from appeal.wizard.flow import STEPS, first_open_step

    path = existing_case(request, name)
    step = STEPS[min(first_open_step(read_draft(path)), len(STEPS) - 1)]
    return RedirectResponse(_case_url(name, step), status_code=303)


@router.get("/case/{name}/{page}")
async def case_page(request: Request, name: str, page: str) -> Response:
    from appeal.web.steps import PAGES

    if page not in PAGES:
        raise HTTPException(404)
    path = existing_case(request, name)
    await pending(request).settled(path)
    draft = read_draft(path)
    context = case_context(request, name, path, draft, page)
    seen_by(context["tab"], context["version"])
    return html(request, "case.html", **context)


def _own_counts(draft: Draft) -> dict[tuple[int, str], int]:
    counts: dict[tuple[int, str], int] = {}
    for index, entry in enumerate(draft.causes()):
        for part in PARTS:
            entries = entry.get(part) or []
            counts[(index, part)] = sum(1 for e in entries if e.get("use") is None)
    return counts


@router.post("/case/{name}/save/{step}")
async def save_step(request: Request, name: str, step: str) -> Response:
    """Save the answers of one step's form (sent as the seller types); send back the new
    version, the preview and the step list."""
    from appeal.web.steps import FORM_STEPS

    if step not in FORM_STEPS:
        raise HTTPException(404)
    async with posted(request, name) as (path, form):
        catalogue = load_catalogue()
        with edit(request, path, form) as draft:
            before = _own_counts(draft)
            relinked = apply_step(step, draft, form, catalogue)
        context = case_context(request, name, path, draft, step)
        context["relinked"] = relinked
        after = _own_counts(draft)
        context["regrown"] = {key for key, count in after.items() if count < before.get(key, 0)}
        return html(request, "saved.html", **context)


@router.post("/case/{name}/notice/read")
async def read_notice_text(request: Request, name: str) -> Response:
    """Read a pasted notice into the case (the wizard's notice reader), show the step again."""
    from appeal.core.catalogue import load_catalogue
    from appeal.wizard.answers import apply_notice
    from appeal.wizard.notice import read_notice
    from appeal.wizard.summary import describe_notice

    async with posted(request, name) as (path, form):
        pasted = (one(form, "notice_text") or "").strip()
        catalogue = load_catalogue()
        with edit(request, path, form) as draft:
            facts = read_notice(pasted) if pasted else None
            if facts is not None:
                apply_notice(draft, facts)
        context = case_context(request, name, path, draft, "notice")
        if facts is not None:
            context["notice_read"] = describe_notice(facts, context["lang"], catalogue)
            if facts.kind == "reply":  # its place is the submission it answers
                context["notice_reply"] = pasted
        return html(request, "notice_read.html", **context)


@router.post("/case/{name}/lang")
async def case_language(request: Request, name: str) -> Response:
    """Switch the case's language (questions and the Chinese reading copy)."""
    async with posted(request, name) as (path, form):
        lang = one(form, "lang")
        back = one(form, "page") or "seller"
        if lang in ("en", "zh"):
            with edit(request, path, form) as draft:
                draft.set(("lang",), lang, save=False)
        return RedirectResponse(_case_url(name, back), status_code=303)
