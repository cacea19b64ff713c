"""How an audit entry reads in the window: the action and each field in words, values formatted, long lists counted.

The log itself keeps codes and JSON (it is hashed as written, and the command line and auditors read it); this is the
one place that turns them into a sentence a secretariat reads, in Chinese or, through Qt's translations, English.
An action or field PanelDesk does not know yet is shown as its code, never hidden. Personal numbers stay masked.
"""

from __future__ import annotations

import json
import re
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.services.audit import TABLE_NAMES
from desktop.services.confidential import mask_ids_in, masked
from desktop.services.method_choices import share_words
from desktop.ui.listings import status_text
from desktop.ui.round.words import STATES

translate = QCoreApplication.translate

ACTIONS = {
    "import": QT_TRANSLATE_NOOP("audit", "导入数据"),
    "round.create": QT_TRANSLATE_NOOP("audit", "新建评审轮次"),
    "round.edit": QT_TRANSLATE_NOOP("audit", "修改评审轮次"),
    "round.delete": QT_TRANSLATE_NOOP("audit", "删除评审轮次草稿"),
    "round.open": QT_TRANSLATE_NOOP("audit", "开启评审轮次"),
    "round.draw.commit": QT_TRANSLATE_NOOP("audit", "生成并公布抽取承诺值"),
    "round.draw": QT_TRANSLATE_NOOP("audit", "抽取评审专家"),
    "round.draw.replay": QT_TRANSLATE_NOOP("audit", "按记录重算抽取（复核）"),
    "round.draw.batch.commit": QT_TRANSLATE_NOOP("audit", "生成并公布补抽承诺值"),
    "round.draw.batch": QT_TRANSLATE_NOOP("audit", "补抽评审专家"),
    "call.record": QT_TRANSLATE_NOOP("audit", "记录确认电话"),
    "call.withdraw": QT_TRANSLATE_NOOP("audit", "记录已确认专家退出"),
    "calls.print": QT_TRANSLATE_NOOP("audit", "打印专家联系名单"),
    "calls.export": QT_TRANSLATE_NOOP("audit", "导出专家联系名单"),
    "panel.confirm": QT_TRANSLATE_NOOP("audit", "确认评审组"),
    "commitment.record": QT_TRANSLATE_NOOP("audit", "记录专家承诺书"),
    "attendance.record": QT_TRANSLATE_NOOP("audit", "记录专家出席情况"),
    "panel.add": QT_TRANSLATE_NOOP("audit", "新建评审组"),
    "panel.edit": QT_TRANSLATE_NOOP("audit", "修改评审组"),
    "panel.remove": QT_TRANSLATE_NOOP("audit", "删除评审组"),
    "expert.edit": QT_TRANSLATE_NOOP("audit", "修改专家记录"),
    "organisation.edit": QT_TRANSLATE_NOOP("audit", "修改单位记录"),
    "reveal": QT_TRANSLATE_NOOP("audit", "显示完整号码"),
    "signer.created": QT_TRANSLATE_NOOP("audit", "创建签名身份"),
    "signer.imported": QT_TRANSLATE_NOOP("audit", "导入签名身份"),
    "audit.digest": QT_TRANSLATE_NOOP("audit", "为数据表建立摘要"),
    "audit.rows": QT_TRANSLATE_NOOP("audit", "为数据表建立逐行记录"),
    "identifiers.canonical": QT_TRANSLATE_NOOP("audit", "升级时将身份证号和信用代码统一为规范形式"),
    "identifiers.merge": QT_TRANSLATE_NOOP("audit", "合并重复登记的人员、单位或诚信记录"),
    "identifiers.correct": QT_TRANSLATE_NOOP("audit", "更正登记错的身份证号或信用代码"),
    "documents.letters": QT_TRANSLATE_NOOP("audit", "生成评审专家承诺书"),
    "documents.notices": QT_TRANSLATE_NOOP("audit", "生成通知书与名单"),
    "documents.sign_in_sheet": QT_TRANSLATE_NOOP("audit", "生成签到表"),
    "documents.score_sheet": QT_TRANSLATE_NOOP("audit", "生成评分表"),
    "account.create": QT_TRANSLATE_NOOP("audit", "新建账户"),
    "account.sign_in": QT_TRANSLATE_NOOP("audit", "登录"),
    "account.sign_in.failed": QT_TRANSLATE_NOOP("audit", "登录失败（密码错误）"),
    "account.disable": QT_TRANSLATE_NOOP("audit", "停用账户"),
    "account.roles": QT_TRANSLATE_NOOP("audit", "修改账户角色"),
    "account.password.reset": QT_TRANSLATE_NOOP("audit", "重置账户密码"),
    "account.password.change": QT_TRANSLATE_NOOP("audit", "修改本人密码"),
    "recovery.issue": QT_TRANSLATE_NOOP("audit", "生成恢复密钥"),
    "recovery.use": QT_TRANSLATE_NOOP("audit", "用恢复密钥打开工作区"),
    "archive.export": QT_TRANSLATE_NOOP("audit", "导出轮次归档"),
    "archive.import": QT_TRANSLATE_NOOP("audit", "导入轮次归档"),
    "backup": QT_TRANSLATE_NOOP("audit", "备份工作区"),
    "calendar.enter": QT_TRANSLATE_NOOP("audit", "录入年度放假安排"),
    "calendar.import": QT_TRANSLATE_NOOP("audit", "导入年度放假安排"),
    "misconduct.record": QT_TRANSLATE_NOOP("audit", "录入失信行为记录"),
    "misconduct.notify": QT_TRANSLATE_NOOP("audit", "记录失信行为通报日期"),
    "repair.apply": QT_TRANSLATE_NOOP("audit", "登记信用修复申请"),
    "repair.decide": QT_TRANSLATE_NOOP("audit", "作出信用修复决定"),
    "limits.decide": QT_TRANSLATE_NOOP("audit", "对限项、申报资格或请托标记作出决定"),
    "scores.enter": QT_TRANSLATE_NOOP("audit", "录入评分"),
    "scores.resolve": QT_TRANSLATE_NOOP("audit", "裁定双人录入的差异"),
    "scores.template": QT_TRANSLATE_NOOP("audit", "导出评分模板"),
    "scores.import": QT_TRANSLATE_NOOP("audit", "导入评分表"),
    "certification.record": QT_TRANSLATE_NOOP("audit", "登记专家会后回避确认"),
    "certification.waive": QT_TRANSLATE_NOOP("audit", "监督员登记未取得会后回避确认的理由"),
    "non_consensus.decide": QT_TRANSLATE_NOOP("audit", "登记评审组对非共识项目的决定"),
    "results.propose": QT_TRANSLATE_NOOP("audit", "提交评审结果审批"),
    "results.approve": QT_TRANSLATE_NOOP("audit", "审批评审结果"),
    "feedback.correct": QT_TRANSLATE_NOOP("audit", "修改含可识别信息的专家意见"),
    "feedback.deadline": QT_TRANSLATE_NOOP("audit", "计算结果通知书的申诉期限"),
    "documents.outcome_notice": QT_TRANSLATE_NOOP("audit", "生成评审结果通知书"),
    "documents.publicity_list": QT_TRANSLATE_NOOP("audit", "生成公示名单"),
    "documents.appeal_notice": QT_TRANSLATE_NOOP("audit", "生成申诉受理或处理通知书"),
    "documents.appeal_notice_copy": QT_TRANSLATE_NOOP("audit", "将申诉受理或处理通知书复制到所选文件夹"),
    "publicity.start": QT_TRANSLATE_NOOP("audit", "开始公示"),
    "publicity.final": QT_TRANSLATE_NOOP("audit", "确认公示名单"),
    "objection.record": QT_TRANSLATE_NOOP("audit", "登记异议"),
    "objection.answer": QT_TRANSLATE_NOOP("audit", "答复异议"),
    "appeal.receive": QT_TRANSLATE_NOOP("audit", "登记申诉或复核申请"),
    "appeal.accept": QT_TRANSLATE_NOOP("audit", "受理申诉"),
    "appeal.reject": QT_TRANSLATE_NOOP("audit", "不予受理申诉"),
    "appeal.extend": QT_TRANSLATE_NOOP("audit", "延长申诉处理期限"),
    "appeal.decide": QT_TRANSLATE_NOOP("audit", "作出申诉处理决定"),
    "conduct.record": QT_TRANSLATE_NOOP("audit", "登记专家评审行为"),
    "conduct.low_ratings": QT_TRANSLATE_NOOP("audit", "修改专家低分复核线"),
    "round.close": QT_TRANSLATE_NOOP("audit", "关闭评审轮次"),
}
STARTED = ".started"  # a documents batch opened before its first file (desktop.services.batch_log)

