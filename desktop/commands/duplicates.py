"""`workspace merge-duplicates`: the way out named by the upgrade that stopped at canonical identifiers.

The workspace is opened at the revision before that upgrade; the merges (--keep) and corrections (--correct) given
run there, each one audited change, then what still clashes is listed. When nothing does, the workspace is opened
again, which finishes the upgrade."""

from __future__ import annotations

import argparse

from desktop.commands.output import add_json_flag, emit, operator
from desktop.commands.workspace import open_or_fail
from desktop.services import catalogue, duplicates
from desktop.services.workspaces import open_or_create


def _correction(text: str) -> tuple[str, str]:
    row, sep, code = text.partition("=")
    if not sep or not row.strip() or not code.strip():
        raise argparse.ArgumentTypeError(f"应写成「记录=正确号码」，如 person:15=370102197001010011：{text}")
    return row.strip(), code.strip()


def _text(value: dict) -> str:
    lines = [f"已合并：保留 {m['kept']}，并入 {'、'.join(m['merged'])}" for m in value["merged"] if m["merged"]]
    lines += [f"已更正 {c['corrected']} 的号码为 {c['identifier']}" for c in value["corrected"] if c["changed"]]
    for clash in value["clashes"]:
        lines.append(f"\n{clash['words']}：号码规范化后同为 {clash['identifier']}")
        lines += [f"  {row['key']}「{row['name']}」登记为 {row['stored_as']}" for row in clash["rows"]]
        lines += [f"  不同：{difference}" for difference in clash["differences"]]
        lines.append(f"  可合并：--keep {clash['keep']}" if clash["keep"] else f"  不能合并：{clash['refusal']}")
    lines.append("升级已完成，工作区可以用本版本打开。" if value["current_schema"] else
                 f"\n尚有 {len(value['clashes'])} 组冲突，工作区仍停留在升级之前。")
    return "\n".join(lines)


def _merge_duplicates(args: argparse.Namespace) -> int:
    with duplicates.before_canonical(args.workspace):
        place = open_or_fail(args)
        op = operator(args)
        merged = [duplicates.merge(place, op, keep) for keep in args.keep]
        corrected = [duplicates.correct(place, op, row, code) for row, code in args.correct]
        left = duplicates.clashes(place, op)
    counts = None
    if not left:
        counts = catalogue.counts(open_or_create(args.workspace, key=op.key), op)
    emit(args, {"merged": merged, "corrected": corrected, "clashes": left, "current_schema": not left,
                "counts": counts}, _text)
    return 0


def register(sub) -> None:
    group = sub.add_parser("workspace", help="工作区的维护").add_subparsers(dest="workspace_command", required=True,
                                                                       metavar="COMMAND")
    parser = group.add_parser(
        "merge-duplicates", help="升级时发现同一人（单位）被登记了两次：列出各组记录的不同之处，合并或更正后完成升级")
    parser.add_argument("--keep", action="append", default=[], metavar="记录",
                        help="保留这条记录（如 person:12），把与它号码相同的记录并入它（可重复）")
    parser.add_argument("--correct", action="append", default=[], type=_correction, metavar="记录=正确号码",
                        help="更正一条记录登记错的号码，如 person:15=370102197001010011（可重复）")
    add_json_flag(parser)
    parser.set_defaults(func=_merge_duplicates)
