"""One finding of the checks: how bad, which rule, where, the words, and the fix in English and
Chinese (the wizard shows the Chinese one in --lang zh; the letter itself stays English)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found: how bad, which rule, where (cause, part, item), the words, the fix."""

    level: Level
    rule: str
    where: str
    quote: str
    fix: str
    fix_zh: str

    def line(self) -> str:
        quoted = f' "{self.quote}"' if self.quote else ""
        return f"{self.level}: {self.where}: [{self.rule}]{quoted}: {self.fix}"

    def fix_in(self, lang: str) -> str:
        """The fix in the wizard's language."""
        return self.fix_zh if lang == "zh" else self.fix
