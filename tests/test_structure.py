"""The shape of the package: no import cycle, imports one way down, no class over 400 lines and no
function over 120 (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path


PACKAGE = Path(__file__).resolve().parent.parent / "votes"
MAX_CLASS, MAX_FUNCTION = 400, 120
#: The command line: nothing else may import these.
CLI = {"votes.cli", "votes.console", "votes.commands", "votes.__main__"}
#: What the checks may not import: everything that stands above them.
ABOVE_CHECKS = {"votes.validate", "votes.tables", "votes.analysis", "votes.charts", "votes.report",
                "votes.sections", "votes.render", "votes.interop", "votes.export", "votes.power", "votes.suggest",
                "votes.watch", "votes.manifest"} | CLI


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every votes module a file imports, at its top or inside a function."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            if node.module:
                found.add(".".join(base + [node.module]))
            else:
                found.update(".".join(base + [alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("votes"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("votes"))
    return found


GRAPH = {module_name(path): imports(path) for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {target for target in targets if target in GRAPH} for name, targets in GRAPH.items()}


def test_no_import_cycle():
    """Depth-first search; the first cycle found is named in full."""
    state: dict[str, str] = {}
    trail: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = "open"
        trail.append(name)
        for target in sorted(GRAPH[name]):
            if state.get(target) == "open":
                return trail[trail.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        state[name] = "done"
        trail.pop()
        return None

    for name in sorted(GRAPH):
        if name not in state:
            cycle = visit(name)
            assert cycle is None, " -> ".join(cycle)


def test_nothing_in_the_library_imports_the_command_line():
    assert {name: sorted(targets & CLI) for name, targets in GRAPH.items()
            if name not in CLI and targets & CLI} == {}


def test_the_checks_import_nothing_above_them():
    found = {name: sorted(targets & ABOVE_CHECKS) for name, targets in GRAPH.items()
             if name.startswith(("votes.checks", "votes.establish", "votes.backing", "votes.quotes", "votes.facts"))
             and targets & ABOVE_CHECKS}
    assert found == {}


def sizes():
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                yield path.name, node, node.end_lineno - node.lineno + 1


def test_no_class_over_400_lines_and_no_function_over_120():
    too_long = [f"{name}:{node.lineno} {node.name} ({lines} lines)" for name, node, lines in sizes()
                if lines > (MAX_CLASS if isinstance(node, ast.ClassDef) else MAX_FUNCTION)]
    assert too_long == []


def test_no_module_defines_a_name_twice():
    """A second top-level definition of a name silently replaces the first: words.py once held two
    SUBORDINATORS sets, and the earlier one never took effect."""
    twice = []
    for path in sorted(PACKAGE.rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            twice += [f"{path.relative_to(PACKAGE)}:{node.lineno} {name}" for name in names if name in seen]
            seen.update(names)
    assert twice == []


def test_every_package_folder_is_built():
    """A plain `pip install .` builds a wheel of the packages pyproject.toml names: each folder of the
    package that is a Python package (votes.reader, votes.checks) must be among them, or the installed
    tool fails on its first import (setuptools' `packages.find` matches names as fnmatch does)."""
    import fnmatch
    import tomllib

    config = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = config.get("packages")
    folders = sorted(module_name(path) for path in PACKAGE.rglob("__init__.py"))
    if isinstance(listed, list):
        missing = [name for name in folders if name not in listed]
    else:
        include = listed["find"]["include"]
        missing = [name for name in folders if not any(fnmatch.fnmatchcase(name, pattern) for pattern in include)]
    assert missing == [], f"packages a wheel would leave out: {missing}"
