"""Applications with their teams, and the conflicts a real round meets, put there on purpose.

Each cluster (a five-digit field) gets about twenty applications and has its own experts. Some teams include an
expert of the cluster (SELF, and SAME_ORG through the expert's employer, which then applies or partners); some team
members are related to an expert of the cluster (RELATIVE, ADVISOR, COLLABORATOR), some of those relations too old
to count, so the look-back window is exercised both ways.
"""

from __future__ import annotations

import random

from desktop.synthetic.experts import REVIEW_YEAR, FieldTree, kind_for
from desktop.synthetic.fields import project_title
from desktop.synthetic.model import Application, Expert, Member, Organisation, Person, Relation
from desktop.synthetic.organisations import KINDS, MEDICAL, Organisations
from desktop.synthetic.people import People

_APPLICANT_WEIGHTS = (45, 30, 20, 0, 0, 5)
_MEDICAL_APPLICANT_WEIGHTS = (20, 30, 5, 45, 0, 0)
RELATION_NOTES = {
    "合作": ("共同承担国家重点研发计划课题", "合作发表学术论文", "共同申请发明专利", "共同承担省重点研发计划项目",
             "联合完成科技成果鉴定", "共同获得省科学技术进步奖"),
    "师生": ("博士研究生导师", "硕士研究生导师", "博士后合作导师"),
    "近亲属": ("配偶", "兄弟姐妹", "父母子女"),
    "姻亲": ("配偶的兄弟姐妹", "兄弟姐妹的配偶", "配偶的父母"),
}


def relation_years(rng: random.Random, kind: str, born: tuple[int, int]) -> tuple[int | None, int | None]:
    """Collaborations span a few years, some long over; advisors are for good; kin have no years.

    ``born`` gives both birth years, so nobody collaborates or studies before adulthood.
    """
    adult = min(REVIEW_YEAR - 1, max(born) + 23)
    if kind == "合作":
        start = rng.randint(max(2010, adult), REVIEW_YEAR - 1)
        end = None if rng.random() < 0.3 else min(REVIEW_YEAR - 1, start + rng.randint(0, 4))
        return start, end
    if kind == "师生":
        first = min(REVIEW_YEAR - 1, max(1990, adult, min(born) + 30))
        return rng.randint(first, max(first, 2022)), None
    return None, None


def make_relation(rng: random.Random, a: str, b: str, kind: str) -> Relation:
    """A relation between two ID numbers (birth years are digits 7 to 10 of each)."""
    start, end = relation_years(rng, kind, (int(a[6:10]), int(b[6:10])))
    return Relation(a, b, kind, start, end, rng.choice(RELATION_NOTES[kind]))


class Applications:
    def __init__(self, rng: random.Random, people: People, orgs: Organisations, tree: FieldTree,
                 expert_ids: set[str]) -> None:
        self._rng, self._people, self._orgs, self._tree = rng, people, orgs, tree
        self._expert_ids = expert_ids
        self.made: list[Application] = []
        self.relations: list[Relation] = []

    def make_cluster(self, code5: str, count: int, experts: list[Expert]) -> list[Application]:
        """``count`` applications in the five-digit field ``code5``, reviewed from ``experts``."""
        made = []
        for _ in range(count):
            made.append(self._make(code5, experts))
            self.made.append(made[-1])
        return made

    def _make(self, code5: str, experts: list[Expert]) -> Application:
        rng, orgs = self._rng, self._orgs
        top = code5[:3]
        field = self._tree.near(rng, code5)
        weights = _MEDICAL_APPLICANT_WEIGHTS if top in MEDICAL else _APPLICANT_WEIGHTS
        applicant = orgs.pick(rng.choices(KINDS, weights)[0], top)
        pi_expert = rng.choice(experts) if experts and rng.random() < 0.08 else None
        if pi_expert:
            applicant = pi_expert.organisation
        partners: list[Organisation] = []
        for _ in range(rng.choices((0, 1, 2), (40, 40, 20))[0]):
            partner = orgs.pick(kind_for(rng, top), top)
            if partner is not applicant and partner not in partners:
                partners.append(partner)
        number = f"{REVIEW_YEAR}KJ{len(self.made) + 1:04d}"
        app = Application(number, project_title(rng, field), field, applicant, partners)
        if pi_expert:
            app.members.append(Member(pi_expert.person, "负责人", applicant))
        else:
            app.members.append(Member(self._newcomer(applicant), "负责人", applicant))
        if experts and rng.random() < 0.2:
            self._add_expert_member(app, rng.choice(experts))
        size = rng.randint(3, 8)
        while len(app.members) < size:
            org = applicant if not partners or rng.random() < 0.7 else rng.choice(partners)
            app.members.append(Member(self._newcomer(org), "骨干", org))
        if experts and rng.random() < 0.3:
            self._relate(app, rng.choice(experts))
        return app

    def _newcomer(self, org: Organisation) -> Person:
        return self._people.make(1960, 1998, 0.6, org.mail_domain)

    def _add_expert_member(self, app: Application, expert: Expert) -> None:
        """The expert joins the team from their own employer, which thereby takes part in the application."""
        if any(m.person is expert.person for m in app.members):
            return
        org = expert.organisation
        if org is not app.applicant and org not in app.partners:
            app.partners[1:] = [org]
        app.members.append(Member(expert.person, "骨干", org))

    def _relate(self, app: Application, expert: Expert) -> None:
        others = [m for m in app.members if m.person.id_number not in self._expert_ids]
        if not others:
            return
        member = self._rng.choice(others)
        kind = self._rng.choices(tuple(RELATION_NOTES), (60, 25, 7, 8))[0]
        self.relations.append(make_relation(self._rng, expert.person.id_number, member.person.id_number, kind))
