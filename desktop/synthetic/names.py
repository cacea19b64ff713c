"""Vocabulary for synthetic people: surnames as common as they are in China, given names, birthplaces, titles.

Realistic frequencies matter for testing: many experts share a surname and some share a full name, so the program
must match people by ID number, never by name.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from itertools import accumulate

from pypinyin import lazy_pinyin

# Surname and a weight roughly proportional to its share of the population (per mille).
_SURNAMES = (
    ("王", 72), ("李", 72), ("张", 71), ("刘", 54), ("陈", 45), ("杨", 31), ("黄", 22), ("赵", 20), ("吴", 20),
    ("周", 19), ("徐", 17), ("孙", 15), ("马", 13), ("朱", 13), ("胡", 13), ("郭", 12), ("何", 12), ("高", 11),
    ("林", 11), ("罗", 10), ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 8), ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7),
    ("邓", 7), ("曹", 7), ("彭", 6), ("曾", 6), ("肖", 6), ("田", 6), ("董", 6), ("袁", 5), ("潘", 5), ("于", 5),
    ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 5), ("叶", 5), ("程", 5), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4),
    ("任", 4), ("沈", 4), ("姚", 4), ("卢", 4), ("姜", 4), ("崔", 4), ("钟", 3), ("谭", 3), ("陆", 3), ("汪", 3),
    ("范", 3), ("金", 3), ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3), ("付", 3), ("方", 3), ("白", 3), ("邹", 3),
    ("孟", 3), ("秦", 3), ("邱", 2), ("江", 2), ("尹", 2), ("薛", 2), ("闫", 2), ("段", 2), ("侯", 2), ("史", 2),
    ("陶", 2), ("毛", 2), ("郝", 2), ("邵", 2), ("孔", 2), ("牛", 2), ("庞", 1), ("房", 1), ("栾", 1), ("鞠", 1),
    ("欧阳", 1), ("司马", 1), ("诸葛", 1),
)
_SURNAME_NAMES = tuple(s for s, _ in _SURNAMES)
_SURNAME_CUMULATIVE = tuple(accumulate(w for _, w in _SURNAMES))

_MALE_CHARS = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
_FEMALE_CHARS = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可舒影荔枝丽"

# Birthplace codes (GB/T 2260): mostly Shandong, where the review takes place, some from elsewhere.
_SHANDONG_REGIONS = (
    "370102 370103 370104 370105 370112 370113 370114 370116 370202 370203 370211 370212 370213 370214 370281 "
    "370302 370303 370304 370305 370402 370403 370502 370503 370602 370611 370612 370613 370681 370702 370703 "
    "370705 370781 370811 370812 370881 370902 370911 370982 371002 371003 371102 371103 371302 371311 371312 "
    "371402 371403 371502 371503 371602 371603 371702 371703"
).split()
_OTHER_REGIONS = (
    "110105 110108 120101 130102 140105 210102 220102 230103 320102 320506 330106 340104 350102 360102 410105 "
    "420106 430103 440106 500103 510107 610113 620102"
).split()

TITLES_BY_KIND = {
    "企业": ("正高级工程师", "正高级工程师", "高级工程师", "高级工程师", "教授级高级工程师", "研究员"),
    "高校": ("教授", "教授", "教授", "副教授", "副教授", "研究员"),
    "科研院所": ("研究员", "研究员", "副研究员", "副研究员", "正高级工程师", "高级工程师"),
    "医疗卫生机构": ("主任医师", "主任医师", "副主任医师", "主任药师", "研究员", "主任技师"),
    "机关": ("高级工程师", "正高级工程师", "研究员", "高级经济师"),
    "其他": ("研究员", "正高级工程师", "高级工程师", "副研究员"),
}
_MAIL_DOMAINS = ("163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com", "outlook.com")


def person_name(rng: random.Random, male: bool) -> str:
    """A name: a weighted surname and one or two given-name characters (single ones more common in older people)."""
    surname = rng.choices(_SURNAME_NAMES, cum_weights=_SURNAME_CUMULATIVE)[0]
    chars = _MALE_CHARS if male else _FEMALE_CHARS
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
    return surname + given


def birthplace(rng: random.Random) -> str:
    return rng.choice(_SHANDONG_REGIONS) if rng.random() < 0.85 else rng.choice(_OTHER_REGIONS)


def birth_date(rng: random.Random, first_year: int, last_year: int) -> dt.date:
    first = dt.date(first_year, 1, 1).toordinal()
    return dt.date.fromordinal(rng.randint(first, dt.date(last_year, 12, 31).toordinal()))


def email(rng: random.Random, name: str, domain: str | None) -> str:
    """A mail address from the name's pinyin, at the employer's domain when it has one, else a public mailbox."""
    local = "".join(map(_pinyin, name))
    if domain is None or rng.random() < 0.3:
        domain = rng.choice(_MAIL_DOMAINS)
        local += str(rng.randrange(10, 9999))
    return f"{local}@{domain}"


@functools.cache
def _pinyin(char: str) -> str:
    return lazy_pinyin(char)[0]
