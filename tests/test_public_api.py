"""kg's public surface: the names ``kg`` exports, the error tree its docstring draws, the
typing marker, and the dependencies declared for what the code imports."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import sys
import tomllib
from pathlib import Path

import kg
import kg.errors

ROOT = Path(__file__).parent.parent


def test_public_api_names_are_pinned():
    assert sorted(kg.__all__) == [
        "Document", "Entity", "Event", "Evidence", "ExtractionError", "GraphFileError", "InputError",
        "InputRepaired", "KGError", "KnowledgeGraph", "Mention", "ModelError", "OutputBusyError",
        "OutputError", "QueryError", "QueryLimitError", "QueryMemoryError", "QueryRefusedError",
        "QuerySyntaxError", "QueryTimeoutError", "Relation", "__version__", "build", "display",
        "iter_documents", "load", "parse",
    ]
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name


def _drawn_tree() -> dict[str, str | None]:
    """Each class of the tree in kg.errors' docstring with its parent, read from the drawing."""
    parents: dict[str, str | None] = {}
    stack: list[tuple[int, str]] = []
    base = None
    for line in kg.errors.__doc__.splitlines():
        m = re.search(r"(?:^\s*|── )([A-Z]\w*(?:Error|Repaired))\b", line)
        if not m:
            continue
        column = m.start(1)
        base = column if base is None else base
        depth = (column - base) // 4
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parents[m.group(1)] = stack[-1][1] if stack else None
        stack.append((depth, m.group(1)))
    return parents


def _every_error() -> dict[str, type]:
    """Every KGError subclass defined anywhere in kg (all modules imported)."""
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        importlib.import_module(info.name)
    found: dict[str, type] = {}
    todo = [kg.KGError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo += cls.__subclasses__()
    return found


def test_public_api_error_tree_is_what_errors_docstring_draws():
    drawn = _drawn_tree()
    classes = _every_error()
    assert set(drawn) == set(classes)
    for name, cls in classes.items():
        parent = cls.__bases__[0].__name__ if cls is not kg.KGError else None
        assert drawn[name] == parent, name
        assert cls.__module__ == "kg.errors", f"{name} is defined in {cls.__module__}, not kg.errors"
        assert getattr(kg, name) is cls and name in kg.errors.__all__


def test_public_api_ships_typing_marker():
    assert (ROOT / "kg" / "py.typed").is_file()
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert "py.typed" in data["tool"]["setuptools"]["package-data"]["kg"]


def _third_party_imports() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "kg").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "kg"}


def test_public_api_declares_every_import():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())
    project = data["project"]
    declared = {re.split(r"[<>=\[ ]", d)[0].lower().replace("-", "_")
                for d in project["dependencies"] + [x for e in project["optional-dependencies"].values() for x in e]}
    # IPython comes with the notebook extra's kernel; distributed with the dask extra (dask[distributed])
    distribution = {"IPython": "ipykernel", "distributed": "dask"}
    for name in _third_party_imports():
        assert distribution.get(name, name).lower() in declared, f"{name} is imported but not declared"
    networkx = next(d for d in project["dependencies"] if d.startswith("networkx"))
    assert ">=3.4" in networkx  # edges= in nx.node_link_data


def test_public_api_functions_have_docstrings():
    for name in kg.__all__:
        obj = getattr(kg, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            assert inspect.getdoc(obj), name
