"""The web app: the case list, new cases, and the one place errors become pages.

`create_app` returns the FastAPI app wrapped in the `Guard` (host, token, origin, size), so
nothing reaches a route without passing it. No error ever shows a stack trace: an appeal error
shows its message, anything else a short "this is a bug" page, the details in the terminal.
"""

from __future__ import annotations

import sys
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from appeal.errors import AppealError
from appeal.web.folder import UnsafeName, case_path, case_rows, new_case_name
from appeal.web.guard import BodyTooLarge, Guard, too_large_text
from appeal.web.pages import STATIC, render
from appeal.web.settings import Settings

LANG_COOKIE = "appeal_lang"


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def page_lang(request: Request) -> str:
    """The language the seller chose for the pages, else the one `appeal serve` was given."""
    chosen = request.cookies.get(LANG_COOKIE)
    return chosen if chosen in ("en", "zh") else settings_of(request).lang


def html(request: Request, template: str, code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("lang", page_lang(request))
    context.setdefault("csrf", settings_of(request).csrf)
    response = HTMLResponse(render(template, **context), status_code=code)
    response.headers["cache-control"] = "no-store"
    return response


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"


def message(request: Request, text: str, code: int, title_key: str = "problem") -> Response:
    """An error as the requester can show it: a status-line fragment for the page's own
    background requests, a whole page otherwise."""
    if is_htmx(request):
        return keep_in_place(html(request, "message.html", code, text=text, level="error"))
    return html(request, "error.html", code, text=text, title_key=title_key)


def keep_in_place(response: Response) -> Response:
    """A refusal sent to a form of the page: only the status line changes (its out-of-band
    part), never the form the seller filled in, which would otherwise be swapped out."""
    response.headers["hx-reswap"] = "none"
    return response


def create_app(settings: Settings) -> Guard:
    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.fixed = {}  # corrected tracking files offered for download, by random id
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from appeal.web.case_routes import router as case_router
    from appeal.web.file_routes import router as file_router
    from appeal.web.monitor_routes import router as monitor_router

    app.include_router(case_router)
    app.include_router(file_router)
    app.include_router(monitor_router)
    _routes(app)
    _errors(app)
    return Guard(app, settings)


def _routes(app: FastAPI) -> None:
    @app.get("/", response_class=HTMLResponse)
    def cases(request: Request) -> Response:
        settings = settings_of(request)
        lang = page_lang(request)
        rows = case_rows(settings.folder, settings.today(), lang)
        return html(request, "cases.html", rows=rows, folder=str(settings.folder), error=None)

    @app.post("/lang")
    async def choose_lang(request: Request) -> Response:
        form = await request.form()
        lang = str(form.get("lang", ""))
        back = str(form.get("next", "/"))
        if not back.startswith("/") or back.startswith("//"):
            back = "/"
        response = RedirectResponse(back, status_code=303)
        if lang in ("en", "zh"):
            response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="strict")
        return response

    @app.post("/new")
    async def new_case(request: Request) -> Response:
        from appeal.web.editing import locked
        from appeal.web.pages import _case_url

        settings = settings_of(request)
        form = await request.form()
        lang = str(form.get("lang", page_lang(request)))
        lang = lang if lang in ("en", "zh") else "en"
        name = new_case_name(str(form.get("name", "")))
        try:
            path = case_path(settings.folder, name)
        except UnsafeName as exc:
            return _cases_with_error(request, exc.message)
        with locked(path):
            if path.exists():
                from appeal.web.texts import say

                return _cases_with_error(request, say(lang, "new.exists", name=name))
            _start_case(path, lang)
        response = RedirectResponse(_case_url(name, "seller"), status_code=303)
        response.set_cookie(LANG_COOKIE, lang, httponly=True, samesite="strict")
        return response


def _start_case(path: Any, lang: str) -> None:
    from ruamel.yaml.comments import CommentedMap

    from appeal.wizard.draft import Draft

    Draft(path, CommentedMap([("version", 1), ("lang", lang)])).save()


def _cases_with_error(request: Request, error: str) -> Response:
    settings = settings_of(request)
    rows = case_rows(settings.folder, settings.today(), page_lang(request))
    return html(request, "cases.html", 400, rows=rows, folder=str(settings.folder), error=error)


def _errors(app: FastAPI) -> None:
    from appeal.web.editing import CaseChanged
    from appeal.web.texts import say

    @app.exception_handler(UnsafeName)
    async def unsafe(request: Request, exc: UnsafeName) -> Response:
        return message(request, say(page_lang(request), "not_found"), 404)

    @app.exception_handler(AppealError)
    async def appeal_error(request: Request, exc: AppealError) -> Response:
        name = request.path_params.get("name")
        if isinstance(name, str) and not isinstance(exc, CaseChanged):
            from appeal.web.unreadable import recognised

            path = settings_of(request).folder / name
            said = recognised(exc.message, path, page_lang(request))
            if said is not None:  # the case file cannot be read: a seller's slip, not a bug
                return message(request, said, 400, "unreadable")
        return message(request, exc.message, 400)

    @app.exception_handler(CaseChanged)
    async def changed(request: Request, exc: CaseChanged) -> Response:
        """The case changed after the page read it: nothing was written; say so, offer a
        reload."""
        name = request.path_params.get("name", "")
        return keep_in_place(html(request, "conflict.html", 409, name=name, text=exc.message))

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> Response:
        if "/save/" in request.url.path:  # typed (pasted) answers, not a report file
            from appeal.core.fields import TEXT_LIMIT

            megabytes = f"{exc.limit / (1024 * 1024):g}"
            said = say(page_lang(request), "save.too_large", mb=megabytes, limit=f"{TEXT_LIMIT:,}")
            return message(request, said, 413)
        en, zh = too_large_text(exc.limit)
        return message(request, zh if page_lang(request) == "zh" else en, 413)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        key = "not_found" if exc.status_code in (404, 405) else "problem"
        return message(request, say(page_lang(request), key), exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return message(request, say(page_lang(request), "not_found"), 404)

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        print(
            f"appeal serve: a bug while answering {request.method} {request.url.path}:",
            file=sys.stderr,
        )
        traceback.print_exception(exc, file=sys.stderr)
        return message(request, say(page_lang(request), "bug"), 500)
