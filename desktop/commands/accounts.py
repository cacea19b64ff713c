"""`account add|list|disable|roles|password`: the administrator's account management from the shell.

The new or reset password comes from PANELDESK_NEW_PASSWORD, or is asked twice on a terminal; `account password`
without a name changes the signed-in account's own password (the current one is PANELDESK_PASSWORD).
"""

from __future__ import annotations

import argparse

from desktop.commands.output import NEW_PASSWORD_ENV, PASSWORD_ENV, add_json_flag, emit, operator, password
from desktop.services import accounts
from desktop.services.accounts import role_names


def _new_password(name: str) -> str:
    return password(NEW_PASSWORD_ENV, f"账户 {name} 的新口令（至少8个字符）：", twice=True)


def _text(info: dict) -> str:
    state = f"，已于 {info['disabled'][:10]} 停用" if info["disabled"] else ""
    return f"{info['name']}（{info['display_name']}）  角色：{role_names(info['roles'])}{state}"


def _add(args: argparse.Namespace) -> None:
    info = accounts.add_account(operator(args), args.name, display_name=args.display_name or "", roles=args.roles,
                                password=_new_password(args.name))
    emit(args, info.to_dict(), lambda v: "已新建账户 " + _text(v))


def _list(args: argparse.Namespace) -> None:
    emit(args, [a.to_dict() for a in accounts.list_accounts(operator(args))],
         lambda v: "\n".join(_text(a) for a in v))


def _disable(args: argparse.Namespace) -> None:
    emit(args, accounts.disable_account(operator(args), args.name).to_dict(), lambda v: "已停用账户 " + _text(v))


def _roles(args: argparse.Namespace) -> None:
    emit(args, accounts.set_roles(operator(args), args.name, args.roles).to_dict(),
         lambda v: "已修改角色 " + _text(v))


def _password(args: argparse.Namespace) -> None:
    op = operator(args)
    if args.name is None:
        accounts.change_password(op, password(PASSWORD_ENV, "当前口令："), _new_password(op.name))
        emit(args, {"name": op.name, "changed": True}, lambda v: f"账户 {v['name']} 的口令已修改")
        return
    info = accounts.reset_password(op, args.name, _new_password(args.name))
    emit(args, info.to_dict() | {"reset": True}, lambda v: f"已重设账户 {v['name']} 的口令")


def register(sub) -> None:
    parser = sub.add_parser("account", help="账户管理（管理员）：新建、列出、停用、角色、口令")
    account_sub = parser.add_subparsers(dest="account_command", required=True, metavar="ACTION")
    add = account_sub.add_parser("add", help="新建账户（口令取自环境变量 PANELDESK_NEW_PASSWORD，或在终端输入）")
    add.add_argument("name", help="账户名")
    add.add_argument("--roles", required=True, help="角色，以逗号分隔：秘书、监督员、审批人、审计员、管理员")
    add.add_argument("--display-name", help="姓名（默认同账户名）")
    add_json_flag(add)
    add.set_defaults(func=_add)
    listing = account_sub.add_parser("list", help="列出账户")
    add_json_flag(listing)
    listing.set_defaults(func=_list)
    disable = account_sub.add_parser("disable", help="停用账户")
    disable.add_argument("name")
    add_json_flag(disable)
    disable.set_defaults(func=_disable)
    roles = account_sub.add_parser("roles", help="修改账户的角色")
    roles.add_argument("name")
    roles.add_argument("--roles", required=True, help="新的全部角色，以逗号分隔")
    add_json_flag(roles)
    roles.set_defaults(func=_roles)
    change = account_sub.add_parser("password", help="修改本人口令；指定账户名时由管理员重设该账户的口令")
    change.add_argument("name", nargs="?", help="要重设口令的账户（管理员）；省略时修改本人口令")
    add_json_flag(change)
    change.set_defaults(func=_password)
