"""What an applicant is told (FEEDBACK): the result, the score summary in the round's method, and the experts'
opinions with nothing that names an expert.

Opinions are labelled 专家一、专家二… in an order shuffled per notice from a seed the caller derives from the record
(the approved results' hash and the application), so the same notice is made again the same way and the order says
nothing about who sat where. An opinion that names a panel member or their organisation, or holds an ID or phone
number, is blocked with what matched until the secretary corrects it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from desktop.domain.errors import RuleError

APPEAL_WORKING_DAYS = 15  # an applicant's appeal against the result, counted from the notice's date
APPEAL_CHANNEL = "向组织单位提交书面申诉材料（写明申诉事项、理由并附相关证明材料）"

_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?![\dXx])")
_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)")
_ORG_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "研究院", "研究所", "大学", "学院", "医院", "中心", "公司")


@dataclass(frozen=True)
class Match:
    kind: str   # 专家姓名 / 工作单位 / 身份证号 / 电话号码
    text: str   # what was found in the opinion


def _short(organisation: str) -> str:
    """The name an opinion would use: 山东大学 stays, 济南华泰新材料有限公司 is also caught as 济南华泰新材料."""
    for suffix in _ORG_SUFFIXES:
        if organisation.endswith(suffix) and len(organisation) - len(suffix) >= 4:
            return organisation[:-len(suffix)]
    return organisation


def identifying(opinion: str, names: list[str], organisations: list[str]) -> list[Match]:
    """Everything in ``opinion`` that could tell the applicant who wrote it or who sat on the panel."""
    found = [Match("专家姓名", n) for n in dict.fromkeys(names) if len(n) >= 2 and n in opinion]
    for organisation in dict.fromkeys(o for o in organisations if o):
        hit = organisation if organisation in opinion else _short(organisation)
        if hit in opinion:
            found.append(Match("工作单位", hit))
    found += [Match("身份证号", m.group()) for m in _ID.finditer(opinion)]
    found += [Match("电话号码", m.group()) for m in _MOBILE.finditer(opinion)]
    found += [Match("电话号码", m.group()) for m in _LANDLINE.finditer(opinion) if not _ID.search(m.group())]
    return found


def blocked(found: list[tuple[str, list[Match]]]) -> RuleError:
    """The refusal naming every (application, matches) of opinions that cannot go out as they are."""
    shown = "；".join(f"项目 {application} 的一条意见含有" + "、".join(f"{m.kind}“{m.text}”" for m in matches)
                     for application, matches in found)
    return RuleError("FEEDBACK", f"FEEDBACK {len(found)}条专家意见不能发给申报单位：{shown}。请先修改这些意见"
                                 "（paneldesk opinions --round … 列出，opinion correct 修改；原文保留在记录中）")


def shuffled(opinions: list[str], seed: str) -> list[str]:
    """The opinions in an order fixed by ``seed`` (the same seed, the same order): each place is ranked by the
    SHA-256 of the seed and the place, so the order is a permutation no one chose."""
    ranks = sorted(range(len(opinions)), key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).digest())
    return [opinions[i] for i in ranks]


def notice_seed(results_hash: str, application: str) -> str:
    return f"{results_hash}:{application}"


def result_text(row: dict) -> str:
    """The result as the applicant reads it, from the approved row (a flagged application's recommendation is
    already the panel's recorded decision)."""
    if row.get("recommended") is None:  # the round set no recommendation rule
        return f"评审汇总结果为{row.get('aggregate_text') or row.get('aggregate')}"
    return "推荐立项" if row["recommended"] else "未获推荐立项"


def score_summary(method: str, row: dict) -> str:
    """The score summary in the round's method: how many scores counted and the aggregate as results give it."""
    counted = sum(1 for s in row.get("scores", ()) if s.get("value") not in (None, ""))
    aggregate = row.get("aggregate_text") or row.get("aggregate") or "无"
    rank = f"，在本评审组排第{row['rank']}名" if row.get("rank") else ""
    return f"按{method}评审，有效评分{counted}份，汇总结果为{aggregate}{rank}"
