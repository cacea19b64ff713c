"""`opinions` and `opinion correct`: the opinions an outcome notice would print, and the secretary's correction of
one that names a panel member, an organisation or a number (FEEDBACK). The notices themselves are `notices --round
ID --kind outcome`."""

from __future__ import annotations

from desktop.commands.output import add_json_flag, add_reveal_flag, emit, operator, personal
from desktop.services import feedback


def _opinions(args) -> None:
    found = [o.to_dict() for o in feedback.opinions(args.workspace, operator(args), args.round)
             if o.matches or not args.blocked]
    emit(args, personal(args, args.workspace, "结果通知书的专家意见", found), lambda rows: "\n".join(
        f"项目 {o['application']} 专家 {o['expert']}：{o['text']}"
        + ("  ← 含有" + "、".join(f"{m['kind']}“{m['text']}”" for m in o["matches"]) if o["matches"] else "")
        for o in rows) or "没有需要修改的意见")


def _correct(args) -> None:
    emit(args, feedback.correct_opinion(args.workspace, operator(args), args.round, args.expert, args.application,
                                        args.text),
         lambda c: f"已修改项目 {c['application']} 的一条意见（原文保留）：{c['corrected']}")


def register(subparsers) -> None:
    listing = subparsers.add_parser("opinions", help="列出结果通知书将印出的专家意见，及其中可识别专家的内容")
    listing.add_argument("--round", type=int, required=True)
    listing.add_argument("--blocked", action="store_true", help="只列出需要修改的意见")
    add_reveal_flag(listing)
    add_json_flag(listing)
    listing.set_defaults(func=_opinions)
    opinion = subparsers.add_parser("opinion", help="修改含有专家姓名、单位或号码的意见（原文保留，记入审计日志）")
    actions = opinion.add_subparsers(dest="opinion_command", required=True, metavar="ACTION")
    correct = actions.add_parser("correct", help="修改一条专家意见")
    correct.add_argument("--round", type=int, required=True)
    correct.add_argument("--expert", required=True, help="专家身份证号")
    correct.add_argument("--application", required=True, help="项目编号")
    correct.add_argument("--text", required=True, help="修改后的意见")
    add_json_flag(correct)
    correct.set_defaults(func=_correct)
