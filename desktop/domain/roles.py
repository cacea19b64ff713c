"""Roles and what each may do (SEPARATION, CONFIDENTIAL), after the 三员 practice of Chinese information-security
rules: the administrator manages accounts and sees no expert data, the auditor reads and verifies the audit log and
changes nothing, and the business roles keep decision (审批人), execution (秘书) and supervision (监督员) apart.

``PERMISSIONS`` is the one table of which role may do what; every service entry point asks it (through
``desktop.services.accounts.require``), so the window and the command line cannot differ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType

from desktop.domain.errors import RuleError


class Role(StrEnum):
    SECRETARY = "秘书"     # imports, rounds, panels, draw operator, calls, score entry, documents
    SUPERVISOR = "监督员"  # witnesses draws, confirms on-site commitments, records quota overrides
    APPROVER = "审批人"    # approves results, decides objections and appeals
    AUDITOR = "审计员"     # reads the audit log and verifies, changes nothing
    ADMIN = "管理员"       # manages accounts only, sees no expert data


BUSINESS = frozenset((Role.SECRETARY, Role.SUPERVISOR, Role.APPROVER))
EXCLUSIVE = (Role.AUDITOR, Role.ADMIN)  # roles that may not be held with any other

_S, _V, _A, _U, _M = Role.SECRETARY, Role.SUPERVISOR, Role.APPROVER, Role.AUDITOR, Role.ADMIN

PERMISSIONS: Mapping[str, frozenset[Role]] = MappingProxyType({name: frozenset(roles) for name, roles in {
    # the pool and its records (CONFIDENTIAL: expert data only for the business roles)
    "experts.read": (_S, _V, _A),
    "experts.reveal": (_S, _V),          # whole ID and mobile numbers, on an audited reveal
    "experts.edit": (_S,),
    "import": (_S,),
    "summary": (_S, _V, _A, _U, _M),     # counts of records, no names
    # rounds, panels, conflicts
    "rounds.read": (_S, _V, _A, _U),
    "round.edit": (_S,),
    "conflicts.read": (_S, _V, _A),
    # the draw
    "draw.operate": (_S,),
    "draw.witness": (_V,),
    "draws.read": (_S, _V, _A),
    "draw.verify": (_S, _V, _A, _U),
    "draw.replay": (_S, _V, _A, _U),     # recomputes a draw from its record; writes only its audit entry
    # documents and the signing identity
    "letters": (_S,),
    "documents.read": (_S, _V, _A),
    "signer.replace": (_S,),
    "signer.show": (_S, _V, _A, _U),
    # review execution: calls, replacements, confirmation, commitments, attendance, scores, results
    "calls.read": (_S, _V, _A),
    "calls.record": (_S,),
    "panel.confirm": (_S,),
    "quota.override": (_V,),             # a panel below ENTERPRISE_THIRD confirmed with a recorded reason
    "commitments.record": (_S,),
    "commitments.confirm": (_V,),        # "signed on site", confirmed by the supervisor present
    "attendance.record": (_S,),
    "scores.enter": (_S,),
    "scores.read": (_S, _V, _A),
    "certification.record": (_S,),
    "certification.waive": (_V,),        # POST_REVIEW: results go on without a certification, with the reason
    "non_consensus.decide": (_S,),       # the panel's decision on a flagged application, as the secretary records it
    "results.read": (_S, _V, _A),
    "results.propose": (_S,),
    "results.approve": (_A,),
    # after the review: feedback, publicity and objections, appeals, conduct, closing
    "feedback.correct": (_S,),           # an opinion that names someone edited before it reaches the applicant
    "publicity.manage": (_S,),
    "objections.record": (_S,),
    "objections.answer": (_A,),
    "appeals.record": (_S,),
    "appeals.decide": (_A,),             # accepted or not, extended, decided: not by the results' approver
    "conduct.record": (_S,),
    "round.close": (_S,),
    "repair.decide": (_A,),
    # the working-day calendar (WORKING_DAYS): read by all who count or check deadlines, entered by the secretariat
    "calendar.read": (_S, _V, _A, _U),
    "calendar.edit": (_S,),
    # misconduct records entered and credit repair applications recorded (MISCONDUCT_RECORD, CREDIT_REPAIR)
    "misconduct.edit": (_S,),
    # the round archive and backups (the archive and the backup are sealed with a password chosen when made)
    "archive.export": (_S,),
    "archive.import": (_S,),
    "backup": (_S,),
    # the audit log
    "audit.read": (_U, _V),
    "audit.verify": (_S, _V, _A, _U),
    # accounts
    "accounts.manage": (_M,),
}.items()})


def needed(permission: str) -> frozenset[Role]:
    """The roles that may do ``permission``; a name the table does not hold is a defect, not a refusal."""
    return PERMISSIONS[permission]


def allowed(roles: Iterable[Role], permission: str) -> bool:
    return not needed(permission).isdisjoint(roles)


def role_names(roles: Iterable[Role]) -> str:
    """Roles as a user reads them, in the table's order: 秘书、监督员."""
    held = set(roles)
    return "、".join(role.value for role in Role if role in held)


def parse_roles(text: str | Iterable[str]) -> frozenset[Role]:
    """Roles from 秘书,监督员 (commas, 、 or spaces) or a list of names; an unknown name is refused by name."""
    items = text.replace("，", ",").replace("、", ",").replace(" ", ",").split(",") if isinstance(text, str) else text
    roles = set()
    for item in (i.strip() for i in items):
        if not item:
            continue
        try:
            roles.add(Role(item))
        except ValueError:
            raise RuleError("SEPARATION", f"SEPARATION 没有「{item}」这个角色；角色为 {role_names(Role)}") from None
    return check_roles(roles)


def check_roles(roles: Iterable[Role]) -> frozenset[Role]:
    """SEPARATION: an account holds at least one role; an auditor or an administrator holds no other role."""
    held = frozenset(Role(r) for r in roles)
    if not held:
        raise RuleError("SEPARATION", "SEPARATION 账户至少须有一个角色")
    for role in EXCLUSIVE:
        if role in held and len(held) > 1:
            others = role_names(held - {role})
            raise RuleError("SEPARATION", f"SEPARATION {role.value}不能同时担任其他角色（现为 {role_names(held)}）："
                                          f"请去掉{others}，或为其另设账户")
    return held