# Field names: the keys of the entries' JSON, and the Chinese keys the import writes into its counts. An entry's
# fields are listed in this order (the JSON's own order is alphabetical).
FIELDS = {
    "name": QT_TRANSLATE_NOOP("audit", "名称"), "review_date": QT_TRANSLATE_NOOP("audit", "评审日期"),
    "programme": QT_TRANSLATE_NOOP("audit", "计划类别"), "stage": QT_TRANSLATE_NOOP("audit", "评审阶段"),
    "state": QT_TRANSLATE_NOOP("audit", "状态"), "status": QT_TRANSLATE_NOOP("audit", "状态"),
    "title": QT_TRANSLATE_NOOP("audit", "职称"), "mobile": QT_TRANSLATE_NOOP("audit", "手机"),
    "email": QT_TRANSLATE_NOOP("audit", "电子邮箱"), "kind": QT_TRANSLATE_NOOP("audit", "单位类型"),
    "size": QT_TRANSLATE_NOOP("audit", "人数"), "applications": QT_TRANSLATE_NOOP("audit", "项目"),
    "fields": QT_TRANSLATE_NOOP("audit", "学科代码"),
    "method": QT_TRANSLATE_NOOP("audit", "评审方法"), "form": QT_TRANSLATE_NOOP("audit", "评审形式"),
    "scoring": QT_TRANSLATE_NOOP("audit", "计分方式"), "aggregation": QT_TRANSLATE_NOOP("audit", "汇总规则"),
    "criteria": QT_TRANSLATE_NOOP("audit", "评分指标"), "pass_fraction": QT_TRANSLATE_NOOP("audit", "投票通过比例"),
    "settings": QT_TRANSLATE_NOOP("audit", "规则设置"),
    "panel_size": QT_TRANSLATE_NOOP("audit", "默认评审组人数"), "reserve_size": QT_TRANSLATE_NOOP("audit", "备选人数"),
    "enterprise_fraction": QT_TRANSLATE_NOOP("audit", "企业专家最低比例"),
    "field_level": QT_TRANSLATE_NOOP("audit", "学科匹配级别"),
    "look_back_years": QT_TRANSLATE_NOOP("audit", "回避年限"),
    "max_requested_exclusions": QT_TRANSLATE_NOOP("audit", "每个项目申请回避专家上限"),
    "one_panel_per_expert": QT_TRANSLATE_NOOP("audit", "每位专家只参加一个评审组"),
    "include_in_laws": QT_TRANSLATE_NOOP("audit", "近亲属回避包括姻亲"),
    "deleted": QT_TRANSLATE_NOOP("audit", "已删除"), "removed": QT_TRANSLATE_NOOP("audit", "已删除的评审组"),
    "replay": QT_TRANSLATE_NOOP("audit", "复核重算"), "draw": QT_TRANSLATE_NOOP("audit", "抽取次序"),
    "recorded_draw": QT_TRANSLATE_NOOP("audit", "与之相同的抽取记录"),
    "witness": QT_TRANSLATE_NOOP("audit", "监督员"), "reason": QT_TRANSLATE_NOOP("audit", "重新抽取理由"),
    "panels": QT_TRANSLATE_NOOP("audit", "评审组"),
    "commitment": QT_TRANSLATE_NOOP("audit", "承诺值"), "committed_by": QT_TRANSLATE_NOOP("audit", "承诺值生成人"),
    "made_by": QT_TRANSLATE_NOOP("audit", "承诺值生成人"),
    "witness_digits": QT_TRANSLATE_NOOP("audit", "见证人随机数"), "secret": QT_TRANSLATE_NOOP("audit", "公布的密钥"),
    "seed": QT_TRANSLATE_NOOP("audit", "随机种子"), "pool_hash": QT_TRANSLATE_NOOP("audit", "专家库快照哈希"),
    "outcome": QT_TRANSLATE_NOOP("audit", "结果"), "count": QT_TRANSLATE_NOOP("audit", "份数"),
    "files": QT_TRANSLATE_NOOP("audit", "文件"), "planned": QT_TRANSLATE_NOOP("audit", "计划生成"),
    "signed": QT_TRANSLATE_NOOP("audit", "数字签名"), "cancelled": QT_TRANSLATE_NOOP("audit", "已取消"),
    "out": QT_TRANSLATE_NOOP("audit", "保存位置"), "batch": QT_TRANSLATE_NOOP("audit", "批次"),
    "issuer": QT_TRANSLATE_NOOP("audit", "签发单位"), "venue": QT_TRANSLATE_NOOP("audit", "评审地点"),
    "review_time": QT_TRANSLATE_NOOP("audit", "评审时间"),
    "pid": QT_TRANSLATE_NOOP("audit", "进程号"), "sha256": QT_TRANSLATE_NOOP("audit", "文件 SHA-256"),
    "shown": QT_TRANSLATE_NOOP("audit", "显示的内容"), "people": QT_TRANSLATE_NOOP("audit", "涉及人员"),
    "subject": QT_TRANSLATE_NOOP("audit", "证书主体"), "fingerprint": QT_TRANSLATE_NOOP("audit", "证书指纹"),
    "key_id": QT_TRANSLATE_NOOP("audit", "密钥编号"), "secrets": QT_TRANSLATE_NOOP("audit", "口令保存于"),
    "counts": QT_TRANSLATE_NOOP("audit", "导入数量"), "tables": QT_TRANSLATE_NOOP("audit", "数据表"),
    "id": QT_TRANSLATE_NOOP("audit", "编号"), "round": QT_TRANSLATE_NOOP("audit", "评审轮次"),
    "weight": QT_TRANSLATE_NOOP("audit", "分值"),
    "display_name": QT_TRANSLATE_NOOP("audit", "显示名称"), "roles": QT_TRANSLATE_NOOP("audit", "角色"),
    "disabled": QT_TRANSLATE_NOOP("audit", "停用时间"), "failures": QT_TRANSLATE_NOOP("audit", "连续输错密码次数"),
    "password": QT_TRANSLATE_NOOP("audit", "密码"),
    "file": QT_TRANSLATE_NOOP("audit", "文件"), "members": QT_TRANSLATE_NOOP("audit", "评审专家"),
    "bytes": QT_TRANSLATE_NOOP("audit", "字节数"), "manifest_sha256": QT_TRANSLATE_NOOP("audit", "清单哈希"),
    "signer": QT_TRANSLATE_NOOP("audit", "签名者指纹"), "audit_entries": QT_TRANSLATE_NOOP("audit", "审计日志条数"),
    "year": QT_TRANSLATE_NOOP("audit", "年度"), "notice": QT_TRANSLATE_NOOP("audit", "依据文号"),
    "days": QT_TRANSLATE_NOOP("audit", "天数"),
    "subject_name": QT_TRANSLATE_NOOP("audit", "责任主体"), "violation_ref": QT_TRANSLATE_NOOP("audit", "失信行为条款"),
    "measure_items": QT_TRANSLATE_NOOP("audit", "惩戒措施条款"), "penalty_start": QT_TRANSLATE_NOOP("audit", "惩戒开始"),
    "penalty_end": QT_TRANSLATE_NOOP("audit", "惩戒结束"), "decision_date": QT_TRANSLATE_NOOP("audit", "决定日期"),
    "notified_on": QT_TRANSLATE_NOOP("audit", "通报日期"),
    "review_request_due": QT_TRANSLATE_NOOP("audit", "复核申请截止日"),
    "record_id": QT_TRANSLATE_NOOP("audit", "诚信记录编号"), "applied_on": QT_TRANSLATE_NOOP("audit", "申请日期"),
    "conditions": QT_TRANSLATE_NOOP("audit", "修复条件"),
    "application": QT_TRANSLATE_NOOP("audit", "项目"), "code": QT_TRANSLATE_NOOP("audit", "规则代码"),
    "admitted": QT_TRANSLATE_NOOP("audit", "予以受理"), "在研项目": QT_TRANSLATE_NOOP("audit", "在研项目"), "decided_on": QT_TRANSLATE_NOOP("audit", "决定日期"), "neighbouring_days": QT_TRANSLATE_NOOP("audit", "相邻年度的日期"),
    "source": QT_TRANSLATE_NOOP("audit", "来源"), "entered": QT_TRANSLATE_NOOP("audit", "录入份数"),
    "settled": QT_TRANSLATE_NOOP("audit", "计入份数"), "scores": QT_TRANSLATE_NOOP("audit", "评分"),
    "differences": QT_TRANSLATE_NOOP("audit", "录入差异"), "expert": QT_TRANSLATE_NOOP("audit", "专家"),
    "value": QT_TRANSLATE_NOOP("audit", "评分"),
    "opinion": QT_TRANSLATE_NOOP("audit", "评审意见"), "entries": QT_TRANSLATE_NOOP("audit", "两遍录入"),
    "decision": QT_TRANSLATE_NOOP("audit", "决定"),
    "version": QT_TRANSLATE_NOOP("audit", "版本"), "hash": QT_TRANSLATE_NOOP("audit", "结果哈希"),
    "panel": QT_TRANSLATE_NOOP("audit", "评审组"),
    "专家": QT_TRANSLATE_NOOP("audit", "专家"), "单位": QT_TRANSLATE_NOOP("audit", "单位"),
    "学科": QT_TRANSLATE_NOOP("audit", "学科"), "项目": QT_TRANSLATE_NOOP("audit", "项目"),
    "人员关系": QT_TRANSLATE_NOOP("audit", "人员关系"), "任职经历": QT_TRANSLATE_NOOP("audit", "任职经历"),
    "不宜评审专家": QT_TRANSLATE_NOOP("audit", "不宜评审专家"), "回避声明": QT_TRANSLATE_NOOP("audit", "回避声明"),
    "诚信记录": QT_TRANSLATE_NOOP("audit", "诚信记录"), "请托记录": QT_TRANSLATE_NOOP("audit", "请托记录"),
    "项目成员": QT_TRANSLATE_NOOP("audit", "项目成员"), "项目合作单位": QT_TRANSLATE_NOOP("audit", "项目合作单位"),
    "新增": QT_TRANSLATE_NOOP("audit", "新增"), "更新": QT_TRANSLATE_NOOP("audit", "更新"),
    "行数": QT_TRANSLATE_NOOP("audit", "行数"),
    "身份证号": QT_TRANSLATE_NOOP("audit", "身份证号"), "手机号": QT_TRANSLATE_NOOP("audit", "手机号"),
    "call": QT_TRANSLATE_NOOP("audit", "通话"), "recording": QT_TRANSLATE_NOOP("audit", "录音"),
    "replacement": QT_TRANSLATE_NOOP("audit", "递补专家"), "replacement_name": QT_TRANSLATE_NOOP("audit", "递补专家姓名"),
    "passed_over": QT_TRANSLATE_NOOP("audit", "依次跳过的备选专家"),
    "seat_open": QT_TRANSLATE_NOOP("audit", "备选已用完，须补抽"), "declared": QT_TRANSLATE_NOOP("audit", "申报回避的项目"),
    "recheck": QT_TRANSLATE_NOOP("audit", "复查出回避事由的成员"),
    "seats": QT_TRANSLATE_NOOP("audit", "补抽座位数"), "picked": QT_TRANSLATE_NOOP("audit", "补抽中的专家"),
    "excluded": QT_TRANSLATE_NOOP("audit", "不可补抽的专家人数"),
    "enterprise_needed": QT_TRANSLATE_NOOP("audit", "须补足的企业专家人数"),
    "enterprise_count": QT_TRANSLATE_NOOP("audit", "企业专家人数"),
    "enterprise_required": QT_TRANSLATE_NOOP("audit", "企业专家应有人数"),
    "override_reason": QT_TRANSLATE_NOOP("audit", "低于比例确认的理由"),
    "override_by": QT_TRANSLATE_NOOP("audit", "同意的监督员"), "confirmed_by": QT_TRANSLATE_NOOP("audit", "确认人"),
    "confirmed_at": QT_TRANSLATE_NOOP("audit", "确认时间"), "quota_ok": QT_TRANSLATE_NOOP("audit", "企业专家比例符合"),
    "quota_message": QT_TRANSLATE_NOOP("audit", "企业专家比例"), "round_state": QT_TRANSLATE_NOOP("audit", "轮次状态"),
    "scan": QT_TRANSLATE_NOOP("audit", "扫描件"),
    "recorded_by": QT_TRANSLATE_NOOP("audit", "记录人"), "recorded_at": QT_TRANSLATE_NOOP("audit", "记录时间"),
    "note": QT_TRANSLATE_NOOP("audit", "备注"), "status_label": QT_TRANSLATE_NOOP("audit", "状态"),
    "as_sat": QT_TRANSLATE_NOOP("audit", "实到评审组"),
    "rows": QT_TRANSLATE_NOOP("audit", "行数"), "made_at": QT_TRANSLATE_NOOP("audit", "制表时间"),
}
# Where an action uses a key in a sense of its own.
ACTION_FIELDS = {**{(action, "reason"): QT_TRANSLATE_NOOP("audit", "理由") for action in (
                    "scores.enter", "scores.resolve", "certification.waive", "non_consensus.decide",
                    "results.propose")},
                 **{(action, key): word for action in ("calendar.enter", "calendar.import") for key, word in (
                     ("source", QT_TRANSLATE_NOOP("audit", "数据来源")), ("version", QT_TRANSLATE_NOOP("audit", "日历版本")))},
                 ("certification.record", "kind"): QT_TRANSLATE_NOOP("audit", "确认方式"),
                 ("certification.waive", "kind"): QT_TRANSLATE_NOOP("audit", "确认方式"),
                 ("archive.export", "members"): QT_TRANSLATE_NOOP("audit", "成员数"),
                 ("reveal", "fields"): QT_TRANSLATE_NOOP("audit", "显示的号码"),
                 ("reveal", "count"): QT_TRANSLATE_NOOP("audit", "显示的人数"),
                 ("reveal", "people"): QT_TRANSLATE_NOOP("audit", "日志中记名的人员"),
                 ("repair.decide", "reason"): QT_TRANSLATE_NOOP("audit", "理由"),
                 ("limits.decide", "reason"): QT_TRANSLATE_NOOP("audit", "理由")}
