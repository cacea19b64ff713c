"""PanelDesk 评审组织工作台."""

__version__ = "0.1.0"
