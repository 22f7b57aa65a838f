"""The monitor page of `appeal serve`: the same `run_monitor` result as `appeal monitor`, with
the same sentences (`appeal/monitor/wording.py`) and a chart per figure.

Looking at the page changes nothing on disk (the stored history is read, this reading joins it
in memory); "Run now and keep" records the snapshots, as a scheduled `appeal monitor` would.
The reports are read from the served folder or one of its direct subfolders (`?dir=NAME`),
never from anywhere else."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from appeal.errors import AppealError
from appeal.web.app import html, page_lang, settings_of

router = APIRouter()

TEXTS: dict[str, tuple[str, str]] = {
    "monitor": ("Monitor", "指标监控"),
    "monitor.intro": (
        "Your reports in {folder}, read as appeal monitor reads them: each figure against its "
        "target, its trend over the stored snapshots, and the leading signals.",
        "读取 {folder} 中的报告，与 appeal monitor 相同：每个指标与目标线的距离、"
        "按已保存快照计算的趋势，以及预警信号。",
    ),
    "monitor.folder": ("Reports folder", "报告文件夹"),
    "monitor.here": ("this folder", "当前文件夹"),
    "monitor.show": ("Show", "显示"),
    "monitor.run": ("Run now and keep the snapshots", "立即运行并保存快照"),
    "monitor.run.hint": (
        "Looking at this page stores nothing; a scheduled appeal monitor, or this button, "
        "keeps today's figures for the trend.",
        "查看本页不会保存任何数据；定时运行 appeal monitor 或点击此按钮，"
        "才会保存今天的数据以计算趋势。",
    ),
    "monitor.all_well": (
        "All well: no figure near its target, no leading signal.",
        "一切正常：没有指标接近目标线，也没有预警信号。",
    ),
    "monitor.warnings": ("Warnings", "警告"),
    "monitor.notes": ("Notes", "说明"),
    "monitor.target": ("target {target}", "目标 {target}"),
    "monitor.snapshots": ("{n} snapshots", "{n} 条快照"),
    "monitor.problem": ("The monitor cannot read this folder", "无法读取此文件夹"),
    "monitor.stored": (
        "{stored} snapshots in {db}.",
        "{db} 中共有 {stored} 条快照。",
    ),
    "status.red": ("red", "红"),
    "status.amber": ("amber", "黄"),
    "status.green": ("green", "绿"),
    "status.grey": ("no value", "无数据"),
    "cases": ("All cases", "全部申诉"),
}


def say(lang: str, key: str, **values: Any) -> str:
    en, zh = TEXTS[key]
    return (zh if lang == "zh" else en).format(**values)


def _subfolders(root: Path) -> list[str]:
    return sorted(
        p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
    )


def _reports_folder(root: Path, name: str) -> Path:
    """The served folder, or its direct subfolder `name` (nothing outside it)."""
    from starlette.exceptions import HTTPException

    if not name:
        return root
    if name not in _subfolders(root):
        raise HTTPException(404)
    chosen = (root / name).resolve()
    if chosen.parent != root.resolve():  # a symlink leading out of the folder
        raise HTTPException(404)
    return chosen


def _page(request: Request, *, name: str, as_of: dt.date | None) -> Response:
    """The page: this reading joined to the stored history, nothing written."""
    from appeal.dates import pct
    from appeal.monitor import wording as view
    from appeal.monitor.run import run_monitor
    from appeal.web.monitor_chart import chart

    settings = settings_of(request)
    lang = page_lang(request)
    folder = _reports_folder(settings.folder, name)
    context: dict[str, Any] = {
        "m": lambda key, **values: say(lang, key, **values),
        "folder": str(folder),
        "dirs": _subfolders(settings.folder),
        "chosen": name,
        "as_of": as_of.isoformat() if as_of else "",
        "here": _url(name, as_of),
        "result": None,
        "problem": None,
    }
    try:
        result = run_monitor(folder=folder, now=_now(), as_of=as_of, record=False)
    except AppealError as exc:
        context["problem"] = exc.message
        return html(request, "monitor.html", **context)
    markets = sorted({w.marketplace for w in result.watches})
    context.update(
        result=result,
        sections=[
            (
                market,
                [
                    (w, view.label(w, lang), chart(w, view.label(w, "en")))
                    for w in view.ordered([w for w in result.watches if w.marketplace == market])
                ],
            )
            for market in markets
        ],
        warnings=view.warning_texts(result, lang),
        notes=view.note_texts(result, lang),
        watch_text=lambda w: view.watch_text(w, result.margin, lang),
        pct=pct,
    )
    return html(request, "monitor.html", **context)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _as_of(given: str | None) -> dt.date | None:
    """The day to judge, as `appeal monitor --as-of` takes it (default: each marketplace's
    today)."""
    from starlette.exceptions import HTTPException

    from appeal.dates import parse_date

    if not given:
        return None
    try:
        return parse_date(given)
    except ValueError:
        raise HTTPException(404) from None


def _url(name: str, as_of: dt.date | None) -> str:
    query = [f"dir={quote(name, safe='')}"] if name else []
    query += [f"as_of={as_of}"] if as_of else []
    return "/monitor" + ("?" + "&".join(query) if query else "")


@router.get("/monitor")
async def monitor_page(request: Request) -> Response:
    name = request.query_params.get("dir", "")
    as_of = _as_of(request.query_params.get("as_of"))
    return await run_in_threadpool(_page, request, name=name, as_of=as_of)


@router.post("/monitor")
async def monitor_run(request: Request) -> Response:
    """Record today's snapshots (as a scheduled run would), then show the page again."""
    from appeal.monitor.run import run_monitor

    form = await request.form()
    name = str(form.get("dir", ""))
    as_of = _as_of(str(form.get("as_of", "")))
    folder = _reports_folder(settings_of(request).folder, name)
    with suppress(AppealError):  # the page then says what is wrong with the folder
        await run_in_threadpool(run_monitor, folder=folder, now=_now(), as_of=as_of)
    return RedirectResponse(_url(name, as_of), status_code=303)
