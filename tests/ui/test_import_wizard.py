"""The import wizard on the real window: a file with an error shows every problem and writes nothing; a header
the import does not know is mapped by hand and the file then imports."""

import csv

from PySide6.QtWidgets import QWizard

from desktop.services import catalogue, limits
from desktop.ui.import_wizard import ImportWizard
from tests.spreadsheets import credit_code, id_number, workbook
from tests.conftest import signed


def _run(window, paths):
    wizard = ImportWizard(window.ctx, window)
    wizard.imported.connect(lambda: window.ctx.touched("pool"))
    wizard.show()
    wizard.files.add_paths(paths)
    wizard.next()
    assert wizard.currentPage() is wizard.mapping and wizard.mapping.plans
    return wizard


def test_an_error_is_shown_with_file_row_and_column_and_nothing_is_written(window, demo_workspace, tmp_path):
    before = catalogue.counts(demo_workspace, signed(demo_workspace))
    uni = credit_code(900, "12")
    bad = workbook(tmp_path / "新专家.xlsx", {
        "单位": [["测试大学", uni, "高校"]],
        "专家": [["赵六", id_number(901), None, None, "教授", "测试大学", uni, "52020", None],
                 ["钱七", "370102197001019999", None, None, "教授", "测试大学", uni, "52020", None]],
    })
    wizard = _run(window, [bad])
    wizard.next()
    table = wizard.run.problems
    assert not wizard.run.isComplete() and table.isVisibleTo(wizard) and table.rowCount() >= 1
    row = [table.item(0, c).text() for c in range(6)]
    assert row[0] == "新专家.xlsx" and row[1] == "专家" and row[2] == "3" and row[3] == "身份证号"
    assert "未写入" in wizard.run.status.text()
    assert catalogue.counts(demo_workspace, signed(demo_workspace)) == before


def test_an_unknown_header_is_mapped_by_hand_and_imported(window, demo_workspace, tmp_path):
    path = tmp_path / "单位补充.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["单位全称", "统一社会信用代码", "单位类型"])
        writer.writerow(["映射测试研究院", credit_code(950, "12"), "科研院所"])
    wizard = _run(window, [path])
    page = wizard.mapping
    page.kind.setCurrentIndex(page.kind.findText("单位"))
    page._kind_chosen()
    assert "单位名称" in page.status.text()  # reported missing until mapped
    page._column_chosen(0, "name")
    assert "齐全" in page.status.text()
    wizard.next()
    assert wizard.run.isComplete(), wizard.run.status.text()
    assert any(o["name"] == "映射测试研究院" for o in catalogue.listing(demo_workspace, signed(demo_workspace), "organisations"))
    undecided = limits.round_limits(demo_workspace, signed(demo_workspace), 1)["undecided"]
    assert f"限项与资格名单（2026年度省重点研发计划项目会议评审（示例））：列出 {undecided} 项，{undecided} 项待决定" \
        in wizard.run.status.text()  # the demo's lobbied applications, one flag each
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_the_wizards_own_cancel_asks_then_cancels_the_import_and_nothing_is_written(window, demo_workspace, tmp_path,
                                                                                    monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    from desktop.ui.tasks import Runner
    from tests.spreadsheets import table_contents
    from desktop.store.workspace import open_workspace
    uni = credit_code(960, "12")
    rows = [[f"专家{i}", id_number(i, born=f"19{60 + i // 1000:02d}0101"), None, None, "教授", "取消测试大学", uni, "52020",
             None] for i in range(3000)]
    path = workbook(tmp_path / "多.xlsx", {"单位": [["取消测试大学", uni, "高校"]], "专家": rows})
    before = table_contents(open_workspace(demo_workspace))
    window.ctx.runner = Runner()  # the real threaded runner: the import is still running when 取消 is pressed
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    wizard = ImportWizard(window.ctx, window)
    wizard.show()
    wizard.files.add_paths([path])
    wizard.next()
    window.ctx.runner.wait()
    wizard.next()
    assert wizard.run.running()
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert asked and wizard.isVisible()  # it waits for the import to stop
    window.ctx.runner.wait()
    from PySide6.QtWidgets import QApplication
    for _ in range(20):
        QApplication.processEvents()
    assert not wizard.isVisible() and not wizard.run.running()
    assert table_contents(open_workspace(demo_workspace)) == before


def test_a_sheet_mapped_by_hand_writes_no_copy_of_its_rows(window, demo_workspace, tmp_path):
    path = tmp_path / "单位补充.csv"
    path.write_text("单位全称,统一社会信用代码,单位类型\n映射测试二院,{},科研院所\n".format(credit_code(951, "12")),
                    encoding="utf-8")
    wizard = _run(window, [path])
    page = wizard.mapping
    page.kind.setCurrentIndex(page.kind.findText("单位"))
    page._kind_chosen()
    page._column_chosen(0, "name")
    wizard.next()
    assert wizard.run.isComplete(), wizard.run.status.text()
    written = [p for p in demo_workspace.rglob("*.csv")] + [p for p in tmp_path.rglob("*.csv") if p != path]
    assert written == []
