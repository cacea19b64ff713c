"""`calls`, `call record`, `call withdraw`, `call-list`, `supplement`, `panel confirm`: confirmation calls, replacements and panel
confirmation from the shell."""

from __future__ import annotations

from pathlib import Path

from desktop.commands.output import WITNESS_PASSWORD_ENV, CommandError, add_json_flag, add_reveal_flag, emit, \
    operator, password, personal
from desktop.commands.workspace import open_or_fail
from desktop.services import accounts, call_list, calls, confirmation, replacements


def supervisor(args, place, name: str | None, why: str):
    """The supervisor named on the command line, signed in with their own password."""
    if not name:
        raise CommandError(f"{why}须由监督员用自己的账户登录：请用 --supervisor 指定账户名（口令取自环境变量 "
                           f"{WITNESS_PASSWORD_ENV}，或由监督员在终端输入）")
    operator(args)
    return accounts.sign_in(args.workspace, name, password(WITNESS_PASSWORD_ENV, f"监督员 {name} 的口令（由本人输入）："))


def _calls_text(rows: list[dict]) -> str:
    return "\n".join(f"{r['panel']} 第{r['seat']}座 {r['name']} {r['expert']} {r['status_label']}"
                     f"{'（企业）' if r['enterprise'] else ''} 通话{r['attempts']}次" for r in rows) or "（无）"


def _calls(args):
    place = open_or_fail(args)
    rows = [r.to_dict() for r in calls.list_calls(place, operator(args), args.round, args.panel)]
    emit(args, personal(args, place, f"calls round {args.round}", rows), _calls_text)


def _record_text(result: dict) -> str:
    call = result["call"]
    lines = [f"已记录：{call['name']} {call['outcome_label']}"
             + (f"（{call['reason_kind']}{'：' + call['reason'] if call['reason'] else ''}）" if call["reason_kind"]
                else "")]
    if result["recording"]:
        lines.append(f"  录音 {result['recording']['seconds']:.1f} 秒，SHA-256 {result['recording']['sha256']}")
    if result["replacement"]:
        lines.append(f"  递补：{result['replacement_name']}（{result['replacement']}）")
    elif result["seat_open"]:
        lines.append("  备选专家已用完：请用 supplement 为该组补抽")
    return "\n".join(lines)


def _record(args):
    place = open_or_fail(args)
    result = calls.record_call(place, operator(args), args.round, args.expert, args.outcome,
                               reason=args.reason or "", recording=Path(args.recording) if args.recording else None,
                               declared=[n for n in (args.declare or "").split(",") if n.strip()])
    emit(args, personal(args, place, f"call round {args.round}", result), _record_text)


def _withdraw_text(result: dict) -> str:
    state = "已退回「已抽取」" if result["round_state"] == "drawn" else "仍为「已抽取」"
    return (_record_text(result) + f"\n  评审组「{result['call']['panel']}」须重新确认；轮次{state}"
            + ("；其承诺书不再计入" if result["commitment_withdrawn"] else ""))


def _withdraw(args):
    place = open_or_fail(args)
    result = calls.record_withdrawal(place, operator(args), args.round, args.expert, reason=args.reason or "",
                                     recording=Path(args.recording) if args.recording else None)
    emit(args, personal(args, place, f"call withdraw round {args.round}", result), _withdraw_text)


def _call_list(args):
    out = Path(args.out)
    place = open_or_fail(args)
    if out.suffix.lower() == ".pdf":
        result = call_list.print_call_list(place, operator(args), args.round, out, args.panel)
    elif out.suffix.lower() == ".xlsx":
        result = call_list.export_call_list(place, operator(args), args.round, out, args.panel)
    else:
        raise CommandError(f"--out 应为 .pdf（打印）或 .xlsx（导出）文件，不是 {out.name}")
    emit(args, result, lambda r: f"已写出 {r['out']}（{r['rows']}位专家，已记入审计日志）")


def _batch_text(batch: dict) -> str:
    lines = [f"评审组「{batch['panel']}」第{batch['batch']}批补抽 {batch['seats']}个座位  承诺值：{batch['commitment']}"]
    if batch["state"] == "drawn":
        lines += [f"  见证监督员：{batch['witness']}  随机数：{batch['witness_digits']}  密钥：{batch['secret']}"]
        lines += [f"  第{p['seat']}座：{p['name']}（{p['expert']}）{'（企业）' if p['enterprise'] else ''}"
                  for p in batch["picked"]]
    return "\n".join(lines)


def _supplement(args):
    if args.witness is None or args.witness_digits is None:
        raise CommandError("补抽须填写 --witness（见证监督员）和 --witness-digits（见证人现场产生的随机数字）")
    place = open_or_fail(args)
    op = operator(args)
    witness = accounts.witness_sign_in(op, args.witness, password(
        WITNESS_PASSWORD_ENV, f"见证监督员 {args.witness} 的口令（由见证人本人输入）："))
    made = replacements.draw_supplementary(place, op, args.round, args.panel, witness=witness,
                                           witness_digits=args.witness_digits)
    emit(args, personal(args, place, f"supplementary draw round {args.round}", made.to_dict()), _batch_text)


