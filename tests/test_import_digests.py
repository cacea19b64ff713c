"""The tamper digests of an import, however they are computed: a large write is hashed by a helper process as its
rows are read back (desktop.store.row_hashes), a small one into a large table by the per-row triggers, and either
way `audit verify` finds the workspace intact and names a row changed afterwards with sqlite3."""

import sqlite3
from itertools import combinations

from desktop.services.audit_log import verify_log
from desktop.services.importing.run import import_files
from desktop.store import row_hashes
from desktop.store.workspace import close_workspace
from tests.conftest import signed
from tests.spreadsheets import credit_code, csv_file, id_number

EXPERTS = 230  # 26,335 pairs: more relations than one chunk, so the import's passes go to the helper


def _pool(tmp_path):
    uni = credit_code(2, "12")
    return [
        csv_file(tmp_path / "单位.csv", "单位", [["山东理工大学", uni, "高校"]]),
        csv_file(tmp_path / "学科.csv", "学科", [["520", "计算机科学技术", None]]),
        csv_file(tmp_path / "专家.csv", "专家", [[f"专家{i}", id_number(i), None, None, "教授", "山东理工大学", uni, "520",
                                               None] for i in range(1, EXPERTS + 1)]),
    ]


def _relations(path, note):
    return csv_file(path, "人员关系", [[id_number(a), id_number(b), "合作", 2019, None, note]
                                    for a, b in combinations(range(1, EXPERTS + 1), 2)])


def _data_problems(workspace):
    return [p for p in verify_log(workspace, signed(workspace)).problems if p["table"] != "audit_checkpoint"]


def test_large_and_small_imports_leave_digests_that_verify_and_name_a_changed_row(workspace, tmp_path, caplog):
    assert EXPERTS * (EXPERTS - 1) // 2 > row_hashes.HELPER_FROM
    pool = _pool(tmp_path)
    import_files(workspace, [*pool, _relations(tmp_path / "关系.csv", "共同承担课题")], signed(workspace, "tester"))
    # the same pairs again with another note: every relation is taken out of its group's digest and put back
    again = import_files(workspace, [*pool, _relations(tmp_path / "关系2.csv", "合作发表论文")], signed(workspace, "tester"))
    assert again.counts["人员关系"] == {"行数": EXPERTS * (EXPERTS - 1) // 2}
    one = csv_file(tmp_path / "师生.csv", "人员关系", [[id_number(1), id_number(2), "师生", 1995, 1999, "导师"]])
    import_files(workspace, [one], signed(workspace, "tester"))  # one row into 26,335: through the triggers
    assert _data_problems(workspace) == []
    assert not [r for r in caplog.records if r.name == "desktop.store.digests"]  # no pass fell back to this process

    close_workspace(workspace.root)
    with sqlite3.connect(workspace.root / "paneldesk.db") as db:
        (rowid,) = db.execute("SELECT id FROM relation WHERE note = '合作发表论文' ORDER BY id LIMIT 1 OFFSET 20000"
                              ).fetchone()
        db.execute("UPDATE relation SET to_year = 2020 WHERE id = ?", (rowid,))
    db.close()
    [problem] = _data_problems(workspace)
    assert problem["table"] == "relation"
    assert [(r["key"], r["change"]) for r in problem["changed_rows"]] == [(f"id={rowid}", "changed")]


def test_a_pass_hashed_by_the_helper_adds_up_as_row_by_row():
    """Rows taken out (−1) and put back (+1) across several chunks: the same sums, counts and row lists, the later
    row winning its rowid, as the triggers' one row at a time."""
    rows = [(f"id {i >> 8 << 8}", f"{i},'关系{i % 7}',NULL", i) for i in range(1, 2 * row_hashes.HELPER_FROM + 500)]
    chunks = [rows[i:i + row_hashes.HELPER_FROM] for i in range(0, len(rows), row_hashes.HELPER_FROM)]
    by_row, by_helper = row_hashes.Accumulator(), row_hashes.Accumulator()
    for sign in (-1, 1):
        for group, values, rowid in rows:
            by_row.add("relation", sign, group, values, rowid)
        row_hashes.add_pass(by_helper, "relation", sign, iter(chunks))
    assert by_helper.take() == by_row.take()
