"""Generated malformed files (hypothesis): whatever bytes, hostile characters, broken quotes, cut workbooks or bad
identifiers a file holds, the import refuses it with a UserError and no table's content changes.

The examples each test draws are counted in ``max_examples``; a failing one is kept by hypothesis and replayed.
"""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from desktop.domain.errors import UserError
from desktop.domain.ids import canonical, id_number_problem
from desktop.services.importing.run import import_files
from desktop.store.workspace import close_workspace, open_workspace
from tests.spreadsheets import HEADERS, credit_code, id_number, table_contents, workbook
from tests.conftest import signed

HOSTILE = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B,
                            *range(0x202A, 0x202F), *range(0x2066, 0x206A))]
UNI = credit_code(2, "12")
ROWS = [[f"专家{i}", id_number(100 + i), "", "", "教授", "山东理工大学", UNI, "52020", ""] for i in range(5)]
EXAMPLES = {"bytes": 85, "hostile": 60, "quote": 40, "cut_xlsx": 25, "bad_id": 60}


def lenient(kind: str) -> settings:
    """No deadline (a workbook is read in a process of its own); one workspace and folder serve every example."""
    return settings(max_examples=EXAMPLES[kind], deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def shared(seeded_template, tmp_path_factory):
    root = tmp_path_factory.mktemp("generated") / "ws"
    shutil.copytree(seeded_template, root)
    workspace = open_workspace(root)
    yield workspace, table_contents(workspace)
    close_workspace(root)


def _refused(shared, path) -> str:
    workspace, before = shared
    with pytest.raises(UserError) as refused:
        import_files(workspace, [path], signed(workspace, "tester"))
    assert table_contents(workspace) == before
    return " ".join(str(p) for p in getattr(refused.value, "problems", ())) or str(refused.value)


def _csv_text(rows) -> str:
    return "\n".join(",".join(row) for row in [HEADERS["专家"], *rows]) + "\n"


@lenient("bytes")
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from([".csv", ".xlsx"]))
def test_any_bytes_as_a_csv_or_a_workbook_are_refused(shared, tmp_path, data, suffix):
    path = tmp_path / f"专家{suffix}"
    path.write_bytes(data)
    _refused(shared, path)


@lenient("hostile")
@given(row=st.integers(0, len(ROWS) - 1), column=st.sampled_from([0, 4, 5]), at=st.integers(0, 3),
       char=st.sampled_from(HOSTILE))
def test_a_control_or_bidi_character_anywhere_in_a_cell_is_refused_by_place(shared, tmp_path, row, column, at, char):
    rows = [list(r) for r in ROWS]
    cell = rows[row][column]
    rows[row][column] = cell[:at] + char + cell[at:]
    path = tmp_path / "专家.csv"
    path.write_text(_csv_text(rows), encoding="utf-8")
    said = _refused(shared, path)
    assert f"U+{ord(char):04X}" in said and f"第{row + 2}行" in said


@lenient("quote")
@given(row=st.integers(0, len(ROWS) - 1), column=st.integers(0, 8), closed=st.booleans())
def test_a_stray_quote_is_refused_instead_of_swallowing_rows(shared, tmp_path, row, column, closed):
    rows = [list(r) for r in ROWS]
    rows[row][column] = '"' + rows[row][column] + ('"x' if closed else "")
    path = tmp_path / "专家.csv"
    path.write_text(_csv_text(rows), encoding="utf-8")
    said = _refused(shared, path)
    assert "引号" in said and f"第{row + 2}行" in said


@pytest.fixture(scope="module")
def good_workbook(tmp_path_factory):
    return workbook(tmp_path_factory.mktemp("book") / "专家.xlsx", {"专家": ROWS}).read_bytes()


@lenient("cut_xlsx")
@given(cut=st.floats(0.0, 1.0, exclude_max=True))
def test_a_workbook_cut_before_its_end_record_is_refused(shared, good_workbook, tmp_path, cut):
    path = tmp_path / "专家.xlsx"
    path.write_bytes(good_workbook[: int((len(good_workbook) - 22) * cut)])  # the zip's last 22 bytes end it
    _refused(shared, path)


@lenient("bad_id")
@given(text=st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30))
def test_a_cell_that_is_not_an_id_number_is_refused(shared, tmp_path, text):
    assume(id_number_problem(canonical(text)) is not None)
    rows = [list(r) for r in ROWS]
    rows[0][1] = '"' + text.replace('"', '""') + '"'
    path = tmp_path / "专家.csv"
    path.write_text(_csv_text(rows), encoding="utf-8")
    _refused(shared, path)
