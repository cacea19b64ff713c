"""What every command shares: JSON or text output, the signed-in operator, and errors that end the command.

Every command but ``init`` and ``demo`` is the act of an account: ``--operator NAME`` with its password from
PANELDESK_PASSWORD (non-interactive) or asked on a terminal; a wrong password exits non-zero with the reason."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any, Callable

from desktop.services import accounts, confidential
from desktop.services.accounts import Operator
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


PASSWORD_ENV = "PANELDESK_PASSWORD"
NEW_PASSWORD_ENV = "PANELDESK_NEW_PASSWORD"
WITNESS_PASSWORD_ENV = "PANELDESK_WITNESS_PASSWORD"


def password(env: str, prompt: str, *, twice: bool = False) -> str:
    """A password from the environment variable ``env``, or typed on the terminal (``twice`` for a new one)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CommandError(f"请在环境变量 {env} 中提供口令（或在终端中运行以便输入）")
    value = getpass.getpass(prompt)
    if twice and getpass.getpass("再输入一次：") != value:
        raise CommandError("两次输入的口令不一致")
    return value


def operator(args: argparse.Namespace) -> Operator:
    """The account named by --operator, signed in once per command with its password."""
    if getattr(args, "signed_in", None) is None:
        if not args.operator:
            raise CommandError(f"请用 --operator 指定账户名（口令取自环境变量 {PASSWORD_ENV}，或在终端输入）")
        args.signed_in = accounts.sign_in(args.workspace, args.operator,
                                          password(PASSWORD_ENV, f"账户 {args.operator} 的口令："))
    return args.signed_in


def add_reveal_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reveal", action="store_true",
                        help="显示完整的身份证号和手机号（默认遮盖；显示一次记一条审计日志）")


def personal(args: argparse.Namespace, place, what: str, value: Any) -> Any:
    """``value`` with ID and mobile numbers masked (CONFIDENTIAL), or whole with --reveal after one audit entry
    naming ``what`` was shown and whose numbers."""
    if getattr(args, "reveal", False):
        return confidential.shown(place, operator(args), what, value)
    return confidential.masked(value)
