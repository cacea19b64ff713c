"""Who may not review what (RULES.md §2): every exclusion ground of a round, with the facts behind it.

The pool is large (tens of thousands of experts, a million stays and relations) and the round has thousands of
applications, so grounds are found by indexed joins: stays are indexed by organisation code, relations by person,
requests by application; each application then looks up only its own organisations and team members. No loop ever
runs over all (expert, application) pairs. FIELD is the exception that would be true for almost every pair, so it is
never materialised in bulk: the FieldIndex answers it per pair or per application.

Two grounds exclude an expert from the whole round rather than from one application — a penalty period covering the
review date (INTEGRITY) and an accepted request (LOBBIED, accepted) — and are kept once per expert.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.domain.employers import EnterpriseStatus, classify_experts, dated_pairs, superseded
from desktop.domain.errors import UserError
from desktop.domain.fields import FieldIndex
from desktop.domain.grounds import Ground, GroundCode
from desktop.domain.methods import RoundSettings
from desktop.domain.misconduct import in_force
from desktop.domain.pool import Application, Expert, IntegrityRecord, Pool, Relation, RoundCase, Stay
from desktop.domain.window import Window, look_back, overlaps

G = GroundCode


_ORDER = {code: i for i, code in enumerate(GroundCode)}


def _orgs(app: Application) -> list[tuple[str, str]]:
    return [(app.applicant_org, "申报单位")] + [(org, "合作单位") for org in app.partner_orgs]


@dataclass
class Conflicts:
    """The grounds of one round, answered from indexes.

    ``round_grounds[expert]`` apply to every application; ``notes[expert]`` are integrity records without a
    penalty period, shown beside the expert but excluding nothing. ``enterprise[expert]`` says whether the expert
    counts toward ENTERPRISE_THIRD in this round and why. SAME_ORG and relation grounds are joined on
    request from the organisation and person indexes: a large unit may have thousands of experts in the pool, and
    materialising every (application, expert) fact up front would cost more than any one screen needs.
    """
    experts: dict[str, Expert]
    applications: dict[str, Application]
    panels: dict[str, tuple[str, ...]]
    round_grounds: dict[str, tuple[Ground, ...]]
    field_index: FieldIndex
    warnings: tuple[str, ...]
    notes: dict[str, tuple[dict[str, Any], ...]]
    enterprise: dict[str, EnterpriseStatus]
    _listed: dict[str, list[tuple[str, Ground]]]
    _stays_by_org: dict[str, list[Stay]]
    _ties: dict[str, list[tuple[str, GroundCode, Relation]]]
    _experts_cache: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    _stays_by_person: dict[str, dict[str, list[tuple[int, Stay]]]] = field(default_factory=dict)  # of large units

    def _pair_grounds(self, number: str, only: Container[str] | None = None) -> Iterator[tuple[str, Ground]]:
        """The per-application grounds except FIELD; built only for the experts in ``only`` when it is given, since
        building the facts of every stay at a large unit costs more than walking its index."""
        app = self.applications[number]
        for expert, ground in self._listed.get(number, ()):
            if only is None or expert in only:
                yield expert, ground
        for org, org_role in _orgs(app):
            for stay in self._stays_at(org, only):
                if only is None or stay.person in only:
                    yield stay.person, Ground(G.SAME_ORG, {
                        "application": number, "org": org, "org_name": stay.org_name, "org_role": org_role,
                        "from_year": stay.from_year, "to_year": stay.to_year})
        for member in app.team:
            for expert, code, relation in self._ties.get(member.person, ()):
                if only is None or expert in only:
                    yield expert, Ground(code, {
                        "application": number, "other_person": member.person, "other_name": member.name,
                        "other_role": member.role, "kind": relation.kind, "from_year": relation.from_year,
                        "to_year": relation.to_year, "note": relation.note})

    def _stays_at(self, org: str, only: Container[str] | None) -> Sequence[Stay]:
        """The stays at ``org`` in their order; with ``only`` (a set), a large unit's only as far as they may be
        of those experts, found through an index of its stays by person: a panel's exclusions look at a few of a
        unit's thousand stays, and walking them all was most of the time the record of a draw took."""
        stays = self._stays_by_org.get(org, ())
        if not isinstance(only, (set, frozenset)) or len(stays) <= 32:
            return stays
        by_person = self._stays_by_person.get(org)
        if by_person is None:  # filled before it is kept: another thread asking meanwhile makes its own
            by_person = defaultdict(list)
            for position, stay in enumerate(stays):
                by_person[stay.person].append((position, stay))
            self._stays_by_person[org] = by_person
        found = sorted(entry for person in by_person.keys() & only for entry in by_person[person])
        return [stay for _, stay in found]

    def _excluded(self, number: str) -> Iterator[frozenset[str]]:
        """The experts with a non-FIELD ground for one application, as cached sets from the indexes (their union)."""
        app = self.applications[number]
        yield self._cached(("listed", number), lambda: (expert for expert, _ in self._listed.get(number, ())))
        for org, _ in _orgs(app):
            yield self._cached(("org", org), lambda: (s.person for s in self._stays_by_org.get(org, ())))
        for member in app.team:
            yield self._cached(("person", member.person), lambda: (e for e, _, _ in self._ties.get(member.person, ())))

    def _cached(self, key: tuple[str, ...], experts: Callable[[], Iterable[str]]) -> frozenset[str]:
        found = self._experts_cache.get(key)
        if found is None:
            found = self._experts_cache[key] = frozenset(experts())
        return found

    def for_application(self, number: str) -> dict[str, tuple[Ground, ...]]:
        """Every non-FIELD ground of every expert excluded from one application, grounds in code order."""
        found: dict[str, list[Ground]] = defaultdict(list)
        for expert, ground in self._pair_grounds(number):
            found[expert].append(ground)
        for expert, grounds in self.round_grounds.items():
            found[expert].extend(grounds)
        return {e: tuple(sorted(g, key=lambda x: _ORDER[x.code])) for e, g in found.items()}

    def excluded_experts(self, number: str) -> set[str]:
        """The experts ``for_application`` lists, from the cached sets alone (no ground is built)."""
        return set(self.round_grounds).union(*self._excluded(number))

    def field_ground(self, number: str, expert: str) -> Ground | None:
        app = self.applications[number]
        if self.field_index.matches(expert, app.field):
            return None
        return Ground(G.FIELD, {"application": number, "expert_fields": list(self.field_index.fields_of(expert)),
                                "application_field": app.field, "level": self.field_index.level})

    def grounds_for(self, number: str, expert: str) -> tuple[Ground, ...]:
        """Every ground, FIELD included, that keeps ``expert`` from reviewing the application, in code order."""
        grounds = [g for _, g in self._pair_grounds(number, {expert})] + list(self.round_grounds.get(expert, ()))
        field_ground = self.field_ground(number, expert)
        if field_ground:
            grounds.append(field_ground)
        return tuple(sorted(grounds, key=lambda g: _ORDER[g.code]))

    def panel_exclusions(self, panel: str, among: Container[str] | None = None) -> dict[str, tuple[Ground, ...]]:
        """The non-FIELD grounds of every expert (of ``among``, when given) excluded from any application of the
        panel; each pair ground names its application in its facts. FIELD is left to ``eligible_for_panel``: it
        would list most of the pool."""
        found: dict[str, list[Ground]] = defaultdict(list)
        for number in self.panels.get(panel, ()):
            for expert, ground in self._pair_grounds(number, among):
                found[expert].append(ground)
        for expert, grounds in self.round_grounds.items():
            if among is None or expert in among:
                found[expert].extend(grounds)
        return {e: tuple(g) for e, g in found.items()}

    def knowing_fields(self, panel: str) -> set[str]:
        """Experts who know the field of every application of the panel: those whom only FIELD does not exclude."""
        return set(self._cached(("knowing", panel), lambda: self._knowing_fields(panel)))

    def _knowing_fields(self, panel: str) -> set[str]:
        matches = sorted((self.field_index.matching(self.applications[n].field) for n in self.panels.get(panel, ())),
                         key=len)
        if not matches:
            return set(self.experts)
        found = set(matches[0])
        for m in matches[1:]:
            found &= m
        return found

    def eligible_for_panel(self, panel: str, required_fields: Iterable[str] = ()) -> list[str]:
        """Active experts who know the field of every application of the panel (and one of ``required_fields``
        when given) and have no other ground against any of them, sorted by key."""
        numbers = self.panels.get(panel, ())
        candidates = self.knowing_fields(panel)
        required = tuple(required_fields)
        if required:
            candidates &= set().union(*(self.field_index.matching(f) for f in required))
        candidates -= self.round_grounds.keys()
        candidates -= self._cached(("inactive",), lambda: (e for e, x in self.experts.items() if not x.active))
        for number in numbers:
            candidates.difference_update(*self._excluded(number))
        return sorted(candidates)


