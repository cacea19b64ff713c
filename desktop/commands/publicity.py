"""`publicity start|show|final|print` and `objection record|answer|list` (PUBLICITY)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.commands.output import add_json_flag, emit, operator
from desktop.commands.rounds import _date
from desktop.services.publicity import DECISIONS, DEFAULT_WORKING_DAYS
from desktop.services import publicity


def _period_text(value: dict) -> str:
    lines = [f"评审轮次 {value['round']} 公示期：{value['start']} 至 {value['end']}（{value['working_days']}个工作日，"
             f"日历版本 {value['calendar_version'][:12]}）", f"公示项目 {len(value['applications'])} 项："
             + "、".join(value["applications"]),
             "公示名单：" + (f"已于{value['final_at']}确认" if value["final"] else "尚未确认")]
    lines += [_objection_text(o) for o in value["objections"]]
    return "\n".join(lines)


def _objection_text(o: dict) -> str:
    answer = f"已答复（{o['decision_text']}，{o['answered_by']}，{o['answered_on']}）" if o["decision"] else "未答复"
    return (f"异议 {o['id']}：{o['objector']} {o['received_on']} 对项目 {o['application']}"
            + ("（逾期提出）" if o["late"] else "") + f"，附件{len(o['attachments'])}个，{answer}")


def _start(args) -> None:
    emit(args, publicity.start_publicity(args.workspace, operator(args), args.round, args.start, args.working_days),
         _period_text)


def _show(args) -> None:
    emit(args, publicity.show_publicity(args.workspace, operator(args), args.round), _period_text)


def _final(args) -> None:
    emit(args, publicity.make_final(args.workspace, operator(args), args.round, args.today or dt.date.today()),
         _period_text)


def _print(args) -> None:
    paths = publicity.print_publicity(args.workspace, operator(args), args.round, args.out, sign=args.sign)
    emit(args, {"files": [str(p) for p in paths], "signed": args.sign}, lambda v: "\n".join(v["files"]))


def _record(args) -> None:
    emit(args, publicity.record_objection(args.workspace, operator(args), args.round, args.application, args.objector,
                                          args.received_on, args.text, args.attachment), _objection_text)


def _answer(args) -> None:
    emit(args, publicity.answer_objection(args.workspace, operator(args), args.objection, args.decision, args.answer,
                                          args.on or dt.date.today()), _objection_text)


def _list(args) -> None:
    emit(args, publicity.list_objections(args.workspace, operator(args), args.round),
         lambda found: "\n".join(map(_objection_text, found)) or "没有异议")


def register(subparsers) -> None:
    parser = subparsers.add_parser("publicity", help="公示：以审批后的评审结果中推荐的项目为公示名单")
    actions = parser.add_subparsers(dest="publicity_command", required=True, metavar="ACTION")
    start = actions.add_parser("start", help="开始公示，按工作日计算公示期（含开始当日）")
    start.add_argument("--round", type=int, required=True)
    start.add_argument("--start", type=_date, required=True, help="公示开始日期 YYYY-MM-DD")
    start.add_argument("--working-days", type=int, default=DEFAULT_WORKING_DAYS, help="公示期工作日数（默认5）")
    add_json_flag(start)
    start.set_defaults(func=_start)
    show = actions.add_parser("show", help="显示公示期、公示项目和异议")
    show.add_argument("--round", type=int, required=True)
    add_json_flag(show)
    show.set_defaults(func=_show)
    final = actions.add_parser("final", help="公示期满且异议均已答复后，确认公示名单")
    final.add_argument("--round", type=int, required=True)
    final.add_argument("--today", type=_date, help="确认日期（默认今天）")
    add_json_flag(final)
    final.set_defaults(func=_final)
    printed = actions.add_parser("print", help="生成公示名单 PDF")
    printed.add_argument("--round", type=int, required=True)
    printed.add_argument("--out", type=Path, required=True, help="输出文件夹")
    printed.add_argument("--sign", action="store_true", help="用工作区的签名身份签署")
    add_json_flag(printed)
    printed.set_defaults(func=_print)

    objection = subparsers.add_parser("objection", help="公示期内收到的异议：登记、答复、列出")
    actions = objection.add_subparsers(dest="objection_command", required=True, metavar="ACTION")
    record = actions.add_parser("record", help="登记异议（公示期结束后收到的记为逾期）")
    record.add_argument("--round", type=int, required=True)
    record.add_argument("--application", required=True, help="异议针对的项目编号")
    record.add_argument("--objector", required=True, help="异议提出人")
    record.add_argument("--received-on", type=_date, required=True)
    record.add_argument("--text", required=True, help="异议内容")
    record.add_argument("--attachment", type=Path, action="append", default=[], help="附件（可多次给出）")
    add_json_flag(record)
    record.set_defaults(func=_record)
    answer = actions.add_parser("answer", help="审批人答复异议")
    answer.add_argument("objection", type=int)
    answer.add_argument("--decision", required=True, choices=list(DECISIONS),
                        help="upheld（异议成立）/ dismissed（异议不成立）")
    answer.add_argument("--answer", required=True, help="答复内容")
    answer.add_argument("--on", type=_date, help="答复日期（默认今天）")
    add_json_flag(answer)
    answer.set_defaults(func=_answer)
    listing = actions.add_parser("list", help="列出本轮的异议")
    listing.add_argument("--round", type=int, required=True)
    add_json_flag(listing)
    listing.set_defaults(func=_list)
