"""The floor for start-up: a bare typer app with one command that reads the case file with
PyYAML (as any YAML tool must) and writes text, or (with --docx) fills and saves python-docx
documents, parsing the template document once and reusing it for every letter (the cheapest
python-docx loop; appeal writes its .docx without python-docx).

With --kept it also does the two things issue 15 says appeal keeps, and nothing else of
appeal: it loads appeal's Jinja template (Jinja imported, the compiled template read from
appeal's bytecode cache, not rendered) and validates the case with appeal's pydantic case
models. That is a lower bound for any appeal that keeps them (benchmarks/README.md)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


def _as_text(data: object) -> object:
    """The case's values as text, as appeal's YAML dialect gives them to its models."""
    if isinstance(data, dict):
        return {str(key): _as_text(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_as_text(value) for value in data]
    return data.isoformat() if isinstance(data, dt.date) else str(data)


def _keep(data: object) -> None:
    """Load appeal's letter template and validate the case with appeal's case models."""
    import jinja2

    from appeal.core.case import Case
    from appeal.packaged import cache_folder, template_path

    template = template_path("letter.md.j2")
    folder = cache_folder() / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template.parent)),
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(folder)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(longdate=str, pct=str)  # stand-ins: the template is loaded, not run
    env.get_template(template.name)
    Case.model_validate(_as_text(data))


def _lines(data: object) -> list[str]:
    """Every scalar of the case as a line: a stand-in for filling a letter."""
    if isinstance(data, dict):
        return [line for key, value in data.items() for line in [str(key), *_lines(value)]]
    if isinstance(data, list):
        return [line for value in data for line in _lines(value)]
    return [str(data)]


@app.command()
def render(
    cases: list[Path],
    out: Annotated[Path, typer.Option("-o")] = Path("."),
    docx: bool = False,
    kept: bool = False,
) -> None:
    """Render."""
    import yaml

    out.mkdir(parents=True, exist_ok=True)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = None
    for number, case in enumerate(cases):
        data = yaml.load(case.read_text(encoding="utf-8"), Loader=loader)
        if kept:
            _keep(data)
        lines = _lines(data)
        if not docx:
            (out / f"bare-{number}.txt").write_text("\n".join(lines), encoding="utf-8")
            continue
        if document is None:
            from docx import Document

            document = Document()
        body = document.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        for line in lines:
            document.add_paragraph(line)
        document.save(str(out / f"bare-{number}.docx"))


@app.command()
def other() -> None:
    """A second command so that typer builds a command group like appeal's."""


if __name__ == "__main__":
    app()