def _relation_code(relation: Relation, settings: RoundSettings, window: Window) -> GroundCode | None:
    """Which ground a relation gives in this round, if any: advisors bind at any time, the rest within the window,
    in-laws only when the round counts them."""
    within = overlaps(relation.from_year, relation.to_year, window)
    if relation.kind == "近亲属":
        return G.RELATIVE if within else None
    if relation.kind == "姻亲":
        return G.RELATIVE if within and settings.include_in_laws else None
    if relation.kind == "师生":
        return G.ADVISOR
    if relation.kind == "合作":
        return G.COLLABORATOR if within else None
    raise UserError(f"未知的关系类型「{relation.kind}」，可选：近亲属、姻亲、师生、合作")


def _integrity_facts(record: IntegrityRecord) -> dict[str, Any]:
    return {"record_id": record.record_id, "violation": record.violation, "measures": record.measures,
            "penalty_start": record.penalty_start and record.penalty_start.isoformat(),
            "penalty_end": record.penalty_end and record.penalty_end.isoformat(),
            "decided_by": record.decided_by, "basis": record.basis,
            "decision_date": record.decision_date and record.decision_date.isoformat()}


class _Builder:
    """Collects the few grounds that come one record at a time while compute_conflicts walks the facts."""

    def __init__(self, experts: dict[str, Expert]):
        self.experts = experts
        self.listed: dict[str, list[tuple[str, Ground]]] = defaultdict(list)
        self.round: dict[str, list[Ground]] = defaultdict(list)

    def pair(self, application: str, expert: str, code: GroundCode, **facts: Any) -> None:
        self.listed[application].append((expert, Ground(code, {"application": application, **facts})))


