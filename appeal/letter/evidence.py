"""The evidence files a case lists (`attachments:` of the case and of each cause), looked for
beside the case file: which are there, which are missing or outside the case's folder, and which
fit into the e-mail draft.

Nothing here reads a file's content: the checks only look at names and sizes; the e-mail writer
reads the files it attaches (`read_attachments`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Literal

from appeal.core.case import Case
from appeal.letter.finding import Finding

# The evidence files of one e-mail draft together. Amazon publishes no limit for its appeals
# address; mail services refuse messages over 20 MB (Outlook.com) or 25 MB (Gmail), counted
# after base64, which adds a third. 10 MB of files (about 13.7 MB sent, with the .docx) stays
# under both with room to spare.
EMAIL_LIMIT = 10 * 1024 * 1024

# The usual kinds of evidence, with their registered types: the same on every machine (the
# standard library's `mimetypes` also reads the Windows registry, which varies).
_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".heic": "image/heic",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".txt": "text/plain",
    ".json": "application/json",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xls": "application/vnd.ms-excel",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".doc": "application/msword",
    ".zip": "application/zip",
}
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")

Problem = Literal["missing", "outside", "not_a_file"]


@dataclass(frozen=True)
class EvidenceFile:
    """One listed evidence file found beside the case."""

    name: str  # as the case lists it
    path: Path
    size: int

    @property
    def file_name(self) -> str:
        """The name without its folders: what the recipient sees."""
        return PurePosixPath(self.name.replace("\\", "/")).name


@dataclass(frozen=True)
class EvidenceScan:
    """What the case's `attachments:` name, as found on disk."""

    found: list[EvidenceFile] = field(default_factory=list)
    problems: list[tuple[str, Problem]] = field(default_factory=list)  # (name, what is wrong)

    def for_email(self, limit: int = EMAIL_LIMIT) -> tuple[list[EvidenceFile], list[EvidenceFile]]:
        """(attached, left out): the files in the case's order, each attached while the total
        stays within `limit`; a file that would pass it is left out, smaller later ones still
        go in."""
        attached: list[EvidenceFile] = []
        left_out: list[EvidenceFile] = []
        total = 0
        for evidence in self.found:
            if total + evidence.size <= limit:
                attached.append(evidence)
                total += evidence.size
            else:
                left_out.append(evidence)
        return attached, left_out


def _outside(name: str) -> bool:
    windows = PureWindowsPath(name)
    if windows.drive or windows.is_absolute() or PurePosixPath(name).is_absolute():
        return True
    return ".." in name.replace("\\", "/").split("/")


def scan_evidence(case: Case, case_path: Path) -> EvidenceScan:
    """Look for every evidence file the case lists, relative to the case file's folder."""
    folder = case_path.parent
    scan = EvidenceScan()
    seen: set[Path] = set()  # one file listed under two names ('a.pdf', './a.pdf') goes once
    for name in case.evidence_files():
        if _outside(name):
            scan.problems.append((name, "outside"))
            continue
        path = folder / name.replace("\\", "/")
        try:
            real = path.resolve()
            inside = real.is_relative_to(folder.resolve())
            stat = path.stat()
        except (OSError, RuntimeError, ValueError):
            scan.problems.append((name, "missing"))
            continue
        if not inside:  # a link to a place outside the case's folder
            scan.problems.append((name, "outside"))
        elif not path.is_file():
            scan.problems.append((name, "not_a_file"))
        elif real not in seen:
            seen.add(real)
            scan.found.append(EvidenceFile(name, path, stat.st_size))
    return scan


def content_type(file_name: str, data: bytes) -> str:
    """The MIME type of an attachment; a text file that is UTF-8 says so."""
    suffix = PurePosixPath(file_name.lower()).suffix
    kind = _TYPES.get(suffix)
    if kind is None:
        import mimetypes

        guessed, _ = mimetypes.guess_type(f"x{suffix}", strict=True)
        kind = guessed if guessed and _MEDIA_TYPE.fullmatch(guessed) else None
    if kind is None:
        return "application/octet-stream"
    if kind.startswith("text/"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return kind
        return f'{kind}; charset="utf-8"'
    return kind


def read_attachments(files: list[EvidenceFile]) -> list[tuple[str, bytes, str]]:
    """(file name, bytes, MIME type) of each file, read now."""
    from appeal.errors import InputError

    read = []
    for evidence in files:
        try:
            data = evidence.path.read_bytes()
        except OSError as exc:
            raise InputError(
                f"{evidence.path}: listed under attachments, but it cannot be read "
                f"({exc.strerror or exc}); close the program that holds it, or remove it from "
                "the list."
            ) from exc
        read.append((evidence.file_name, data, content_type(evidence.file_name, data)))
    return read


def _size(size: int) -> str:
    if size >= 100 * 1024:
        return f"{size / (1024 * 1024):.1f}\u00a0MB"
    return f"{max(size // 1024, 1)}\u00a0KB"


def _where(case: Case, name: str) -> str:
    for index, entry in enumerate(case.causes, start=1):
        if name in entry.attachments:
            return f"cause {index} ({entry.cause}), attachments"
    return "attachments"


def evidence_findings(case: Case, scan: EvidenceScan, channel: str) -> list[Finding]:
    """A warning for each listed file that is not there to send, and, for the e-mail channel,
    for each file the draft leaves out because the files together are too large."""
    findings = []
    sends = (
        "the e-mail draft goes without it"
        if channel == "email"
        else "you upload it in the appeal form's file field"
    )
    sends_zh = "邮件草稿不会附上它" if channel == "email" else "需要在申诉表单的附件栏上传它"
    for name, problem in scan.problems:
        if problem == "outside":
            fix = (
                "is outside the case's folder, so appeal does not take it; copy the file into "
                "the folder of the case file and list it by its name there"
            )
            fix_zh = (
                "在申诉文件所在文件夹之外，appeal 不会读取；"
                "请把文件复制到申诉文件所在的文件夹，并按文件名列出"
            )
        elif problem == "not_a_file":
            fix = f"is a folder, not a file; list the files in it one by one ({sends})"
            fix_zh = f"是文件夹而不是文件；请逐个列出其中的文件（{sends_zh}）"
        else:
            fix = f"not found beside the case file; put it there or correct the name ({sends})"
            fix_zh = (
                "列为证据，但在申诉文件旁边找不到；"
                f"请把文件放到那里或更正列表中的文件名（{sends_zh}）"
            )
        findings.append(Finding("warning", "evidence-file", _where(case, name), name, fix, fix_zh))
    if channel != "email":
        return findings
    limit = _size(EMAIL_LIMIT)
    for evidence in scan.for_email()[1]:
        size = _size(evidence.size)
        findings.append(
            Finding(
                "warning",
                "evidence-too-large",
                _where(case, evidence.name),
                evidence.name,
                f"{size}: with the other files it passes the {limit} an e-mail's attachments "
                "may take, so the draft goes without it; make it smaller (a PDF of the pages "
                "that matter, a cropped screenshot) or send it in a second e-mail",
                f"{size}：加上其他文件后超过邮件附件总共 {limit} 的上限，草稿不会附上它；"
                "请压缩（只保留关键页的 PDF、裁剪截图）或另发一封邮件",
            )
        )
    return findings
