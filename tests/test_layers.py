"""Every module's imports against the layers of DESIGN.md, so the architecture cannot quietly rot.

Each module of the program belongs to one layer by its folder. Every import counts: at the top, inside a function,
under ``TYPE_CHECKING``, and ``importlib.import_module`` of a literal name. A layer may import the project's packages
listed for it and, of the third-party libraries, what its rule allows.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = ("desktop", "reports")

QT = {"PySide6", "shiboken6"}
DATABASE = {"sqlalchemy", "sqlmodel", "alembic", "sqlite3"}
CLOCK_AND_CHANCE = {"random", "secrets", "time", "uuid", "os"}  # os for os.urandom
CLOCK_CALLS = {"now", "today", "utcnow"}


@dataclass(frozen=True)
class Layer:
    name: str
    project: tuple[str, ...]  # the project packages it may import (a package and everything under it)
    third_party: frozenset[str] | None  # the libraries it may import; None: any but ``forbidden``
    forbidden: frozenset[str] = frozenset()  # stdlib or third-party modules it may not import


LAYERS = {
    "domain": Layer("domain", ("desktop.domain",), frozenset({"networkx"}), frozenset(DATABASE | CLOCK_AND_CHANCE)),
    # Encryption at rest is the store's: SQLCipher for the database, cryptography and argon2 for keys.json and blobs/,
    # written privately and atomically as every file PanelDesk writes (reports.files).
    "store": Layer("store", ("desktop.domain", "desktop.store", "reports.files"),
                   frozenset({"sqlalchemy", "sqlmodel", "alembic", "sqlcipher3", "cryptography", "argon2"})),
    # Services hold the sessions and build queries with SQLModel; opening connections (sqlite3) is the store's.
    "services": Layer("services", ("desktop.domain", "desktop.store", "desktop.services", "desktop.synthetic",
                                   "reports"), None, frozenset(QT | {"sqlite3"})),
    "commands": Layer("commands", ("desktop.__init__", "desktop.commands", "desktop.cli", "desktop.services"),
                      frozenset()),
    # pypinyin: the tables are searched by pinyin, which is how the window's search box reads a name.
    "ui": Layer("ui", ("desktop.__init__", "desktop.ui", "desktop.services"), frozenset(QT | {"pypinyin"})),
    "reports": Layer("reports", ("reports",), None, frozenset(QT | DATABASE)),  # plain values in, files out
    # The made-up pool of the demo and the benchmarks: IDs with valid check digits from the domain, nothing else.
    "synthetic": Layer("synthetic", ("desktop.synthetic", "desktop.domain.ids"), None, frozenset(QT | DATABASE)),
    "entry": Layer("entry", ("desktop.ui.app",), frozenset()),  # python -m desktop starts the window
    "package": Layer("package", (), frozenset()),  # desktop/__init__.py: the version, nothing else
}


def layer_of(module: str) -> Layer:
    parts = module.split(".")
    if parts[0] == "reports":
        return LAYERS["reports"]
    if module == "desktop.cli":
        return LAYERS["commands"]
    if module == "desktop.__main__":
        return LAYERS["entry"]
    if module == "desktop.__init__":
        return LAYERS["package"]
    return LAYERS[parts[1]]


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def project_name(name: str) -> str:
    """``desktop`` itself is its ``__init__``, so importing the version is told apart from importing a layer."""
    return name + ".__init__" if name in PROGRAM else name


def imports(source: str, module: str) -> list[tuple[int, str]]:
    """(line, module imported) for every import in ``source``, relative ones resolved, ``from package import
    submodule`` named as the submodule."""
    package = module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[:len(package) - node.level + 1] + ([node.module] if node.module else []))
            for alias in node.names:
                whole = f"{base}.{alias.name}"
                found.append((node.lineno, whole if base.split(".")[0] in PROGRAM and is_module(whole) else base))
        elif isinstance(node, ast.Call) and _dynamic_import(node):
            found.append((node.lineno, _dynamic_import(node)))
    return sorted(set(found))


def _dynamic_import(call: ast.Call) -> str | None:
    func = call.func
    named = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if named not in ("import_module", "__import__") or not call.args:
        return None
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    if isinstance(first, ast.JoinedStr) and first.values and isinstance(first.values[0], ast.Constant):
        prefix = first.values[0].value  # f"desktop.commands.{name}": a module of desktop.commands
        return prefix[:-1] if prefix.endswith(".") else prefix.rpartition(".")[0]
    return None


def clock_reads(source: str) -> list[int]:
    """Lines that read the clock (``date.today()``, ``datetime.now()``): the domain is handed the time instead."""
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CLOCK_CALLS]


def problems(layer: Layer, found: list[tuple[int, str]]) -> list[str]:
    wrong = []
    for line, name in found:
        top = name.split(".")[0]
        if top in PROGRAM:
            target = project_name(name)
            if not any(target == allowed or target.startswith(allowed + ".") for allowed in layer.project):
                allowed = ", ".join(layer.project) or "nothing of the program"
                wrong.append(f"{line}: {name} (the {layer.name} layer may import {allowed})")
        elif top in layer.forbidden or name in layer.forbidden:
            wrong.append(f"{line}: {name} (not in the {layer.name} layer)")
        elif top not in sys.stdlib_module_names and layer.third_party is not None and top not in layer.third_party:
            allowed = ", ".join(sorted(layer.third_party)) or "no third-party library"
            wrong.append(f"{line}: {name} (the {layer.name} layer may use {allowed})")
    return wrong


def program_modules() -> list[Path]:
    return sorted(p for package in PROGRAM for p in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", program_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_follow_the_layers(path):
    module = module_name(path)
    source = path.read_text(encoding="utf-8")
    layer = layer_of(module)
    wrong = problems(layer, imports(source, module))
    if layer.name == "domain":
        wrong += [f"{line}: reads the clock" for line in clock_reads(source)]
    assert not wrong, f"{path.relative_to(ROOT)} ({layer.name}):\n" + "\n".join(wrong)


def test_every_folder_of_the_program_is_a_layer():
    assert {layer_of(module_name(p)).name for p in program_modules()} <= set(LAYERS)


def test_the_check_sees_imports_inside_functions_relative_and_dynamic_ones():
    source = ("import json\n"
              "def later():\n"
              "    from desktop.domain.methods import Method\n"
              "    from ..store import tables\n"
              "    importlib.import_module('sqlalchemy.orm')\n"
              "    from PySide6.QtCore import Qt\n")
    found = imports(source, "desktop.ui.some_step")
    assert [n for _, n in found] == ["json", "desktop.domain.methods", "desktop.store.tables", "sqlalchemy.orm",
                                     "PySide6.QtCore"]
    wrong = problems(LAYERS["ui"], found)
    assert [w.split(":")[0] for w in wrong] == ["3", "4", "5"]
    assert problems(LAYERS["domain"], imports("import random\nfrom datetime import date\n", "desktop.domain.x")) \
        == ["1: random (not in the domain layer)"]
    assert clock_reads("import datetime as dt\ndef f():\n    return dt.date.today()\n") == [3]
