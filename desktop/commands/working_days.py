"""`calendar years|show|import` and `deadline`: the working-day calendar (RULES.md WORKING_DAYS) from the shell."""

from __future__ import annotations

from pathlib import Path

from desktop.commands.output import add_json_flag, emit, operator
from desktop.commands.rounds import _date
from desktop.commands.workspace import open_or_fail
from desktop.services import working_days
from desktop.services.importing.run import ImportRejected


def _years(args) -> int:
    rows = working_days.years(open_or_fail(args), operator(args))
    emit(args, rows, lambda v: "\n".join(
        f"{r['year']}  {r['status']}  {r['notice']}" + (f"  放假{r['holidays']}天 调休上班{r['make_up_days']}天"
                                                        if r["version"] else "") for r in v))
    return 0


def _show(args) -> int:
    year = working_days.show_year(open_or_fail(args), operator(args), args.year)
    emit(args, year, lambda v: "\n".join(
        [f"{v['year']}年：{v['status']}" + (f"（{v['notice']}；来源：{v['source']}；版本 {v['version']}）"
                                          if v["version"] else "")]
        + [f"  {d['date']} 周{d['weekday']}  {d['kind']}  {d['name']}" for d in v["days"]]))
    return 0


def _import(args) -> int:
    workspace = open_or_fail(args)
    try:
        year = working_days.import_calendar(workspace, operator(args), args.file, args.encoding)
    except ImportRejected as rejected:
        if args.json:
            emit(args, {"imported": False, "total_problems": rejected.total,
                        "problems": [p.__dict__ for p in rejected.problems]})
        else:
            for problem in rejected.problems:
                print(problem)
        raise
    emit(args, {"imported": True, **year},
         lambda v: f"已录入{v['year']}年的放假安排（{v['notice']}）：放假{v['holidays']}天，调休上班{v['make_up_days']}天，"
                   f"日历版本 {v['version']}")
    return 0


def _deadline(args) -> int:
    found = working_days.deadline(open_or_fail(args), operator(args), args.start, args.working_days)
    emit(args, found.to_dict(), lambda v: f"自{v['from']}起{v['working_days']}个工作日内：截止于{v['due']}"
                                          f"（日历版本 {v['calendar']['version']}）")
    return 0


def register(sub) -> None:
    parser = sub.add_parser("calendar", help="工作日日历：各年度的放假与调休上班安排")
    calendar_sub = parser.add_subparsers(dest="calendar_command", required=True)
    years = calendar_sub.add_parser("years", help="各年度是否已录入放假安排，及其依据文号")
    add_json_flag(years)
    years.set_defaults(func=_years)
    show = calendar_sub.add_parser("show", help="一个年度的放假日与调休上班日")
    show.add_argument("year", type=int)
    add_json_flag(show)
    show.set_defaults(func=_show)
    imported = calendar_sub.add_parser("import", help="从表格（日期、类型、名称、依据文号）录入一个年度的放假安排（全部成功或全部不写入）")
    imported.add_argument("file", type=Path)
    imported.add_argument("--encoding", help="CSV 文件的编码；默认自动识别")
    add_json_flag(imported)
    imported.set_defaults(func=_import)

    parser = sub.add_parser("deadline", help="按工作日计算期限：自某日起 N 个工作日内的最后一天")
    parser.add_argument("--from", dest="start", required=True, type=_date, metavar="YYYY-MM-DD",
                        help="起算日（期限自次日开始计算）")
    parser.add_argument("--working-days", required=True, type=int, metavar="N")
    add_json_flag(parser)
    parser.set_defaults(func=_deadline)
