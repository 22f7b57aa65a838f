"""appeal: Plan-of-Action letters for suspended merchant-fulfilled (MFN) Amazon selling."""

__version__ = "0.1.0"

import sys as _sys
import types as _types

# appeal uses no pydantic plugins. pydantic finds plugins through every installed package's
# metadata: its loader imports importlib.metadata (email, zipfile, socket ...: ~17 ms, a sixth
# of a letter's start-up) when the first model is validated, even with plugins switched off by
# PYDANTIC_DISABLE_PLUGINS. An empty loader registered here answers "no plugins" without that
# import (tests/test_startup.py holds it; a pydantic that no longer asks this module simply
# never uses it).
if "pydantic.plugin._loader" not in _sys.modules:
    _no_plugins = _types.ModuleType("pydantic.plugin._loader")
    _no_plugins.get_plugins = lambda: ()  # type: ignore[attr-defined]
    _sys.modules["pydantic.plugin._loader"] = _no_plugins
