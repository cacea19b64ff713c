"""The 归档与备份 page on the real window: a round exported, its archive dropped in and verified, imported; a backup
made and restored; and the backup offered when the window closes, once a day."""

import datetime as dt
import sqlite3
import zipfile

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.services import draws, signing
from desktop.services.documents import generate_letters, letters_folder
from desktop.services.rounds import RoundRef
from desktop.ui.backup_offer import BackupOffer
from desktop.ui.context import ROUNDS
from desktop.ui.main_window import ARCHIVE
from desktop.ui.round.workspace import LETTERS
from tests.conftest import signed


def _drawn(window):
    root = window.ctx.place
    draws.draw_round(root, window.ctx.actor, 1, witness=signed(root, "李监督"), witness_digits="482913")
    identity, _ = signing.create_identity(root, window.ctx.actor, "省科学技术厅评审办公室")
    return identity.fingerprint


def test_export_then_drop_the_archive_in_to_verify_and_import_it(window, tmp_path):
    fingerprint = _drawn(window)
    window.nav.setCurrentRow(ARCHIVE)
    page = window.archive_page
    assert page.round_box.count() == 1 and page.round_box.currentData() == 1
    page.export_password.setText("archive-password")
    page.export_again.setText("archive-password")
    out = tmp_path / "usb" / "round-1.zip"
    page.export_to(out)
    assert zipfile.is_zipfile(out) and "已导出" in page.result.toPlainText()

    page.fingerprint.setText(fingerprint)
    page.archive_password.setText("archive-password")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(out))])
    page.dropEvent(QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier))
    assert page.archive == out
    assert page.result.toPlainText().startswith("✔ 归档完整、可信，抽取已重算一致"), page.result.toPlainText()

    page.archive_password.setText("wrong-password")
    page.verify()
    assert page.result.toPlainText().startswith("✘ 归档未通过核验") and "口令不对" in page.result.toPlainText()

    page.archive_password.setText("archive-password")
    page.import_archive()
    assert "已导入为轮次 2（只读）" in page.result.toPlainText() and "新增 0" in page.result.toPlainText()
    assert page.round_box.count() == 2 and not page.progress.isVisible()


def test_a_backup_from_the_page_says_when_it_was_made(window, tmp_path):
    window.nav.setCurrentRow(ARCHIVE)
    page = window.archive_page
    assert page.last_backup.text() == "从未备份"
    page.backup_password.setText("backup-password")
    page.backup_to(tmp_path / "usb")
    today = dt.date.today().isoformat()
    assert page.last_backup.text() == today == window.ctx.settings.last_backup
    assert (tmp_path / "usb" / "paneldesk-backup.json").exists() and "已备份到" in page.result.toPlainText()


def test_closing_offers_a_backup_once_a_day(window, tmp_path):
    window.ctx.settings.last_backup = "2026-01-05"
    window.close()
    offer = window.findChild(BackupOffer)
    assert window.isVisible() and offer is not None and offer.isVisible() and "2026-01-05" in offer.note.text()
    offer.folder.setText(str(tmp_path / "usb"))
    offer.password.setText("backup-password")
    offer.backup_button.click()
    assert not window.isVisible() and window.ctx.settings.last_backup == dt.date.today().isoformat()
    assert (tmp_path / "usb" / "snapshots").is_dir()


def test_no_offer_once_backed_up_today_and_staying_offers_again(window):
    window.close()
    offer = window.findChild(BackupOffer)
    offer.stay_button.click()
    assert window.isVisible()
    window.ctx.settings.last_backup = dt.date.today().isoformat()
    window.close()
    assert not window.isVisible()


def _backed_up_then_drawn(window, usb):
    """The archive page after a backup to ``usb`` and then round 1 drawn: (page, round 1's label before the draw,
    the signer's fingerprint)."""
    root = window.ctx.place
    fingerprint = signing.create_identity(root, window.ctx.actor, "省科学技术厅评审办公室")[0].fingerprint
    window.nav.setCurrentRow(ARCHIVE)
    page = window.archive_page
    page.backup_password.setText("backup-password")
    page.backup_to(usb)
    undrawn = page.round_box.itemText(0)
    draws.draw_round(root, window.ctx.actor, 1, witness=signed(root, "李监督"), witness_digits="482913")
    window.ctx.touched(ROUNDS)
    return page, undrawn, fingerprint


