"""Organisations of every type with plausible Shandong names and unique credit codes.

People are drawn into organisations so that a few are large (a university, a provincial academy) and many are
small (companies), as in a real pool; experts and applicants share the same organisations, so SAME_ORG conflicts
arise by themselves. Some universities carry a former name (real renamings), which past stays are written under.
"""

from __future__ import annotations

import random

from desktop.synthetic.codes import credit_code
from desktop.synthetic.model import Organisation

KINDS = ("企业", "高校", "科研院所", "医疗卫生机构", "机关", "其他")
MEDICAL = ("310", "320")

_CITIES = (
    ("济南", "3701"), ("青岛", "3702"), ("淄博", "3703"), ("枣庄", "3704"), ("东营", "3705"), ("烟台", "3706"),
    ("潍坊", "3707"), ("济宁", "3708"), ("泰安", "3709"), ("威海", "3710"), ("日照", "3711"), ("临沂", "3713"),
    ("德州", "3714"), ("聊城", "3715"), ("滨州", "3716"), ("菏泽", "3717"),
)
_DISTRICTS = ("02", "03", "05", "11", "12", "13", "81")

# name, mail domain, former name, year of the renaming; national universities register with 121000.
_UNIVERSITIES = (
    ("山东大学", "sdu.edu.cn", None, None), ("中国海洋大学", "ouc.edu.cn", None, None),
    ("中国石油大学（华东）", "upc.edu.cn", None, None), ("哈尔滨工业大学（威海）", "hitwh.edu.cn", None, None),
    ("青岛大学", "qdu.edu.cn", None, None), ("山东科技大学", "sdust.edu.cn", "山东矿业学院", 1999),
    ("青岛科技大学", "qust.edu.cn", "青岛化工学院", 2002), ("青岛理工大学", "qut.edu.cn", "青岛建筑工程学院", 2004),
    ("济南大学", "ujn.edu.cn", None, None), ("山东理工大学", "sdut.edu.cn", "山东工程学院", 2002),
    ("齐鲁工业大学", "qlu.edu.cn", "山东轻工业学院", 2013), ("山东农业大学", "sdau.edu.cn", None, None),
    ("青岛农业大学", "qau.edu.cn", "莱阳农学院", 2007), ("山东师范大学", "sdnu.edu.cn", None, None),
    ("曲阜师范大学", "qfnu.edu.cn", None, None), ("山东建筑大学", "sdjzu.edu.cn", "山东建筑工程学院", 2006),
    ("山东财经大学", "sdufe.edu.cn", None, None), ("山东中医药大学", "sdutcm.edu.cn", None, None),
    ("山东第一医科大学", "sdfmu.edu.cn", "泰山医学院", 2019), ("滨州医学院", "bzmc.edu.cn", None, None),
    ("潍坊医学院", "wfmc.edu.cn", None, None), ("济宁医学院", "jnmc.edu.cn", None, None),
    ("烟台大学", "ytu.edu.cn", None, None), ("鲁东大学", "ldu.edu.cn", "烟台师范学院", 2006),
    ("聊城大学", "lcu.edu.cn", None, None), ("临沂大学", "lyu.edu.cn", None, None),
    ("山东交通学院", "sdjtu.edu.cn", None, None), ("山东工商学院", "sdtbu.edu.cn", None, None),
    ("山东航空学院", "bzu.edu.cn", "滨州学院", 2024), ("潍坊学院", "wfu.edu.cn", None, None),
    ("德州学院", "dzu.edu.cn", None, None), ("泰山学院", "tsu.edu.cn", None, None),
    ("枣庄学院", "uzz.edu.cn", None, None), ("菏泽学院", "hezeu.edu.cn", None, None),
    ("齐鲁师范学院", "qlnu.edu.cn", None, None), ("山东石油化工学院", "sdipct.edu.cn", None, None),
)
_NATIONAL = {"山东大学", "中国海洋大学", "中国石油大学（华东）", "哈尔滨工业大学（威海）"}

