"""What every command shares: JSON or text output, the operator's name, and errors that end the command."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any, Callable

from desktop.services import confidential
from desktop.services.errors import UserError


class CommandError(UserError):
    """A failure of the command's own arguments the user must see on standard error."""


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="以一个 JSON 文档输出")


def emit(args: argparse.Namespace, value: Any, text: Callable[[Any], str] | None = None) -> None:
    """Print ``value`` as one JSON document with --json, else as the human-readable ``text(value)``."""
    if getattr(args, "json", False) or text is None:
        json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(text(value).rstrip("\n") + "\n")


def operator(args: argparse.Namespace) -> str:
    return args.operator or getpass.getuser()


def add_reveal_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reveal", action="store_true",
                        help="显示完整的身份证号和手机号（默认遮盖；显示一次记一条审计日志）")


def personal(args: argparse.Namespace, place, what: str, value: Any) -> Any:
    """``value`` with ID and mobile numbers masked (CONFIDENTIAL), or whole with --reveal after one audit entry
    naming ``what`` was shown and whose numbers."""
    if getattr(args, "reveal", False):
        return confidential.shown(place, operator(args), what, value)
    return confidential.masked(value)
