"""The import graph stays one-way: each lane imports only its own layer and those below, and no
module imports itself round in a circle (docs/design.md draws the layers)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "appeal"
# The layers, lowest first. A module may import its own lane and anything in a lower layer.
LAYERS: list[set[str]] = [
    {"errors", "fsio", "yamlio", "dates", "packaged", "flatfile", "units", "oslock", "__init__"},
    {"core"},
    {"letter", "tracking"},
    {"sellerfiles", "wizard"},
    {"monitor"},
    {"web"},
    {"cli", "__main__"},
]


def _lane(module: str) -> str:
    """appeal.core.case -> core; appeal.dates -> dates."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _layer(lane: str) -> int:
    return next(n for n, lanes in enumerate(LAYERS) if lane in lanes)


def _module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(imported appeal module, line, at module level) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            if name == "appeal" or name.startswith("appeal."):
                found.append((name, node.lineno, id(node) in top))
    return found


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def test_every_lane_is_in_a_layer() -> None:
    lanes = {_lane(m) for m in _modules()}
    placed = set().union(*LAYERS)
    assert lanes <= placed, f"put these in LAYERS (and docs/design.md): {sorted(lanes - placed)}"


def test_no_module_imports_a_higher_layer() -> None:
    wrong = []
    for module, path in _modules().items():
        mine = _layer(_lane(module))
        for imported, line, _ in _imports(path):
            if imported == "appeal":
                continue
            theirs = _layer(_lane(imported))
            if theirs > mine and not (_lane(module) == "cli" and _lane(imported) == "web"):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: imports {imported}")
    # The command line starts the web front end (`appeal serve`); nothing else goes up.
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles_at_module_level() -> None:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for imported, _, at_top in _imports(path):
            target = imported if imported in modules else imported.rsplit(".", 1)[0]
            if at_top and target in modules and target != module:
                graph[module].add(target)
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, trail: list[str]) -> bool:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle.extend([*trail, node, nxt])
                return True
            if state.get(nxt) is None and visit(nxt, [*trail, node]):
                return True
        state[node] = 2
        return False

    for start in sorted(graph):
        if state.get(start) is None and visit(start, []):
            break
    assert not cycle, " -> ".join(cycle)
