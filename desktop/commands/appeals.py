"""`appeal receive|accept|reject|extend|decide|list|notice` (APPEAL, 002 第二十二、二十三条)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.commands.output import CommandError, add_json_flag, emit, operator
from desktop.commands.rounds import _date
from desktop.services import appeals


def _text(a: dict) -> str:
    lines = [f"{a['kind_text']} {a['id']}：{a['appellant']}，{a['received_on']}收到，{a['state_text']}",
             f"  受理决定期限：{a['acceptance_due']}（含当日）"]
    if a["decision_due"]:
        lines.append(f"  处理决定期限：{a['decision_due']}（含当日）"
                     + (f"，已延长：{a['extension_reason']}" if a["extension_reason"] else ""))
    if a["reasons"]:
        lines.append(f"  不予受理理由：{a['reasons']}")
    if a["decision"]:
        lines.append(f"  处理决定：{a['decision']}（{a['decided_by']}，{a['decided_on']}）")
    return "\n".join(lines)


def _receive(args) -> None:
    if args.round is None and args.record is None:
        raise CommandError("请用 --round 和 --application 指定申诉的项目，或用 --record 指定复核的失信行为记录")
    emit(args, appeals.receive_appeal(args.workspace, operator(args), args.received_on, args.appellant, args.text,
                                      round_id=args.round, application=args.application or "",
                                      record_id=args.record), _text)


def _accept(args) -> None:
    emit(args, appeals.accept_appeal(args.workspace, operator(args), args.appeal, args.on or dt.date.today()), _text)


def _reject(args) -> None:
    emit(args, appeals.reject_appeal(args.workspace, operator(args), args.appeal, args.on or dt.date.today(),
                                     args.reason), _text)


def _extend(args) -> None:
    emit(args, appeals.extend_appeal(args.workspace, operator(args), args.appeal, args.reason), _text)


def _decide(args) -> None:
    emit(args, appeals.decide_appeal(args.workspace, operator(args), args.appeal, args.on or dt.date.today(),
                                     args.decision), _text)


def _list(args) -> None:
    emit(args, appeals.list_appeals(args.workspace, operator(args)),
         lambda found: "\n".join(map(_text, found)) or "没有申诉或复核申请")


def _notice(args) -> None:
    paths = appeals.print_appeal_notice(args.workspace, operator(args), args.appeal, args.out, sign=args.sign)
    emit(args, {"files": [str(p) for p in paths], "signed": args.sign}, lambda v: "\n".join(v["files"]))


def register(subparsers) -> None:
    parser = subparsers.add_parser("appeal", help="申诉与复核申请：登记、受理或不予受理、延长、决定")
    actions = parser.add_subparsers(dest="appeal_command", required=True, metavar="ACTION")
    receive = actions.add_parser("receive", help="登记收到的申诉（针对评审结果）或复核申请（针对失信行为记录）")
    receive.add_argument("--round", type=int)
    receive.add_argument("--application", help="申诉针对的项目编号")
    receive.add_argument("--record", type=int, help="复核申请针对的失信行为记录编号")
    receive.add_argument("--appellant", required=True, help="申请人")
    receive.add_argument("--received-on", type=_date, required=True)
    receive.add_argument("--text", required=True, help="申请事项与理由")
    add_json_flag(receive)
    receive.set_defaults(func=_receive)
    for name, help_text, func in (("accept", "予以受理（收到后15个工作日内）", _accept),
                                  ("reject", "不予受理，须写明理由", _reject),
                                  ("extend", "处理期限延长六个月（一次，须写明理由）", _extend),
                                  ("decide", "作出处理决定（受理后90个工作日内）", _decide)):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("appeal", type=int)
        if name != "extend":
            action.add_argument("--on", type=_date, help="决定日期（默认今天）")
        if name in ("reject", "extend"):
            action.add_argument("--reason", required=True)
        if name == "decide":
            action.add_argument("--decision", required=True, help="处理决定")
        add_json_flag(action)
        action.set_defaults(func=func)
    listing = actions.add_parser("list", help="列出申诉与复核申请及其期限")
    add_json_flag(listing)
    listing.set_defaults(func=_list)
    notice = actions.add_parser("notice", help="生成受理、不予受理通知书或处理决定书 PDF")
    notice.add_argument("appeal", type=int)
    notice.add_argument("--out", type=Path, help="输出文件夹（默认工作区的 out/round-ID/appeals，复核申请为 out/appeals）；"
                                                "对评审结果的申诉，另选文件夹时工作区仍在 out/round-ID/appeals 留存一份，随轮次归档")
    notice.add_argument("--sign", action="store_true", help="用工作区的签名身份签署")
    add_json_flag(notice)
    notice.set_defaults(func=_notice)
