"""Header values for the e-mail draft, built so that no user text can become a header.

The standard library's `email` package re-parses any value it is given: an RFC 2047 encoded word
typed into a store name (`=?utf-8?q?Hi=0D=0ABcc:_x@y?=`) is decoded to a line break on the way in
and written out as a new header. So appeal writes the header lines itself, in plain ASCII:

- a value that is plain text (printable ASCII words, single spaces, no `=?`) is written as it is,
  folded at spaces;
- anything else is written entirely as base64 encoded words, which a reader decodes exactly once:
  the decoded text is the user's text, including any `=?...?=` or line break it holds, and it can
  never end the header line;
- a display name is a quoted string or encoded words, never bare specials; an address must be one
  plain `local@domain`; a file name is an RFC 2231 parameter (percent-encoded UTF-8), and the
  attachment's `name` beside it also carries encoded words, as Thunderbird writes it, for the
  mail programs that read only those.
"""

from __future__ import annotations

import base64
import re
from urllib.parse import quote

from appeal.core.fields import EMAIL_ADDRESS

LINE = 78  # the recommended line length of RFC 5322 (the hard limit is 998)
_ENCODED_WORD_BYTES = 45  # 45 bytes -> 60 base64 characters -> a 72-character encoded word
_PLAIN = re.compile(r"[!-~]+(?: [!-~]+)*")  # printable ASCII words separated by single spaces
_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?: [A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TOKEN_NAME = re.compile(r"[A-Za-z0-9._ ()+-]+")  # a file name safe as a quoted parameter


def _encoded_words(text: str) -> list[str]:
    """`text` as base64 UTF-8 encoded words, split between characters, never inside one."""
    chunks: list[bytes] = [b""]
    for char in text:
        data = char.encode("utf-8")
        if chunks[-1] and len(chunks[-1]) + len(data) > _ENCODED_WORD_BYTES:
            chunks.append(b"")
        chunks[-1] += data
    return [f"=?utf-8?b?{base64.b64encode(chunk).decode('ascii')}?=" for chunk in chunks]


def _fold(name: str, words: list[str]) -> str:
    """`Name: w1 w2 ...` with a line break before a word that would pass LINE characters."""
    lines = [f"{name}:"]
    for word in words:
        if len(lines[-1]) + 1 + len(word) > LINE and lines[-1] != f"{name}:":
            lines.append("")
        lines[-1] += f" {word}"
    return "\r\n".join(lines)


def is_plain(text: str) -> bool:
    """Whether `text` may stand in a header as it is (and reads back unchanged)."""
    return bool(_PLAIN.fullmatch(text)) and "=?" not in text and len(text) < 900


def unstructured(name: str, text: str) -> str:
    """A header line (without the final CRLF) whose decoded value is exactly `text`."""
    if is_plain(text):
        return _fold(name, text.split(" "))
    return _fold(name, _encoded_words(text))


def mailbox(name: str, display_name: str, address: str) -> str:
    """An address header with one mailbox. `address` must already be one valid address."""
    if not EMAIL_ADDRESS.fullmatch(address):
        raise ValueError(f"not one e-mail address: {address!r}")
    display_name = display_text(display_name)
    if not display_name:
        return f"{name}: {address}"
    if _ATOM.fullmatch(display_name) and "=?" not in display_name:
        phrase = [display_name]
    elif is_plain(display_name):
        escaped = display_name.replace("\\", "\\\\").replace('"', '\\"')
        phrase = [f'"{escaped}"']
    else:
        phrase = _encoded_words(display_name)
    return _fold(name, [*phrase, f"<{address}>"])


def display_text(name: str) -> str:
    """A display name on one line: control characters (line breaks ...) become spaces, as mail
    readers refuse them in an address header."""
    return _CONTROL.sub(" ", name)


def safe_file_name(name: str) -> str:
    """`name` as a recipient can save it on any system: no folders, control characters or
    characters Windows refuses, no white space at either end (mail programs drop it, so the
    two names of an attachment would differ: a no-break space, an ideographic space)."""
    cleaned = re.sub(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*]', "_", name).strip().rstrip(". ").strip()
    return cleaned or "attachment"


def file_name_parameters(parameter: str, file_name: str) -> list[str]:
    """`filename="x.docx"`, or the RFC 2231 form (percent-encoded UTF-8, continued over
    several parameters when long) for anything beyond plain characters."""
    if _TOKEN_NAME.fullmatch(file_name) and len(file_name) < 60:
        return [f'{parameter}="{file_name}"']
    encoded = quote(file_name, safe="")
    pieces = re.findall(r"(?:%[0-9A-F]{2}|[^%]){1,20}", encoded) or [""]
    if len(pieces) == 1:
        return [f"{parameter}*=utf-8''{encoded}"]
    first = f"{parameter}*0*=utf-8''{pieces[0]}"
    return [first] + [f"{parameter}*{n}*={piece}" for n, piece in enumerate(pieces[1:], 1)]


def legacy_name_parameter(file_name: str) -> str:
    """`name="x.pdf"`, or for anything beyond plain characters `name="=?utf-8?b?...?="`:
    encoded words in quotes, one per line, which RFC 2047 does not define but older Outlook,
    Foxmail and webmail read where they do not read RFC 2231. The words are base64, so the
    value holds no quote, backslash or line break of the name."""
    if _TOKEN_NAME.fullmatch(file_name) and len(file_name) < 60:
        return f'name="{file_name}"'
    return 'name="' + "\r\n ".join(_encoded_words(file_name)) + '"'
