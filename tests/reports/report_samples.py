"""Plain values for the documents, as a secretariat would have them for one round."""

from datetime import date

from reports.documents import (ApplicantCommitment, ApplicationRef, Criterion, ExpertCommitment, OutcomeNotice,
                               PanelMember, PublicityEntry, PublicityList, RoundInfo, ScoreSheet, SignInSheet)

ROUND = RoundInfo(name="2026年度省重点研发计划（第一批）项目评审", programme="重点研发计划",
                  method="会议评审，百分制加权评分", review_date=date(2026, 5, 12),
                  organiser="省科学技术厅评审办公室", venue="省科技大厦三楼会议室", time="上午8:30")
TITLE = "高精度五轴联动数控机床热误差补偿关键技术研究"
APPLICATIONS = tuple(ApplicationRef(f"2026ZD01{i:02d}", TITLE if i % 2 else "智能农机装备作业质量在线监测系统研制")
                     for i in range(1, 8))
MEMBERS = (PanelMember("欧阳明远", "山东大学机械工程学院", "教授", "高校院所专家"),
           PanelMember("李华", "济南二机床集团有限公司", "正高级工程师", "企业专家"),
           PanelMember("张伟", "中国科学院沈阳自动化研究所", "研究员", "高校院所专家"))


def expert_letter(name: str = "欧阳明远", panel: str = "先进制造第一组") -> ExpertCommitment:
    return ExpertCommitment(ROUND, panel, name, "山东大学机械工程学院")


def applicant_commitment() -> ApplicantCommitment:
    return ApplicantCommitment(ROUND, "2026ZD0101", TITLE, "济南精工机床有限公司", "91370100MA3C8N1X2K", "王立新")


def outcome_notice() -> OutcomeNotice:
    return OutcomeNotice(ROUND, "2026ZD0101", TITLE, "济南精工机床有限公司", "王立新", "拟立项",
                         "有效评分5份，去掉一个最高分和一个最低分后平均86.4分",
                         ("技术路线清晰，热误差建模方法有创新，建议加强与整机厂的联合验证。",
                          "研究基础扎实，团队结构合理。", "经费预算中设备费比例偏高，建议压缩。"),
                         "向省科学技术厅评审办公室提交书面申诉材料（注明项目编号并附相关证据）",
                         date(2026, 6, 2), date(2026, 5, 19))


def publicity_list(count: int = 12) -> PublicityList:
    entries = tuple(PublicityEntry(f"2026ZD01{i:02d}", TITLE, "济南精工机床有限公司", "王立新")
                    for i in range(1, count + 1))
    return PublicityList(ROUND, entries, date(2026, 5, 20), date(2026, 5, 26), "0531-86000000",
                         date(2026, 5, 19))


def sign_in_sheet() -> SignInSheet:
    return SignInSheet(ROUND, "先进制造第一组", MEMBERS)


def score_sheet(scoring: str = "weighted") -> ScoreSheet:
    criteria = (Criterion("创新性", 30, "技术路线与方法的新颖程度"), Criterion("可行性", 30, "方案与条件"),
                Criterion("团队能力", 20, "代表作的质量与贡献"), Criterion("预期效益", 20, "经济社会效益"))
    return ScoreSheet(ROUND, "先进制造第一组", scoring, APPLICATIONS,
                      criteria if scoring == "weighted" else (), "欧阳明远")