_ORDER = {key: n for n, key in enumerate(FIELDS)}
# Values the services write in Chinese words of their own (roles, the method's vocabulary, a changed password).
VALUES = {
    "秘书": QT_TRANSLATE_NOOP("audit", "秘书"), "监督员": QT_TRANSLATE_NOOP("audit", "监督员"),
    "审批人": QT_TRANSLATE_NOOP("audit", "审批人"), "审计员": QT_TRANSLATE_NOOP("audit", "审计员"),
    "管理员": QT_TRANSLATE_NOOP("audit", "管理员"),
    "会议评审": QT_TRANSLATE_NOOP("audit", "会议评审"), "通讯评审": QT_TRANSLATE_NOOP("audit", "通讯评审"),
    "视频评审": QT_TRANSLATE_NOOP("audit", "视频评审"), "答辩评审": QT_TRANSLATE_NOOP("audit", "答辩评审"),
    "现场考察": QT_TRANSLATE_NOOP("audit", "现场考察"), "百分制": QT_TRANSLATE_NOOP("audit", "百分制"),
    "等级": QT_TRANSLATE_NOOP("audit", "等级"), "投票": QT_TRANSLATE_NOOP("audit", "投票"),
    "排序": QT_TRANSLATE_NOOP("audit", "排序"), "平均分": QT_TRANSLATE_NOOP("audit", "平均分"),
    "去掉一个最高分和一个最低分后平均": QT_TRANSLATE_NOOP("audit", "去掉一个最高分和一个最低分后平均"),
    "中位数": QT_TRANSLATE_NOOP("audit", "中位数"), "得票率": QT_TRANSLATE_NOOP("audit", "得票率"),
    "波达计数": QT_TRANSLATE_NOOP("audit", "波达计数"), "changed": QT_TRANSLATE_NOOP("audit", "已修改"),
}
OUTCOMES = {"complete": QT_TRANSLATE_NOOP("audit", "全部完成"), "cancelled": QT_TRANSLATE_NOOP("audit", "已取消"),
            "failed": QT_TRANSLATE_NOOP("audit", "失败"), "interrupted": QT_TRANSLATE_NOOP("audit", "中断（程序被终止）")}
