"""A case file that cannot be read, said for the page: the reader's message (English, for the
terminal: "... and run again") in the words of a page, in English or Chinese.

The two slips a seller makes most (a file re-saved as GBK by Notepad, a YAML syntax slip) and
an emptied file get the page's own wording, with the Chinese Notepad menu in Chinese; any other
reader message is shown as it is, with the folder left out of the file name.
"""

from __future__ import annotations

import re
from pathlib import Path

_NOT_UTF8 = re.compile(
    r":(?P<line>\d+): the file is not UTF-8 \(byte (?P<byte>0x[0-9a-f]{2})\); (?P<looks>.*?)\. "
    r"Re-save it as UTF-8"
)
_YAML = re.compile(
    r":(?P<line>\d+): YAML syntax: (?P<problem>.*?)(?: \(column (?P<column>\d+)\))?"
    r"(?:, in what starts on line (?P<start>\d+))?\. Check the indentation"
)
# fsio's guesses of a legacy encoding, in Chinese
_LOOKS_ZH = {
    "GBK": "看起来是 GBK 编码（中文 Windows，例如中文系统上的记事本）",
    "Shift_JIS": "看起来是 Shift_JIS 编码（日文 Windows 或日本站卖家后台）",
    "Windows-1252": "看起来是 Windows-1252 编码（西欧 Windows）",
}
_UNKNOWN_ZH = "无法识别其编码"

TEXTS: dict[str, tuple[str, str]] = {
    "not_utf8": (
        "{name}, line {line}: the file is not UTF-8 (byte {byte}); {looks}. Open it in Notepad, "
        "choose File > Save as, set Encoding to UTF-8 and save; then reload this page.",
        "{name} 第 {line} 行：文件不是 UTF-8 编码（字节 {byte}），{looks}。请用记事本打开它，"
        "选择“文件 > 另存为”，把“编码”选为 UTF-8 后保存，然后刷新本页。",
    ),
    "yaml": (
        "{name}, line {line}{column}: a slip in the file's layout (YAML: {problem}){start}. "
        "Open the file in a text editor such as Notepad and check that line: the indentation, a "
        "bracket or quote not closed; put text containing ': ' or starting with a special "
        "character in quotes. Then reload this page.",
        "{name} 第 {line} 行{column}：文件格式有误（YAML：{problem}）{start}。请用记事本等文本"
        "编辑器打开文件，检查这一行：缩进是否对齐、括号或引号是否没有闭合；含有“: ”或以特殊字符"
        "开头的文字请加英文引号。然后刷新本页。",
    ),
    "empty": (
        "{name}: the file is empty (0 bytes). If it held a case, restore it from a backup or "
        "the recycle bin; otherwise delete it.",
        "{name}：文件是空的（0 字节）。如果它原本是一份申诉，请从备份或回收站恢复；否则请删除它。",
    ),
    "column": (", column {column}", "第 {column} 列"),
    "start": (
        "; the part it belongs to starts on line {start}",
        "（所在的部分从第 {start} 行开始）",
    ),
}


def _say(key: str, lang: str, **values: str) -> str:
    en, zh = TEXTS[key]
    return (zh if lang == "zh" else en).format(**values)


def empty_file(path: Path, lang: str) -> str:
    return _say("empty", lang, name=path.name)


def unreadable(message: str, path: Path, lang: str) -> str:
    """The reader's `message` about the case file at `path`, for a page in `lang`."""
    return recognised(message, path, lang) or message.replace(str(path), path.name)


def recognised(message: str, path: Path, lang: str) -> str | None:
    """The page's wording of a reader's message it knows (not UTF-8, a YAML slip), else None."""
    if found := _NOT_UTF8.search(message):
        looks = found["looks"]
        if lang == "zh":
            label = next((zh for key, zh in _LOOKS_ZH.items() if key in looks), _UNKNOWN_ZH)
            looks = label
        return _say(
            "not_utf8", lang, name=path.name, line=found["line"], byte=found["byte"], looks=looks
        )
    if found := _YAML.search(message):
        column = _say("column", lang, column=found["column"]) if found["column"] else ""
        start = _say("start", lang, start=found["start"]) if found["start"] else ""
        return _say(
            "yaml",
            lang,
            name=path.name,
            line=found["line"],
            column=column,
            problem=found["problem"],
            start=start,
        )
    return None
