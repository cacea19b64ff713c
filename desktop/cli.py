"""The command line: `paneldesk --workspace DIR COMMAND …`.

Every command lives in a module of `desktop.commands` with a ``register(subparsers)`` function; this module finds
them, parses the arguments and turns errors into a message on standard error with a non-zero exit code, so scripts
can rely on "exit 0 means it happened, and standard output is one JSON document when --json was given".
"""

from __future__ import annotations

import argparse
import importlib
import logging
import multiprocessing
import pkgutil
import sys
from pathlib import Path

from desktop import __version__, commands
from desktop.services.errors import SPOKEN

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="paneldesk", description="PanelDesk 评审组织工作台")
    parser.add_argument("--workspace", type=Path, default=Path("."), help="工作区文件夹（默认当前文件夹）")
    parser.add_argument("--operator", default=None,
                        help="登录的账户名（口令取自环境变量 PANELDESK_PASSWORD，或在终端输入）；记入审计日志")
    parser.add_argument("--version", action="version", version=f"paneldesk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"desktop.commands.{info.name}")
        if hasattr(module, "register"):
            module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args) or 0
    except SPOKEN as error:
        print(f"错误：{error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into a reader that stopped early, e.g. `| head`
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    multiprocessing.freeze_support()  # in a frozen build the PDF workers start as this program: let them be workers
    sys.exit(main())
