"""`round`, `panel`, `conflicts`, `explain`: review rounds from the shell."""

from __future__ import annotations

import argparse
import datetime as dt
from fractions import Fraction

from desktop.commands import calls, corrections
from desktop.commands.output import WITNESS_PASSWORD_ENV, CommandError, add_json_flag, add_reveal_flag, emit, operator, \
    password, personal
from desktop.commands.workspace import open_or_fail
from desktop.services import accounts, conduct, conflicts, draw_verify, draws, rounds
from desktop.services.method_choices import Method, RoundSettings


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"日期应为 YYYY-MM-DD：{value}") from error


def _fraction(value: str) -> Fraction:
    try:
        return Fraction(value.strip())
    except (ValueError, ZeroDivisionError) as error:
        raise argparse.ArgumentTypeError(f"比例应写成分数或小数，如 1/3 或 0.5：{value}") from error


def _settings(args: argparse.Namespace) -> RoundSettings:
    values = {name: getattr(args, name) for name in ("look_back_years", "field_level", "max_requested_exclusions",
                                                      "panel_size", "reserve_size")
              if getattr(args, name) is not None}
    if args.enterprise_fraction is not None:
        values["enterprise_fraction"] = args.enterprise_fraction
    if args.several_panels:
        values["one_panel_per_expert"] = False
    if args.in_laws:
        values["include_in_laws"] = True
    return RoundSettings(**values)


def _method(args: argparse.Namespace) -> Method:
    return Method(args.form, args.scoring, args.aggregation,
                  pass_fraction=args.pass_fraction if args.pass_fraction is not None else Fraction(2, 3))


def _round_text(info: dict) -> str:
    panels = "\n".join(f"  {p['name']}（{p['size']}人）：{'、'.join(p['applications'])}" for p in info["panels"])
    return (f"轮次 {info['id']}：{info['name']}  评审日期 {info['review_date']}  状态：{info['state_label']}\n"
            f"  评审方法：{info['method_text']}\n"
            f"  签发单位：{info['issuer'] or '（未填写）'}  评审地点：{info['venue'] or '另行通知'}  "
            f"评审时间：{info['review_time'] or '另行通知'}\n{panels}")


def add_arrangements(parser) -> None:
    """What the round's documents print beside the method: who issues them, where and when the review is."""
    parser.add_argument("--issuer", help="签发单位（文书落款），如“山东省科学技术厅评审办公室”；生成文书前须填写")
    parser.add_argument("--venue", help="评审地点（未填时文书写“另行通知”）")
    parser.add_argument("--review-time", help="评审时间，如“上午9:00”（未填时文书写“另行通知”）")


def _create(args):
    info = rounds.create_round(open_or_fail(args), operator(args), name=args.name, review_date=args.review_date,
                               method=_method(args), settings=_settings(args), programme=args.programme,
                               stage=args.stage, issuer=args.issuer or "", venue=args.venue or "",
                               review_time=args.review_time or "", confirm_past_date=args.confirm_past_date)
    emit(args, info.to_dict(), _round_text)


def _open(args):
    emit(args, rounds.open_round(open_or_fail(args), operator(args), args.round).to_dict(), _round_text)


def _show(args):
    emit(args, rounds.show_round(open_or_fail(args), operator(args), args.round).to_dict(), _round_text)


def _list(args):
    emit(args, [r.to_dict() for r in rounds.list_rounds(open_or_fail(args), operator(args))],
         lambda v: "\n".join(_round_text(r) for r in v) or "（尚无评审轮次）")


def _panel_add(args):
    method = Method(args.form, args.scoring) if args.form and args.scoring else None
    panel = rounds.add_panel(open_or_fail(args), operator(args), args.round, name=args.name, size=args.size,
                             applications=[n.strip() for n in args.applications.split(",") if n.strip()],
                             fields=[f.strip() for f in (args.fields or "").split(",") if f.strip()], method=method)
    emit(args, panel, lambda p: f"已增加评审组「{p['name']}」（{p['size']}人，{len(p['applications'])}个项目）")


def _conflicts(args):
    workspace = open_or_fail(args)
    found = conflicts.round_conflicts(workspace, operator(args), args.round)
    pairs = personal(args, workspace, f"conflicts round {args.round}",
                     conflicts.conflict_pairs(found, args.application, args.expert.upper() if args.expert else None))
    emit(args, pairs, lambda v: "\n".join(
        f"{p['application']}\t{p['expert']}\t{p['expert_name']}\t" + "、".join(g["code"] for g in p["grounds"])
        for p in v) or "（无回避）")


