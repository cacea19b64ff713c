"""The pool on the real window: masked numbers, search by pinyin and initials, the audited reveal."""

from desktop.services import audit_log, catalogue
from desktop.ui.main_window import EXPERTS
from desktop.ui.rows_model import ROW_ROLE
from desktop.ui.search_keys import pinyin_forms
from tests.conftest import signed


def _experts_page(window):
    window.nav.setCurrentRow(EXPERTS)
    return window.experts


def test_experts_are_listed_with_numbers_masked(window, demo_workspace):
    page = _experts_page(window)
    total = len(catalogue.listing(demo_workspace, signed(demo_workspace), "experts"))
    assert page.model.total == total and page.model.rowCount() == min(total, 1000)
    shown = page.model.index(0, 1).data()
    assert "********" in shown and len(shown) == 18


def test_search_by_full_pinyin_and_by_initials(window, demo_workspace, qtbot):
    page = _experts_page(window)
    someone = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")[7]
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
    last = audit_log.recent(demo_workspace, signed(demo_workspace, "审计员"), 1)[-1]
    assert last["action"] == "reveal" and row["id_number"] in last["target"]


def _found(page):
    return {page.model.row_at(r)["id_number"] for r in range(page.model.rowCount())}


def test_search_finds_the_visible_part_or_the_whole_number_never_hidden_digits(window, demo_workspace):
    """CONFIDENTIAL: with search over the hidden digits, a masked ID number could be read back a digit at a time."""
    page = _experts_page(window)
    someone = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")[3]
    whole, mobile = someone["id_number"], someone["mobile"]
    page.search.setText(whole)
    assert _found(page) == {whole}
    page.search.setText(whole[-4:])
    assert whole in _found(page)
    for hidden in (whole[6:14], whole[8:12], whole[:10], whole[:17]):
        page.search.setText(hidden)
        assert whole not in _found(page), hidden
    if mobile:
        page.search.setText(mobile)
        assert whole in _found(page)
        page.search.setText(mobile[3:7])
        assert whole not in _found(page)


def test_one_click_on_reveal_writes_one_audit_entry(window, demo_workspace):
    page = _experts_page(window)
    page.table.selectRow(0)
    before = len(audit_log.recent(demo_workspace, signed(demo_workspace, "审计员"), 10_000))
    page.detail.reveal_button.click()
    entries = audit_log.recent(demo_workspace, signed(demo_workspace, "审计员"), 10_000)
    assert len(entries) == before + 1
    assert "身份证号" in entries[0]["after"] and "手机号" in entries[0]["after"]


def test_an_experts_detail_shows_the_conduct_and_ratings_of_the_rounds_served(window, demo_workspace):
    from desktop.services import conduct
    from tests.after_review_setup import approved_round
    members, _ = approved_round(demo_workspace)
    conduct.record_conduct(demo_workspace, signed(demo_workspace), 1, members[0], ["present", "unqualified"], 55)
    page = _experts_page(window)
    page.detail.show_key(members[0])
    text = page.detail.browser.toPlainText()
    assert "评审行为与评价" in text and "按时出席、评审意见不专业" in text and "55" in text
    assert "需复核其专家库资格" not in text  # one low rating; the flag needs two within the period


def test_the_pool_searched_and_filtered_with_keys_built_beside_the_window(qtbot, qapp, settings, demo_workspace):
    """The real threaded runner: the keys and the enterprise column come from the side process, matched to the rows
    the window shows."""
    from desktop.ui.context import Context
    from desktop.ui.main_window import MainWindow
    from desktop.ui.tasks import Runner
    window = MainWindow(Context(Runner(), settings, signed))
    qtbot.addWidget(window)
    window.show()
    window.open_workspace(demo_workspace)
    page = _experts_page(window)
    try:
        qtbot.waitUntil(lambda: page.model.total > 0 and page.model.searchable, timeout=60000)
        expected = catalogue.listing(demo_workspace, signed(demo_workspace), "experts")
        enterprise = {row["id_number"]: row["enterprise"] for row in expected}
        assert {page.model.row_at(r)["id_number"]: page.model.row_at(r)["enterprise"]
                for r in range(page.model.matching)} == enterprise
        someone = expected[5]
        page.search.setText(pinyin_forms(someone["name"])[0])
        assert someone["name"] in {page.model.row_at(r)["name"] for r in range(page.model.matching)}
        page.search.clear()
        combo = page.filters["enterprise"]
        assert combo.findData("是") > 0 and combo.findData("否") > 0
    finally:
        window.ctx.runner.close()


def test_keys_follow_the_rows_shown_when_the_two_reads_differ(demo_workspace):
    """Another program may write between the window's read and the side process's: each row keeps its own key."""
    from desktop.ui.listings import EXPERTS, index, read
    from desktop.ui.tasks import InlineRunner
    operator = signed(demo_workspace)
    rows = read(demo_workspace, operator, EXPERTS)
    keys = index(InlineRunner(), demo_workspace, operator, rows, EXPERTS).keys
    shown = read(demo_workspace, operator, EXPERTS)[::-1]
    assert index(InlineRunner(), demo_workspace, operator, shown, EXPERTS).keys == keys[::-1]
    assert [row["enterprise"] for row in shown] == [row["enterprise"] for row in rows[::-1]]
