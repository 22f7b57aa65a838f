"""Start-up stays light: the command line's module loads none of the heavy libraries; each is
imported only inside the command that needs it (style.md, spec section 9)."""

from __future__ import annotations

import subprocess
import sys

HEAVY = (
    "jinja2",
    "docx",
    "ruamel",
    "markdown_it",
    "questionary",
    "pydantic",
    "yaml",
    "fastapi",
    "uvicorn",
    "sqlite3",
    "rich",
)


def _loaded_after(code: str) -> set[str]:
    # appeal registers an empty pydantic plugin loader (no __spec__): not a loaded library.
    probe = (
        f"{code}\nimport sys\nprint(' '.join(sorted({{m.split('.')[0] for m, v in "
        "list(sys.modules.items()) if getattr(v, '__spec__', None) is not None})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_importing_the_cli_loads_no_heavy_library() -> None:
    loaded = _loaded_after("import appeal.cli")
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_help_loads_no_heavy_library() -> None:
    code = (
        "import sys\nsys.argv = ['appeal', '--help']\nfrom appeal.cli import app\n"
        "try:\n    app(prog_name='appeal')\nexcept SystemExit:\n    pass"
    )
    loaded = _loaded_after(code)
    # typer draws its help with rich (which brings markdown_it): the floor pays that too.
    ours = set(HEAVY) - {"rich", "markdown_it"}
    assert not loaded & ours, sorted(loaded & ours)


# A text render of an example case, as a user runs it.
TEXT_RENDER = (
    "import sys, tempfile, shutil, pathlib\n"
    "d = pathlib.Path(tempfile.mkdtemp())\n"
    "shutil.copy('examples/vtr-toys.yaml', d / 'c.yaml')\n"
    "sys.argv = ['appeal', 'render', str(d / 'c.yaml'), '-f', 'txt']\n"
    "from appeal.cli import app\n"
    "try:\n    app(prog_name='appeal')\nexcept SystemExit:\n    pass\n"
)


def test_a_text_render_does_not_load_python_docx() -> None:
    loaded = _loaded_after(TEXT_RENDER)
    assert "docx" not in loaded and "questionary" not in loaded and "ruamel" not in loaded


def test_a_render_does_not_search_package_metadata_for_pydantic_plugins() -> None:
    code = (
        TEXT_RENDER + "print('metadata' if 'importlib.metadata' in sys.modules else 'no metadata')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.rstrip().endswith("no metadata"), result.stdout[-200:]


def test_a_docx_render_needs_neither_python_docx_nor_lxml() -> None:
    """The reference document is taken apart once (lxml) and kept in appeal's cache; a letter
    is then written without python-docx or lxml."""
    docx_render = TEXT_RENDER.replace("'-f', 'txt'", "'-f', 'docx'") + (
        "assert (d / 'c.docx').stat().st_size > 10_000\n"
    )
    _loaded_after(docx_render)  # the first run may fill the cache
    loaded = _loaded_after(docx_render)
    assert "docx" not in loaded and "lxml" not in loaded, sorted(loaded)


def test_a_case_never_sent_loads_no_submission_history() -> None:
    """The resend checks (history, its form splitter) are loaded only for a case that has
    submissions; vtr-toys has none."""
    code = TEXT_RENDER + (
        "print(sorted(m for m in sys.modules if m in "
        "('appeal.letter.history', 'appeal.letter.formats.form')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.rstrip().endswith("[]"), result.stdout[-300:]