# A list longer than this is given as its length, in the unit of its field.
LIST_AT_MOST = 5
UNITS = {"applications": QT_TRANSLATE_NOOP("audit", "{0} 个项目"), "people": QT_TRANSLATE_NOOP("audit", "{0} 位专家"),
         "panels": QT_TRANSLATE_NOOP("audit", "{0} 个评审组"), "files": QT_TRANSLATE_NOOP("audit", "{0} 个文件"),
         "planned": QT_TRANSLATE_NOOP("audit", "{0} 个文件"),
         "sha256": QT_TRANSLATE_NOOP("audit", "{0} 个文件的 SHA-256"), "fields": QT_TRANSLATE_NOOP("audit", "{0} 个学科")}
MEMBERS = QT_TRANSLATE_NOOP("audit", "{0} 位专家")  # a drawn panel's members: ID numbers, counted, never listed
_HEX = re.compile(r"[0-9a-f]{32,}")
_SHARES = {"pass_fraction", "enterprise_fraction"}
_COUNTED = {"count", "size", "行数", "新增", "更新"}  # numbers of things, with thousands separators (not ids)
_NESTED = ("method", "settings", "counts", "tables")  # records whose parts are each a line of their own


def _t(text: str) -> str:
    """A text marked above with QT_TRANSLATE_NOOP, in the language shown."""
    return translate("audit", text)


