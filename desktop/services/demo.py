"""The demo workspace: synthetic spreadsheets imported through the real import path, and an opened sample round.

A new user (and the GUI tests) get a workspace that looks like a real secretariat's: a pool with conflicts in it and a
round whose panels group the applications by field, ready to draw. Its accounts, one per role, have fixed
passwords that the README lists (DEMO_ACCOUNTS): it holds synthetic data only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from desktop.domain.methods import Criterion, Method, RoundSettings
from desktop.domain.roles import Role
from desktop.services import accounts, catalogue, rounds
from desktop.services.importing.run import ImportSummary, import_files
from desktop.synthetic.writer import write_dataset

DEMO_REVIEW_DATE = dt.date(2026, 12, 15)
PANEL_SIZE = 7
DEMO_METHOD = Method("会议评审", "百分制", criteria=(
    Criterion("创新性与科学价值", 30), Criterion("技术路线与可行性", 25), Criterion("研究基础与团队", 20),
    Criterion("预期成果与应用前景", 25)))


# name, display name, role, password: the administrator first (init makes it), then one account per business role
DEMO_ACCOUNTS = (
    ("管理员", "系统管理员", Role.ADMIN, "demo-admin"),
    ("王秘书", "王芳", Role.SECRETARY, "demo-secretary"),
    ("李监督", "李明", Role.SUPERVISOR, "demo-supervisor"),
    ("赵审批", "赵强", Role.APPROVER, "demo-approver"),
    ("钱审计", "钱英", Role.AUDITOR, "demo-auditor"),
)
DEMO_SECRETARY = DEMO_ACCOUNTS[1]


def build_demo(root: Path, *, experts: int = 800, applications: int = 80,
               seed: int = 2026) -> tuple[ImportSummary, rounds.RoundInfo]:
    """The demo accounts, then the pool and the round as the demo's secretary made them."""
    (admin_name, admin_display, _, admin_password), *others = DEMO_ACCOUNTS
    admin = accounts.init_workspace(root, admin_name, admin_password, admin_display)
    for name, display_name, role, password in others:
        accounts.add_account(admin, name, display_name=display_name, roles=[role], password=password)
    actor = accounts.sign_in(admin.root, DEMO_SECRETARY[0], DEMO_SECRETARY[3])
    workspace = actor.root
    files = write_dataset(workspace / "示例数据", seed=seed, experts=experts, applications=applications)
    summary = import_files(workspace, files, actor)
    info = rounds.create_round(workspace, actor, name="2026年度省重点研发计划项目会议评审（示例）",
                               review_date=DEMO_REVIEW_DATE, method=DEMO_METHOD, confirm_past_date=True,
                               settings=RoundSettings(panel_size=PANEL_SIZE), programme="重点研发计划",
                               stage="初审", issuer="省科学技术厅评审办公室", venue="省科技大厦三楼会议室",
                               review_time="上午8:30")
    by_field: dict[str, list[str]] = defaultdict(list)
    for app in catalogue.listing(workspace, actor, "applications"):
        by_field[app["field_code"][:5]].append(app["number"])
    for position, (field, numbers) in enumerate(sorted(by_field.items()), start=1):
        rounds.add_panel(workspace, actor, info.id, name=f"第{position}组（{field}）", size=PANEL_SIZE,
                         applications=numbers)
    return summary, rounds.open_round(workspace, actor, info.id)
