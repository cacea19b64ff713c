"""`backup --out DIR` and `restore --from DIR`: the whole workspace to a folder (a USB stick) and back."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.output import add_json_flag, emit, operator, password
from desktop.commands.workspace import open_or_fail
from desktop.services.backup import backup_workspace, restore_backup

BACKUP_PASSWORD_ENV = "PANELDESK_BACKUP_PASSWORD"


def _backup(args: argparse.Namespace) -> int:
    workspace = open_or_fail(args)
    summary = backup_workspace(workspace, operator(args), args.out,
                               password(BACKUP_PASSWORD_ENV, "备份口令（至少8个字符，恢复时需要）：", twice=True))
    emit(args, summary, lambda v: f"已备份到 {v['folder']}（{v['snapshot']}，{v['files']} 个文件，{v['bytes']} 字节，"
                                  f"新增附件 {v['new_blobs']} 个）")
    return 0


def _restore(args: argparse.Namespace) -> int:
    summary = restore_backup(args.source, args.workspace, password(BACKUP_PASSWORD_ENV, "备份口令："), args.snapshot,
                             fingerprint=args.fingerprint or "")
    emit(args, summary, lambda v: f"已从备份 {v['snapshot']} 恢复工作区 {v['workspace']}（{v['files']} 个文件）"
                                  + (f"；原有的工作区已改名保留为 {v['kept']}" if v["kept"] else "") + "\n"
                                  + _signer_words(v))
    return 0


def _signer_words(summary: dict) -> str:
    if summary["signer"] is None:
        return "注意：此备份没有签名（备份时工作区还没有签名身份），无法确认它出自本单位"
    if summary["trusted"]:
        return f"备份由指纹为 {summary['signer']} 的签名身份签名，与所给指纹相同"
    return (f"注意：备份由指纹为 {summary['signer']} 的签名身份签名，未经确认：请与本单位公布的指纹核对，"
            "或用 --fingerprint 给出它再恢复")


def register(subparsers) -> None:
    backup = subparsers.add_parser("backup", help=f"备份整个工作区到一个文件夹（口令取自 {BACKUP_PASSWORD_ENV} 或终端输入）")
    backup.add_argument("--out", type=Path, required=True, help="备份文件夹，如 U 盘上的 PanelDesk备份")
    add_json_flag(backup)
    backup.set_defaults(func=_backup)
    restore = subparsers.add_parser("restore", help="从备份文件夹恢复工作区到 --workspace（先校验全部文件，原有工作区改名保留）")
    restore.add_argument("--from", dest="source", type=Path, required=True, help="备份文件夹")
    restore.add_argument("--snapshot", help="恢复哪一次备份（默认最近一次）")
    restore.add_argument("--fingerprint", help="本单位公布的签名身份指纹：备份的签名者须有此指纹，否则不恢复")
    add_json_flag(restore)
    restore.set_defaults(func=_restore)
