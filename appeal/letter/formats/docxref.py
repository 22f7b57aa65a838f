"""The reference document (ours, or the seller's letterhead) taken apart once for every letter.

A letter's .docx is the reference package with three parts replaced: the body of the main
document, the list numbering (each numbered list restarts at 1) and the document properties.
Everything else (styles, fonts, theme, header and footer, a letterhead's logo) is copied as it
is, compressed once. Reading the reference needs lxml; what it yields is plain bytes and
strings, kept in appeal's cache (`~/.cache/appeal/data`) until the reference file changes, so
that a letter costs neither lxml nor python-docx.
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appeal.errors import InputError
from appeal.letter.formats.ziparchive import Member, deflate

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE_DOCUMENT = f"{_RT}/officeDocument"
_NUMBERING = f"{_RT}/numbering"
_STYLES = f"{_RT}/styles"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"
_MARKER = "appeal-body"

# Page sizes in twentieths of a point: US Letter on amazon.com / .ca, A4 elsewhere.
PAPER = {"letter": (12240, 15840), "a4": (11906, 16838)}
_DEFAULT_MARGIN = 1440  # one inch, Word's default
_LARGEST = 64 * 1024 * 1024  # unpacked; a letterhead with a logo is a few megabytes


@dataclass(frozen=True)
class Reference:
    """A reference document taken apart: what every letter copies and where its parts go."""

    members: tuple[Member, ...]  # in archive order; a letter replaces three of them
    document: str  # part names of the three parts each letter writes
    numbering: str | None
    core: str
    prefix: str  # "w:" (or "" where the WordprocessingML namespace is the default one)
    head: bytes  # the main document up to the body's content
    tails: dict[str, bytes]  # paper -> the body's last section (page size set) and the rest
    text_width: dict[str, int]  # paper -> width between the margins, twips
    styles: dict[str, str]  # style name, lower case -> style id
    list_number: tuple[int, str] | None  # (first free w:numId, abstractNumId) to restart lists
    numbering_head: bytes
    numbering_tail: bytes
    numbering_prefix: str


_LOADED: dict[tuple[Path, int, int], Reference] = {}


def load_reference(source: Path) -> Reference:
    """`source` taken apart, from appeal's cache when the file is unchanged (and from memory
    for the next letters of the same run)."""
    from appeal.core.datafile import cached

    try:
        stat = source.stat()
    except OSError as exc:
        raise _not_usable(source, exc) from None
    key = (source, stat.st_mtime_ns, stat.st_size)
    if key not in _LOADED:
        try:
            _LOADED[key] = cached("docx-reference", [source], lambda: _take_apart(source))
        except OSError as exc:  # a folder, or a file that cannot be read
            raise _not_usable(source, exc) from None
    return _LOADED[key]


def _not_usable(source: Path, why: object) -> InputError:
    return InputError(
        f"{source}: not a usable .docx reference document ({why}); save a letterhead from Word "
        "as .docx and pass that, or leave --reference-docx out."
    )


def _take_apart(source: Path) -> Reference:
    from lxml import etree

    try:
        with zipfile.ZipFile(source) as archive:
            if sum(info.file_size for info in archive.infolist()) > _LARGEST:
                raise ValueError("it unpacks to more than 64 MB")
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        return _Parts(parts).reference()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, etree.XMLSyntaxError) as exc:
        raise _not_usable(source, exc) from None


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _prefix(root: Any) -> str:
    for prefix, namespace in root.nsmap.items():
        if namespace == W:
            return f"{prefix}:" if prefix else ""
    raise ValueError("it has no WordprocessingML part")


def _serialised(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _split(root: Any, marker: Any) -> tuple[bytes, bytes]:
    from lxml import etree

    head, tail = _serialised(root).split(etree.tostring(marker), 1)
    return head, tail


class _Parts:
    """The package's parts by name, and the reading of the few that letters change."""

    def __init__(self, parts: dict[str, bytes]) -> None:
        self.parts = parts
        self.order = list(parts)

    def xml(self, name: str) -> Any:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        return etree.fromstring(self.parts[name], parser)

    def rels(self, part: str) -> tuple[str, Any]:
        folder, name = posixpath.split(part)
        path = posixpath.join(folder, "_rels", f"{name}.rels")
        return path, self.xml(path)

    def related(self, part: str, reltype: str) -> str | None:
        _, rels = self.rels(part)
        for rel in rels.iter(f"{{{_R}}}Relationship"):
            if rel.get("Type") == reltype and rel.get("TargetMode") != "External":
                target = str(rel.get("Target", ""))
                if target.startswith("/"):
                    return target.lstrip("/")
                return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))
        return None

    def replace(self, name: str, root: Any) -> None:
        self.parts[name] = _serialised(root)

    def package(self) -> tuple[str, str]:
        """The main document's part name and the document properties' (added if missing);
        the thumbnail (a picture of the reference, not of the letter) dropped."""
        from lxml import etree

        rels_name, rels = self.rels("")
        types = self.xml("[Content_Types].xml")
        document = core = None
        for rel in list(rels):
            target = rel.get("Target", "").lstrip("/")
            if rel.get("Type") == _THUMBNAIL:
                rels.remove(rel)
                self.parts.pop(target, None)
                for override in list(types.iter(f"{{{_CT}}}Override")):
                    if override.get("PartName", "").lstrip("/") == target:
                        types.remove(override)
            elif rel.get("Type") == _OFFICE_DOCUMENT:
                document = target
            elif rel.get("Type") == _CORE:
                core = target
        if document is None or document not in self.parts:
            raise ValueError("it has no main document")
        if core is None:
            core = "docProps/core.xml"
            ids = {rel.get("Id") for rel in rels}
            new_id = next(f"rIdCore{n}" for n in range(len(ids) + 1) if f"rIdCore{n}" not in ids)
            etree.SubElement(rels, f"{{{_R}}}Relationship", Id=new_id, Type=_CORE, Target=core)
        if not any(o.get("PartName", "").lstrip("/") == core for o in types):
            override = etree.SubElement(types, f"{{{_CT}}}Override", PartName=f"/{core}")
            override.set("ContentType", _CORE_TYPE)
        self.replace(rels_name, rels)
        self.replace("[Content_Types].xml", types)
        if core not in self.order:
            self.order.insert(self.order.index(document), core)
        return document, core

    def styles(self, document: str) -> tuple[dict[str, str], str | None]:
        """Style ids by lower-case name, and the w:numId the "List Number" style numbers its
        paragraphs with (None without one)."""
        name = self.related(document, _STYLES)
        if name is None or name not in self.parts:
            return {}, None
        ids: dict[str, str] = {}
        list_number = None
        for style in self.xml(name).iter(f"{{{W}}}style"):
            style_name = style.find(f"{{{W}}}name")
            style_id = style.get(f"{{{W}}}styleId")
            if style_name is None or style_id is None:
                continue
            lower = style_name.get(f"{{{W}}}val", "").lower()
            if lower == "list number" and "list number" not in ids:
                num_id = style.find(f"{{{W}}}pPr/{{{W}}}numPr/{{{W}}}numId")
                list_number = None if num_id is None else num_id.get(f"{{{W}}}val")
            ids.setdefault(lower, style_id)
        return ids, list_number

    def body(self, document: str) -> tuple[str, bytes, dict[str, bytes], dict[str, int]]:
        """The main document emptied to its last section, split where a letter's body goes,
        with the section's page size set for each paper."""
        from lxml import etree

        root = self.xml(document)
        prefix = _prefix(root)
        body = root.find(f"{{{W}}}body")
        if body is None:
            raise ValueError("its main document has no body")
        last = body[-1] if len(body) else None
        section = last if last is not None and last.tag == f"{{{W}}}sectPr" else None
        for child in list(body):
            if child is not section:
                body.remove(child)
        if section is None:
            section = etree.SubElement(body, f"{{{W}}}sectPr")
        margins = section.find(f"{{{W}}}pgMar")
        if margins is None:
            margins = etree.SubElement(section, f"{{{W}}}pgMar")
            for side in ("top", "right", "bottom", "left"):
                margins.set(f"{{{W}}}{side}", str(_DEFAULT_MARGIN))
        size = section.find(f"{{{W}}}pgSz")
        if size is None:
            size = etree.Element(f"{{{W}}}pgSz")
            margins.addprevious(size)
        marker = etree.Comment(_MARKER)
        section.addprevious(marker)
        sides = sum(_int(margins.get(f"{{{W}}}{s}"), _DEFAULT_MARGIN) for s in ("left", "right"))
        tails, widths = {}, {}
        for paper, (width, height) in PAPER.items():
            size.attrib.pop(f"{{{W}}}orient", None)
            size.set(f"{{{W}}}w", str(width))
            size.set(f"{{{W}}}h", str(height))
            head, tails[paper] = _split(root, marker)
            widths[paper] = max(width - sides, 1440)
        return prefix, head, tails, widths

    def numbering(
        self, document: str, style_num: str | None
    ) -> tuple[str | None, tuple[int, str] | None, bytes, bytes, str]:
        """Where a letter adds the numberings that restart its numbered lists at 1: the
        numbering part split after its last numbering, and the list style's abstract one."""
        from lxml import etree

        name = self.related(document, _NUMBERING)
        if name is None or name not in self.parts:
            return None, None, b"", b"", "w:"
        root = self.xml(name)
        nums = root.findall(f"{{{W}}}num")
        abstract = None
        for num in nums:
            if num.get(f"{{{W}}}numId") == style_num:
                found = num.find(f"{{{W}}}abstractNumId")
                abstract = None if found is None else found.get(f"{{{W}}}val")
        marker = etree.Comment(_MARKER)
        if nums:
            nums[-1].addnext(marker)
        else:
            root.append(marker)
        cleanup = root.find(f"{{{W}}}numIdMacAtCleanup")
        if cleanup is not None:
            cleanup.addprevious(marker)
        head, tail = _split(root, marker)
        free = 1 + max((_int(n.get(f"{{{W}}}numId"), 0) for n in nums), default=0)
        restart = None if abstract is None else (free, abstract)
        return name, restart, head, tail, _prefix(root)

    def reference(self) -> Reference:
        document, core = self.package()
        styles, list_number = self.styles(document)
        prefix, head, tails, widths = self.body(document)
        numbering, restart, numbering_head, numbering_tail, numbering_prefix = self.numbering(
            document, list_number
        )
        self.parts.setdefault(core, b"")  # written by every letter
        return Reference(
            members=tuple(deflate(n, self.parts[n]) for n in self.order if n in self.parts),
            document=document,
            numbering=numbering,
            core=core,
            prefix=prefix,
            head=head,
            tails=tails,
            text_width=widths,
            styles=styles,
            list_number=restart,
            numbering_head=numbering_head,
            numbering_tail=numbering_tail,
            numbering_prefix=numbering_prefix,
        )
