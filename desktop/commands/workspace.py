"""`init`, `import`, `list`, `show`, `audit verify`, `demo`: the workspace and its pool from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.output import PASSWORD_ENV, CommandError, add_json_flag, add_reveal_flag, emit, operator, password, \
    personal
from desktop.services import accounts, catalogue, recovery
from desktop.services.audit_log import verify_log
from desktop.services.importing.mapping import Mapping, known_field
from desktop.services.importing.run import ImportRejected, import_files
from desktop.services.workspaces import is_workspace, open_or_create


def open_or_fail(args: argparse.Namespace):
    """The workspace, once --operator has signed in (an encrypted workspace opens only with that account's key); a
    folder that holds no workspace is said to be one before any account or password is asked for."""
    if is_workspace(args.workspace):
        operator(args)
    return open_or_create(args.workspace)


def _init(args: argparse.Namespace) -> int:
    admin, sheet = recovery.init_workspace(
        args.workspace, args.admin, password(PASSWORD_ENV, f"管理员 {args.admin} 的口令（至少8个字符）：", twice=True),
        args.display_name, args.recovery_sheet)
    emit(args, {"workspace": str(admin.root), "admin": admin.name, "counts": catalogue.counts(admin.root, admin),
                "recovery_sheet": str(sheet) if sheet else None},
         lambda v: f"工作区已就绪：{v['workspace']}\n管理员账户：{v['admin']}" + (
             f"\n恢复密钥已写入 {v['recovery_sheet']}：请打印后交单位负责人存放在保险柜中，再删除该文件"
             if v["recovery_sheet"] else ""))
    return 0


def _import(args: argparse.Namespace) -> int:
    workspace = open_or_fail(args)
    try:
        summary = import_files(workspace, args.files, operator(args), mapping=Mapping(headers=dict(args.map)),
                               encoding=args.encoding)
    except ImportRejected as rejected:
        if args.json:
            emit(args, {"imported": False, "total_problems": rejected.total,
                        "problems": [p.__dict__ for p in rejected.problems]})
        else:
            for problem in rejected.problems:
                print(problem)
        raise
    emit(args, {"imported": True, "files": summary.files, "sheets": summary.sheets, "counts": summary.counts,
                "limits": summary.limits},
         lambda v: "导入完成：" + "；".join(f"{k} " + "，".join(f"{a}{b}" for a, b in c.items())
                                       for k, c in v["counts"].items())
         + "".join(f"\n限项与资格名单：轮次 {r['round']} 列出 {r['listed']} 项，{r['undecided']} 项未决定"
                   for r in v["limits"]))
    return 0


def _header_map(text: str) -> tuple[str, str]:
    header, sep, name = text.partition("=")
    if not sep or not header.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"应写成「原列名=字段」，如 证件号码=身份证号：{text}")
    if not known_field(name.strip()):
        raise argparse.ArgumentTypeError(f"未知的字段「{name.strip()}」：应为可导入表格的列名，如 身份证号、单位名称")
    return header.strip(), name.strip()


def _list(args: argparse.Namespace) -> int:
    workspace = open_or_fail(args)
    rows = personal(args, workspace, f"list {args.kind}", catalogue.listing(workspace, operator(args), args.kind))
    emit(args, rows, lambda v: "\n".join("\t".join(str(x) for x in row.values()) for row in v) or "（无）")
    return 0


def _show(args: argparse.Namespace) -> int:
    workspace = open_or_fail(args)
    found = personal(args, workspace, f"show {args.kind} {args.id}", catalogue.detail(workspace, operator(args), args.kind, args.id))
    emit(args, found, lambda v: "\n".join(f"{k}: {x}" for k, x in v.items()))
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    result = verify_log(open_or_fail(args), operator(args))
    emit(args, result.to_dict(), lambda _: result.summary())
    return 0 if result.intact else 1


def register(sub) -> None:
    parser = sub.add_parser("init", help="新建工作区及其管理员账户（口令取自环境变量 PANELDESK_PASSWORD）")
    parser.add_argument("--admin", required=True, help="管理员账户名")
    parser.add_argument("--display-name", help="管理员的姓名（默认同账户名）")
    parser.add_argument("--recovery-sheet", type=Path, metavar="FILE.pdf",
                        help="恢复密钥单写到哪里（默认在工作区文件夹旁，名为“工作区名-恢复密钥.pdf”）")
    add_json_flag(parser)
    parser.set_defaults(func=_init)

    parser = sub.add_parser("import", help="导入 .xlsx / .csv 文件（全部成功或全部不写入）")
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--map", action="append", default=[], type=_header_map, metavar="原列名=字段",
                        help="表中的列名对应的字段，如 --map 证件号码=身份证号（可重复）")
    parser.add_argument("--encoding", help="CSV 文件的编码（如 utf-8、gb18030、big5）；默认自动识别，无法确定时报错")
    add_json_flag(parser)
    parser.set_defaults(func=_import)

    parser = sub.add_parser("list", help="列出专家、单位、项目、人员、关系或诚信记录")
    parser.add_argument("kind", choices=catalogue.KINDS)
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_list)

    parser = sub.add_parser("show", help="显示一条记录的详情")
    parser.add_argument("kind", choices=catalogue.KINDS)
    parser.add_argument("id", help="身份证号、统一社会信用代码、项目编号或记录编号")
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_show)

    parser = sub.add_parser("demo", help="在新文件夹中生成示例工作区（合成数据，经正式导入流程）")
    parser.add_argument("--experts", type=int, default=800)
    parser.add_argument("--applications", type=int, default=80)
    add_json_flag(parser)
    parser.set_defaults(func=_demo)

    parser = sub.add_parser("audit", help="审计日志")
    audit_sub = parser.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="校验审计日志的哈希链、签名检查点，以及数据与日志是否一致")
    add_json_flag(verify)
    verify.set_defaults(func=_audit_verify)


def _demo(args: argparse.Namespace) -> int:
    from desktop.services.demo import DEMO_ACCOUNTS, DEMO_SECRETARY, build_demo  # only needed here
    if (args.workspace / "paneldesk.db").exists():
        raise CommandError(f"{args.workspace} 已是工作区；示例工作区只建在新文件夹中")
    summary, info = build_demo(args.workspace, experts=args.experts, applications=args.applications)
    counts = catalogue.counts(args.workspace, accounts.sign_in(args.workspace, DEMO_SECRETARY[0], DEMO_SECRETARY[3]))
    emit(args, {"workspace": str(args.workspace.resolve()), "counts": counts, "round": info.to_dict(),
                "accounts": [{"name": n, "roles": [r.value], "password": p} for n, _, r, p in DEMO_ACCOUNTS]},
         lambda v: (f"示例工作区已建成：{v['workspace']}\n"
                    f"  专家 {counts['experts']} 名，单位 {counts['organisations']} 家，项目 {counts['applications']} 项，"
                    f"人员关系 {counts['relations']} 条，诚信记录 {counts['integrity']} 条\n"
                    f"  评审轮次 {info.id}：{info.name}（{info.state_label}，{len(info.panels)} 个评审组）\n"
                    "  示例账户（账户名 角色 口令）：\n" +
                    "\n".join(f"    {a['name']}  {a['roles'][0]}  {a['password']}" for a in v["accounts"])))
    return 0
