"""The floor for start-up: a bare typer app with one command that reads a file and writes text,
or (with --docx) saves a python-docx document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def render(
    case: Path,
    out: Annotated[Path, typer.Option("-o")] = Path("."),
    docx: bool = False,
    count: int = 1,
) -> None:
    """Render."""
    text = case.read_text(encoding="utf-8")
    out.mkdir(parents=True, exist_ok=True)
    if not docx:
        (out / "bare.txt").write_text(text, encoding="utf-8")
        return
    from docx import Document

    for n in range(count):
        doc = Document()
        for line in text.splitlines():
            doc.add_paragraph(line)
        doc.save(str(out / f"bare-{n}.docx"))


@app.command()
def other() -> None:
    """A second command so that typer builds a command group like appeal's."""


if __name__ == "__main__":
    app()
