"""No import cycles between the platform's modules (CONVENTIONS.md: "No import cycles"; issue #20).

Every `import` counts, also one inside a function: an import put off until a call hides a cycle, it
does not remove it. A module importing the package it belongs to is not counted (Python has already
started that package by then)."""

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

from tests.project import BASE_DIR, local_apps


def project_modules() -> dict[str, Path]:
    modules = {}
    for config in local_apps():
        for path in Path(config.path).rglob("*.py"):
            parts = path.relative_to(BASE_DIR).with_suffix("").parts
            if "tests" in parts or "migrations" in parts:
                continue
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _imported_names(tree: ast.AST, package: str) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """Each module and the project modules it imports, from each module's source."""

    def module_of(name: str) -> str | None:
        while name and name not in sources:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for module, source in sources.items():
        is_package = module in {other.rpartition(".")[0] for other in sources}
        package = module if is_package else module.rpartition(".")[0]
        imported = {module_of(name) for name in _imported_names(ast.parse(source), package)}
        graph[module] = {
            other for other in imported if other and other != module and not module.startswith(f"{other}.")
        }
    return graph


def cycle_in(graph: dict[str, set[str]]) -> list[str]:
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as error:
        return error.args[1]
    return []


def test_a_cycle_through_an_import_inside_a_function_is_found():
    sources = {
        "shop.models": "def clean():\n    from shop.rules import current_rules\n",
        "shop.rules": "from shop.models import Thing\n",
        "shop.views": "from shop.models import Thing\nfrom shop import rules\n",
    }

    assert sorted(set(cycle_in(import_graph(sources)))) == ["shop.models", "shop.rules"]


def test_the_platform_has_no_import_cycle():
    sources = {module: path.read_text() for module, path in project_modules().items()}

    assert len(sources) > 100
    assert cycle_in(import_graph(sources)) == []
