"""`appeal render`: case file -> letter files in the requested formats, beside the case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from appeal.core.casefile import load_case
from appeal.core.catalogue import load_catalogue
from appeal.core.channel import Channel
from appeal.errors import InputError
from appeal.letter.checks import CheckReport, check_letter
from appeal.letter.content import Letter, render_letter
from appeal.letter.evidence import EvidenceScan, scan_evidence
from appeal.letter.formats.document import Block, parse_markdown
from appeal.letter.outputs import PlannedFile, write_files

OutputFormat = Literal["txt", "md", "docx", "eml", "form"]
ALL_FORMATS: tuple[OutputFormat, ...] = ("txt", "md", "docx", "eml", "form")
# Which formats fit each channel when the user asks for none (or for "all").
CHANNEL_FORMATS: dict[str, tuple[OutputFormat, ...]] = {
    "email": ("txt", "md", "docx", "eml"),
    "seller_central": ("txt", "md", "docx", "form"),
    "none": ("txt", "md", "docx"),  # a warning: a plan kept ready, sent nowhere
}
SUFFIX: dict[OutputFormat, str] = {
    "txt": ".txt",
    "md": ".md",
    "docx": ".docx",
    "eml": ".eml",
    "form": ".form.txt",
}


@dataclass(frozen=True)
class RenderResult:
    """One case rendered: its letter, the files written, and what the checks found."""

    case_path: Path
    letter: Letter
    written: list[Path]
    checks: CheckReport

    @property
    def channel(self) -> Channel:
        return self.letter.channel


@dataclass(frozen=True)
class RenderRun:
    """Every case of one `appeal render`."""

    results: list[RenderResult]
    today: dt.date

    @property
    def exit_code(self) -> int:
        """1 when a letter was written with error-level findings, else 0."""
        return max((r.checks.exit_code for r in self.results), default=0)


def choose_formats(requested: list[str], channel: Channel) -> list[OutputFormat]:
    """The formats to write: those asked for, or every format that fits the channel."""
    fitting = CHANNEL_FORMATS[channel.kind]
    if not requested or "all" in requested:
        return list(fitting)
    chosen: list[OutputFormat] = []
    for name in requested:
        if name not in ALL_FORMATS:
            raise InputError(
                f"--format {name}: unknown format; use {', '.join(ALL_FORMATS)} or all."
            )
        if name in ("eml", "form") and channel.kind == "none":
            raise InputError(
                f"--format {name}: nothing is sent for this case ({channel.reason}); "
                "use --format txt, md or docx."
            )
        if name == "eml" and channel.kind != "email":
            raise InputError(
                "--format eml: this case goes through Seller Central, not e-mail "
                f"({channel.reason}); use --format form, or set channel: email in the case."
            )
        fmt = ALL_FORMATS[ALL_FORMATS.index(name)]
        if fmt not in chosen:
            chosen.append(fmt)
    return chosen


def build_files(
    letter: Letter,
    formats: list[OutputFormat],
    *,
    folder: Path,
    stem: str,
    box_titles: list[str],
    reference_docx: Path | None = None,
    evidence: EvidenceScan | None = None,
) -> list[PlannedFile]:
    """Every requested file's bytes, made from the one Markdown letter; the e-mail draft
    attaches the .docx and the evidence files of `evidence` that fit (`EvidenceScan.for_email`)."""
    from appeal.letter.formats.txt import blocks_to_text

    blocks = parse_markdown(letter.markdown)
    case = letter.case
    files: list[PlannedFile] = []
    docx_bytes: bytes | None = None

    def docx() -> bytes:
        nonlocal docx_bytes
        if docx_bytes is None:
            from appeal.letter.formats.docx import write_docx

            docx_bytes = write_docx(
                blocks,
                title=letter.subject,
                author=case.seller.business_name,
                marketplace=case.seller.marketplace,
                letter_date=letter.letter_date,
                reference=reference_docx,
            )
        return docx_bytes

    for fmt in formats:
        path = folder / f"{stem}{SUFFIX[fmt]}"
        if fmt == "txt":
            data = blocks_to_text(blocks).encode("utf-8")
        elif fmt == "md":
            data = letter.markdown.encode("utf-8")
        elif fmt == "docx":
            data = docx()
        elif fmt == "eml":
            from appeal.letter.evidence import read_attachments
            from appeal.letter.formats.eml import DOCX_TYPE, Attachment, write_eml

            attached = read_attachments(evidence.for_email()[0]) if evidence else []
            data = write_eml(
                to=letter.channel.address or "",
                sender_name=case.seller.contact_name,
                sender_email=case.seller.contact_email,
                subject=letter.subject,
                body=blocks_to_text(_without_header(blocks, letter.header)),
                letter_date=letter.letter_date,
                attachments=[
                    Attachment(f"{stem}.docx", docx(), DOCX_TYPE),
                    *(Attachment(*file) for file in attached),
                ],
            )
        else:
            from appeal.letter.formats.form import write_form

            note = (
                f"Seller Central appeal form for {case.seller.store_name}: paste each box "
                "into the field of the same name; upload the attachments in the form's own "
                "file field."
            )
            closing = parse_markdown(letter.closing) if letter.closing else []
            data = write_form(blocks, titles=box_titles, channel_note=note, closing=closing).encode(
                "utf-8"
            )
        files.append(PlannedFile(path, data))
    return files


def _without_header(blocks: list[Block], header: str) -> list[Block]:
    """The letter from the salutation on: without the letterhead, date, To and Subject that
    the e-mail's own headers carry (the template's block `header`)."""
    head = parse_markdown(header) if header else []
    return blocks[len(head) :] if head and blocks[: len(head)] == head else blocks


def reading_copy(letter: Letter, catalogue: Any, path: Path) -> PlannedFile:
    """The Chinese reading copy of the letter, as plain text (for cases in Chinese)."""
    from appeal.letter.content import render_reading_copy
    from appeal.letter.formats.txt import blocks_to_text

    text = blocks_to_text(parse_markdown(render_reading_copy(letter, catalogue)))
    return PlannedFile(path, text.encode("utf-8"))


def render_cases(
    case_paths: list[Path],
    *,
    formats: list[str] | None = None,
    out_dir: Path | None = None,
    force: bool = False,
    reference_docx: Path | None = None,
    template: Path | None = None,
    today: dt.date | None = None,
) -> RenderRun:
    """Render every case into letter files. All cases are checked and every file is planned
    before anything is written, so one bad case or one protected file writes nothing."""
    catalogue = load_catalogue()
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"-o {out_dir}: is a file, not a folder.")
    letter_date = today or dt.date.today()
    box_titles = catalogue.box_titles()
    results: list[RenderResult] = []
    planned: list[PlannedFile] = []
    seen: dict[Path, Path] = {}
    for case_path in case_paths:
        loaded = load_case(case_path, catalogue)
        letter = render_letter(loaded.case, catalogue, letter_date=letter_date, template=template)
        chosen = choose_formats(formats or [], letter.channel)
        folder = out_dir if out_dir is not None else case_path.parent
        evidence = scan_evidence(loaded.case, case_path)
        files = build_files(
            letter,
            chosen,
            folder=folder,
            stem=case_path.stem,
            box_titles=box_titles,
            reference_docx=reference_docx,
            evidence=evidence,
        )
        if loaded.case.lang == "zh":
            files.append(reading_copy(letter, catalogue, folder / f"{case_path.stem}.zh.txt"))
        for planned_file in files:
            if planned_file.path.resolve() == case_path.resolve():
                raise InputError(
                    f"{case_path}: the {planned_file.path.suffix} letter would replace the case "
                    "file itself; give the case file a .yaml name."
                )
            other = seen.setdefault(planned_file.path, case_path)
            if other != case_path:
                raise InputError(
                    f"{case_path}: would write {planned_file.path}, as {other} does; give the "
                    "case files different names or render them into different folders."
                )
        planned += files
        checks = check_letter(
            case_path, loaded.case, letter, catalogue, letter_date, evidence=evidence
        )
        results.append(RenderResult(case_path, letter, [f.path for f in files], checks))
    write_files(planned, force=force)
    return RenderRun(results, letter_date)


def render_case(case_path: Path, **options: Any) -> RenderResult:
    """Render one case (see render_cases for the options)."""
    return render_cases([case_path], **options).results[0]