def _supplement_commit(args):
    made = replacements.commit_supplementary(open_or_fail(args), operator(args), args.round, args.panel)
    emit(args, made.to_dict(), _batch_text)


def _confirm(args):
    place = open_or_fail(args)
    reason = (args.override_reason or "").strip()
    witness = supervisor(args, place, args.supervisor, "低于企业专家比例确认评审组") if reason else None
    result = confirmation.confirm_panel(place, operator(args), args.round, args.panel, override_reason=reason,
                                        supervisor=witness)
    emit(args, personal(args, place, f"panel confirm round {args.round}", result),
         lambda r: f"评审组「{r['panel']}」已确认：{r['quota_message']}"
                   + (f"（监督员 {r['override_by']} 同意：{r['override_reason']}）" if r["override_reason"] else ""))


def register_panel(panel_sub) -> None:
    confirm = panel_sub.add_parser("confirm", help="确认评审组（每个座位都有接受邀请的专家，企业专家比例达标）")
    confirm.add_argument("--round", type=int, required=True)
    confirm.add_argument("--panel", required=True, help="评审组名称")
    confirm.add_argument("--override-reason", help="低于企业专家比例仍确认的理由（须监督员登录同意）")
    confirm.add_argument("--supervisor", help="同意低于比例确认的监督员账户名")
    add_reveal_flag(confirm)
    add_json_flag(confirm)
    confirm.set_defaults(func=_confirm)


def register(sub) -> None:
    parser = sub.add_parser("calls", help="电话确认名单：每位受邀专家的状态和通话次数")
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--panel", help="只列出这个评审组")
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_calls)

    parser = sub.add_parser("call", help="确认电话")
    call_sub = parser.add_subparsers(dest="call_command", required=True)
    record = call_sub.add_parser("record", help="记录一次确认电话（拒绝或多次未接通时自动递补备选专家）")
    record.add_argument("--round", type=int, required=True)
    record.add_argument("--expert", required=True, help="专家身份证号")
    record.add_argument("--outcome", required=True, help="accepted（接受）/declined（拒绝）/unreachable（未接通）/"
                                                         "pending（待回复）")
    record.add_argument("--reason", help="拒绝理由：时间冲突、需回避、身体原因，或其他具体理由")
    record.add_argument("--recording", help="通话录音文件（WAV、M4A/AAC、MP3、AMR）")
    record.add_argument("--declare", help="专家在电话中申报回避的项目编号，以逗号分隔（记为 DECLARED 并让出座位）")
    add_reveal_flag(record)
    add_json_flag(record)
    record.set_defaults(func=_record)

    withdraw = call_sub.add_parser("withdraw", help="记录已确认评审组的专家在评分开始前退出（评审组须重新确认，"
                                                    "座位按备选顺序递补）")
    withdraw.add_argument("--round", type=int, required=True)
    withdraw.add_argument("--expert", required=True, help="专家身份证号")
    withdraw.add_argument("--reason", required=True, help="退出理由：时间冲突、需回避、身体原因，或其他具体理由")
    withdraw.add_argument("--recording", help="通话录音文件（WAV、M4A/AAC、MP3、AMR）")
    add_reveal_flag(withdraw)
    add_json_flag(withdraw)
    withdraw.set_defaults(func=_withdraw)

    parser = sub.add_parser("call-list", help="打印（.pdf，标注机密）或导出（.xlsx）专家联系名单，记入审计日志")
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--panel", help="只含这个评审组")
    parser.add_argument("--out", required=True, help="输出文件：.pdf 或 .xlsx")
    add_json_flag(parser)
    parser.set_defaults(func=_call_list)

    parser = sub.add_parser("supplement", help="备选专家用完时补抽空缺座位（承诺—揭示，须监督员见证）")
    parser.add_argument("--round", type=int, required=True)
    parser.add_argument("--panel", required=True)
    parser.add_argument("--witness", help="见证监督员的账户名（口令取自环境变量 PANELDESK_WITNESS_PASSWORD）")
    parser.add_argument("--witness-digits", help="见证人现场产生的随机数字（至少6位）")
    add_reveal_flag(parser)
    add_json_flag(parser)
    parser.set_defaults(func=_supplement)
    supplement_sub = parser.add_subparsers(dest="supplement_command")
    commit = supplement_sub.add_parser("commit", help="生成补抽密钥并显示其承诺值（在见证人给出随机数之前公布）")
    commit.add_argument("--round", type=int, required=True)
    commit.add_argument("--panel", required=True)
    add_json_flag(commit)
    commit.set_defaults(func=_supplement_commit)
