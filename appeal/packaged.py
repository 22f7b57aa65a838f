"""Files shipped with the package: letter templates and the data files (catalogue, checks,
marketplaces), found the same way in an installed wheel and in a source checkout."""

from __future__ import annotations

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