def compute_conflicts(pool: Pool, case: RoundCase) -> Conflicts:
    """Index the pool for one round. Only stays at organisations the round's applications name, and relations
    touching a team member, are kept, so each fact of the pool is looked at once and most are dropped at a glance."""
    settings = case.settings
    window = look_back(case.review_date, settings.look_back_years)
    experts = {e.person: e for e in pool.experts}
    applications = {a.number: a for a in case.applications}
    found = _Builder(experts)

    named_orgs = {org for app in case.applications for org, _ in _orgs(app)}
    stays_by_org: dict[str, list[Stay]] = defaultdict(list)
    at_named = [row for row in pool.stays if row[1] in named_orgs and row[0] in experts]
    dated = dated_pairs(at_named)
    for row in at_named:
        if overlaps(row[3], row[4], window) and not superseded(row, dated):
            stays_by_org[row[1]].append(Stay._make(row))
    team_people = {m.person for app in case.applications for m in app.team}
    ties: dict[str, list[tuple[str, GroundCode, Relation]]] = defaultdict(list)
    for row in pool.relations:
        a, b = row[0], row[1]
        binds_a = a in team_people and b in experts
        binds_b = b in team_people and a in experts
        if (binds_a or binds_b) and a != b:
            relation = Relation._make(row)
            code = _relation_code(relation, settings, window)
            if code is not None and binds_a:
                ties[a].append((b, code, relation))
            if code is not None and binds_b:
                ties[b].append((a, code, relation))

    panels: dict[str, list[str]] = defaultdict(list)
    for app in case.applications:
        if app.number in case.panel_of:
            panels[case.panel_of[app.number]].append(app.number)
        for member in app.team:
            if member.person in experts:
                found.pair(app.number, member.person, G.SELF, other_application=None, role=member.role,
                           member_name=member.name)
    for numbers in panels.values():
        _panel_self(found, [applications[n] for n in numbers])
    for d in pool.declared:
        if d.application in applications and d.expert in experts:
            found.pair(d.application, d.expert, G.DECLARED, reason=d.reason)
    warnings = _requested(found, pool, applications, settings.max_requested_exclusions)
    _lobbying(found, pool, applications)
    notes = _integrity(found, pool, case)

    return Conflicts(
        experts=experts, applications=applications, panels={k: tuple(v) for k, v in panels.items()},
        round_grounds={e: tuple(g) for e, g in found.round.items()},
        field_index=FieldIndex(((e.person, e.fields) for e in pool.experts), settings.field_level),
        warnings=tuple(warnings), notes=notes,
        enterprise=classify_experts(((e.person, e.enterprise, e.enterprise_reason) for e in pool.experts), pool.stays,
                                    pool.org_kinds, case.review_date.year), _listed=dict(found.listed), _stays_by_org=dict(stays_by_org),
        _ties=dict(ties))