def test_a_backup_restored_from_the_page_replaces_the_workspace_and_the_window_reopens_it(window, tmp_path):
    """Backed up, then round 1 drawn; restored through the dialog (the signer's fingerprint shown and confirmed,
    the replacement confirmed): the window signs in again and shows round 1 undrawn, and the drawn workspace is kept
    beside it, renamed."""
    root = window.ctx.place
    page, undrawn, fingerprint = _backed_up_then_drawn(window, tmp_path / "usb")
    assert page.round_box.itemText(0) != undrawn

    assert page.restore_button.isVisibleTo(page)  # the secretary backs up, and may restore
    dialog = page.ask_restore(tmp_path / "usb")
    dialog.open()
    dialog.password.setText("wrong-password")
    dialog.read_button.click()
    assert "口令不对" in dialog.problem.text()
    dialog.password.setText("backup-password")
    dialog.read_button.click()
    assert fingerprint in dialog.about.text() and "省科学技术厅评审办公室" in dialog.about.text()
    assert str(root) in dialog.warning.text() and "不会被删除" in dialog.warning.text()
    dialog.restore_button.click()
    assert "核对" in dialog.problem.text() and dialog.isVisible()
    dialog.fingerprint_checked.setChecked(True)
    dialog.restore_button.click()
    assert "将被替换" in dialog.problem.text() and dialog.isVisible()
    dialog.replace_confirmed.setChecked(True)
    dialog.restore_button.click()

    assert not dialog.isVisible() and window.ctx.actor is not None and window.ctx.place == root
    assert page.round_box.itemText(0) == undrawn
    assert "已从备份" in page.result.toPlainText() and fingerprint in page.result.toPlainText()
    [kept] = root.parent.glob(f"{root.name}.before-restore-*")
    assert str(kept) in page.result.toPlainText()
    with sqlite3.connect(kept / "paneldesk.db") as db:
        assert db.execute("SELECT count(*) FROM draw").fetchone()[0] == 1
    with sqlite3.connect(root / "paneldesk.db") as db:
        assert db.execute("SELECT count(*) FROM draw").fetchone()[0] == 0


def test_an_earlier_backup_can_be_chosen_and_restored(window, tmp_path):
    """Backed up before and after the draw: the dialog lists both, newest first, and restores the one chosen."""
    root = window.ctx.place
    page, undrawn, _ = _backed_up_then_drawn(window, tmp_path / "usb")
    page.backup_to(tmp_path / "usb")
    dialog = page.ask_restore(tmp_path / "usb")
    dialog.open()
    dialog.password.setText("backup-password")
    dialog.read_button.click()
    assert dialog.snapshot.count() == 2 and dialog.snapshot.isEnabled() and "最近一次" in dialog.snapshot.itemText(0)
    earlier = dialog.snapshot.itemData(1)
    dialog.snapshot.setCurrentIndex(1)
    dialog.snapshot.activated.emit(1)
    assert dialog.described["snapshot"] == earlier and f"备份 {earlier}" in dialog.about.text()
    dialog.fingerprint_checked.setChecked(True)
    dialog.replace_confirmed.setChecked(True)
    dialog.restore_button.click()
    assert not dialog.isVisible() and page.round_box.itemText(0) == undrawn
    with sqlite3.connect(root / "paneldesk.db") as db:
        assert db.execute("SELECT count(*) FROM draw").fetchone()[0] == 0


def test_an_imported_round_lists_its_letters_as_generated(window, tmp_path):
    """Signed letters made, the round exported and imported through the page (as round 2): its letters step lists
    the letters the archive brought, each as generated, from out/round-2."""
    fingerprint = _drawn(window)
    root = window.ctx.place
    made = generate_letters(root, window.ctx.actor, 1, letters_folder(root, 1), sign=True)
    window.nav.setCurrentRow(ARCHIVE)
    page = window.archive_page
    page.export_password.setText("archive-password")
    page.export_again.setText("archive-password")
    page.export_to(tmp_path / "round-1.zip")
    page.set_archive(tmp_path / "round-1.zip")
    page.fingerprint.setText(fingerprint)
    page.archive_password.setText("archive-password")
    page.import_archive()
    assert f"生成的文书 {len(made)} 份已写入 {root / 'out' / 'round-2'}" in page.result.toPlainText()

    window.show_round(RoundRef(root, 2))
    ws = window.rounds.workspace
    ws.load(RoundRef(root, 2))
    ws.buttons.button(LETTERS).click()
    step = ws.letters
    texts = [step.letters.item(i).text() for i in range(step.letters.count())]
    assert len(texts) == len(made) and all(text.endswith("已生成") for text in texts)
    assert sorted(p.name for p in step.files()) == sorted(m.path.name for m in made)
    assert {p.parent for p in step.files()} == {root / "out" / "round-2"}
