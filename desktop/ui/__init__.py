"""The PySide6 desktop application; calls desktop.services only."""