def action_name(action: str) -> str:
    """The action in words; a batch's opening entry is its action, begun."""
    if action.endswith(STARTED):
        return translate("audit", "开始{0}").format(action_name(action[:-len(STARTED)]))
    if action in ACTIONS:
        return _t(ACTIONS[action])
    if action.startswith("documents."):
        return translate("audit", "生成文书（{0}）").format(action.split(".", 1)[1])
    return action


def field_name(key: str, action: str = "") -> str:
    if (action, key) in ACTION_FIELDS:
        return _t(ACTION_FIELDS[action, key])
    return _t(FIELDS[key]) if key in FIELDS else key


def target_text(target: str, action: str = "") -> str:
    """round:3 → 评审轮次 3, experts:<id> → 专家 <masked id>, a command line's reveal → the command it ran; anything
    else (file names, a fingerprint) as it is."""
    if action == "reveal" and ":" not in target:
        return translate("audit", "命令行输出：paneldesk {0}").format(target)
    kind, _, key = target.partition(":")
    words = {"round": translate("audit", "评审轮次 {0}"), "experts": translate("audit", "专家 {0}"),
             "persons": translate("audit", "人员 {0}"), "organisations": translate("audit", "单位 {0}"),
             "account": translate("audit", "账户 {0}")}
    if key and kind in words:
        return words[kind].format(mask_ids_in(key))
    return mask_ids_in(target)


