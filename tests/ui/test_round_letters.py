"""The letters step of a drawn round: an identity made on the way, signed letters listed with their verification,
and printed through QtPdf onto a real (PDF file) printer."""

import keyring
from keyring.backends import fail
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QInputDialog

from desktop.services import draws
from desktop.services.audit import entries
from desktop.services.rounds import RoundRef
from desktop.store.workspace import open_workspace
from desktop.ui.round.workspace import LETTERS
from tests.ui.conftest import OPERATOR
from tests.conftest import signed


def _answer(step, answers: list[str]) -> QTimer:
    """Answer each input dialog the step opens, in order, as soon as it shows."""
    timer = QTimer(step)

    def look():
        dialog = next((d for d in step.findChildren(QInputDialog) if d.isVisible()), None)
        if dialog is not None:
            dialog.setTextValue(answers.pop(0))
            dialog.accept()
            if not answers:
                timer.stop()
    timer.timeout.connect(look)
    timer.start(20)
    return timer


def _drawn_letters_step(window, demo_workspace):
    record = draws.draw_round(demo_workspace, signed(demo_workspace, OPERATOR), 1, witness_digits="111111", witness=signed(demo_workspace, "李监督"))
    window.show_round(RoundRef(window.ctx.place, 1))
    ws = window.rounds.workspace
    ws.load(RoundRef(window.ctx.place, 1))
    ws.buttons.button(LETTERS).click()
    return ws.letters, [m["name"] for p in record.panels for m in p["members"]]


def test_generate_signed_letters_lists_them_verified_and_prints(window, demo_workspace, tmp_path):
    step, names = _drawn_letters_step(window, demo_workspace)
    assert step.letters.count() == len(names) and step.create.isVisible()
    assert step.folder.text() == str(demo_workspace.resolve() / "out" / "round-1")
    _answer(step, ["省科学技术厅评审办公室"])
    step.generate.click()  # no identity yet: the step offers to create one, then generates

    assert "SHA-256" in step.signer.text() and not step.create.isVisible()
    files = step.files()
    assert len(files) == len(names) and all(f.exists() and f.parent.name == "round-1" for f in files)
    texts = [step.letters.item(i).text() for i in range(step.letters.count())]
    assert all("✔ 签名完整、可信" in text for text in texts)
    assert [name for name in names if not any(name in text for text in texts)] == []
    assert "均已签名并核验通过" in step.status.text()
    actions = [e.action for e in entries(open_workspace(demo_workspace).session())]
    assert actions[:3] == ["documents.letters", "documents.letters.started", "signer.created"]

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    step.print_to(printer, files[:2])
    pages = sum(len(PdfReader(f).pages) for f in files[:2])
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages and f"共 {pages} 页" in step.status.text()


def test_without_a_system_keyring_the_operator_password_is_asked(window, demo_workspace, tmp_path, monkeypatch):
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    step, names = _drawn_letters_step(window, demo_workspace)
    _answer(step, ["评审办公室", "操作员口令"])
    step.generate.click()
    assert (tmp_path / "config" / "PanelDesk" / "secrets.json").exists()
    assert len(step.files()) == len(names) and "均已签名并核验通过" in step.status.text()

    _answer(step, ["错误口令"])
    step.generate.click()
    assert "口令不正确" in step.status.text()


def test_sign_in_sheets_are_made_from_the_same_step(window, demo_workspace):
    step, _ = _drawn_letters_step(window, demo_workspace)
    record = draws.latest_draw(demo_workspace, signed(demo_workspace), 1)
    step.kind.setCurrentIndex(step.kind.findData("sign_in_sheet"))
    step.sign.setChecked(False)
    step.generate.click()
    files = step.files()
    assert len(files) == len(record.panels) and all(f.name.startswith("签到表_") for f in files)
    assert [p["name"] for p in record.panels] == [f.stem.removeprefix("签到表_") for f in files]
    assert f"已生成 {len(files)} 份" in step.status.text()
    actions = [e.action for e in entries(open_workspace(demo_workspace).session())]
    assert actions[0] == "documents.sign_in_sheet"


def test_documents_on_disk_are_listed_after_a_restart_and_open_in_the_window(window, demo_workspace, qtbot,
                                                                             settings, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtPdf import QPdfDocument

    from desktop.ui.context import Context
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import InlineRunner
    step, _ = _drawn_letters_step(window, demo_workspace)
    step.kind.setCurrentIndex(step.kind.findData("sign_in_sheet"))
    step.sign.setChecked(False)
    step.generate.click()
    made = step.files()

    again = MainWindow(Context(InlineRunner(), settings, signed))  # the program started anew on the same workspace
    qtbot.addWidget(again)
    again.show()
    again.open_workspace(demo_workspace)
    again.show_round(RoundRef(again.ctx.place, 1))
    fresh = again.rounds.workspace.letters
    again.rounds.workspace.buttons.button(LETTERS).click()
    assert "待生成" in fresh.letters.item(0).text()  # letters: none made yet
    fresh.kind.setCurrentIndex(fresh.kind.findData("sign_in_sheet"))
    assert fresh.files() == made and all("已生成" in fresh.letters.item(i).text() for i in range(len(made)))

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))  # no PDF viewer installed
    viewer = fresh.open_item(fresh.letters.item(0))
    qtbot.addWidget(viewer)
    assert viewer.isVisible() and viewer.document.status() == QPdfDocument.Status.Ready
    assert viewer.document.pageCount() >= 1


def test_closing_during_work_asks_first(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    asked = []
    monkeypatch.setattr(window.ctx.runner, "busy", lambda: True, raising=False)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *args, **kwargs: asked.append(args) or QMessageBox.StandardButton.No))
    window.close()
    assert asked and window.isVisible()
