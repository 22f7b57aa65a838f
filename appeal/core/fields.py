"""Field types of the case model with their own rules: one e-mail address."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

# One address as mail clients and Seller Central take it: a dot-atom local part, '@', and a
# domain of letters, digits and hyphens with at least one dot. Display names, lists, comments
# and quoted local parts are refused: the address goes into the e-mail draft's From: header.
EMAIL_PATTERN = (
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
EMAIL_ADDRESS = re.compile(EMAIL_PATTERN)


def _one_address(value: str) -> str:
    from appeal.core.validation import quoted

    if len(value) > 254 or not EMAIL_ADDRESS.fullmatch(value):
        several = any(sep in value for sep in (",", ";")) or value.count("@") > 1
        what = "more than one address" if several else "not an e-mail address"
        raise ValueError(
            f"'{quoted(value)}' is {what}; write one address like ops@example.com (the one "
            "registered in Seller Central), without a name or brackets"
        )
    return value


EmailAddress = Annotated[str, AfterValidator(_one_address)]
