"""`score enter|resolve`, `scores template|import|sheet|differences`: entering scores from the shell."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.output import add_json_flag, add_reveal_flag, emit, operator, personal
from desktop.commands.workspace import open_or_fail
from desktop.services import score_workbook, scores
from desktop.services.importing.run import ImportRejected
from desktop.services.scores import ScoreInput


def _entered_text(value: dict) -> str:
    text = f"录入{value['entered']}份，计入{value['settled']}份"
    if value["waiting"]:
        text += f"，{value['waiting']}份待另一位操作员录入第二遍"
    if value["differences"]:
        text += f"，{len(value['differences'])}份两遍不一致，须裁定"
    return text + f"（轮次状态：{value['state']}）"


def _enter(args):
    workspace = open_or_fail(args)
    done = scores.enter_scores(workspace, operator(args), args.round,
                               [ScoreInput(args.expert, args.application, args.value, args.opinion or "")],
                               source="command line", reason=args.reason or "")
    emit(args, personal(args, workspace, f"score enter round {args.round}", done.to_dict()), _entered_text)


def _resolve(args):
    workspace = open_or_fail(args)
    done = scores.resolve_difference(workspace, operator(args), args.round, args.expert, args.application,
                                     args.value, args.opinion or "", reason=args.reason or "")
    emit(args, done.to_dict(), _entered_text)


def _template(args):
    made = score_workbook.export_template(open_or_fail(args), operator(args), args.round, args.panel, args.out)
    emit(args, made, lambda v: f"已导出评分模板：{v['out']}（{v['experts']}位专家 × {v['applications']}个项目）")


def _import(args):
    workspace = open_or_fail(args)
    try:
        done = score_workbook.import_scores(workspace, operator(args), args.round, args.file)
    except ImportRejected as rejected:
        if args.json:
            emit(args, {"imported": False, "total_problems": rejected.total,
                        "problems": personal(args, workspace, f"scores import round {args.round}",
                                             [p.__dict__ for p in rejected.problems])})
        else:
            for problem in rejected.problems:
                print(problem)
        raise
    emit(args, {"imported": True, **personal(args, workspace, f"scores import round {args.round}", done.to_dict())},
         _entered_text)


def _sheet(args):
    workspace = open_or_fail(args)
    sheet = scores.score_sheet(workspace, operator(args), args.round, args.panel)
    value = {"panel": sheet.panel, "method": sheet.method, "columns": sheet.columns, "double_entry": sheet.double_entry,
             "applications": [{"number": n, "title": t} for n, t in sheet.applications],
             "experts": [e.__dict__ for e in sheet.experts],
             "cells": [{"expert": e, "application": a, **c} for (e, a), c in sheet.cells.items()]}
    emit(args, personal(args, workspace, f"scores sheet round {args.round}", value),
         lambda v: "\n".join(f"{c['expert']}\t{c['application']}\t{c['value']}\t{c['state']}" for c in v["cells"])
         or "（尚无评分）")


def _differences(args):
    workspace = open_or_fail(args)
    found = scores.differences(workspace, operator(args), args.round)
    emit(args, personal(args, workspace, f"scores differences round {args.round}", found),
         lambda v: "\n".join(f"{d['panel']}\t{d['name']}\t{d['application']}\t" +
                             " ≠ ".join(f"{e['by']}：{e['value']}" for e in d["entries"]) for d in v)
         or "双人录入没有不一致之处")


def _cell(parser: argparse.ArgumentParser, value_help: str) -> None:
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--expert", required=True, help="专家身份证号")
    parser.add_argument("--application", required=True, help="项目编号")
    parser.add_argument("--value", required=True, help=value_help)
    parser.add_argument("--opinion", help="专家的评审意见")
    parser.add_argument("--reason", help="评审结果审批之后修改评分的理由")
    add_reveal_flag(parser)
    add_json_flag(parser)


def register(sub) -> None:
    parser = sub.add_parser("score", help="录入一位专家对一个项目的评分")
    score_sub = parser.add_subparsers(dest="score_command", required=True)
    enter = score_sub.add_parser("enter", help="录入评分（按本轮唯一的评审方法）")
    _cell(enter, "百分制按指标以逗号分隔，如 30,25,20,15；等级 A…D；表决 同意/不同意/弃权；排序为名次")
    enter.set_defaults(func=_enter)
    resolve = score_sub.add_parser("resolve", help="裁定双人录入两遍不一致的评分（按专家的纸质评分表）")
    _cell(resolve, "按纸质评分表核定的评分")
    resolve.set_defaults(func=_resolve)

    parser = sub.add_parser("scores", help="评分表：模板、导入、查看、双人录入差异")
    scores_sub = parser.add_subparsers(dest="scores_command", required=True)
    template = scores_sub.add_parser("template", help="导出一个评审组的评分模板（.xlsx）")
    template.add_argument("--round", type=int, required=True)
    template.add_argument("--panel", required=True, help="评审组名称")
    template.add_argument("--out", type=Path, required=True, help="保存为 FILE.xlsx")
    add_json_flag(template)
    template.set_defaults(func=_template)
    imported = scores_sub.add_parser("import", help="导入填好的评分模板（全部通过才写入）")
    imported.add_argument("--round", type=int, required=True)
    imported.add_argument("file", type=Path)
    add_reveal_flag(imported)
    add_json_flag(imported)
    imported.set_defaults(func=_import)
    sheet = scores_sub.add_parser("sheet", help="查看一个评审组的评分表")
    sheet.add_argument("--round", type=int, required=True)
    sheet.add_argument("--panel", required=True)
    add_reveal_flag(sheet)
    add_json_flag(sheet)
    sheet.set_defaults(func=_sheet)
    differences = scores_sub.add_parser("differences", help="列出双人录入两遍不一致、尚未裁定的评分")
    differences.add_argument("--round", type=int, required=True)
    add_reveal_flag(differences)
    add_json_flag(differences)
    differences.set_defaults(func=_differences)
