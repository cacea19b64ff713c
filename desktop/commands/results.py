"""`results [propose|approve]`, `certification record|waive`, `non-consensus list|decide`: results from the shell."""

from __future__ import annotations

from desktop.commands.output import CommandError, add_json_flag, add_reveal_flag, emit, operator, personal
from desktop.commands.workspace import open_or_fail
from desktop.services.results import DECISIONS
from desktop.services import results


def _row_text(row: dict) -> str:
    flag = "  【非共识】" + row["non_consensus_reason"] if row["non_consensus"] else ""
    recommended = {True: "推荐", False: "不推荐", None: ""}[row["recommended"]]
    shown = row["aggregate_text"] or row["problem"]
    return f"{row['panel']}\t第{row['rank'] or '-'}名\t{row['application']}\t{shown}\t{recommended}{flag}"


def _results(args):
    if args.round is None:
        raise CommandError("请用 --round 指定评审轮次")
    workspace = open_or_fail(args)
    found = results.round_results(workspace, operator(args), args.round)
    rows = personal(args, workspace, f"results round {args.round}", found.rows())

    def text(value):
        lines = [_row_text(r) for r in value]
        lines += [f"{p.panel}：Krippendorff α = {'—' if p.alpha is None else f'{float(p.alpha):.3f}'}；{p.tie_rule}"
                  for p in found.panels]
        lines += [f"尚不能提交：{m}" for m in found.missing]
        if found.approval:
            state = {"proposed": "待审批", "approved": "已审批并冻结", "superseded": "已被取代"}[found.approval["state"]]
            lines.append(f"第{found.approval['version']}版{state}" +
                         ("；审批之后评分或决定有变动，须写明理由重新提交审批" if found.changed_since else ""))
        return "\n".join(lines)
    emit(args, rows, text)


def _propose(args):
    made = results.propose_results(open_or_fail(args), operator(args), args.round, args.reason or "")
    emit(args, made, lambda v: f"已提交第{v['version']}版评审结果审批（哈希 {v['hash'][:16]}…）")


def _approve(args):
    made = results.approve_results(open_or_fail(args), operator(args), args.round)
    emit(args, made, lambda v: f"已审批第{v['version']}版评审结果（{v['proposed_by']}提交，{v['approved_by']}审批），结果已冻结")


def _certify(args):
    workspace = open_or_fail(args)
    if args.waive:
        made = results.waive_certification(workspace, operator(args), args.round, args.expert, args.waive)
    else:
        made = results.record_certification(workspace, operator(args), args.round, args.expert)
    emit(args, personal(args, workspace, f"certification round {args.round}", made),
         lambda v: f"已登记专家{v['name']}的会后回避确认" + (f"（监督员登记理由：{v['reason']}）" if v["reason"] else ""))


def _flagged(args):
    workspace = open_or_fail(args)
    found = results.round_results(workspace, operator(args), args.round).flagged()
    emit(args, personal(args, workspace, f"non-consensus round {args.round}", found),
         lambda v: "\n".join(_row_text(r) + "\t" + "、".join(s["shown"] for s in r["scores"]) for r in v)
         or "本轮没有非共识项目")


def _decide(args):
    made = results.decide_non_consensus(open_or_fail(args), operator(args), args.round, args.application,
                                        args.decision, args.reason)
    emit(args, made, lambda v: f"已登记评审组对项目{v['application']}的决定：{v['decision_text']}（{v['reason']}）")


def register(sub) -> None:
    parser = sub.add_parser("results", help="评审结果：汇总、排序、推荐、非共识标记；提交与审批")
    parser.add_argument("--round", type=int)
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_results)
    results_sub = parser.add_subparsers(dest="results_command")
    propose = results_sub.add_parser("propose", help="秘书提交评审结果审批")
    propose.add_argument("--round", type=int, required=True)
    propose.add_argument("--reason", help="已审批后再次提交时，修改的理由")
    add_json_flag(propose)
    propose.set_defaults(func=_propose)
    approve = results_sub.add_parser("approve", help="审批人审批评审结果（未录入评分、未操作抽取的账户）")
    approve.add_argument("--round", type=int, required=True)
    add_json_flag(approve)
    approve.set_defaults(func=_approve)

    parser = sub.add_parser("certification", help="专家会后回避确认（POST_REVIEW）")
    certification_sub = parser.add_subparsers(dest="certification_command", required=True)
    record = certification_sub.add_parser("record", help="登记专家的会后回避确认；监督员可用 --waive 登记未取得确认的理由")
    record.add_argument("--round", type=int, required=True)
    record.add_argument("--expert", required=True, help="专家身份证号")
    record.add_argument("--waive", metavar="REASON", help="（监督员）未取得该专家确认的理由")
    add_reveal_flag(record)
    add_json_flag(record)
    record.set_defaults(func=_certify)

    parser = sub.add_parser("non-consensus", help="非共识项目（NON_CONSENSUS）")
    non_sub = parser.add_subparsers(dest="non_consensus_command", required=True)
    listing = non_sub.add_parser("list", help="列出被标记的非共识项目及全部评分")
    listing.add_argument("--round", type=int, required=True)
    add_reveal_flag(listing)
    add_json_flag(listing)
    listing.set_defaults(func=_flagged)
    decide = non_sub.add_parser("decide", help="登记评审组对非共识项目的决定及理由")
    decide.add_argument("--round", type=int, required=True)
    decide.add_argument("--application", required=True)
    decide.add_argument("--decision", required=True, choices=list(DECISIONS),
                        help="recommend 推荐 / not_recommend 不推荐 / keep 按汇总结果")
    decide.add_argument("--reason", required=True)
    add_json_flag(decide)
    decide.set_defaults(func=_decide)
