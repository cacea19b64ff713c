"""`misconduct add|notify|list|violations` and `repair apply|decide|list`: misconduct records entered by the
secretariat and credit repair decided by an approver (RULES.md MISCONDUCT_RECORD, MEASURES, CREDIT_REPAIR)."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from desktop.commands.output import add_json_flag, add_reveal_flag, emit, operator, personal
from desktop.commands.rounds import _date
from desktop.commands.workspace import open_or_fail
from desktop.services import credit_repair, misconduct
from desktop.services.misconduct_choices import LEVELS, MEASURES, NUMERALS, VIOLATIONS, Application, Entered, choices

_REF = re.compile(r"(第[一二三四五六七八九十]+条)\s*[(（]([一二三四五六七八九十]+)[)）]")


def _violation(text: str) -> tuple[str, int]:
    found = _REF.fullmatch(text.strip())
    if not found or found.group(1) not in VIOLATIONS or found.group(2) not in NUMERALS:
        raise argparse.ArgumentTypeError(f"失信行为应写成「第十一条(五)」，条为第九至十三条：{text}")
    return found.group(1), NUMERALS.index(found.group(2)) + 1


def _measures(text: str) -> tuple[int, ...]:
    items = []
    for part in filter(None, re.split(r"[,，;；、\s]+", text)):
        part = part.strip("()（）")
        if part.isdigit() and 1 <= int(part) <= len(MEASURES):
            items.append(int(part))
        elif part in NUMERALS[:len(MEASURES)]:
            items.append(NUMERALS.index(part) + 1)
        else:
            raise argparse.ArgumentTypeError(f"惩戒措施应为第十八条的项，如「(五),(六)」：{text}")
    return tuple(items)


def _today(args) -> dt.date:
    return args.today or dt.date.today()


def _record_text(r: dict) -> str:
    period = f"惩戒期 {r['penalty_start']}至{r['penalty_end']}" if r["penalty_start"] else "无惩戒期"
    due = f"；复核申请截止 {r['review_request_due']}" if r["review_request_due"] else ""
    return (f"{r['id']}  {r['subject_name']}（{r['subject_code']}）  {r['violation_ref'] or r['violation']}  "
            f"{period}  {r['status']}{due}")


def _add(args) -> int:
    workspace = open_or_fail(args)
    article, item = args.violation
    record = misconduct.record_misconduct(workspace, operator(args), Entered(
        args.name, args.code, False, article, item, args.measures, *(args.penalty or (None, None)),
        args.decided_by, args.basis, args.decision_date, args.notified_on, args.project_name, args.project_number),
        _today(args))
    emit(args, personal(args, workspace, f"misconduct add {record['id']}", record), _record_text)
    return 0


def _notify(args) -> int:
    workspace = open_or_fail(args)
    record = misconduct.record_notification(workspace, operator(args), args.record, args.on, _today(args))
    emit(args, personal(args, workspace, f"misconduct notify {record['id']}", record), _record_text)
    return 0


def _list(args) -> int:
    workspace = open_or_fail(args)
    rows = personal(args, workspace, "misconduct list",
                    misconduct.misconduct_records(workspace, operator(args), _today(args)))
    emit(args, rows, lambda v: "\n".join(_record_text(r) for r in v) or "（无）")
    return 0


def _violations(args) -> int:
    emit(args, {"violations": choices(), "measures": [{"item": i, "text": t} for i, t in enumerate(MEASURES, 1)]},
         lambda v: "\n".join(f"{a['article']}（{a['subject']}）\n" + "\n".join(f"  {i['ref']} {i['text']}"
                                                                            for i in a["items"])
                             for a in v["violations"]))
    return 0


def _repair_text(r: dict) -> str:
    lines = [f"修复申请 {r['id']}（记录 {r['record_id']}，{r['subject_name']}）：{r['state']}"]
    lines += [f"  {c['condition']} {'满足' if c['met'] else '不满足'}：{c['facts']}" for c in r["conditions"]]
    return "\n".join(lines)


def _apply(args) -> int:
    workspace = open_or_fail(args)
    date, level, what = args.commendation or (None, "", "")
    repair = credit_repair.apply_for_repair(workspace, operator(args), args.record, Application(
        args.applied_on, args.corrected, args.commitment, date and _date(date), level, what))
    emit(args, personal(args, workspace, f"repair apply {repair['id']}", repair), _repair_text)
    return 0


def _decide(args) -> int:
    workspace = open_or_fail(args)
    repair = credit_repair.decide_repair(workspace, operator(args), args.repair, args.approve, args.on, args.reason)
    emit(args, personal(args, workspace, f"repair decide {repair['id']}", repair), _repair_text)
    return 0


def _repairs(args) -> int:
    workspace = open_or_fail(args)
    rows = personal(args, workspace, "repair list", credit_repair.repairs(workspace, operator(args), args.record))
    emit(args, rows, lambda v: "\n\n".join(_repair_text(r) for r in v) or "（无）")
    return 0


def register(sub) -> None:
    parser = sub.add_parser("misconduct", help="失信行为记录：录入、通报、列表")
    group = parser.add_subparsers(dest="misconduct_command", required=True)
    add = group.add_parser("add", help="录入一条失信行为记录（失信行为选自002第九至十三条，措施选自第十八条）")
    add.add_argument("--name", required=True, help="责任主体名称")
    add.add_argument("--code", required=True, help="身份证号或统一社会信用代码")
    add.add_argument("--violation", required=True, type=_violation, help="如 第十一条(五)")
    add.add_argument("--measures", required=True, type=_measures, help="第十八条的项，如 (五),(六)")
    add.add_argument("--penalty", nargs=2, type=_date, metavar=("START", "END"), help="惩戒期（措施(五)(六)须填）")
    add.add_argument("--decided-by", required=True, help="处理单位")
    add.add_argument("--basis", default="", help="处理依据")
    add.add_argument("--decision-date", required=True, type=_date)
    add.add_argument("--notified-on", type=_date, help="通报日期：复核申请期限自此起算15个工作日")
    add.add_argument("--project-name", default="")
    add.add_argument("--project-number", default="")
    notify = group.add_parser("notify", help="记录通报日期，计算复核申请期限（15个工作日）")
    notify.add_argument("record", type=int)
    notify.add_argument("--on", required=True, type=_date)
    listing = group.add_parser("list", help="全部诚信记录及其状态")
    violations = group.add_parser("violations", help="可选的失信行为与惩戒措施（002第九至十三条、第十八条）")
    add_json_flag(violations)
    violations.set_defaults(func=_violations)
    for command, func in ((add, _add), (notify, _notify), (listing, _list)):
        command.add_argument("--today", type=_date, help="按哪一天判断状态（默认今天）")
        add_reveal_flag(command)
        add_json_flag(command)
        command.set_defaults(func=func)

    parser = sub.add_parser("repair", help="信用修复：登记申请、审批人决定、列表")
    group = parser.add_subparsers(dest="repair_command", required=True)
    apply = group.add_parser("apply", help="登记信用修复申请，按002第二十五条的四项条件逐项判断")
    apply.add_argument("--record", required=True, type=int, help="诚信记录编号")
    apply.add_argument("--applied-on", required=True, type=_date)
    apply.add_argument("--corrected", default="", help="主动纠正、消除影响的情况")
    apply.add_argument("--commitment", default="", help="书面科研诚信承诺")
    apply.add_argument("--commendation", nargs=3, metavar=("DATE", "LEVEL", "WHAT"),
                       help=f"惩戒实施后获得的表彰或嘉奖：日期、级别（{'、'.join(LEVELS)}）、名称")
    apply.set_defaults(func=_apply)
    decide = group.add_parser("decide", help="审批人作出修复决定（同意须四项条件全部满足）")
    decide.add_argument("repair", type=int)
    choice = decide.add_mutually_exclusive_group(required=True)
    choice.add_argument("--approve", action="store_true")
    choice.add_argument("--refuse", action="store_true")
    decide.add_argument("--on", required=True, type=_date, help="决定日期：同意修复自此日起移出名单")
    decide.add_argument("--reason", default="")
    decide.set_defaults(func=_decide)
    listing = group.add_parser("list", help="信用修复申请及决定")
    listing.add_argument("--record", type=int)
    listing.set_defaults(func=_repairs)
    for command in (apply, decide, listing):
        add_reveal_flag(command)
        add_json_flag(command)