# Named institutes and the top-level fields they work in.
_INSTITUTES = (
    ("山东省科学院激光研究所", "140 510"), ("山东省科学院新材料研究所", "140 150 550"),
    ("山东省科学院能源研究所", "580 610"), ("山东省科学院自动化研究所", "460 550"),
    ("山东省科学院海洋仪器仪表研究所", "180 510"), ("山东省科学院生物研究所", "310 410"),
    ("山东省计算中心（国家超级计算济南中心）", "520 460 110"), ("山东省农业科学院作物研究所", "410"),
    ("山东省农业科学院蔬菜研究所", "410"), ("山东省果树研究所", "410"), ("山东省农业科学院植物保护研究所", "410"),
    ("山东省农业科学院农业资源与环境研究所", "410 610"), ("山东省医学科学院药物研究所", "310"),
    ("山东省医学科学院放射医学研究所", "310 320"), ("中国科学院青岛生物能源与过程研究所", "580 150 530"),
    ("中国科学院海洋研究所", "180"), ("中国科学院烟台海岸带研究所", "180 610"), ("自然资源部第一海洋研究所", "180"),
    ("中国水产科学研究院黄海水产研究所", "180 410"), ("中国农业科学院烟草研究所", "410"),
    ("山东省地质科学研究院", "180"), ("山东省计量科学研究院", "550 510 140"), ("山东省化工研究院", "530 150"),
    ("山东省机械设计研究院", "550"), ("山东省冶金科学研究院", "550 530"), ("山东省环境规划研究院", "610"),
    ("山东省气象科学研究所", "180"), ("山东省水利科学研究院", "180 610"), ("山东省产品质量检验研究院", "550 150"),
)
_INSTITUTE_TOPICS = {
    "110": "应用数学", "140": "应用物理", "150": "化学", "180": "地质勘查", "310": "医学", "320": "医学",
    "410": "农业科学", "460": "工业自动化", "510": "电子技术", "520": "信息技术", "530": "化工", "550": "机械",
    "580": "能源", "610": "环境科学",
}
_BRANDS = (
    "华信 恒瑞 鲁泰 海晶 金诺 瑞丰 宏达 天元 正泰 东岳 齐鲁 泰和 博远 中科 海创 浪潮 万华 盛泉 晨鸣 九州 福瑞 "
    "新华 鼎信 汇川 联创 金岭 和泰 华宇 启明 蓝海 瀚海 弘毅 科达 润丰 奥德 明德 昊阳 凯瑞 鑫源 远航 泰山 华能 "
    "创新 卓远 光大 天润 信诚 云海 宇通 佳和 智联 海信 三元 同创 华鲁 鲁南 胜利 银座 德昌 广源"
).split()
_INDUSTRIES = {
    "110": "信息科技 数据科技 软件", "140": "光电科技 激光科技 新材料科技", "150": "化学 新材料 化工科技",
    "180": "地质勘查 海洋科技 测绘科技", "310": "生物医药 生物科技 医疗器械", "320": "医疗器械 医药 健康科技",
    "410": "农业科技 种业 生态农业", "460": "自动化 智能科技 信息安全技术", "510": "电子科技 通信技术 微电子",
    "520": "信息技术 软件 智能科技 网络科技", "530": "化工 石化 新材料", "550": "精密机械 重工 智能装备 机床",
    "580": "新能源 能源科技 电力科技", "610": "环保科技 环境工程 水务",
}
_FORMS = ("有限公司", "有限公司", "有限公司", "股份有限公司", "股份有限公司", "集团有限公司")
_HOSPITALS = ("中心医院", "人民医院", "中医医院", "第二人民医院", "妇幼保健院", "肿瘤医院", "疾病预防控制中心")
_PROVINCIAL_HOSPITALS = (
    "山东大学齐鲁医院", "山东省立医院", "山东省千佛山医院", "青岛大学附属医院", "山东省肿瘤医院", "烟台毓璜顶医院",
    "山东省疾病预防控制中心", "山东省公共卫生临床中心",
)
_BUREAUS = ("科学技术局", "工业和信息化局", "农业农村局", "生态环境局", "卫生健康委员会")
_DEPARTMENTS = ("科学技术厅", "工业和信息化厅", "农业农村厅", "生态环境厅", "卫生健康委员会", "自然资源厅", "能源局")
_SOCIETIES = {
    "110": "数学会", "140": "物理学会", "150": "化学化工学会", "180": "地质学会", "310": "医学会", "320": "医师协会",
    "410": "农学会", "460": "自动化学会", "510": "电子学会", "520": "计算机学会", "530": "化工学会",
    "550": "机械工程学会", "580": "能源研究会", "610": "环境科学学会",
}
# People per organisation on average: a new organisation is opened with the reciprocal probability.
_HEADCOUNT = {"企业": 4, "高校": 30, "科研院所": 10, "医疗卫生机构": 10, "机关": 6, "其他": 6}


