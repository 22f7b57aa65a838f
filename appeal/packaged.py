"""Files shipped with the package: letter templates and the data files (catalogue, checks,
marketplaces), found the same way in an installed wheel and in a source checkout; and the
folder where appeal keeps what it can rebuild from them."""

from __future__ import annotations

import os
import sys
from importlib import resources
from pathlib import Path

_ROOT = Path(__file__).resolve().parent


def template_path(name: str) -> Path:
    """A file of `templates/` (inside the wheel; beside the package in a source checkout)."""
    packaged = resources.files("appeal").joinpath("templates", name)
    if packaged.is_file():
        return Path(str(packaged))
    return _ROOT.parent / "templates" / name


def data_path(*parts: str) -> Path:
    """A file or folder of `appeal/data/`."""
    return _ROOT.joinpath("data", *parts)


def data_text(*parts: str) -> str:
    """The text of a file of `appeal/data/`."""
    return data_path(*parts).read_text(encoding="utf-8")


def cache_folder() -> Path:
    """Where appeal keeps what it can rebuild (compiled templates, validated data files,
    reference documents taken apart): `$XDG_CACHE_HOME/appeal` where set, on Windows
    `%LOCALAPPDATA%\\appeal\\Cache` (not the roaming profile), else `~/.cache/appeal`."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "appeal"
    local = os.environ.get("LOCALAPPDATA") if sys.platform == "win32" else None
    if local:
        return Path(local) / "appeal" / "Cache"
    return Path.home() / ".cache" / "appeal"
