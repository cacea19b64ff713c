"""`limits` and `limits decide`: a round's applications flagged for the secretariat's decision (RULES.md
PROJECT_LIMIT, APPLICANT_INTEGRITY, LOBBIED) and the decision recorded on each."""

from __future__ import annotations

from desktop.commands.output import CommandError, add_json_flag, add_reveal_flag, emit, operator, personal
from desktop.commands.workspace import open_or_fail
from desktop.services import limits


def _facts(flag: dict) -> str:
    facts = flag["facts"]
    if flag["code"] == "PROJECT_LIMIT":
        return (f"{facts['name']}（{facts['person']}）{'；'.join(facts['reasons'])}：" +
                "、".join(f"{p['number']}（{p['role']}，{p['kind']}）" for p in facts["projects"]))
    if flag["code"] == "APPLICANT_INTEGRITY":
        return (f"{facts['role']} {facts['subject_name']}（{facts['subject']}）惩戒期 {facts['penalty_start']}至"
                f"{facts['penalty_end']}：{facts['measures']}")
    return f"专家 {facts['expert']} {facts['date']} {facts['note']}" + ("（已接受）" if facts["accepted"] else "")


def _text(found: dict) -> str:
    lines = [f"轮次 {found['round']}（评审日期 {found['review_date']}）：{len(found['applications'])} 个项目有标记，"
             f"{found['undecided']} 项待决定"]
    for row in found["applications"]:
        lines.append(f"{row['application']} {row['title']}")
        for flag in row["flags"]:
            decision = flag["decision"]
            state = "待决定" if decision is None else ("予以受理：" + decision["reason"] if decision["admitted"]
                                                     else "不予受理" + (f"：{decision['reason']}" if decision["reason"]
                                                                       else ""))
            lines.append(f"  {flag['code']} {_facts(flag)}  [{state}]")
    return "\n".join(lines)


def _limits(args) -> int:
    workspace = open_or_fail(args)
    if args.decide:
        if not (args.admit or args.reject):
            raise CommandError("记录决定须指明 --admit（予以受理，须 --reason）或 --reject（不予受理）")
        number, code = args.decide
        limits.decide_limit(workspace, operator(args), args.round, number, code, args.admit, args.reason)
    found = personal(args, workspace, f"limits --round {args.round}",
                     limits.round_limits(workspace, operator(args), args.round))
    emit(args, found, _text)
    return 0


def register(sub) -> None:
    parser = sub.add_parser("limits", help="限项（在研省级项目）、申报资格受限与请托：本轮须作决定的项目")
    parser.add_argument("--round", required=True, type=int)
    parser.add_argument("--decide", nargs=2, metavar=("NUM", "CODE"),
                        help="对项目 NUM 的标记 CODE（PROJECT_LIMIT、APPLICANT_INTEGRITY、LOBBIED）记录决定")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--admit", action="store_true", help="予以受理（须 --reason）")
    choice.add_argument("--reject", action="store_true", help="不予受理")
    parser.add_argument("--reason", default="")
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_limits)
