"""The step after the approved results on the real window: an opinion that names its expert is listed with what it
names and corrected through the dialog; conduct is recorded as prefilled or edited; the outcome notices are made and
signed; closing waits for what is missing and then closes the round."""

from __future__ import annotations

import datetime as dt

from pypdf import PdfReader
from PySide6.QtWidgets import QInputDialog

from desktop.services import feedback, publicity, rounds, signing
from desktop.ui.round.conduct_dialog import ConductDialog
from desktop.ui.round.workspace import AFTER
from tests.after_review_setup import approved_round, people
from tests.conftest import signed
from tests.ui.english import english  # noqa: F401 - a fixture
from tests.ui.test_round_scores import _shown


def test_an_opinion_naming_its_expert_is_corrected_and_conduct_recorded_before_closing(window, demo_workspace,
                                                                                        monkeypatch):
    root = demo_workspace
    members, apps = approved_round(root, lambda i, j, who: f"本人（{who[0][1]} {who[0][0]}）认为该项目创新性突出。"
                                   if (i, j) == (0, 0) else f"研究基础较好（意见{i}-{j}）。")
    name, org = people(root, members)[members[0]]
    ws = _shown(window, root)
    ws.buttons.button(AFTER).click()
    step = ws.after
    assert step.opinions.rowCount() == 1
    assert step.opinions.item(0, 2).text() == f"专家姓名“{name}”、工作单位“{org}”"
    assert "公示名单尚未确认" in step.summary.text() and not step.close_round.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("该项目创新性突出。", True))
    step.opinions.selectRow(0)
    step.correct.click()
    assert step.opinions.rowCount() == 0
    assert not [o for o in feedback.opinions(root, signed(root), 1) if o.matches]
    assert step.conduct.rowCount() == len(members)
    assert {step.conduct.item(r, 3).text() for r in range(len(members))} == {"未登记（预填）"}
    step.conduct.selectRow(0)
    step.record.click()
    assert step.conduct.item(0, 1).text() == "按时出席" and step.conduct.item(0, 3).text() == "已登记"
    assert f"还有{len(members) - 1}位专家未登记评审行为" in step.summary.text()


def test_notices_made_signed_conduct_edited_and_the_round_closed_from_the_window(window, demo_workspace, qtbot,
                                                                                tmp_path):
    root = demo_workspace
    members, apps = approved_round(root)
    rounds.edit_round(root, signed(root), 1, issuer="山东省科学技术厅")
    signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
    ws = _shown(window, root)
    ws.buttons.button(AFTER).click()
    step = ws.after
    step.notices.folder.setText(str(tmp_path / "通知书"))
    assert step.notices.sign.isChecked() and step.notices.generate.isEnabled()
    step.notices.generate.click()
    made = sorted((tmp_path / "通知书").glob("*.pdf"))
    assert len(made) == len(apps) and step.notices.files.count() == len(apps), step.notices.status.text()
    assert PdfReader(made[0]).trailer["/Root"]["/AcroForm"]["/Fields"]  # signed
    step.conduct.selectRow(1)
    dialog = ConductDialog(window.ctx, step.info.ref, step.experts[1], step)
    qtbot.addWidget(dialog)
    assert dialog.codes["present"].isChecked() and not dialog.rated.isChecked()
    dialog.codes["unqualified"].setChecked(True)
    dialog.rated.setChecked(True)
    dialog.rating.setValue(55)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.problem.text()
    assert step.conduct.item(1, 1).text() == "按时出席、评审意见不专业" and step.conduct.item(1, 2).text() == "55"
    assert step.conduct.item(1, 3).text() == "已登记"
    for row in range(len(members)):
        if row != 1:
            step.conduct.selectRow(row)
            step.record.click()
    assert "公示名单尚未确认" in step.summary.text() and "专家未登记" not in step.summary.text()
    publicity.start_publicity(root, signed(root), 1, dt.date(2026, 12, 21))
    publicity.make_final(root, signed(root), 1, dt.date(2026, 12, 28))
    step.set_round(step.info)
    assert "均已完成，可以关闭本轮" in step.summary.text() and step.close_round.isEnabled()
    step.close_round.click()
    assert step.info.state == "closed" and step.summary.text() == "本轮已关闭，只能查看。"
    assert not step.notices.generate.isEnabled() and not step.edit.isEnabled()


def test_the_outcome_notices_batch_shows_its_progress_and_stops_on_cancel(window, demo_workspace, tmp_path):
    root = demo_workspace
    members, apps = approved_round(root)
    rounds.edit_round(root, signed(root), 1, issuer="山东省科学技术厅")
    ws = _shown(window, root)
    ws.buttons.button(AFTER).click()
    batch = ws.after.notices
    batch.folder.setText(str(tmp_path / "通知书"))
    batch.sign.setChecked(False)
    seen = []

    def progressed(value: int) -> None:
        if value and not seen:
            seen.append((value, batch.progress.maximum(), batch.cancel.isVisible()))
            batch.cancel.click()

    batch.progress.valueChanged.connect(progressed)
    batch.generate.click()
    made = list((tmp_path / "通知书").glob("*.pdf"))
    assert seen and seen[0][1] == len(apps) and seen[0][2]  # the count of all, with Cancel on screen
    assert batch.status.text().startswith("已取消：完成") and len(made) < len(apps)
    assert not batch.cancel.isVisible() and batch.generate.isEnabled()  # another batch may be started


def test_conduct_and_what_stands_before_closing_are_worded_in_english_when_english_is_chosen(english, window, demo_workspace):
    members, _ = approved_round(demo_workspace, lambda i, j, who: f"研究基础较好（意见{i}-{j}）。")
    ws = _shown(window, demo_workspace)
    ws.buttons.button(AFTER).click()
    step = ws.after
    step.conduct.selectRow(0)
    step.record.click()
    assert step.conduct.item(0, 1).text() == "Present" and step.conduct.item(0, 3).text() == "Recorded"
    assert "the publicity list is not final yet" in step.summary.text()
    assert f"{len(members) - 1} expert(s) without recorded conduct" in step.summary.text()
