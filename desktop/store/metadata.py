"""Every table of a workspace on one metadata: the modules that declare tables (``tables`` and ``*_tables``) are found
by name, so a stage that adds a table module needs no list kept elsewhere."""

from __future__ import annotations

import importlib
import pkgutil

from sqlalchemy import MetaData
from sqlmodel import SQLModel

import desktop.store


def all_tables() -> MetaData:
    for module in pkgutil.iter_modules(desktop.store.__path__):
        if module.name == "tables" or module.name.endswith("_tables"):
            importlib.import_module(f"desktop.store.{module.name}")
    return SQLModel.metadata
