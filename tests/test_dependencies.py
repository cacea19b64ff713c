"""pyproject.toml declares what the program imports and nothing it does not, and requirements.lock pins each."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements: list[str]) -> set[str]:
    return {canonical(re.match(r"[A-Za-z0-9._-]+", r).group()) for r in requirements}


def imported_libraries() -> dict[str, set[str]]:
    """Top-level module of a library → the program's files that import it (the standard library left out)."""
    found: dict[str, set[str]] = {}
    for path in sorted(p for package in ("desktop", "reports") for p in (ROOT / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                names = [node.module]
            else:
                continue
            for top in {n.split(".")[0] for n in names} - set(sys.stdlib_module_names) - {"desktop", "reports"}:
                found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


@cache
def owners() -> dict[str, list[str]]:
    return packages_distributions()  # reads every installed distribution's file list: once


def distributions(top: str) -> set[str]:
    """The installed distributions that provide a module (PySide6 is one module over several)."""
    return {canonical(d) for d in owners().get(top, [top])}


def test_every_library_the_program_imports_is_declared():
    runtime = declared(PROJECT["dependencies"])
    undeclared = {top: sorted(files) for top, files in imported_libraries().items() if not distributions(top) & runtime}
    assert not undeclared, f"imported but not in pyproject.toml's dependencies: {undeclared}"


def test_every_declared_dependency_is_imported_by_the_program():
    used = set().union(*(distributions(top) for top in imported_libraries()))
    unused = declared(PROJECT["dependencies"]) - used
    assert not unused, f"declared in pyproject.toml but imported nowhere in desktop/ or reports/: {sorted(unused)}"


def test_the_lock_pins_every_declared_dependency_to_one_version():
    pins = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version and re.fullmatch(r"[0-9A-Za-z.+!-]+", version), f"not an exact pin: {line}"
            pins[canonical(name)] = version
    wanted = declared(PROJECT["dependencies"]) | {d for extra in PROJECT["optional-dependencies"].values()
                                                   for d in declared(extra)}
    assert wanted <= set(pins), f"not in requirements.lock: {sorted(wanted - set(pins))}"


def test_reportlab_runs_with_its_c_accelerators():
    """Without rl_accel reportlab falls back to Python for formatting every number it writes, silently."""
    from reportlab.lib import rl_accel
    assert rl_accel.fp_str.__module__ == "_rl_accel" and rl_accel.calcChecksum.__module__ == "_rl_accel"
