"""Numbers kept on one line with their units in the text appeal itself writes into a letter.

A no-break space joins a number and its unit ("4.1 %", "5 GBP", "48 hours") and a comparison
sign and its number ("≥ 95 %"), so no format breaks a line inside them; it reads as a space.
Only appeal's own text is bound this way (figures, targets, catalogue sentences, data-file
wordings): the seller's text is never changed, in any format (spec sections 3 and 5).
Terminal output keeps plain spaces: a Chinese Windows console (GBK) cannot show U+00A0.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

_UNITS = (
    "%|USD|GBP|EUR|CAD|MXN|BRL|JPY|AUD|SGD|INR|AED|SAR|SEK|PLN|TRY|cm|mm|km|kg|g|m|lb|oz"
    "|days?|hours?|weeks?|months?|minutes?|working days|business days"
)
# The reading copy's Chinese units: no word boundary after them ("48 小时内").
_UNITS_ZH = "小时|分钟|天|周|个月|个工作日|厘米|毫米|公斤|千克|克|米|美元|英镑|欧元"
_UNIT_SPACE = re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?!\w)|{_UNITS_ZH})|(?<=[≥≤<>=]) (?=\d)")


def bind_units(text: str) -> str:
    """`text` with no-break spaces between numbers and their units and after ≥, ≤, <, >, =."""
    return _UNIT_SPACE.sub(NBSP, text)


def unbound(text: str) -> str:
    """`text` with plain spaces again, to compare it with text as the seller typed it."""
    return text.replace(NBSP, " ")
