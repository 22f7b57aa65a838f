"""Text wrapped for the terminal by words, and for Chinese by character width.

A terminal cuts a long line at its last column, in the middle of a word or an e-mail address.
The wizard wraps its own lines instead: at spaces; between Chinese characters (a Chinese line
breaks anywhere, but never before a closing mark such as ， 。 ） nor after an opening one such
as （ “); and counting columns as the terminal does (a Chinese character takes two). A line's
continuation is indented under its text: under the words after "  1. " or "  why: ".

A number stays on one line with its unit and a comparison sign with its number ("< 4 %",
"48 hours", "48 小时"): the spaces `appeal.units` binds in a letter, and any no-break space, never
break a line. The terminal gets plain spaces (units.py: a GBK console cannot show U+00A0).
"""

from __future__ import annotations

import re

from appeal.units import NBSP, bind_units, unbound

# One Chinese (or other wide) character, a run of spaces, or a run of anything else (a word,
# with the no-break spaces inside it).
_WIDE = "\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f"
_WIDE += "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
_TOKEN = re.compile(rf"[^\S{NBSP}]+|[{_WIDE}“”‘’]|(?:[^\s{_WIDE}“”‘’]|{NBSP})+")
_CLOSING = set("，。、；：！？）》」』】〉”’,.;:!?)")
_OPENING = set("（《「『【〈“‘")
_UNITS = set("年月日号天个项条次倍元%％")  # 2026年11月20日 and 37 项 stay whole
# What a continuation line is indented under: a number or bullet, or a short label and colon.
_LEAD = re.compile(
    r"(\s*)(?:(?:\d{1,2}[.)]|[-*•])\s+|[^\s:：]{1,16}(?: [^\s:：]{1,16}){0,2}(?:: |：))?"
)


def width_of(text: str) -> int:
    """Columns `text` takes on a terminal (a Chinese character two)."""
    from wcwidth import wcswidth

    found = wcswidth(text)
    return found if found >= 0 else len(text)


def _blank(unit: str) -> bool:
    """A run of white space a line may break at (a no-break space belongs to its word)."""
    return unit.isspace() and NBSP not in unit


def _units(text: str) -> list[str]:
    """`text` cut where a line may break: whitespace runs are units of their own; a word
    stays whole; Chinese characters stand alone, closing marks kept with what they close and
    opening marks with what they open."""
    units: list[str] = []
    for token in _TOKEN.findall(text):
        before = units[-1][-1] if units and not _blank(units[-1]) else " "
        glued = (
            before != " "
            and not _blank(token)
            and (
                token[0] in _CLOSING
                or before in _OPENING
                or NBSP in (before, token[0])  # "48 小时": a Chinese unit after its number
                or (before.isdigit() and token[0] in _UNITS)
                or (before in "年月" and token[0].isdigit())
            )
        )
        if glued:
            units[-1] += token
        else:
            units.append(token)
    return units


def _split(unit: str, width: int) -> list[str]:
    """A unit wider than a line, cut at the last character that fits (a long address)."""
    pieces, piece = [], ""
    for char in unit:
        if piece and width_of(piece + char) > width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text: str, width: int, hang: int = 0) -> list[str]:
    """`text` (one line) in lines of at most `width` columns, the continuation lines indented
    by `hang` spaces (included in the lines). A number is not parted from its unit."""
    width = max(width, 20)
    hang = hang if hang <= width // 2 else 2
    body = text.lstrip()
    lines: list[str] = []
    line, space = text[: len(text) - len(body)], ""  # the first line keeps its indentation
    body = bind_units(body)
    room = width
    for unit in _units(body):
        if _blank(unit):
            space = unit if line else ""
            continue
        if width_of(line + space + unit) <= room:
            line += space + unit
            space = ""
            continue
        if line.strip():
            lines.append(line)
            line, space, room = "", "", width - hang
        pieces = _split(unit, room - width_of(line)) if width_of(line + unit) > room else [unit]
        for piece in pieces[:-1]:
            lines.append(line + piece)
            line, room = "", width - hang
        line += pieces[-1]
    if line or not lines:
        lines.append(line)
    return [unbound(lines[0]), *(" " * hang + unbound(rest) for rest in lines[1:])]


def wrap_block(text: str, width: int) -> str:
    """Every line of `text` wrapped at `width` columns, each continued under its own text
    (after its indentation and any number, bullet or short label)."""
    out: list[str] = []
    for line in text.split("\n"):
        if width_of(line) <= width:
            out.append(unbound(line))
            continue
        lead = _LEAD.match(line)
        hang = width_of(lead.group(0)) if lead else 0
        if hang > width // 3:  # a long label: continue a little in from the line's start
            hang = width_of(lead.group(1)) + 2 if lead else 2
        out += wrap(line, width, hang)
    return "\n".join(out)