def _lobbying(found: _Builder, pool: Pool, applications: dict) -> None:
    """LOBBIED for the application asked about; an accepted request excludes the expert from the whole round."""
    for lobby in pool.lobbying:
        if lobby.application not in applications or lobby.expert not in found.experts:
            continue
        facts = {"date": lobby.date.isoformat(), "note": lobby.note, "accepted": lobby.accepted}
        if lobby.accepted:
            found.round[lobby.expert].append(Ground(G.LOBBIED, {"application": lobby.application, **facts}))
        else:
            found.pair(lobby.application, lobby.expert, G.LOBBIED, **facts)


def _panel_self(found: _Builder, apps: list[Application]) -> None:
    """SELF: an expert on the team of one application of a panel reviews none of the panel's applications."""
    members = [(app.number, m) for app in apps for m in app.team if m.person in found.experts]
    for app in apps:
        for other, member in members:
            if other != app.number:
                found.pair(app.number, member.person, G.SELF, other_application=other, role=member.role,
                           member_name=member.name)


def _requested(found: _Builder, pool: Pool, applications: dict, limit: int) -> list[str]:
    """APPLICANT_REQUESTED for the first ``limit`` names of each application by order; the rest become warnings."""
    by_app = defaultdict(list)
    for request in pool.requested:
        if request.application in applications:
            by_app[request.application].append(request)
    warnings = []
    for number, requests in by_app.items():
        requests.sort(key=lambda r: (r.order, r.expert))
        for request in requests[:limit]:
            if request.expert in found.experts:
                found.pair(number, request.expert, G.APPLICANT_REQUESTED, reason=request.reason, order=request.order)
        for request in requests[limit:]:
            expert = found.experts.get(request.expert)
            name = expert.name if expert else request.expert
            warnings.append(f"项目{number}的申请人要求回避的专家超过{limit}名，第{request.order}位「{name}」"
                            f"（理由：{request.reason}）未予采纳")
    return warnings


def _integrity(found: _Builder, pool: Pool, case: RoundCase) -> dict[str, tuple[dict[str, Any], ...]]:
    """INTEGRITY for penalty periods containing the review date (both ends inclusive, an open end still runs, an
    approved credit repair ends it from its date); records without any period come back as notes."""
    notes = defaultdict(list)
    day = case.review_date
    for record in pool.integrity:
        if record.subject not in found.experts:
            continue
        if record.penalty_start is None and record.penalty_end is None:
            notes[record.subject].append(_integrity_facts(record))
        elif in_force(record.penalty_start, record.penalty_end, record.repaired_on, day):
            found.round[record.subject].append(
                Ground(G.INTEGRITY, {**_integrity_facts(record), "review_date": day.isoformat()}))
    return {expert: tuple(records) for expert, records in notes.items()}
