"""The audit log in words: every action the services write has a name, a correction reads as before → after with
its fields named and its numbers masked, long lists are counted, and the entry as stored is one click away."""

from __future__ import annotations

import ast
import datetime as dt
import json
from pathlib import Path

from desktop.services import audit_log, catalogue, confidential, rounds
from desktop.services.method_choices import Form, Method, Scoring
from desktop.ui import audit_words
from desktop.ui.pages.audit_page import AuditPage
from desktop.ui.context import Context
from desktop.ui.tasks import InlineRunner
from tests.ui.english import english  # noqa: F401 - a fixture
from tests.conftest import signed

SERVICES = Path(__file__).resolve().parents[2] / "desktop" / "services"
# Actions whose code the services build at run time (signing.py, documents.py, batch_log.py)
BUILT = ["signer.created", "signer.imported", "documents.letters", "documents.sign_in_sheet", "documents.score_sheet",
         "documents.notices", "documents.letters.started", "documents.score_sheet.started",
         "documents.outcome_notice", "documents.publicity_list", "documents.appeal_notice",
         "documents.appeal_notice_copy"]


def written_actions() -> set[str]:
    """Every action code given as text to uow.change or audit.append in the services."""
    found = set()
    for path in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
                    "change", "append", "_record", "_edit"):
                texts = [a.value for a in node.args[1:4] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                found.update(t for t in texts if t and " " not in t and t.replace(".", "").replace("_", "").isalpha()
                             and t.islower())
    return found


def test_every_action_the_services_write_has_a_name():
    actions = written_actions()
    assert {"import", "round.draw", "reveal", "audit.digest", "expert.edit"} <= actions  # the scan finds them
    for action in sorted(actions | set(BUILT)):
        assert audit_words.action_name(action) != action, action
    assert audit_words.action_name("documents.letters.started") == "开始生成评审专家承诺书"


def _entry(place, action):
    return next(e for e in audit_log.recent(place, signed(place, "审计员"), 1000) if e["action"] == action)


def test_a_correction_reads_as_before_and_after_with_the_phone_masked(demo_workspace):
    expert = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")[0]
    full = catalogue.detail(demo_workspace, signed(demo_workspace), "experts", expert["id_number"])
    title = "研究员" if full["title"] != "研究员" else "教授"
    catalogue.edit_expert(demo_workspace, signed(demo_workspace, "王秘书"), expert["id_number"], title=title, mobile="13800138000",
                          status="inactive")
    entry = _entry(demo_workspace, "expert.edit")
    lines = audit_words.changes(entry)
    assert f"职称：{full['title']} → {title}" in lines
    assert "状态：在库 → 停用" in lines
    assert any(line.startswith("手机：") and line.endswith("→ 138****8000") for line in lines)
    assert all("13800138000" not in line for line in lines)
    assert audit_words.target_text(entry["target"], entry["action"]).startswith("专家 ")
    assert full["id_number"] not in audit_words.target_text(entry["target"]) + audit_words.raw_text(entry)
    assert "13800138000" not in audit_words.raw_text(entry)


def test_long_lists_are_counted_and_settings_are_named(demo_workspace):
    info = rounds.list_rounds(demo_workspace, signed(demo_workspace))[0]
    entry = _entry(demo_workspace, "panel.add")
    assert "项目：20 个项目" in audit_words.changes(entry)
    created = audit_words.changes(_entry(demo_workspace, "round.create"))
    assert "规则设置 · 企业专家最低比例：三分之一" in created
    assert f"名称：{info.name}" in created
    assert audit_words.value_text("people", [f"p{i}" for i in range(1234)]) == "1,234 位专家"
    experts = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")
    confidential.shown(demo_workspace, signed(demo_workspace, "王秘书"), "list experts", experts)
    reveal = _entry(demo_workspace, "reveal")
    assert audit_words.target_text(reveal["target"], "reveal") == "命令行输出：paneldesk list experts"
    assert f"显示的人数：{len(experts):,}" in audit_words.changes(reveal)
    assert "日志中记名的人员：100 位专家" in audit_words.changes(reveal)


def test_a_deletion_shows_what_was_deleted(demo_workspace):
    made = rounds.create_round(demo_workspace, signed(demo_workspace, "王秘书"), name="待删轮次", review_date=dt.date(2030, 1, 10),
                               method=Method(Form.MEETING, Scoring.SCORE100))
    rounds.delete_round(demo_workspace, signed(demo_workspace, "王秘书"), made.id)
    lines = audit_words.changes(_entry(demo_workspace, "round.delete"))
    assert lines[0] == "删除前：" and "名称：待删轮次" in lines and "评审日期：2030-01-10" in lines


def test_the_page_shows_words_and_the_raw_entry_on_demand(qtbot, settings, demo_workspace):
    catalogue.edit_expert(demo_workspace, signed(demo_workspace, "王秘书"), catalogue.listing(demo_workspace, signed(demo_workspace), "experts")[0]["id_number"],
                          title="首席专家")
    ctx = Context(InlineRunner(), settings)
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    ctx.set_workspace(demo_workspace, signed(demo_workspace, "审计员"))
    page.show()
    actions = [page.table.item(row, 2).text() for row in range(page.table.rowCount())]
    assert actions[0] == "修改专家记录" and "导入数据" in actions
    assert all("." not in text for text in actions)  # no action codes
    assert "→ 首席专家" in page.table.item(0, 4).text()
    assert "{" not in page.detail.toPlainText() and "→ 首席专家" in page.detail.toPlainText()
    page.raw.click()
    raw = json.loads(page.detail.toPlainText())
    assert raw["action"] == "expert.edit" and raw["after"]["title"] == "首席专家" and len(raw["hash"]) == 64
    page.raw.click()
    assert "→ 首席专家" in page.detail.toPlainText()


def test_in_english_the_page_speaks_english(qtbot, english, demo_workspace):
    catalogue.edit_expert(demo_workspace, signed(demo_workspace, "王秘书"), catalogue.listing(demo_workspace, signed(demo_workspace), "experts")[0]["id_number"],
                          status="inactive")
    ctx = Context(InlineRunner(), english)
    page = AuditPage(ctx)
    qtbot.addWidget(page)
    ctx.set_workspace(demo_workspace, signed(demo_workspace, "审计员"))
    page.show()
    assert page.table.item(0, 2).text() == "Correct expert record"
    assert page.table.item(0, 4).text() == "Status: Active → Inactive"
    created = next(page.table.item(r, 4).text() for r in range(page.table.rowCount())
                   if page.table.item(r, 2).text() == "New review round")
    assert "Name: " in created and "：" not in created


def test_no_field_of_the_audit_words_is_given_twice():
    """A key written twice in one table of words silently keeps the last: 'members' was shown as 评审专家 in the
    archive export's entry, where it counts the archive's files."""
    tree = ast.parse(Path(audit_words.__file__).read_text(encoding="utf-8"))
    for table in (node for node in ast.walk(tree) if isinstance(node, ast.Dict)):
        keys = [ast.literal_eval(key) for key in table.keys if key is not None]
        assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})
