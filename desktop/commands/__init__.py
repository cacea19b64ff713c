"""Subcommands of `paneldesk`, one module per group; each module has ``register(subparsers)``."""
