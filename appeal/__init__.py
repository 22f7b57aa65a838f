"""appeal: Plan-of-Action letters for suspended merchant-fulfilled (MFN) Amazon selling."""

__version__ = "0.1.0"

import os as _os

# pydantic looks for plugins through package metadata at import, which costs ~15 ms per start;
# appeal uses none.
_os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")