def _explain(args):
    workspace = open_or_fail(args)
    found = conflicts.round_conflicts(workspace, operator(args), args.round)
    sentences = conflicts.explanation(found, args.application, args.expert.upper())
    emit(args, personal(args, workspace, f"explain round {args.round}",
                        {"application": args.application, "expert": args.expert.upper(), "grounds": sentences}),
         lambda v: "\n".join(v["grounds"]) or "该专家对该项目无回避事由，可以评审。")


def _draw_text(record: dict) -> str:
    head = "重演" if record.get("replay") else f"轮次 {record['round']} 抽取完成"
    lines = [f"{head}  见证监督员：{record['witness']}  见证人随机数：{record['witness_digits']}",
             f"  承诺值：{record['commitment']}", f"  密钥（抽取后公布）：{record['secret']}",
             f"  随机种子：{record['seed']}", f"  专家库快照哈希：{record['pool_hash']}"]
    for panel in record["panels"]:
        members = "、".join(m["name"] + ("（企业）" if m["enterprise"] else "") for m in panel["members"])
        lines.append(f"  {panel['name']}：{members}  企业专家 {panel['enterprise_count']}/{panel['size']}"
                     f"（至少 {panel['enterprise_required']}）")
        reserve = [name + (f"（亦为{'、'.join(shared)}备选）" if shared else "")
                   for name, shared in zip(panel["reserve_names"], panel["reserve_shared"])]
        lines.append(f"    备选顺序：{'、'.join(reserve)}")
    return "\n".join(lines)


def _draw(args):
    if args.seed is not None:
        raise CommandError("--seed 已取消：随机种子由系统承诺的密钥和见证人现场提供的随机数共同产生，不能由操作员输入；"
                           "请用 --witness 和 --witness-digits")
    if args.round is None or args.witness is None or args.witness_digits is None:
        raise CommandError("抽取须填写 --round（轮次）、--witness（见证监督员）和 --witness-digits（见证人现场产生的随机数字）")
    place = open_or_fail(args)
    if args.replay is not None:
        replayed = draw_verify.replay_draw(place, operator(args), args.round, secret=args.replay,
                                           witness=args.witness, witness_digits=args.witness_digits)
        emit(args, personal(args, place, f"draw replay round {args.round}", replayed), _draw_text)
        return
    op = operator(args)
    witness = accounts.witness_sign_in(op, args.witness, password(
        WITNESS_PASSWORD_ENV, f"见证监督员 {args.witness} 的口令（由见证人本人输入）："))
    record = draws.draw_round(place, op, args.round, witness=witness,
                              witness_digits=args.witness_digits, redraw_reason=args.redraw_reason)
    emit(args, personal(args, place, f"draw round {args.round}", record.to_dict()), _draw_text)


def _draw_commit(args):
    emit(args, draws.commit_draw(open_or_fail(args), operator(args), args.round).to_dict(),
         lambda c: f"轮次 {c['round']} 的抽取承诺值（请在见证人给出随机数之前向现场公布）：\n{c['commitment']}")


def _draw_verify(args):
    result = draw_verify.verify_draw(open_or_fail(args), operator(args), args.round)
    emit(args, result, lambda r: "抽取记录核验一致：种子与各组名单均可由记录重新算出" if r["matches"]
         else "抽取记录核验不一致：\n" + "\n".join(f"  {p}" for p in r["problems"]))
    return 0 if result["matches"] else 2


def _register_draw(sub) -> None:
    parser = sub.add_parser("draw", help="随机抽取评审专家（承诺—揭示，须监督员见证）")
    parser.add_argument("--round", type=int)
    parser.add_argument("--witness", help="见证监督员的账户名（不能是操作员本人；口令取自环境变量 PANELDESK_WITNESS_PASSWORD，或由见证人在终端输入）")
    parser.add_argument("--witness-digits", help="见证人现场用骰子或随机数器产生的数字（至少6位）")
    parser.add_argument("--redraw-reason", help="重新抽取的理由（本轮已抽取过时必填）")
    parser.add_argument("--replay", metavar="SECRET", help="用记录上公布的密钥重新计算一次抽取（记为重演，不作为新的抽取）")
    parser.add_argument("--seed", help=argparse.SUPPRESS)
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_draw)
    draw_sub = parser.add_subparsers(dest="draw_command")
    for name, func, text in (("commit", _draw_commit, "生成本轮下一次抽取的密钥并显示其承诺值"),
                             ("verify", _draw_verify, "按记录和当前专家库重新计算并核验本轮抽取")):
        command = draw_sub.add_parser(name, help=text)
        command.add_argument("--round", type=int, required=True)
        add_json_flag(command)
        command.set_defaults(func=func)


