"""The monitor page of `appeal serve`: the same result and sentences as `appeal monitor`, a chart
per figure drawn by us, nothing written by looking, the folder confined; and in a real browser."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from appeal.monitor.run import run_monitor
from appeal.monitor.store import DB_NAME
from appeal.monitor.wording import warning_texts
from tests.browser_helpers import chromium, live_server, shot
from tests.monitor_files import RUN_DAYS, write_day
from tests.web_helpers import web_client

AS_OF = RUN_DAYS[6]  # 25 October: the day the cancellation trend first warns


def _reports(root: Path, days: int = 7) -> Path:
    """`root/reports` after `days` daily downloads and monitor runs."""
    folder = root / "reports"
    folder.mkdir()
    for day in RUN_DAYS[:days]:
        write_day(folder, day)
        run_monitor(folder=folder, now=dt.datetime.now(dt.UTC), as_of=day)
    return folder


def _count(folder: Path) -> int:
    db = sqlite3.connect(folder / DB_NAME)
    try:
        (found,) = db.execute("SELECT COUNT(*) FROM snapshots").fetchone()
    finally:
        db.close()
    return int(found)


def test_the_page_shows_the_monitors_result_and_writes_nothing(tmp_path: Path) -> None:
    folder = _reports(tmp_path)
    before, stamp = _count(folder), (folder / DB_NAME).stat().st_mtime_ns
    client = web_client(tmp_path)
    page = client.get(f"/monitor?dir=reports&as_of={AS_OF}")
    assert page.status_code == 200
    text = page.text
    expected = warning_texts(run_monitor(folder=folder, now=dt.datetime.now(dt.UTC), as_of=AS_OF))
    assert len(expected) == 1
    assert expected[0].replace("<", "&lt;") in text  # the terminal's sentence, escaped
    assert text.count("<svg") == 5  # one chart per figure with snapshots (7 figures, 2 empty)
    assert "the trend crosses it on 2026-10-31" in text  # the chart's description
    assert 'stroke-dasharray="3 3"' in text  # the projection to the line
    assert (_count(folder), (folder / DB_NAME).stat().st_mtime_ns) == (before, stamp)


def test_looking_at_a_folder_without_a_database_creates_none(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    write_day(folder, RUN_DAYS[0])
    page = web_client(tmp_path).get(f"/monitor?dir=reports&as_of={RUN_DAYS[0]}")
    assert page.status_code == 200 and "amazon.com" in page.text
    assert not (folder / DB_NAME).exists()


def test_run_now_keeps_the_snapshots(tmp_path: Path) -> None:
    folder = _reports(tmp_path, days=6)
    write_day(folder, AS_OF)
    before = _count(folder)
    client = web_client(tmp_path)
    response = client.post(
        "/monitor",
        data={"dir": "reports", "as_of": str(AS_OF), "csrf": client.settings.csrf},
        headers={"origin": client.settings.origins and sorted(client.settings.origins)[0]},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/monitor?dir=reports&as_of={AS_OF}"
    assert _count(folder) == before + 5


def test_a_post_from_another_site_is_refused(tmp_path: Path) -> None:
    folder = _reports(tmp_path, days=1)
    before = _count(folder)
    client = web_client(tmp_path)
    response = client.post(
        "/monitor", data={"dir": "reports"}, headers={"origin": "http://evil.example"}
    )
    assert response.status_code == 403
    assert _count(folder) == before


def test_the_folder_stays_inside_the_served_one(tmp_path: Path) -> None:
    served = tmp_path / "served"
    served.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    write_day(outside, RUN_DAYS[0])
    os.symlink(outside, served / "link")
    client = web_client(served)
    for name in ("..", "../outside", "link", "nowhere", "/etc"):
        assert client.get("/monitor", params={"dir": name}).status_code == 404, name


def test_an_empty_folder_says_what_to_download(tmp_path: Path) -> None:
    page = web_client(tmp_path).get("/monitor")
    assert page.status_code == 200
    assert "no Amazon report in this folder" in page.text


def test_the_page_in_chinese_and_the_link_from_the_cases(tmp_path: Path) -> None:
    _reports(tmp_path)
    client = web_client(tmp_path)
    assert 'href="/monitor"' in client.get("/").text
    client.cookies.set("appeal_lang", "zh")
    page = client.get(f"/monitor?dir=reports&as_of={AS_OF}").text
    assert "取消率，最近7天（amazon.com）：1.57 %" in page
    assert "立即运行并保存快照" in page


@pytest.fixture
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


def test_the_monitor_page_in_a_browser(browser: Any, tmp_path: Path) -> None:
    _reports(tmp_path, days=6)
    write_day(tmp_path / "reports", AS_OF)
    with live_server(tmp_path) as url:
        base = url.split("/?")[0]
        page = browser.new_page(viewport={"width": 1440, "height": 900})
        page.goto(url)
        page.get_by_role("link", name="Monitor your metrics").click()
        page.select_option("#monitor-dir", "reports")
        page.goto(f"{base}/monitor?dir=reports&as_of={AS_OF}")
        assert page.locator("svg.spark-chart").count() == 5
        assert "30 snapshots in" in page.inner_text("main")  # today's not kept yet
        shot(page, "monitor-en")
        page.get_by_role("button", name="Run now and keep the snapshots").click()
        page.wait_for_url(f"**/monitor?dir=reports&as_of={AS_OF}")
        assert page.locator(".monitor-warnings li").count() == 1
        assert "35 snapshots" in page.inner_text("main")
        phone = browser.new_page(viewport={"width": 360, "height": 780})
        phone.goto(url)
        phone.goto(f"{base}/monitor?dir=reports&as_of={AS_OF}")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360
        shot(phone, "monitor-en")
        phone.get_by_role("button", name="中文").click()
        phone.wait_for_load_state()
        shot(phone, "monitor-zh")
        assert "指标监控" in phone.inner_text("h1")
