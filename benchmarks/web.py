"""`appeal serve` speed (issue 14 point 7): a case page and a preview update, on a three-cause
case, through a real server on 127.0.0.1.

    uv run python benchmarks/web.py [--quick]

Targets: a case page under 50 ms, a preview update (an answer saved, the letter rendered and
checked, the preview sent back) under 150 ms; medians.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from appeal.web.app import create_app  # noqa: E402
from appeal.web.server import bind  # noqa: E402
from appeal.web.settings import Settings, new_token  # noqa: E402

EXAMPLE = ROOT / "examples" / "full-suspension.yaml"  # three causes
TODAY = dt.date(2026, 11, 24)


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def main() -> None:
    runs = 15 if "--quick" in sys.argv else 60
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copy(EXAMPLE, folder / "case.yaml")
        sock = bind(0)
        settings = Settings(
            folder=folder, token=new_token(), port=sock.getsockname()[1], today=lambda: TODAY
        )
        config = uvicorn.Config(
            create_app(settings), log_level="warning", access_log=False, lifespan="off"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{settings.port}"
        try:
            with httpx.Client(base_url=base, timeout=30) as client:
                client.get(f"/?token={settings.token}")
                report(client, settings, runs)
        finally:
            server.should_exit = True
            thread.join(timeout=30)
            sock.close()


def report(client: httpx.Client, settings: Settings, runs: int) -> None:
    results = {}
    for page in ("seller", "details", "review", "finish"):
        client.get(f"/case/case.yaml/{page}")  # warm
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(f"/case/case.yaml/{page}")
            samples.append(time.perf_counter() - start)
            assert response.status_code == 200
        results[f"case page ({page})"] = (_median_ms(samples), 50.0)
    html = client.get("/case/case.yaml/details").text
    version = re.search(r'id="version" name="version" value="([0-9a-f]+)"', html)
    tab = re.search(r'"X-Appeal-Tab": "([^"]+)"', html)
    assert version is not None and tab is not None
    headers = {"HX-Request": "true", "X-CSRF-Token": settings.csrf, "X-Appeal-Tab": tab.group(1)}
    current = version.group(1)
    samples = []
    for n in range(runs + 1):
        data = {
            "version": current,
            "c0.cause": "late_shipment",
            "c0.facts": f"Between 22 October and 20 November 2026, {57 + n % 2} of 919 orders "
            "(6.2 %) were confirmed late.",
        }
        start = time.perf_counter()
        response = client.post("/case/case.yaml/save/details", data=data, headers=headers)
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.text[:300]
        assert "1. Late shipment" in response.text  # the preview came back
        found = re.search(r'id="version" name="version" value="([0-9a-f]+)"', response.text)
        assert found is not None
        current = found.group(1)
        if n:  # the first one warms the caches
            samples.append(elapsed)
    results["preview update (answer saved, letter checked)"] = (_median_ms(samples), 150.0)
    # A page right after the case file changed outside the page (the command line, an editor):
    # nothing is cached, the letter is rendered and checked for the page.
    path = settings.folder / "case.yaml"
    samples = []
    for n in range(runs):
        path.write_text(path.read_text(encoding="utf-8") + f"# outside edit {n}\n", "utf-8")
        start = time.perf_counter()
        response = client.get("/case/case.yaml/details")
        samples.append(time.perf_counter() - start)
        assert response.status_code == 200
    results["case page (details) after an outside change"] = (_median_ms(samples), 50.0)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{os.cpu_count()} cores, load average {load:.1f} (timings stretch with the load)")
    for name, (median, target) in results.items():
        verdict = "ok" if median <= target else "OVER TARGET"
        print(f"{name:<48} median {median:7.1f} ms  (target {target:g} ms) {verdict}")


if __name__ == "__main__":
    main()