def _count(n: int, unit: str = "") -> str:
    return _t(unit).format(f"{n:,}") if unit else f"{n:,}"


def value_text(key: str, value: Any, chinese: bool = True) -> str:
    """One value in words: yes/no, states and outcomes named, shares spelled, lists counted when long."""
    if value is None or value == "" or value == []:
        return translate("audit", "（无）")
    if isinstance(value, bool):
        return translate("audit", "是") if value else translate("audit", "否")
    if isinstance(value, int):
        return f"{value:,}" if key in _COUNTED else str(value)
    if isinstance(value, dict):
        if key == "panels":  # a draw's panels: name → the members' ID numbers
            return translate("audit", "；").join(_pair(name, _count(len(ids), MEMBERS)) for name, ids in value.items())
        return translate("audit", "，").join(f"{field_name(k)} {value_text(k, v, chinese)}" for k, v in value.items())
    if isinstance(value, list):
        return _list_text(key, value, chinese)
    text = str(value)
    if key == "state" and text in STATES:
        return translate("rounds", STATES[text])
    if key == "status":
        return status_text(text)
    if key == "outcome" and text in OUTCOMES:
        return _t(OUTCOMES[text])
    if key in _SHARES:
        return share_words(Fraction(text)) if chinese else text
    return _t(VALUES[text]) if text in VALUES else mask_ids_in(text)


