"""How the window words a round's method. The services keep a method as its form, scoring and aggregation (their
Chinese names are the codes, desktop.domain.methods) and describe it in Chinese for the command line and the audit
log; the window words the same values through Qt's translations, Chinese by default, exactly as
``Method.describe`` does."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop.services.method_choices import share_words

translate = QCoreApplication.translate
NAMES = (QT_TRANSLATE_NOOP("methods", "会议评审"), QT_TRANSLATE_NOOP("methods", "通讯评审"),
         QT_TRANSLATE_NOOP("methods", "视频评审"), QT_TRANSLATE_NOOP("methods", "答辩评审"),
         QT_TRANSLATE_NOOP("methods", "现场考察"),
         QT_TRANSLATE_NOOP("methods", "百分制"), QT_TRANSLATE_NOOP("methods", "等级"),
         QT_TRANSLATE_NOOP("methods", "投票"), QT_TRANSLATE_NOOP("methods", "排序"),
         QT_TRANSLATE_NOOP("methods", "平均分"), QT_TRANSLATE_NOOP("methods", "去掉一个最高分和一个最低分后平均"),
         QT_TRANSLATE_NOOP("methods", "中位数"), QT_TRANSLATE_NOOP("methods", "得票率"),
         QT_TRANSLATE_NOOP("methods", "波达计数"))  # every Form, Scoring and Aggregation value
CELLS = {"百分制": QT_TRANSLATE_NOOP("methods", "总分（100分）"), "等级": QT_TRANSLATE_NOOP("methods", "等级（A/B/C/D）"),
         "投票": QT_TRANSLATE_NOOP("methods", "表决（同意/不同意/弃权）"), "排序": QT_TRANSLATE_NOOP("methods", "排序（第几名）")}


def word(value: str) -> str:
    """A form, scoring or aggregation in the window's language."""
    return translate("methods", value)


def share_text(share: Fraction | str, chinese: bool) -> str:
    """三分之二 in Chinese, 2/3 in any other language."""
    share = Fraction(share)
    return share_words(share) if chinese else str(share)


def method_text(method: dict, chinese: bool) -> str:
    """``method`` (Method.to_dict) described as Method.describe does, in the window's language."""
    text = translate("methods", "{0}·{1}·{2}").format(word(method["form"]), word(method["scoring"]),
                                                      word(method["aggregation"]))
    if method["scoring"] == "投票":
        text += translate("methods", "（通过比例{0}）").format(share_text(method["pass_fraction"], chinese))
    if method.get("criteria"):
        text += translate("methods", "（{0}）").format(translate("methods", "、").join(
            translate("methods", "{0}{1}分").format(c["name"], c["weight"]) for c in method["criteria"]))
    return text


def cell_words(method: dict) -> list[str]:
    """What a score sheet's cell holds: each criterion with its points for a 百分制 with criteria, else one value."""
    if method["scoring"] == "百分制" and method.get("criteria"):
        return [translate("methods", "{0}（{1}分）").format(c["name"], c["weight"]) for c in method["criteria"]]
    return [translate("methods", CELLS[method["scoring"]])]
