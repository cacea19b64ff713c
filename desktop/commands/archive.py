"""`archive export|verify|import`: the round archive from the shell; `archive verify` needs no workspace."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop import __version__
from desktop.commands.output import CommandError, add_json_flag, emit, operator, password
from desktop.commands.workspace import open_or_fail
from desktop.services import confidential
from desktop.services.archive.export import export_round
from desktop.services.archive.importing import import_archive
from desktop.services.archive.verify import verdict_words, verify_archive
from desktop.services.signing import certificate_files

ARCHIVE_PASSWORD_ENV = "PANELDESK_ARCHIVE_PASSWORD"


def _progress(done: int, total: int, what: str) -> None:
    if sys.stderr.isatty() and what:
        print(f"\r[{done + 1}/{total}] {what[:60]:<60}", end="", file=sys.stderr, flush=True)


def _export(args: argparse.Namespace) -> int:
    workspace = open_or_fail(args)
    summary = export_round(workspace, operator(args), args.round, args.out,
                           password(ARCHIVE_PASSWORD_ENV, "归档口令（至少8个字符，请另行告知核验人）：", twice=True),
                           app_version=__version__, progress=_progress)
    emit(args, summary, lambda v: f"已导出轮次 {v['round']} 的归档：{v['file']}（{v['members']} 个成员，"
                                  f"{v['bytes']} 字节），签名者指纹 {v['signer']}")
    return 0


def _trusted(args: argparse.Namespace) -> None:
    if not args.trust and not args.fingerprint:
        raise CommandError("请用 --trust 证书文件 或 --fingerprint 指纹 指明可信的签名者（评审办公室公布的证书指纹）")


def _verify(args: argparse.Namespace) -> int:
    _trusted(args)
    result = verify_archive(args.file, password(ARCHIVE_PASSWORD_ENV, "归档口令："),
                            trust=certificate_files(args.trust or ()), fingerprint=args.fingerprint or "")
    emit(args, confidential.masked(result), verdict_words)  # no workspace, no account: numbers stay masked
    return 0 if result["intact"] and result["trusted"] and result["draw_replayed"] else 1


def _import(args: argparse.Namespace) -> int:
    _trusted(args)
    workspace = open_or_fail(args)
    summary = import_archive(workspace, operator(args), args.file, password(ARCHIVE_PASSWORD_ENV, "归档口令："),
                             trust=certificate_files(args.trust or ()), fingerprint=args.fingerprint or "")
    emit(args, summary, _import_text)
    return 0


def _import_text(v: dict) -> str:
    if v["already_imported"]:
        source = "该归档" if v["same_file"] else f"同一轮次的另一份归档（{v['earlier_file']}）"
        return f"{source}已于 {v['imported_at']} 导入为轮次 {v['round']}，本次没有重复导入任何内容"
    counts = "；".join(f"{what}新增 {v[key]['new']}、与本库合并 {v[key]['merged']}"
                      for key, what in (("persons", "人员"), ("organisations", "单位"), ("applications", "项目")))
    return "\n".join([f"已导入为轮次 {v['round']}「{v['name']}」（只读，已结束）：{counts}",
                      f"生成的文书 {len(v['documents']['files'])} 份已写入 {v['documents']['out']}；"
                      f"期限 {v['rows']['deadline']} 条（各按原来的日历版本）"
                      + "".join(f"；工作日日历新增 {year} 年" for year in v["calendar_years"])]
                     + [f"  差异：{d}" for d in v["differences"]])


def _trust_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trust", type=Path, action="append", default=[], help="可信的签名证书文件（可多次给出）")
    parser.add_argument("--fingerprint", help="可信签名证书的 SHA-256 指纹（完整的 64 位十六进制，signer show 显示的那样）")


def register(subparsers) -> None:
    archive = subparsers.add_parser("archive", help="轮次归档：导出、核验（无需工作区）、导入")
    actions = archive.add_subparsers(dest="archive_command", required=True, metavar="ACTION")
    export = actions.add_parser("export", help=f"导出一个轮次的签名归档（口令取自 {ARCHIVE_PASSWORD_ENV} 或终端输入）")
    export.add_argument("--round", type=int, required=True, help="轮次编号")
    export.add_argument("--out", type=Path, required=True, help="归档文件，如 round-1.zip")
    add_json_flag(export)
    export.set_defaults(func=_export)
    check = actions.add_parser("verify", help="核验归档：成员与清单、签名、审计日志链、重算抽取（退出码 0 表示全部成立）")
    check.add_argument("file", type=Path)
    _trust_flags(check)
    add_json_flag(check)
    check.set_defaults(func=_verify)
    imported = actions.add_parser("import", help="核验后把归档中的轮次导入本工作区（只读；人员按身份证号、单位按信用代码合并）")
    imported.add_argument("file", type=Path)
    _trust_flags(imported)
    add_json_flag(imported)
    imported.set_defaults(func=_import)