def _add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--look-back-years", type=int, help="回避年限（默认3年）")
    parser.add_argument("--field-level", type=int, choices=(1, 2, 3), help="学科匹配级别（默认2级，五位码）")
    parser.add_argument("--max-requested-exclusions", type=int, help="每个项目申请回避专家上限（默认3名）")
    parser.add_argument("--panel-size", type=int, help="默认评审组人数（默认7人）")
    parser.add_argument("--enterprise-fraction", type=_fraction, help="企业专家最低比例（默认1/3）")
    parser.add_argument("--reserve-size", type=int, help="每组备选专家人数（默认为组人数的2倍）")
    parser.add_argument("--several-panels", action="store_true", help="允许同一专家参加本轮多个评审组")
    parser.add_argument("--in-laws", action="store_true", help="近亲属回避包括姻亲")


def _close(args) -> None:
    emit(args, conduct.close_round(args.workspace, operator(args), args.round),
         lambda r: f"评审轮次 {r['round']} 已关闭，此后只读")


def register(sub) -> None:
    parser = sub.add_parser("round", help="评审轮次")
    round_sub = parser.add_subparsers(dest="round_command", required=True)
    create = round_sub.add_parser("create", help="新建评审轮次（选择唯一的评审方法）")
    create.add_argument("--name", required=True)
    create.add_argument("--review-date", required=True, type=_date)
    create.add_argument("--form", required=True, help="会议评审/通讯评审/视频评审/答辩评审/现场考察")
    create.add_argument("--scoring", required=True, help="百分制/等级/投票/排序")
    create.add_argument("--aggregation", help="汇总规则（默认随计分方式）")
    create.add_argument("--pass-fraction", type=_fraction, help="投票通过比例（默认2/3）")
    create.add_argument("--programme", default="", help="计划类别")
    create.add_argument("--stage", default="", help="评审阶段")
    create.add_argument("--confirm-past-date", action="store_true", help="确认评审日期早于今天无误")
    add_arrangements(create)
    _add_settings(create)
    add_json_flag(create)
    create.set_defaults(func=_create)
    for name, func, text in (("open", _open, "开启评审轮次（冻结评审方法）"), ("show", _show, "显示评审轮次")):
        command = round_sub.add_parser(name, help=text)
        command.add_argument("--round", type=int, required=True)
        add_json_flag(command)
        command.set_defaults(func=func)
    listing = round_sub.add_parser("list", help="列出评审轮次")
    add_json_flag(listing)
    listing.set_defaults(func=_list)
    corrections.register_round(round_sub, _add_settings, _settings, _date, _fraction, add_arrangements)
    close = round_sub.add_parser("close", help="关闭评审轮次：公示名单已确认、异议均已答复、专家评审行为均已登记；此后只读")
    close.add_argument("--round", type=int, required=True)
    add_json_flag(close)
    close.set_defaults(func=_close)

    parser = sub.add_parser("panel", help="评审组")
    panel_sub = parser.add_subparsers(dest="panel_command", required=True)
    add = panel_sub.add_parser("add", help="增加评审组")
    add.add_argument("--round", type=int, required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--size", type=int, required=True)
    add.add_argument("--applications", required=True, help="项目编号，以逗号分隔")
    add.add_argument("--fields", help="本组要求的学科代码，以逗号分隔")
    add.add_argument("--form", help="（可选）本组评审形式，须与轮次一致")
    add.add_argument("--scoring", help="（可选）本组计分方式，须与轮次一致")
    add_json_flag(add)
    add.set_defaults(func=_panel_add)
    corrections.register_panel(panel_sub)
    calls.register_panel(panel_sub)

    parser = sub.add_parser("conflicts", help="计算回避关系")
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--application")
    parser.add_argument("--expert")
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_conflicts)

    _register_draw(sub)

    parser = sub.add_parser("explain", help="说明某专家对某项目的全部回避事由")
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--application", required=True)
    parser.add_argument("--expert", required=True)
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_explain)
