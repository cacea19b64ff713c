"""Experts: a title, clustered fields, a current employer and a career of one to three stays.

Experts are made cluster by cluster (a cluster is the five-digit field a panel of about twenty applications is
drawn for), so each panel has enough experts, about 40% of them from enterprises, and neighbours in the list work
in the same field (which the bulk relations rely on).
"""

from __future__ import annotations

import random

from desktop.synthetic.fields import Field
from desktop.synthetic.model import Expert, Stay
from desktop.synthetic.names import TITLES_BY_KIND
from desktop.synthetic.organisations import KINDS, MEDICAL, Organisations
from desktop.synthetic.people import People

REVIEW_YEAR = 2026
_KIND_WEIGHTS = (42, 30, 16, 0, 5, 7)
_MEDICAL_KIND_WEIGHTS = (40, 18, 7, 30, 2, 3)


def kind_for(rng: random.Random, top: str) -> str:
    """The type of an expert's organisation: enterprises about 40% everywhere, hospitals in medical fields."""
    return rng.choices(KINDS, _MEDICAL_KIND_WEIGHTS if top in MEDICAL else _KIND_WEIGHTS)[0]


class FieldTree:
    """The field dictionary as a lookup of children, for picking related codes."""

    def __init__(self, fields: tuple[Field, ...]) -> None:
        self.children: dict[str, list[str]] = {}
        for f in fields:
            self.children.setdefault(f.code, [])
            if f.parent:
                self.children[f.parent].append(f.code)
        self.five_digit = [f.code for f in fields if len(f.code) == 5]

    def near(self, rng: random.Random, code5: str) -> str:
        """``code5`` itself or one of its seven-digit children."""
        kids = self.children[code5]
        return rng.choice(kids) if kids and rng.random() < 0.55 else code5

    def expert_fields(self, rng: random.Random, code5: str) -> tuple[str, ...]:
        """One to three codes around ``code5``, all under the same top-level field; now and then the top level itself."""
        codes = [code5[:3] if rng.random() < 0.04 else self.near(rng, code5)]
        siblings = self.children[code5[:3]]
        for _ in range(rng.choices((0, 1, 2), (40, 40, 20))[0]):
            extra = self.near(rng, rng.choice(siblings))
            if extra not in codes:
                codes.append(extra)
        return tuple(codes)


def make_expert(rng: random.Random, people: People, orgs: Organisations, tree: FieldTree, code5: str) -> Expert:
    top = code5[:3]
    kind = kind_for(rng, top)
    stays = _career(rng, orgs, top, kind)
    current = stays[-1].organisation
    born_last = min(1995, stays[0].start - 22)
    person = people.make(max(1955, born_last - 12), born_last, 0.72, current.mail_domain)
    return Expert(person, rng.choice(TITLES_BY_KIND[kind]), tree.expert_fields(rng, code5), stays,
                  _enterprise_flag(rng, kind))


def _career(rng: random.Random, orgs: Organisations, top: str, kind: str) -> list[Stay]:
    """Stays oldest first, each starting the year the previous one ended, never twice in a row at one place."""
    start = rng.randint(1980, 2021)
    count = min(rng.choices((1, 2, 3), (5, 15, 80))[0], REVIEW_YEAR - start)
    moves = sorted(rng.sample(range(start + 1, REVIEW_YEAR), count - 1))
    stays: list[Stay] = []
    for year, until in zip([start, *moves], [*moves, None]):
        org = orgs.pick(kind if until is None else kind_for(rng, top), top)
        if stays and org is stays[-1].organisation:
            stays[-1].end = until
        else:
            stays.append(Stay(org, year, until))
    return stays


def _enterprise_flag(rng: random.Random, kind: str) -> str:
    """Mostly empty (the program defaults it from the organisation's type), sometimes stated either way."""
    r = rng.random()
    if kind == "企业":
        return "是" if r < 0.08 else "否" if r < 0.10 else ""
    if kind == "其他":
        return "是" if r < 0.30 else ""
    return "是" if r < 0.04 else "否" if r < 0.08 else ""
