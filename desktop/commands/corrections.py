"""Corrections from the shell (CORRECTIONS): `round edit|delete`, `panel edit|remove`, `expert edit`,
`organisation edit`. Only the options given change; each command is one audited change with before and after."""

from __future__ import annotations

from desktop.commands.output import add_json_flag, emit, operator
from desktop.commands.workspace import open_or_fail
from desktop.services import catalogue, rounds
from desktop.services.method_choices import Method, RoundSettings


def _list(text: str | None) -> list[str] | None:
    return None if text is None else [item.strip() for item in text.split(",") if item.strip()]


SETTING_OPTIONS = ("look_back_years", "field_level", "max_requested_exclusions", "panel_size", "reserve_size",
                   "enterprise_fraction")


def _round_edit(args, settings_of) -> None:
    place = open_or_fail(args)
    current = rounds.show_round(place, operator(args), args.round)
    given = settings_of(args)
    named = {key for key in SETTING_OPTIONS if getattr(args, key) is not None}
    named |= {"one_panel_per_expert"} if args.several_panels else set()
    named |= {"include_in_laws"} if args.in_laws else set()
    changed = {key: value for key, value in given.to_dict().items() if key in named}
    settings = RoundSettings.from_dict({**current.settings, **changed}) if changed else None
    method = None
    if any(getattr(args, key) is not None for key in ("form", "scoring", "aggregation", "pass_fraction")):
        base = current.method
        method = Method(args.form or base["form"], args.scoring or base["scoring"],
                        args.aggregation if args.aggregation is not None else (
                            None if args.scoring else base["aggregation"]),
                        pass_fraction=args.pass_fraction if args.pass_fraction is not None else base["pass_fraction"])
    info = rounds.edit_round(place, operator(args), args.round, name=args.name, programme=args.programme,
                             stage=args.stage, review_date=args.review_date, method=method, settings=settings,
                             issuer=args.issuer, venue=args.venue, review_time=args.review_time,
                             confirm_past_date=args.confirm_past_date)
    emit(args, info.to_dict(), lambda v: f"已修改评审轮次 {v['id']}：{v['name']}  评审日期 {v['review_date']}")


def _round_delete(args) -> None:
    rounds.delete_round(open_or_fail(args), operator(args), args.round)
    emit(args, {"round": args.round, "deleted": True}, lambda v: f"已删除评审轮次 {v['round']}（草稿）")


def _panel_edit(args) -> None:
    panel = rounds.edit_panel(open_or_fail(args), operator(args), args.round, args.panel, name=args.name,
                              size=args.size, applications=_list(args.applications), fields=_list(args.fields))
    emit(args, panel, lambda p: f"已修改评审组「{p['name']}」（{p['size']}人，{len(p['applications'])}个项目）")


def _panel_remove(args) -> None:
    rounds.remove_panel(open_or_fail(args), operator(args), args.round, args.panel)
    emit(args, {"round": args.round, "panel": args.panel, "removed": True},
         lambda v: f"已删除评审轮次 {v['round']} 的评审组 {v['panel']}")


def _expert_edit(args) -> None:
    expert = catalogue.edit_expert(open_or_fail(args), operator(args), args.expert, mobile=args.mobile,
                                   email=args.email, title=args.title, fields=_list(args.fields), status=args.status)
    emit(args, expert, lambda e: f"已修改专家 {e['id_number'][:6]}…{e['id_number'][-4:]} 的记录")


def _organisation_edit(args) -> None:
    found = catalogue.edit_organisation(open_or_fail(args), operator(args), args.credit_code, name=args.name,
                                        kind=args.kind)
    emit(args, found, lambda o: f"已修改单位 {o['credit_code']}：{o['name']}（{o['kind']}）")


def register_round(round_sub, add_settings, settings_of, date_type, fraction_type, add_arrangements) -> None:
    """`round edit` and `round delete`, beside the other round commands (their option parsers are theirs)."""
    edit = round_sub.add_parser("edit", help="修改草稿状态的评审轮次（名称、日期、评审方法、规则设置）；"
                                             "签发单位、评审地点和时间在开启后也可修改")
    edit.add_argument("--round", type=int, required=True)
    edit.add_argument("--name")
    edit.add_argument("--programme", help="计划类别")
    edit.add_argument("--stage", help="评审阶段")
    edit.add_argument("--review-date", type=date_type)
    edit.add_argument("--confirm-past-date", action="store_true", help="确认评审日期早于今天无误")
    edit.add_argument("--form", help="评审形式")
    edit.add_argument("--scoring", help="计分方式")
    edit.add_argument("--aggregation", help="汇总规则")
    edit.add_argument("--pass-fraction", type=fraction_type, help="投票通过比例")
    add_arrangements(edit)
    add_settings(edit)
    add_json_flag(edit)
    edit.set_defaults(func=lambda args: _round_edit(args, settings_of))
    delete = round_sub.add_parser("delete", help="删除草稿状态的评审轮次及其评审组")
    delete.add_argument("--round", type=int, required=True)
    add_json_flag(delete)
    delete.set_defaults(func=_round_delete)


def register_panel(panel_sub) -> None:
    edit = panel_sub.add_parser("edit", help="抽取前修改评审组（名称、人数、项目、学科）")
    edit.add_argument("--round", type=int, required=True)
    edit.add_argument("--panel", type=int, required=True, help="评审组编号（round show --json 中的 id）")
    edit.add_argument("--name")
    edit.add_argument("--size", type=int)
    edit.add_argument("--applications", help="本组全部项目编号，以逗号分隔（替换原有项目；空字符串清空）")
    edit.add_argument("--fields", help="本组要求的学科代码，以逗号分隔")
    add_json_flag(edit)
    edit.set_defaults(func=_panel_edit)
    remove = panel_sub.add_parser("remove", help="抽取前删除评审组")
    remove.add_argument("--round", type=int, required=True)
    remove.add_argument("--panel", type=int, required=True)
    add_json_flag(remove)
    remove.set_defaults(func=_panel_remove)


def register(sub) -> None:
    parser = sub.add_parser("expert", help="专家记录")
    expert_sub = parser.add_subparsers(dest="expert_command", required=True)
    edit = expert_sub.add_parser("edit", help="修改专家的手机、邮箱、职称、学科或状态")
    edit.add_argument("--expert", required=True, help="专家身份证号")
    edit.add_argument("--mobile")
    edit.add_argument("--email")
    edit.add_argument("--title")
    edit.add_argument("--fields", help="学科代码，以逗号分隔（替换原有学科）")
    edit.add_argument("--status", choices=("active", "inactive"), help="在库（active）或停用（inactive）")
    add_json_flag(edit)
    edit.set_defaults(func=_expert_edit)
    parser = sub.add_parser("organisation", help="单位记录")
    organisation_sub = parser.add_subparsers(dest="organisation_command", required=True)
    edit = organisation_sub.add_parser("edit", help="修改单位名称或单位类型（信用代码不变）")
    edit.add_argument("--credit-code", required=True)
    edit.add_argument("--name")
    edit.add_argument("--kind", help="企业/高校/科研院所/医疗卫生机构/机关/其他")
    add_json_flag(edit)
    edit.set_defaults(func=_organisation_edit)
