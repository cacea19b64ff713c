"""`recover`: the recovery key printed at init opens a workspace whose passwords are forgotten, and the
administrator named sets a new password (from PANELDESK_NEW_PASSWORD, or typed twice on a terminal).
`recovery-key`: the administrator prints a new recovery key sheet, which retires the old one."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.output import NEW_PASSWORD_ENV, add_json_flag, emit, operator, password
from desktop.services import recovery

CODE_ENV = "PANELDESK_RECOVERY_CODE"


def _recover(args: argparse.Namespace) -> int:
    code = args.code or password(CODE_ENV, "恢复密钥：")
    new = password(NEW_PASSWORD_ENV, f"管理员 {args.admin} 的新口令（至少8个字符）：", twice=True)
    admin = recovery.recover(args.workspace, code, args.admin, new)
    emit(args, {"workspace": str(admin.root), "admin": admin.name, "password": "reset"},
         lambda v: f"已用恢复密钥打开工作区 {v['workspace']}，管理员 {v['admin']} 的口令已重设")
    return 0


def _recovery_key(args: argparse.Namespace) -> int:
    sheet = recovery.issue_recovery_key(operator(args), args.out)
    emit(args, {"sheet": str(sheet)}, lambda v: f"新的恢复密钥已写入 {v['sheet']}：请打印后交单位负责人存放于保险柜，"
                                                "并删除该文件；此前的恢复密钥已失效")
    return 0


def register(sub) -> None:
    parser = sub.add_parser("recover", help="用恢复密钥打开忘记了全部口令的工作区，为管理员设置新口令"
                                            f"（新口令取自环境变量 {NEW_PASSWORD_ENV}）")
    parser.add_argument("--admin", required=True, help="要重设口令的管理员账户")
    parser.add_argument("--code", help=f"恢复密钥（五组，每组五个字符；也可放在环境变量 {CODE_ENV} 中）")
    add_json_flag(parser)
    parser.set_defaults(func=_recover)

    parser = sub.add_parser("recovery-key", help="管理员重新生成恢复密钥并写成 PDF（此前的恢复密钥随即失效）")
    parser.add_argument("--out", type=Path, help="PDF 文件（默认在工作区文件夹旁：文件夹名-恢复密钥.pdf）")
    add_json_flag(parser)
    parser.set_defaults(func=_recovery_key)
