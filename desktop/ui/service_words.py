"""The words the services hand the window as text — ground titles, the steps of a draw and of an import — marked
here for translation, so the window says them in its own language.

The services speak Chinese (the command line and the audit log do too); a text the window does not know yet is shown
as the service said it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

translate = QCoreApplication.translate

# desktop.domain.grounds.TITLES
GROUNDS = (QT_TRANSLATE_NOOP("service", "本人参与"), QT_TRANSLATE_NOOP("service", "同单位"),
           QT_TRANSLATE_NOOP("service", "近亲属"), QT_TRANSLATE_NOOP("service", "师生关系"),
           QT_TRANSLATE_NOOP("service", "合作关系"), QT_TRANSLATE_NOOP("service", "本人声明回避"),
           QT_TRANSLATE_NOOP("service", "申请人要求回避"), QT_TRANSLATE_NOOP("service", "领域不熟悉"),
           QT_TRANSLATE_NOOP("service", "科研失信惩戒期内"), QT_TRANSLATE_NOOP("service", "请托"))
# desktop.services.draws.STEPS and the steps of desktop.services.importing
STEPS = (QT_TRANSLATE_NOOP("service", "读取专家库，计算回避关系"), QT_TRANSLATE_NOOP("service", "确定各评审组的可选专家"),
         QT_TRANSLATE_NOOP("service", "按承诺—揭示的种子抽取"), QT_TRANSLATE_NOOP("service", "保存抽取记录"),
         QT_TRANSLATE_NOOP("service", "单位"), QT_TRANSLATE_NOOP("service", "学科"),
         QT_TRANSLATE_NOOP("service", "人员"), QT_TRANSLATE_NOOP("service", "专家"),
         QT_TRANSLATE_NOOP("service", "任职经历"), QT_TRANSLATE_NOOP("service", "人员关系"),
         QT_TRANSLATE_NOOP("service", "项目"), QT_TRANSLATE_NOOP("service", "项目成员"),
         QT_TRANSLATE_NOOP("service", "回避与请托"), QT_TRANSLATE_NOOP("service", "诚信记录"),
         QT_TRANSLATE_NOOP("service", "在研项目"), QT_TRANSLATE_NOOP("service", "提交"))
READING = "读取 "  # the import's first steps: 读取 <file name>


def said(text: str) -> str:
    """A ground title or a progress step in the window's language."""
    if text.startswith(READING):
        return translate("service", "读取 {0}").format(text[len(READING):])
    return translate("service", text)
