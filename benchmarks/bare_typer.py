"""The floor for start-up: a bare typer app with one command that reads the case file with
PyYAML (as any YAML tool must) and writes text, or (with --docx) fills and saves python-docx
documents, parsing the template document once and reusing it for every letter (the cheapest
python-docx loop; appeal writes its .docx without python-docx)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


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
) -> None:
    """Render."""
    import yaml

    out.mkdir(parents=True, exist_ok=True)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    document = None
    for number, case in enumerate(cases):
        lines = _lines(yaml.load(case.read_text(encoding="utf-8"), Loader=loader))
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
