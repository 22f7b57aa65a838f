"""Files in and out of a case: the letter's downloads, dropped Seller Central files, the
corrected tracking file, and the submissions with Amazon's replies."""

from __future__ import annotations

import datetime as dt
import secrets
import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from appeal.core.catalogue import load_catalogue
from appeal.errors import AppealError, InputError
from appeal.web.app import html, settings_of
from appeal.web.case_routes import case_context, existing_case, pending, posted
from appeal.web.downloads import MEDIA_TYPES, attachment, formats_for, letter_file
from appeal.web.editing import locked, read_draft, version_of

router = APIRouter()
FIXED_KEPT = 20  # corrected files kept for download while the server runs


@router.get("/case/{name}/file/{fmt}")
def download(request: Request, name: str, fmt: str) -> Response:
    """One of the letter's files, made now from the case as it is."""
    from appeal.core.casefile import load_case
    from appeal.letter.content import render_letter

    path = existing_case(request, name)
    catalogue = load_catalogue()
    case = load_case(path, catalogue).case
    letter = render_letter(case, catalogue, letter_date=settings_of(request).today())
    if fmt not in formats_for(letter):
        raise HTTPException(404)
    file_name, data = letter_file(path, letter, fmt, catalogue)
    return Response(
        data,
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": attachment(file_name), "cache-control": "no-store"},
    )


def _check_version(request: Request, path: Path, version: str | None) -> None:
    from appeal.web.case_routes import sent_tab
    from appeal.web.editing import check_version

    check_version(path, version_of(read_draft(path).original), version, sent_tab(request))


def _written(request: Request, path: Path) -> None:
    from appeal.web.case_routes import sent_tab
    from appeal.web.editing import written_by

    written_by(path, version_of(read_draft(path).original), sent_tab(request))


@router.post("/case/{name}/evidence")
async def drop_files(request: Request, name: str) -> Response:
    """Files dropped onto the case: read, checked, and their findings put into the case."""
    from appeal.web.evidence import into_case, read_files, safe_name

    path = existing_case(request, name)
    async with pending(request).writing(path):
        form = await request.form()
        version = form.get("version")
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        with tempfile.TemporaryDirectory(prefix="appeal-serve-") as tmp:
            folder = Path(tmp) / "in"
            fixed_dir = Path(tmp) / "fixed"
            folder.mkdir()
            fixed_dir.mkdir()
            saved = []
            for upload in uploads:
                target = folder / safe_name(upload.filename or "")
                target.write_bytes(await upload.read())
                saved.append(target)

            def work() -> Any:
                from appeal.web.evidence import Dropped

                if not saved:
                    return Dropped()
                dropped, confirmations, reports = read_files(saved, fixed_dir)
                with locked(path):
                    _check_version(request, path, str(version) if version is not None else None)
                    try:
                        into_case(path, dropped, confirmations, reports)
                    except AppealError as exc:
                        dropped.problems.append(exc.message)
                    _written(request, path)
                for i, problem in enumerate(dropped.problems):
                    dropped.problems[i] = problem.replace(str(folder) + "/", "")
                return dropped

            dropped = await run_in_threadpool(work)
        store: dict[str, tuple[str, bytes]] = request.app.state.fixed
        links = {}
        for found in dropped.tracking:
            if found.fixed is not None and found.fixed_name is not None:
                key = secrets.token_urlsafe(12)
                store[key] = (found.fixed_name, found.fixed)
                links[found.file] = key
        while len(store) > FIXED_KEPT:
            store.pop(next(iter(store)))
        context = case_context(request, name, path, read_draft(path), "evidence")
        context["evidence"] = dropped
        context["fixed_links"] = links
        return html(request, "evidence_result.html", **context)


@router.get("/case/{name}/fixed/{key}")
def fixed_file(request: Request, name: str, key: str) -> Response:
    existing_case(request, name)
    found = request.app.state.fixed.get(key)
    if found is None:
        raise HTTPException(404)
    file_name, data = found
    return Response(
        data,
        media_type="text/plain",
        headers={"content-disposition": attachment(file_name), "cache-control": "no-store"},
    )


def history_context(path: Path, today: dt.date, preview: Any) -> dict[str, Any]:
    """The submissions page: every submission with Amazon's reply, the rework list, and what
    changed in the letter since it was last sent (`appeal history --diff`)."""
    from appeal.letter.status import case_status

    if preview.case is None:
        return {"status": None}
    return {"status": case_status(path, today=today, diff=True)}


@router.post("/case/{name}/history")
async def record(request: Request, name: str) -> Response:
    """Record a submission (`appeal history add`): the letter as sent is kept beside the case."""
    from appeal.dates import parse_date
    from appeal.letter.history import record_submission

    async with posted(request, name) as (path, form):

        def value(key: str) -> str:
            return (form.get(key) or [""])[-1].strip()

        channel, outcome = value("channel"), value("outcome")
        if channel not in ("email", "seller_central") or outcome not in (
            "pending",
            "accepted",
            "rejected",
            "more_info",
        ):
            raise InputError("choose how it was sent and Amazon's answer.")
        try:
            day = parse_date(value("date"))
        except ValueError as exc:
            raise InputError(f"{exc}") from None
        with locked(path):
            _check_version(request, path, value("version") or None)
            record_submission(
                path,
                date=day,
                channel=channel,  # type: ignore[arg-type]
                outcome=outcome,  # type: ignore[arg-type]
                reply=value("reply") or None,
                reply_file=None,
            )
            _written(request, path)
        context = case_context(request, name, path, read_draft(path), "history")
        return html(request, "history_saved.html", **context)