def _list_text(key: str, items: list, chinese: bool) -> str:
    if key == "people" or len(items) > LIST_AT_MOST:
        return _count(len(items), UNITS.get(key, "{0}"))
    if all(isinstance(item, dict) and "name" in item for item in items):  # criteria, a deleted round's panels
        return translate("audit", "、").join(
            item["name"] + (translate("audit", "（{0}分）").format(item["weight"]) if "weight" in item else "")
            for item in items)
    return translate("audit", "、").join(value_text(key, item, chinese) for item in items)


def _loaded(text: str) -> dict:
    """The JSON of ``before`` or ``after``, its personal numbers masked."""
    value = masked(json.loads(text)) if text else None
    return value if isinstance(value, dict) else ({} if value is None else {"": value})


def _flat(record: dict) -> dict[tuple[str, ...], Any]:
    """Nested settings one level down (method · 计分方式), so a change names the setting that changed; in the order of
    FIELDS."""
    flat: dict[tuple[str, ...], Any] = {}
    for key, value in record.items():
        if isinstance(value, dict) and key in _NESTED:
            flat.update({(key, inner): v for inner, v in value.items()})
        else:
            flat[(key,)] = value
    return {path: flat[path] for path in sorted(flat, key=_rank)}


def _rank(path: tuple[str, ...]) -> list[int]:
    return [_ORDER.get(part, len(_ORDER)) for part in path]


