"""The fuzz corpus: hand-made malformed files, each refused with its own clear reason and not one table changed.

Every file in ``corpus/`` is named for what is wrong with it and listed below with words its refusal must say;
a file added to the folder without an entry fails the test, so the list and the corpus stay one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.errors import UserError
from desktop.services.importing.run import import_files
from tests.spreadsheets import table_contents
from tests.conftest import signed

CORPUS = Path(__file__).parent / "corpus"

REASONS = {
    "arabic_indic_digits_in_id.csv": "U+0663",
    "bell_in_cell.csv": "U+0007",
    "bidi_override_in_workbook.xlsx": "U+202E",
    "big5.csv": "无法确定文件的编码",
    "blank_lines_only.csv": "文件是空的",
    "bom_only.csv": "文件是空的",
    "bom_then_invalid_utf8.csv": "文件标明为 UTF-8 编码",
    "broken_sheet_xml.xlsx": "无法",
    "c1_control_in_cell.csv": "U+0085",
    "cells_span_the_whole_grid.xlsx": "内存上限",
    "corrupt_sheet_data.xlsx": "无法",
    "credit_code_with_letter_o.csv": "非法字符",
    "date_that_does_not_exist.csv": "不存在",
    "date_with_seven_digits.csv": "日期格式应为",
    "dimension_whole_sheet.xlsx": "1,048,576行×16,384列",
    "duplicate_headers.csv": "表头重复",
    "duplicate_headers_by_alias.csv": "表头重复",
    "empty.csv": "文件是空的",
    "empty_workbook.xlsx": "文件是空的",
    "escape_in_cell.csv": "U+001B",
    "escaped_control_in_workbook.xlsx": "U+0007",
    "field_over_csv_limit.csv": "131,072",
    "full_width_id_wrong_check_digit.csv": "校验码不符",
    "gbk_that_is_valid_utf8.csv": "无法确定文件的编码",
    "header_only.csv": "没有可导入的数据行",
    "id_born_in_the_future.csv": "晚于今天",
    "id_in_scientific_notation.csv": "身份证号被表格存成了数字",
    "id_lost_last_digits.csv": "身份证号被表格存成了数字",
    "id_of_zero_width_spaces.csv": "只有空格或不可见字符",
    "id_stored_as_number.xlsx": "身份证号被表格存成了数字",
    "id_wrong_check_digit.csv": "校验码不符",
    "isolate_in_id_number.csv": "U+2066",
    "merged_cells.xlsx": "合并单元格 I2:I3",
    "missing_required_column.xlsx": "缺少必填列「学科代码」",
    "name_compressed_a_thousandfold.xlsx": "压缩比异常",
    "name_over_2000_characters.csv": "最多2,000个字符",
    "newline_in_name.csv": "含换行符",
    "no_workbook_part.xlsx": "文件是空的",
    "not_a_zip.xlsx": "无法作为 Excel 文件读取",
    "note_over_20000_characters.csv": "最多20,000个字符",
    "nul_in_cell.csv": "U+0000",
    "png_renamed.csv": "无法确定文件的编码",
    "right_to_left_override_in_name.csv": "U+202E",
    "spreadsheet.txt": "不支持的文件类型",
    "text_after_closing_quote.csv": "引号使用有误",
    "too_many_parts.xlsx": "个部件",
    "truncated.xlsx": "无法作为 Excel 文件读取",
    "unknown_headers.csv": "无法识别此表",
    "unterminated_quote.csv": "引号未闭合",
    "utf16_with_bom.csv": "无法确定文件的编码",
}


def test_every_file_of_the_corpus_has_its_reason():
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(REASONS)


@pytest.mark.parametrize("name", sorted(REASONS))
def test_a_malformed_file_is_refused_with_its_reason_and_changes_nothing(seeded, name):
    before = table_contents(seeded)
    with pytest.raises(UserError) as refused:
        import_files(seeded, [CORPUS / name], signed(seeded, "tester"))
    said = " ".join(str(p) for p in getattr(refused.value, "problems", ())) or str(refused.value)
    assert REASONS[name] in said
    assert table_contents(seeded) == before


def test_a_folder_named_like_a_spreadsheet_is_refused(seeded, tmp_path):
    folder = tmp_path / "专家.csv"
    folder.mkdir()
    before = table_contents(seeded)
    with pytest.raises(UserError, match="导入未执行") as refused:
        import_files(seeded, [folder], signed(seeded, "tester"))
    assert "文件夹" in str(refused.value.problems[0])
    assert table_contents(seeded) == before
