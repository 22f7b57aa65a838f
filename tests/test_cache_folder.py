"""Where appeal keeps what it can rebuild, on each system, and that a cache it cannot use never
stops a command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from appeal.core.datafile import cached
from appeal.packaged import cache_folder


def test_the_cache_folder_on_each_system(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_folder() == tmp_path / "xdg" / "appeal"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    monkeypatch.setattr(sys, "platform", "win32")
    assert cache_folder() == tmp_path / "local" / "appeal" / "Cache"  # not the roaming profile
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    assert cache_folder() == tmp_path / "home" / ".cache" / "appeal"


def test_a_cache_that_cannot_be_written_only_costs_time(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    source = tmp_path / "source.txt"
    source.write_text("data", encoding="utf-8")
    builds = []

    def build() -> str:
        builds.append(1)
        return "built"

    assert cached("probe", [source], build) == "built"
    assert cached("probe", [source], build) == "built"
    assert len(builds) == 2  # built again each time, never an error
