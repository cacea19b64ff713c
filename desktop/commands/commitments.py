"""`commitment record`, `commitments`, `attendance`: signed commitments and who sat, from the shell."""

from __future__ import annotations

from pathlib import Path

from desktop.commands.calls import supervisor
from desktop.commands.output import add_json_flag, add_reveal_flag, emit, operator, personal
from desktop.commands.workspace import open_or_fail
from desktop.services import commitments


def _record(args):
    place = open_or_fail(args)
    confirmer = supervisor(args, place, args.supervisor, "现场签署的承诺书") if args.on_site else None
    result = commitments.record_commitment(place, operator(args), args.round, args.expert,
                                           scan=Path(args.scan) if args.scan else None, on_site_by=confirmer)
    emit(args, personal(args, place, f"commitment round {args.round}", result),
         lambda r: f"已记录 {r['name']} 的承诺书（{'扫描件' if r['kind'] == 'scan' else '现场签署，监督员 ' + r['confirmed_by'] + ' 确认'}）")


def _list(args):
    place = open_or_fail(args)
    rows = commitments.commitments_status(place, operator(args), args.round)
    emit(args, personal(args, place, f"commitments round {args.round}", rows),
         lambda rs: "\n".join(f"{r['panel']} {r['name']} 承诺书：{'已记录' if r['commitment'] else '未记录'} "
                              f"出席：{r['attendance'] or '未记录'}" for r in rs) or "（尚无已确认的评审组）")


def _attendance(args):
    place = open_or_fail(args)
    status = "present" if args.present else "absent" if args.absent else "left_early"
    result = commitments.record_attendance(place, operator(args), args.round, args.expert, status, args.note or "")
    emit(args, personal(args, place, f"attendance round {args.round}", result),
         lambda r: f"已记录 {r['name']}：{r['status_label']}\n  实到：{r['as_sat']['message']}"
                   + ("（已标记：低于比例）" if r["as_sat"]["flagged"] else ""))


def register(sub) -> None:
    parser = sub.add_parser("commitment", help="专家承诺书")
    commitment_sub = parser.add_subparsers(dest="commitment_command", required=True)
    record = commitment_sub.add_parser("record", help="记录已确认专家签署的承诺书")
    record.add_argument("--round", type=int, required=True)
    record.add_argument("--expert", required=True, help="专家身份证号")
    how = record.add_mutually_exclusive_group(required=True)
    how.add_argument("--scan", help="签署的承诺书扫描件或照片（PDF、JPEG、PNG）")
    how.add_argument("--on-site", action="store_true", help="现场签署，由监督员登录确认")
    record.add_argument("--supervisor", help="确认现场签署的监督员账户名（口令取自环境变量 PANELDESK_WITNESS_PASSWORD）")
    add_reveal_flag(record)
    add_json_flag(record)
    record.set_defaults(func=_record)

    parser = sub.add_parser("commitments", help="已确认评审组成员的承诺书和出席情况")
    parser.add_argument("--round", type=int, required=True)
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_list)

    parser = sub.add_parser("attendance", help="记录评审当天专家的出席情况（并按实到复核企业专家比例）")
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--expert", required=True, help="专家身份证号")
    state = parser.add_mutually_exclusive_group(required=True)
    state.add_argument("--present", action="store_true", help="出席")
    state.add_argument("--absent", action="store_true", help="缺席")
    state.add_argument("--left-early", action="store_true", help="中途离会")
    parser.add_argument("--note", help="备注（如缺席原因）")
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_attendance)
