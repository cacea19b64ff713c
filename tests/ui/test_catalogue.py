"""The pool on the real window: masked numbers, search by pinyin and initials, the audited reveal."""

from desktop.services import audit_log, catalogue
from desktop.ui.main_window import EXPERTS
from desktop.ui.rows_model import ROW_ROLE
from desktop.ui.search_keys import pinyin_forms


def _experts_page(window):
    window.nav.setCurrentRow(EXPERTS)
    return window.experts


def test_experts_are_listed_with_numbers_masked(window, demo_workspace):
    page = _experts_page(window)
    total = len(catalogue.listing(demo_workspace, "experts"))
    assert page.model.total == total and page.model.rowCount() == min(total, 1000)
    shown = page.model.index(0, 1).data()
    assert "********" in shown and len(shown) == 18


def test_search_by_full_pinyin_and_by_initials(window, demo_workspace, qtbot):
    page = _experts_page(window)
    someone = catalogue.listing(demo_workspace, "experts")[7]
    full, initials = pinyin_forms(someone["name"])
    qtbot.keyClicks(page.search, full)
    names = {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    assert someone["name"] in names and page.model.matching < page.model.total
    page.search.clear()
    qtbot.keyClicks(page.search, initials)
    assert someone["name"] in {page.model.index(r, 0).data() for r in range(page.model.rowCount())}
    page.search.setText(someone["id_number"])
    assert page.model.matching == 1


def test_column_filter_narrows_to_enterprise_experts(window):
    page = _experts_page(window)
    combo = page.filters["enterprise"]
    combo.setCurrentIndex(combo.findData("是"))
    rows = [page.model.index(r, 0).data(ROW_ROLE) for r in range(page.model.rowCount())]
    assert rows and all(r["enterprise"] for r in rows)


def test_reveal_shows_the_whole_number_and_is_audited(window, demo_workspace):
    page = _experts_page(window)
    page.table.selectRow(0)
    row = page.model.row_at(0)
    assert row["id_number"] not in page.detail.browser.toPlainText()
    page.detail.reveal_button.click()
    assert row["id_number"] in page.detail.browser.toPlainText()
    last = audit_log.recent(demo_workspace, 1)[-1]
    assert last["action"] == "reveal" and row["id_number"] in last["target"]
