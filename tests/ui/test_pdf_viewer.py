"""Documents open in the window's own viewer where the machine has no PDF application — asked of the handler
tables first, since xdg-open "succeeds" with no handler — and from the letters step whenever the user asks."""

from __future__ import annotations

import os
import stat

import pytest
from PySide6.QtGui import QDesktopServices, QPageSize, QPainter, QPdfWriter
from PySide6.QtPdf import QPdfDocument

from desktop.ui import pdf_viewer
from tests.ui.test_round_letters import _drawn_letters_step


@pytest.fixture
def pdf(tmp_path):
    path = tmp_path / "承诺书.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(100, 100, "PanelDesk")
    painter.end()
    return path


@pytest.fixture
def opened(monkeypatch):
    """What was handed to the system to open; it always says yes, as xdg-open does."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


def test_with_no_pdf_application_the_document_opens_in_the_window(qtbot, pdf, opened, monkeypatch):
    monkeypatch.setattr(pdf_viewer, "system_pdf_viewer", lambda: False)
    viewer = pdf_viewer.open_document(pdf)
    qtbot.addWidget(viewer)
    assert not opened and viewer.isVisible()
    assert viewer.document.status() == QPdfDocument.Status.Ready and viewer.document.pageCount() == 1


def test_with_a_pdf_application_the_system_opens_it(pdf, opened, monkeypatch):
    monkeypatch.setattr(pdf_viewer, "system_pdf_viewer", lambda: True)
    assert pdf_viewer.open_document(pdf) is None
    assert [url.toLocalFile() for url in opened] == [str(pdf)]


def _xdg_mime(folder, answer: str) -> None:
    script = folder / "xdg-mime"
    script.write_text(f"#!/bin/sh\nprintf '{answer}'\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.mark.skipif(os.name == "nt", reason="the Linux handler table")
@pytest.mark.parametrize("answer, has", [("org.gnome.Evince.desktop\\n", True), ("", False), (None, False)])
def test_the_handler_table_is_asked(tmp_path, monkeypatch, answer, has):
    if answer is not None:
        _xdg_mime(tmp_path, answer)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf_viewer.sys, "platform", "linux")
    pdf_viewer.system_pdf_viewer.cache_clear()
    try:
        assert pdf_viewer.system_pdf_viewer() is has
    finally:
        pdf_viewer.system_pdf_viewer.cache_clear()


def test_the_letters_step_offers_the_window_viewer_always(window, demo_workspace, qtbot, opened, monkeypatch):
    monkeypatch.setattr(pdf_viewer, "system_pdf_viewer", lambda: True)
    step, _ = _drawn_letters_step(window, demo_workspace)
    step.kind.setCurrentIndex(step.kind.findData("sign_in_sheet"))
    step.sign.setChecked(False)
    step.generate.click()
    step.letters.item(0).setSelected(True)
    step.view_inside.click()
    viewers = [w for w in step.findChildren(pdf_viewer.PdfViewer) if w.isVisible()]
    assert len(viewers) == 1 and viewers[0].document.pageCount() >= 1 and not opened
