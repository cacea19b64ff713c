"""`conduct record|list|history|settings`, `due` and `round close` (EXPERT_CONDUCT, closing a round, the due
list)."""

from __future__ import annotations

import datetime as dt

from desktop.commands.output import add_json_flag, emit, operator
from desktop.commands.rounds import _date
from desktop.services.conduct import CONDUCTS
from desktop.services import conduct, due


def _sheet_text(sheet: dict) -> str:
    lines = [f"评审轮次 {sheet['round']} 专家评审行为（{sheet['due']}前登记，未登记 {sheet['missing']} 位）："]
    lines += [f"  {e['name']}：{e['conduct_text']}" + (f"，评价{e['rating']}分" if e["rating"] is not None else "")
              + ("" if e["recorded"] else "（未登记，按出席和邀请情况预填）") for e in sheet["experts"]]
    return "\n".join(lines)


def _record(args) -> None:
    emit(args, conduct.record_conduct(args.workspace, operator(args), args.round, args.expert,
                                      args.conduct.split(","), args.rating, args.note),
         lambda c: f"已登记：{c['name']} {c['conduct_text']}" + (f"，评价{c['rating']}分" if c["rating"] is not None else ""))


def _list(args) -> None:
    emit(args, conduct.conduct_sheet(args.workspace, operator(args), args.round), _sheet_text)


def _history(args) -> None:
    emit(args, conduct.expert_history(args.workspace, operator(args), args.expert),
         lambda h: "\n".join([f"{h['name']}：参加 {len(h['rounds'])} 轮评审"
                              + ("，低分评价已达复核专家资格的次数" if h["flagged"] else "")]
                             + [f"  {r['review_date']} {r['name']}：{r['conduct_text']}"
                                + (f"，{r['rating']}分" if r["rating"] is not None else "") for r in h["rounds"]]))


def _settings(args) -> None:
    """Shown, or changed where any of the three is given (the others kept)."""
    op = operator(args)
    found = conduct.low_ratings(args.workspace, op)
    given = {key: getattr(args, key) for key in ("below", "count", "days") if getattr(args, key) is not None}
    if given:
        found = conduct.set_low_ratings(args.workspace, op, **{**{k: found[k] for k in ("below", "count", "days")},
                                                               **given})
    emit(args, found, lambda r: f"低分复核线：{r['text']}的专家，提示复核其专家库资格")


def _due(args) -> None:
    emit(args, due.due_items(args.workspace, operator(args), args.today or dt.date.today()),
         lambda items: "\n".join(f"{i['when_text']} {i['due']} {i['what']}"
                                 + (f"（轮次 {i['round']}）" if i["round"] else "") for i in items) or "没有待办事项")


def register(subparsers) -> None:
    parser = subparsers.add_parser("conduct", help="专家评审行为：评审后2个工作日内登记")
    actions = parser.add_subparsers(dest="conduct_command", required=True, metavar="ACTION")
    record = actions.add_parser("record", help="登记一位专家在本轮的评审行为")
    record.add_argument("--round", type=int, required=True)
    record.add_argument("--expert", required=True, help="专家身份证号")
    record.add_argument("--conduct", required=True, help="逗号分隔：" + "、".join(f"{k}（{v}）" for k, v in CONDUCTS.items()))
    record.add_argument("--rating", type=int, help="评价分（0–100，可选）")
    record.add_argument("--note", default="")
    add_json_flag(record)
    record.set_defaults(func=_record)
    listing = actions.add_parser("list", help="本轮专家及其评审行为（未登记的按出席和邀请情况预填）")
    listing.add_argument("--round", type=int, required=True)
    add_json_flag(listing)
    listing.set_defaults(func=_list)
    history = actions.add_parser("history", help="一位专家参加过的评审轮次、评审行为和评价")
    history.add_argument("--expert", required=True)
    add_json_flag(history)
    history.set_defaults(func=_history)
    settings = actions.add_parser("settings", help="低分复核线：多少天内几次评价低于多少分的专家提示复核（工作区设置）")
    settings.add_argument("--below", type=int, help="低于此分为低分（默认60）")
    settings.add_argument("--count", type=int, help="达到此次数即提示（默认2）")
    settings.add_argument("--days", type=int, help="统计的天数（默认730）")
    add_json_flag(settings)
    settings.set_defaults(func=_settings)

    listing = subparsers.add_parser("due", help="各轮次的待办期限：已逾期、今日、本周")
    listing.add_argument("--today", type=_date, help="按此日期计算（默认今天）")
    add_json_flag(listing)
    listing.set_defaults(func=_due)
