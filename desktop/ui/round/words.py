"""How the window words a round's state, its next step, its date and a panel's enterprise quota.

The services speak Chinese (the audit log and the command line do too); the window says the same through Qt's
translations, so these words are marked here for lupdate and translated when shown.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate
STATES = {"draft": QT_TRANSLATE_NOOP("rounds", "草稿"), "opened": QT_TRANSLATE_NOOP("rounds", "已开启"),
          "drawn": QT_TRANSLATE_NOOP("rounds", "已抽取"), "confirmed": QT_TRANSLATE_NOOP("rounds", "已确认"),
          "scoring": QT_TRANSLATE_NOOP("rounds", "评分中"), "results": QT_TRANSLATE_NOOP("rounds", "已出结果"),
          "closed": QT_TRANSLATE_NOOP("rounds", "已结束")}
NEXT_STEPS = {"draft": QT_TRANSLATE_NOOP("rounds", "确定评审方法并开启轮次"),
              "opened": QT_TRANSLATE_NOOP("rounds", "设置评审组并抽取专家"),
              "drawn": QT_TRANSLATE_NOOP("rounds", "电话确认专家，生成并打印承诺书"),
              "confirmed": QT_TRANSLATE_NOOP("rounds", "收集承诺书，开始评分"),
              "scoring": QT_TRANSLATE_NOOP("rounds", "录入评分"),
              "results": QT_TRANSLATE_NOOP("rounds", "审核结果，发送反馈"),
              "closed": QT_TRANSLATE_NOOP("rounds", "归档")}
CALL_STATUSES = {"pending": QT_TRANSLATE_NOOP("CallsStep", "待确认"), "accepted": QT_TRANSLATE_NOOP("CallsStep", "已接受"),
                 "declined": QT_TRANSLATE_NOOP("CallsStep", "已拒绝"),
                 "unreachable": QT_TRANSLATE_NOOP("CallsStep", "未接通"),
                 "replaced": QT_TRANSLATE_NOOP("CallsStep", "已递补")}  # a seat holder's status in the calls


def state_label(state: str) -> str:
    return translate("rounds", STATES[state])


def next_step(state: str) -> str:
    return translate("rounds", NEXT_STEPS[state]) if state in NEXT_STEPS else ""


def due_text(review_date: str, today: dt.date) -> str:
    days = (dt.date.fromisoformat(review_date) - today).days
    if days > 0:
        return translate("rounds", "距评审还有{0}天").format(days)
    return translate("rounds", "今天评审") if days == 0 else translate("rounds", "评审已过{0}天").format(-days)


def quota_text(enterprise: int, size: int, required: int) -> str:
    """The enterprise members of a panel against ENTERPRISE_THIRD, as the charts label a bar."""
    return translate("rounds", "{0}/{1}（需≥{2}）").format(enterprise, size, required)