def _label(path: tuple[str, ...], action: str, chinese: bool) -> str:
    if path[0] == "tables" and len(path) == 2 and chinese:  # audit.digest: the tables, by their Chinese names
        return f"{field_name(path[0])} · {TABLE_NAMES.get(path[1], path[1])}"
    return " · ".join(field_name(part, action) for part in path)


def _pair(label: str, value: str) -> str:
    return translate("audit", "{0}：{1}").format(label, value)


def changes(entry: dict, chinese: bool = True) -> list[str]:
    """What the entry changed, one line per field: "职称：教授 → 研究员" where there is a before, "名称：…" for what was
    made, and the removed record's fields for a deletion. Secrets and hashes are given whole (the details)."""
    action = entry.get("action", "")
    before, after = _flat(_loaded(entry.get("before", ""))), _flat(_loaded(entry.get("after", "")))

    def line(path: tuple[str, ...], value: Any) -> str:
        return _pair(_label(path, action, chinese), value_text(path[-1], value, chinese))

    if before and set(after) <= {("deleted",), ("removed",)}:
        return [translate("audit", "删除前：")] + [line(p, v) for p, v in before.items()]
    if not before:
        return [line(p, v) for p, v in after.items()]
    lines = []
    for path in sorted(set(before) | set(after), key=_rank):
        was, now = before.get(path), after.get(path)
        if was != now:
            lines.append(_pair(_label(path, action, chinese),
                               f"{value_text(path[-1], was, chinese)} → {value_text(path[-1], now, chinese)}"))
    return lines or [translate("audit", "（内容未变）")]


def summary(entry: dict, chinese: bool = True, at_most: int = 4) -> str:
    """The changes on one line for the table: the first few, long digests shortened."""
    empty, heading = translate("audit", "（无）"), translate("audit", "删除前：")
    lines = [line for line in changes(entry, chinese) if line != heading and not line.endswith(empty)]
    text = translate("audit", "；").join(_HEX.sub(lambda m: m.group(0)[:12] + "…", line) for line in lines[:at_most])
    return text + (translate("audit", "；等 {0} 项").format(len(lines)) if len(lines) > at_most else "")


def raw_text(entry: dict) -> str:
    """The entry as stored, for auditors (personal numbers masked): every field, before and after as JSON."""
    shown = {k: entry[k] for k in ("id", "at", "actor", "action", "target", "prev_hash", "hash") if k in entry}
    for key in ("before", "after"):
        shown[key] = _loaded(entry.get(key, "")) or None
    return json.dumps(masked(shown), ensure_ascii=False, indent=2)