class Organisations:
    """Hands out organisations by type and field, opening new ones now and then; names and codes are unique."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self.all: list[Organisation] = []
        self._pools: dict[tuple[str, str], list[Organisation]] = {}
        self._names: set[str] = set()
        self._codes: set[str] = set()
        universities = list(_UNIVERSITIES)
        rng.shuffle(universities)
        self._universities = universities

    def pick(self, kind: str, top: str) -> Organisation:
        """An organisation of ``kind`` working in top-level field ``top``: an existing one, or now and then a new one."""
        pool = self._pools.setdefault(self._pool_key(kind, top), [])
        if not pool or self._rng.random() < 1 / _HEADCOUNT[kind]:
            made = self._make(kind, top)
            if made is not None:
                pool.append(made)
                return made
        return self._rng.choice(pool)

    @staticmethod
    def _pool_key(kind: str, top: str) -> tuple[str, str]:
        return (kind, top) if kind in ("企业", "科研院所", "其他") else (kind, "")

    def _make(self, kind: str, top: str) -> Organisation | None:
        """A new organisation, or None when every plausible name of this kind is taken."""
        rng = self._rng
        for _ in range(50):
            if kind == "高校":
                if not self._universities:
                    return None
                name, domain, former, renamed = self._universities.pop()
                authority, region = "12", "100000" if name in _NATIONAL else "370000"
                return self._register(Organisation(name, "", kind, domain, former, renamed), authority, region)
            city, prefix = rng.choice(_CITIES)
            region = prefix + rng.choice(_DISTRICTS)
            if kind == "企业":
                place = "山东" if rng.random() < 0.4 else city
                industry = rng.choice(_INDUSTRIES[top].split())
                name, authority = place + rng.choice(_BRANDS) + industry + rng.choice(_FORMS), "91"
            elif kind == "科研院所":
                named = [n for n, tops in _INSTITUTES if top in tops.split() and n not in self._names]
                if named and rng.random() < 0.7:
                    name, region = rng.choice(named), "370000"
                else:
                    name = f"{city}市{_INSTITUTE_TOPICS[top]}{rng.choice(('研究院', '研究所'))}"
                authority = "12"
            elif kind == "医疗卫生机构":
                if rng.random() < 0.2:
                    name, region = rng.choice(_PROVINCIAL_HOSPITALS), "370000"
                else:
                    name = city + "市" + rng.choice(_HOSPITALS)
                authority = "12"
            elif kind == "机关":
                if rng.random() < 0.15:
                    name, region = "山东省" + rng.choice(_DEPARTMENTS), "370000"
                else:
                    name = city + "市" + rng.choice(_BUREAUS)
                authority = "11"
            elif rng.random() < 0.5:
                name, authority, region = "山东省" + _SOCIETIES[top], "51", "370000"
            else:
                name, authority = f"{city}{rng.choice(_BRANDS)}产业技术研究院", "52"
            if name not in self._names:
                return self._register(Organisation(name, "", kind), authority, region)
        return None

    def _register(self, org: Organisation, authority: str, region: str) -> Organisation:
        code = credit_code(self._rng, authority, region)
        while code in self._codes:
            code = credit_code(self._rng, authority, region)
        org.credit_code = code
        self._codes.add(code)
        self._names.add(org.name)
        self.all.append(org)
        return org

    def rename_some(self, share: float) -> None:
        """Give a few companies a former name: a limited company that became a joint-stock one (股份制改造)."""
        rng = self._rng
        for org in self.all:
            if org.kind != "企业" or not org.name.endswith("股份有限公司"):
                continue
            former = org.name.removesuffix("股份有限公司") + "有限公司"
            if former not in self._names and rng.random() < share:
                org.former_name, org.renamed_in = former, rng.randint(2012, 2024)
