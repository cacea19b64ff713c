"""Corrections in the window (CORRECTIONS): a draft round renamed, re-dated or deleted, a new round that starts
from the defaults, panels picked by field code, corrected and removed until the draw."""

import datetime as dt

from PySide6.QtCore import QDate, Qt

from desktop.services import catalogue, draws, rounds
from desktop.services.method_choices import Method
from desktop.ui.main_window import ROUNDS
from desktop.ui.round.panels import offered
from desktop.ui.round.workspace import METHOD, PANELS
from tests.ui.conftest import OPERATOR
from tests.conftest import signed


def _round_page(window):
    window.nav.setCurrentRow(ROUNDS)
    return window.rounds, window.rounds.workspace


def test_a_draft_is_renamed_and_redated_and_a_new_round_starts_from_defaults(window, demo_workspace):
    page, ws = _round_page(window)
    page.new_round()
    ws.method.name.setText("初稿轮次")
    ws.method.save.click()
    assert ws.info.name == "初稿轮次" and ws.method.name.isEnabled() and ws.method.delete.isVisible()
    ws.method.name.setText("复审轮次")
    later = dt.date.today() + dt.timedelta(days=60)
    ws.method.date.setDate(QDate(later.year, later.month, later.day))
    ws.method.save.click()
    assert (ws.info.name, ws.info.review_date) == ("复审轮次", later.isoformat())
    assert "复审轮次" in [r.name for r in rounds.list_rounds(demo_workspace, signed(demo_workspace))]

    page.new_round()
    assert ws.method.name.text() == "" and ws.method.programme.text() == ""  # not the previous round's
    assert ws.method.date.date() == QDate.currentDate().addDays(30)


def test_a_draft_is_deleted(window, demo_workspace):
    page, ws = _round_page(window)
    page.new_round()
    ws.method.name.setText("误建轮次")
    ws.method.save.click()
    ws.method.delete_now()
    assert "误建轮次" not in [r.name for r in rounds.list_rounds(demo_workspace, signed(demo_workspace))]
    assert ws.info is None or ws.info.name != "误建轮次"
    assert all("误建轮次" not in page.list.item(i).text() for i in range(page.list.count()))


def test_applications_are_picked_by_field_code_not_by_a_piece_of_the_number():
    assert offered("110", "1105010", "材料", "2026KJ0001")
    assert not offered("110", "5201010", "材料", "2026KJ0110")
    assert offered("2026KJ0110", "5201010", "材料", "2026KJ0110")  # the whole number finds it
    assert offered("材料", "5201010", "新材料研究", "2026KJ0002")


def test_panels_are_corrected_and_removed_until_the_draw(window, demo_workspace):
    page, ws = _round_page(window)
    draft = rounds.create_round(demo_workspace, signed(demo_workspace, OPERATOR), name="组测试", review_date=dt.date.today(),
                                method=Method("会议评审", "百分制"))
    apps = catalogue.listing(demo_workspace, signed(demo_workspace), "applications")
    field = apps[0]["field_code"][:3]
    window.show_round(draft.ref)
    ws.buttons.button(PANELS).click()
    step = ws.panels
    step.filter.setText(field)
    visible = [step.applications.item(i) for i in range(step.applications.count())
               if not step.applications.item(i).isHidden()]
    assert visible and all(item.data(Qt.ItemDataRole.UserRole + 1).startswith(field) for item in visible)
    step.name.setText("甲组")
    step._choose_visible()
    step.add.click()
    assert [p["name"] for p in ws.info.panels] == ["甲组"]

    step.panels.setCurrentCell(0, 0)
    assert step.name.text() == "甲组" and step.save.isVisible() and len(step.chosen()) == len(visible)
    step.name.setText("乙组")
    step.size.setValue(9)
    step.applications.item(0).setCheckState(Qt.CheckState.Unchecked)
    step.save.click()
    panel = ws.info.panels[0]
    assert (panel["name"], panel["size"], len(panel["applications"])) == ("乙组", 9, len(visible) - 1)

    step.panels.setCurrentCell(0, 0)
    step.remove_now()
    assert ws.info.panels == []


def test_after_the_draw_panels_are_shown_but_not_editable(window, demo_workspace):
    draws.draw_round(demo_workspace, signed(demo_workspace, OPERATOR), 1, witness_digits="111111", witness=signed(demo_workspace, "李监督"))
    page, ws = _round_page(window)
    info = rounds.show_round(demo_workspace, signed(demo_workspace), 1)
    window.show_round(info.ref)
    ws.load(info.ref)
    ws.buttons.button(PANELS).click()
    ws.panels.panels.setCurrentCell(0, 0)
    assert not ws.panels.save.isEnabled() and not ws.panels.remove.isEnabled()
    assert "不能再修改" in ws.panels.note.text()
    ws.buttons.button(METHOD).click()
    assert not ws.method.delete.isVisible()


def test_an_experts_and_an_organisations_record_are_corrected_in_the_window(window, demo_workspace):
    from desktop.ui.main_window import EXPERTS, ORGANISATIONS
    window.nav.setCurrentRow(EXPERTS)
    page = window.experts
    page.table.selectRow(0)
    key = page.detail.key
    dialog = page.edit_selected()
    assert dialog.email.text() == page.detail.record["email"] and dialog.mobile.text() == ""
    dialog.title.setText("正高级工程师")
    dialog.status.setCurrentIndex(dialog.status.findData("inactive"))
    assert dialog.changes() == {"title": "正高级工程师", "status": "inactive"}  # nothing else is rewritten
    dialog.save()
    record = catalogue.detail(demo_workspace, signed(demo_workspace), "experts", key)
    assert (record["title"], record["status"]) == ("正高级工程师", "inactive")

    window.nav.setCurrentRow(ORGANISATIONS)
    organisations = window.stack.currentWidget()
    organisations.table.selectRow(0)
    dialog = organisations.edit_selected()
    dialog.name.setText("改正后的单位名称")
    dialog.save()
    assert "改正后的单位名称" in [o["name"] for o in catalogue.listing(demo_workspace, signed(demo_workspace), "organisations")]
