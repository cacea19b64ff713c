"""A line for a password: its characters hidden, named for tests and for the window's own lookups, with a hint of
what it wants when there is one."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def password_field(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    return field
