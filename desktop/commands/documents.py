"""`signer`, `letters`, `notices`, `verify`: the signing identity and the documents from the shell.

The operator's password for the encrypted file keyring (only on machines without a system keyring) comes from
PANELDESK_PASSPHRASE; the passphrase of a PKCS#12 file being imported from PANELDESK_P12_PASSPHRASE, or is asked
for when a terminal is attached.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Callable

from desktop.commands.output import CommandError, add_json_flag, emit, operator
from desktop.services import documents as documents_service, feedback, signing
from desktop.services.workspaces import is_workspace

P12_PASSPHRASE_ENV = "PANELDESK_P12_PASSPHRASE"
Make = Callable[[documents_service.Progress], list[Path]]  # a documents service call, given the progress callback


def _identity_json(identity: signing.SigningIdentity, store_description: str | None = None) -> dict:
    value = {k: v for k, v in asdict(identity).items() if k != "certificate_pem"}
    if store_description:
        value["secrets"] = store_description
    return value


def _identity_text(value: dict) -> str:
    lines = [f"签名身份：{value['subject']}", f"SHA-256 指纹：{value['fingerprint']}",
             f"有效期：{value['not_before'][:10]} 至 {value['not_after'][:10]}"]
    if "secrets" in value:
        lines.append(f"口令保存在：{value['secrets']}")
    return "\n".join(lines) + "\n请将指纹公布给收件人，用于核对签名。"


def _signer_create(args: argparse.Namespace) -> int:
    unit = signing.Unit(args.province or "", args.department or args.organisation or "", args.office or "")
    identity, store = signing.create_identity(args.workspace, operator(args), args.name, unit, replace=args.replace)
    emit(args, _identity_json(identity, store.description), _identity_text)
    return 0


def _signer_import(args: argparse.Namespace) -> int:
    passphrase = os.environ.get(P12_PASSPHRASE_ENV)
    if passphrase is None:
        if not sys.stdin.isatty():
            raise CommandError(f"请在环境变量 {P12_PASSPHRASE_ENV} 中提供 PKCS#12 文件的口令")
        passphrase = getpass.getpass("PKCS#12 文件的口令：")
    identity, store = signing.import_identity(args.workspace, operator(args), args.file, passphrase,
                                              replace=args.replace)
    emit(args, _identity_json(identity, store.description), _identity_text)
    return 0


def _signer_show(args: argparse.Namespace) -> int:
    identity = signing.show_identity(args.workspace, operator(args))
    if args.certificate:
        args.certificate.write_text(identity.certificate_pem, encoding="ascii")
    emit(args, _identity_json(identity), _identity_text)
    return 0


def _generate(args: argparse.Namespace, make: Make) -> int:
    """Run ``make(progress)`` (a documents service call) and report the files it wrote."""
    show_progress = not args.json and sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            print(f"\r已生成 {done}/{total}", end="", file=sys.stderr, flush=True)

    paths = make(progress)  # a cancelled batch is a Cancelled error that says how many files it completed
    if show_progress:
        print(file=sys.stderr)
    value = {"files": [str(p) for p in paths], "count": len(paths), "signed": bool(args.sign)}
    emit(args, value, lambda v: "\n".join(v["files"]) + f"\n共 {v['count']} 份" + ("，已签名" if v["signed"] else ""))
    return 0


def _export(args: argparse.Namespace, documents: list, action: str) -> Make:
    return lambda progress: documents_service.export_documents(
        args.workspace, operator(args) if is_workspace(args.workspace) else None, documents, args.out, action=action, target=str(args.from_json),
        sign=args.sign, progress=progress)


def _letters(args: argparse.Namespace) -> int:
    if args.from_json:
        documents = documents_service.plain_documents(args.from_json, documents_service.LETTER)
        if not documents:
            raise CommandError("没有需要生成的承诺书")
        return _generate(args, _export(args, documents, "documents.letters"))
    if args.round is None:
        raise CommandError("请用 --round 指定轮次，或用 --from-json 指定数据文件")
    return _generate(args, lambda progress: [letter.path for letter in documents_service.generate_letters(
        args.workspace, operator(args), args.round, args.out, sign=args.sign, progress=progress)])


def _notices(args: argparse.Namespace) -> int:
    if args.kind == "outcome":
        args.kind = "outcome_notice"
    if args.round is not None and args.kind == "outcome_notice":  # from the round's approved results (FEEDBACK)
        return _generate(args, lambda progress: feedback.generate_outcome_notices(
            args.workspace, operator(args), args.round, args.out, sign=args.sign, notice_date=args.notice_date,
            progress=progress))
    if args.round is not None:
        if args.kind not in documents_service.SHEETS:
            raise CommandError("按轮次（--round）可生成的文书：--kind outcome（结果通知书，据审批后的评审结果）、"
                               "sign_in_sheet（签到表）或 score_sheet（评分表）")
        return _generate(args, lambda progress: documents_service.generate_sheets(
            args.workspace, operator(args), args.round, args.kind, args.out, sign=args.sign, progress=progress))
    if args.from_json is None:
        raise CommandError("请用 --round 指定轮次，或用 --from-json 指定数据文件")
    documents = documents_service.plain_documents(args.from_json, args.kind)
    if not documents:
        raise CommandError("数据文件中没有需要生成的文书")
    return _generate(args, _export(args, documents, "documents.notices"))


NOT_INTACT, NOT_TRUSTED = 2, 3  # verify's exit codes besides 0 (intact and trusted)
NO_TRUST_HINT = "请在签发文件的工作区中核验（--workspace 与 --operator），或用 --fingerprint 给出签发单位公布的证书指纹"


def _verify(args: argparse.Namespace) -> int:
    if args.fingerprint or args.trust:  # a published fingerprint needs no workspace, nor any account
        trust = signing.published_trust(args.fingerprint, args.trust)
    elif is_workspace(args.workspace):
        trust = signing.workspace_trust(args.workspace, operator(args))
    else:
        trust = signing.published_trust()
    result = signing.verify_file(args.file, trust)
    value = {"signer": result.signer, "fingerprint": result.fingerprint, "signed_at": result.signed_at,
             "intact": result.intact, "trusted": result.trusted,
             "signatures": [asdict(check) for check in result.signatures]}
    if result.problem:
        value["problem"] = result.problem + ("" if trust.identities else "；" + NO_TRUST_HINT)
    emit(args, value, _verification_text)
    return 0 if result.trusted else NOT_TRUSTED if result.intact else NOT_INTACT


def _verification_text(value: dict) -> str:
    lines = [f"签名人：{value['signer']}", f"SHA-256 指纹：{value['fingerprint']}", f"签名时间：{value['signed_at']}",
             f"文件完整：{'是' if value['intact'] else '否'}", f"可信签名身份：{'是' if value['trusted'] else '否'}"]
    if len(value["signatures"]) > 1:
        lines.append(f"文件中共有 {len(value['signatures'])} 个签名：")
        lines += [f"  {n}. {c['signer']}（指纹 {c['fingerprint'][:23]}…），{c['signed_at']}，"
                  + ("覆盖整个文件" if c["whole"] else "只覆盖其后改动之前的内容") + ("" if c["sound"] else "，与内容不符")
                  for n, c in enumerate(value["signatures"], 1)]
    if "problem" in value:
        lines.append(f"问题：{value['problem']}")
    return "\n".join(lines)


def register(subparsers) -> None:
    signer = subparsers.add_parser("signer", help="工作区的签名身份（创建、导入、查看）")
    actions = signer.add_subparsers(dest="signer_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="为工作区新建签名身份，并显示需公布的证书指纹")
    create.add_argument("--name", required=True, help="签名人名称，如“省科学技术厅评审办公室”")
    create.add_argument("--province", help="证书主体中的省份（ST），如“山东省”")
    create.add_argument("--department", help="证书主体中的单位（O），如“山东省科学技术厅”")
    create.add_argument("--office", help="证书主体中的部门（OU），如“评审办公室”")
    create.add_argument("--organisation", help=argparse.SUPPRESS)  # the former name of --department
    create.add_argument("--replace", action="store_true", help="替换已有的签名身份（旧身份此前签发、审计日志有记录的文件仍可信；其后用旧密钥所签的不可信）")
    add_json_flag(create)
    create.set_defaults(func=_signer_create)
    imported = actions.add_parser("import", help="导入已有的 PKCS#12（.p12/.pfx）签名身份")
    imported.add_argument("file", type=Path)
    imported.add_argument("--replace", action="store_true", help="替换已有的签名身份")
    add_json_flag(imported)
    imported.set_defaults(func=_signer_import)
    show = actions.add_parser("show", help="显示签名身份及其 SHA-256 指纹")
    show.add_argument("--certificate", type=Path, help="同时把证书（PEM）写入此文件，供他人核验")
    add_json_flag(show)
    show.set_defaults(func=_signer_show)

    letters = subparsers.add_parser("letters", help="为抽中的每位专家生成评审专家承诺书")
    _sources(letters, "轮次编号（按最近一次抽取结果）")
    _output_flags(letters)
    letters.set_defaults(func=_letters)

    notices = subparsers.add_parser("notices", help="生成信用承诺书、结果通知书、公示名单、签到表、评分表")
    _sources(notices, "轮次编号：按最近一次抽取结果生成签到表或评分表")
    notices.add_argument("--kind", choices=["applicant_commitment", "outcome", "outcome_notice", "publicity_list",
                                            "sign_in_sheet", "score_sheet", "expert_commitment"],
                         help="只生成这一种文书（outcome 即 outcome_notice：按轮次时据审批后的评审结果生成）")
    notices.add_argument("--notice-date", type=dt.date.fromisoformat,
                         help="结果通知书的日期 YYYY-MM-DD（默认今天；申诉期限自此起算15个工作日）")
    _output_flags(notices)
    notices.set_defaults(func=_notices)

    check = subparsers.add_parser(
        "verify", help="核验 PDF 的数字签名：退出码 0 表示文件完整且由可信签名身份签署，2 表示文件被改动，3 表示签名者不可信；"
                       "默认信任本工作区审计日志所记的签名身份")
    check.add_argument("file", type=Path)
    check.add_argument("--fingerprint", action="append", default=[], metavar="HEX",
                       help="信任签发单位公布的证书 SHA-256 指纹（64 位十六进制，可多次给出；无需工作区）")
    check.add_argument("--trust", type=Path, action="append", default=[], help="信任此证书文件（可多次给出；无需工作区）")
    add_json_flag(check)
    check.set_defaults(func=_verify)


def _sources(parser: argparse.ArgumentParser, round_help: str) -> None:
    """A drawn round of the workspace (its issuer, venue and time are the round's: round edit), or a JSON file of
    plain data (reports/plain.py)."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--round", type=int, help=round_help)
    source.add_argument("--from-json", type=Path, help="从 JSON 数据文件生成（见 reports/plain.py）")


def _output_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="输出文件夹")
    parser.add_argument("--sign", action="store_true", help="用工作区的签名身份签署每个 PDF")
    add_json_flag(parser)
