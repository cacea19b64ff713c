"""Importing real spreadsheets into a real workspace: all or nothing, with every problem named by place."""

import sqlite3

import pytest
from sqlalchemy import text

from desktop.services import catalogue
from desktop.services.importing.run import ImportRejected, import_files
from tests.spreadsheets import credit_code, csv_file, id_number, small_pool, workbook
from tests.conftest import ADMIN, signed


def test_workbook_with_sheets_in_any_order_imports_in_one_go(workspace, tmp_path):
    sheets = dict(reversed(list(small_pool().items())))
    summary = import_files(workspace, [workbook(tmp_path / "pool.xlsx", sheets)], signed(workspace, "tester"))
    assert summary.counts["专家"] == {"新增": 3, "更新": 0}
    experts = {e["name"]: e for e in catalogue.listing(workspace, signed(workspace), "experts")}
    assert experts["李四"]["enterprise"] is True  # defaulted from the enterprise employer
    assert experts["王五"]["enterprise"] is True  # given explicitly although the employer is a university
    assert experts["张三"]["enterprise"] is False
    assert experts["李四"]["fields"] == ["520", "52020"]


def test_reimporting_the_same_file_updates_instead_of_duplicating(workspace, tmp_path):
    path = workbook(tmp_path / "pool.xlsx", small_pool())
    import_files(workspace, [path], signed(workspace, "tester"))
    again = import_files(workspace, [path], signed(workspace, "tester"))
    assert again.counts["专家"] == {"新增": 0, "更新": 3}
    counts = catalogue.counts(workspace, signed(workspace))
    assert (counts["experts"], counts["persons"], counts["organisations"]) == (3, 3, 2)
    assert counts["employment"] == 4  # three current stays and one past stay, not twice as many


def test_one_bad_id_number_among_ten_thousand_rows_imports_nothing(workspace, tmp_path):
    pool = small_pool()
    del pool["任职经历"]
    uni = pool["单位"][1][1]
    pool["专家"] = [[f"专家{i}", id_number(i, born=f"19{60 + i // 1000:02d}0101"), None, None, "教授", "山东理工大学",
                   uni, "52020", None] for i in range(10_000)]
    bad = pool["专家"][6_999][1]
    pool["专家"][6_999][1] = bad[:-1] + ("0" if bad[-1] != "0" else "1")
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "big.xlsx", pool)], signed(workspace, "tester"))
    [problem] = rejected.value.problems
    assert (problem.file, problem.sheet, problem.row, problem.column) == ("big.xlsx", "专家", 7001, "身份证号")
    assert "校验码" in problem.reason
    assert catalogue.counts(workspace, signed(workspace))["experts"] == 0
    assert catalogue.counts(workspace, signed(workspace))["organisations"] == 0


def test_gb18030_csv_as_wps_writes_it(workspace, tmp_path):
    pool = small_pool()
    files = [csv_file(tmp_path / f"{title}.csv", title, rows, encoding="gb18030") for title, rows in pool.items()]
    import_files(workspace, files, signed(workspace, "tester"))
    names = sorted(e["name"] for e in catalogue.listing(workspace, signed(workspace), "experts"))
    assert names == ["张三", "李四", "王五"]


def test_csv_is_recognised_by_its_headers_whatever_its_name(workspace, tmp_path):
    pool = small_pool()
    files = [csv_file(tmp_path / f"file{i}.csv", title, rows) for i, (title, rows) in enumerate(pool.items())]
    import_files(workspace, files, signed(workspace, "tester"))
    assert catalogue.counts(workspace, signed(workspace))["experts"] == 3


def test_reference_to_an_unregistered_organisation_is_named(workspace, tmp_path):
    pool = small_pool()
    stranger = credit_code(99)
    pool["专家"][0][6] = stranger
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    [problem] = rejected.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "工作单位信用代码", stranger)
    assert "单位未登记" in problem.reason


def test_duplicate_rows_and_inconsistent_names_are_reported_with_the_first_place(workspace, tmp_path):
    pool = small_pool()
    pool["专家"].append(list(pool["专家"][0]))
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", pool["单位"][0][1], None]]
    pool["项目成员"] = [["2026KJ0001", "张叁", id_number(1), "负责人", None]]
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    reasons = [(p.sheet, p.row, p.reason) for p in rejected.value.problems]
    assert ("专家", 5, "与「专家」第2行重复") in reasons
    assert any(sheet == "项目成员" and "不一致" in reason for sheet, _, reason in reasons)


def test_a_relation_given_again_in_another_file_with_the_pair_reversed_is_a_duplicate(workspace, tmp_path):
    pool = [workbook(tmp_path / "pool.xlsx", small_pool())]
    first = csv_file(tmp_path / "关系1.csv", "人员关系", [[id_number(1), id_number(2), "合作", 2019, None, None],
                                                      [id_number(1), id_number(3), "合作", 2019, None, None]])
    again = csv_file(tmp_path / "关系2.csv", "人员关系", [[id_number(2), id_number(3), "师生", 2001, 2005, None],
                                                      [id_number(2), id_number(1), "合作", 2020, None, None]])
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [*pool, first, again], signed(workspace, "tester"))
    assert [(p.sheet, p.row, p.reason) for p in rejected.value.problems] == [("关系2", 3, "与「关系1」第2行重复")]


def test_bad_cells_of_every_kind_are_all_reported_at_once(workspace, tmp_path):
    pool = small_pool()
    pool["单位"][0][2] = "公司"
    pool["任职经历"][0][3] = "二〇一五"
    pool["专家"][1][7] = "5202"
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    columns = {(p.sheet, p.column) for p in rejected.value.problems}
    assert {("单位", "单位类型"), ("任职经历", "起始年"), ("专家", "学科代码")} <= columns


def test_applications_with_teams_and_people_shared_with_the_pool(workspace, tmp_path):
    pool = small_pool()
    ent = pool["单位"][0][1]
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", ent, pool["单位"][1][1]]]
    pool["项目成员"] = [["2026KJ0001", "赵六", id_number(10), "负责人", ent], ["2026KJ0001", "张三", id_number(1), "骨干", None]]
    pool["不宜评审专家"] = [["2026KJ0001", id_number(2), "存在学术竞争关系"]]
    pool["人员关系"] = [[id_number(10), id_number(3), "师生", 2001, 2006, "博士导师"]]
    import_files(workspace, [workbook(tmp_path / "all.xlsx", pool)], signed(workspace, "tester"))
    detail = catalogue.detail(workspace, signed(workspace), "applications", "2026KJ0001")
    assert [m["name"] for m in detail["team"]] == ["赵六", "张三"]
    assert detail["leader"] == "赵六"
    assert detail["requested_exclusions"][0]["reason"] == "存在学术竞争关系"
    assert catalogue.counts(workspace, signed(workspace))["persons"] == 4  # 张三 is one person as expert and as team member
    expert = catalogue.detail(workspace, signed(workspace), "experts", id_number(3))
    assert expert["relations"][0]["kind"] == "师生"


def test_workspace_runs_in_wal_mode_with_foreign_keys(workspace):
    with workspace.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_workspace_from_a_newer_version_is_refused(tmp_path):
    from desktop.store.engine import SchemaError
    from desktop.store.workspace import close_workspace, open_workspace
    root = tmp_path / "newer"
    open_workspace(root, create=True)
    close_workspace(root)
    with sqlite3.connect(root / "paneldesk.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(SchemaError, match="更新版本"):
        open_workspace(root)


def test_a_file_that_is_not_a_workbook_is_named_and_nothing_is_written(workspace, tmp_path):
    fake = tmp_path / "专家库.xlsx"
    fake.write_text("这不是表格")
    good = workbook(tmp_path / "pool.xlsx", small_pool())
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [good, fake], signed(workspace, "tester"))
    [problem] = rejected.value.problems
    assert problem.file == "专家库.xlsx" and "无法作为 Excel 文件读取" in problem.reason
    assert catalogue.counts(workspace, signed(workspace))["experts"] == 0


# --- identifiers in one canonical form (RULES.md IDENTIFIERS) ---------------------------------------------------

def test_an_expert_typed_full_width_as_a_team_member_is_one_person_and_gets_self(workspace, tmp_path):
    import datetime as dt
    from desktop.domain.methods import Method
    from desktop.services import conflicts, rounds
    from tests.spreadsheets import full_width
    pool = small_pool()
    ent, uni = pool["单位"][0][1], pool["单位"][1][1]
    expert = id_number(1)
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", full_width(ent), None]]
    pool["项目成员"] = [["2026KJ0001", "赵六", id_number(10), "负责人", ent],
                     ["2026KJ0001", "张三", " " + full_width(expert)[:6] + "\u3000" + full_width(expert)[6:], "骨干",
                      uni.lower()]]
    import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    assert catalogue.counts(workspace, signed(workspace))["persons"] == 4
    info = rounds.create_round(workspace, signed(workspace, "tester"), name="第一轮", review_date=dt.date(2026, 12, 20),
                               method=Method("会议评审", "百分制"), confirm_past_date=True)
    rounds.add_panel(workspace, signed(workspace, "tester"), info.id, name="一组", size=1, applications=["2026KJ0001"])
    grounds = conflicts.round_conflicts(workspace, signed(workspace), info.id).grounds_for("2026KJ0001", expert)
    assert "SELF" in [g.code for g in grounds]


def test_every_identifier_column_is_stored_canonical(workspace, tmp_path):
    from tests.spreadsheets import full_width
    pool = small_pool()
    ent, uni = pool["单位"][0][1], pool["单位"][1][1]
    pool["单位"][0][1] = full_width(ent)
    pool["专家"][0][6] = uni.lower()
    pool["任职经历"][0][0] = full_width(id_number(1))
    pool["人员关系"] = [[full_width(id_number(2)), id_number(3) + "\u200b", "合作", 2024, None, None]]
    pool["诚信记录"] = [["王五", "\u3000" + full_width(id_number(3)), None, None, "抄袭", "警告", None, None, "科技厅",
                      None, "2025-01-01"]]
    import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    assert {o["credit_code"] for o in catalogue.listing(workspace, signed(workspace), "organisations")} == {ent, uni}
    assert catalogue.counts(workspace, signed(workspace))["persons"] == 3
    assert [r["subject_code"] for r in catalogue.listing(workspace, signed(workspace), "integrity")] == [id_number(3)]
    assert catalogue.detail(workspace, signed(workspace), "experts", full_width(id_number(1)))["name"] == "张三"


def test_an_id_number_stored_as_a_number_is_refused_and_no_check_digit_is_suggested(workspace, tmp_path):
    pool = small_pool()
    pool["专家"][2][1] = 110101197508082078  # Excel keeps 15 digits: 110101197508082000, whose check digit passes
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    [problem] = rejected.value.problems
    assert (problem.sheet, problem.row, problem.column) == ("专家", 4, "身份证号")
    assert problem.reason == "身份证号被表格存成了数字，末尾几位已丢失，请把该列设为文本后重新录入"
    assert catalogue.counts(workspace, signed(workspace))["experts"] == 0


def test_an_id_number_exported_from_a_number_cell_is_refused_in_csv(workspace, tmp_path):
    pool = small_pool()
    pool["专家"][1][1] = "1.10101197508082E+17"
    pool["专家"][2][1] = "370102197001010000"  # lost digits whose check fails: the same reason, no corrected digit
    files = [csv_file(tmp_path / f"{title}.csv", title, rows) for title, rows in pool.items()]
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, files, signed(workspace, "tester"))
    assert [(p.row, p.reason) for p in rejected.value.problems] == [
        (3, "身份证号被表格存成了数字，末尾几位已丢失，请把该列设为文本后重新录入"),
        (4, "身份证号被表格存成了数字，末尾几位已丢失，请把该列设为文本后重新录入")]


def test_a_birth_date_in_the_future_is_refused(workspace, tmp_path):
    pool = small_pool()
    pool["专家"][2][1] = id_number(3, born="20990101")
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, [workbook(tmp_path / "pool.xlsx", pool)], signed(workspace, "tester"))
    assert any("晚于今天" in p.reason and p.row == 4 for p in rejected.value.problems)


# --- strict files -------------------------------------------------------------------------------------------

def _expert_csv(path, rows, header=None, encoding="utf-8"):
    from tests.spreadsheets import HEADERS
    lines = [",".join(header or HEADERS["专家"])] + rows
    path.write_bytes(("\n".join(lines) + "\n").encode(encoding))
    return path


def _uni_csv(tmp_path):
    return csv_file(tmp_path / "单位.csv", "单位", [small_pool()["单位"][1]])


def _refused(workspace, paths, **options) -> list[str]:
    from tests.spreadsheets import table_contents
    before = table_contents(workspace)
    with pytest.raises(ImportRejected) as rejected:
        import_files(workspace, paths, signed(workspace, "tester"), **options)
    assert table_contents(workspace) == before
    return [str(p) for p in rejected.value.problems]


def _expert_row(serial=1, name="张三", title="教授", extra=""):
    uni = small_pool()["单位"][1][1]
    return f"{name},{id_number(serial)},,,{title},山东理工大学,{uni},52020,{extra}"


def test_an_unterminated_quote_is_named_by_row_and_column_instead_of_swallowing_the_rest(workspace, tmp_path):
    rows = [_expert_row(i) for i in range(1, 101)]
    rows[2] = rows[2].replace(",教授,", ',"教授,')
    [message] = _refused(workspace, [_uni_csv(tmp_path), _expert_csv(tmp_path / "专家.csv", rows)])
    assert "专家.csv 第4行第E列" in message and "引号未闭合" in message


def test_a_field_beyond_the_csv_limit_is_a_message_not_a_traceback(workspace, tmp_path):
    rows = [_expert_row(1, title='"' + "长" * 140_000 + '"')]
    [message] = _refused(workspace, [_uni_csv(tmp_path), _expert_csv(tmp_path / "专家.csv", rows)])
    assert "第2行" in message and "131,072" in message


def test_fields_over_their_caps_are_refused_by_place(workspace, tmp_path):
    rows = [_expert_row(1, name="张" * 2001), _expert_row(2)]
    [message] = _refused(workspace, [_uni_csv(tmp_path), _expert_csv(tmp_path / "专家.csv", rows)])
    assert "第2行「姓名」列" in message and "最多2,000个字符" in message


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\u202e", "\u2066", "\x85"])
def test_control_characters_and_bidi_overrides_are_refused_by_place(workspace, tmp_path, char):
    rows = [_expert_row(1), _expert_row(2, name=f"李{char}四")]
    [message] = _refused(workspace, [_uni_csv(tmp_path), _expert_csv(tmp_path / "专家.csv", rows)])
    assert "专家.csv「专家」第3行第A列" in message and f"U+{ord(char):04X}" in message


def test_a_compact_date_with_seven_digits_is_refused(workspace, tmp_path):
    pool = small_pool()
    pool["诚信记录"] = [["王五", id_number(3), None, None, "抄袭", "警告", None, None, "科技厅", None, "2026111"]]
    messages = _refused(workspace, [workbook(tmp_path / "pool.xlsx", pool)])
    assert any("「决定日期」列" in m and "2026111" in m for m in messages)


def test_duplicate_headers_are_an_error_naming_both_columns(workspace, tmp_path):
    from tests.spreadsheets import HEADERS
    from desktop.services.importing.sheet import column_letter
    header = HEADERS["专家"] + ["身份证号码"]
    row = _expert_row(1) + "," * (len(header) - 1 - _expert_row(1).count(",")) + id_number(2)
    [message] = _refused(workspace, [_uni_csv(tmp_path), _expert_csv(tmp_path / "专家.csv", [row], header)])
    last = column_letter(len(header) - 1)
    assert "表头重复" in message and "B列「身份证号」" in message and f"{last}列「身份证号码」" in message


def test_merged_cells_are_an_error_naming_the_cells(workspace, tmp_path):
    from openpyxl import load_workbook
    pool = small_pool()
    path = workbook(tmp_path / "pool.xlsx", pool)
    book = load_workbook(path)
    book["专家"].merge_cells("I2:I4")
    book.save(path)
    [message] = _refused(workspace, [path])
    assert "合并单元格 I2:I4" in message and "「专家」" in message


def test_a_folder_named_like_a_csv_and_an_empty_csv_are_refused_and_write_no_audit_entry(workspace, tmp_path):
    from desktop.services.audit import entries
    folder = tmp_path / "x.csv"
    folder.mkdir()
    empty = tmp_path / "专家.csv"
    empty.write_bytes(b"")
    header_only = _expert_csv(tmp_path / "专家2.csv", [])
    assert "文件夹" in _refused(workspace, [folder])[0]
    assert "文件是空的" in _refused(workspace, [empty])[0]
    assert "没有可导入的数据行" in _refused(workspace, [header_only])[0]
    with workspace.session() as session:
        assert [e.action for e in entries(session) if not e.action.startswith("account.")] == []


# --- encodings ----------------------------------------------------------------------------------------------

def test_utf8_with_and_without_bom_and_gb18030_are_read_when_certain(workspace, tmp_path):
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        root = tmp_path / encoding
        root.mkdir()
        pool = small_pool()
        files = [csv_file(root / f"{title}.csv", title, rows, encoding=encoding) for title, rows in pool.items()]
        import_files(workspace, files, signed(workspace, "tester"))
    assert sorted(e["name"] for e in catalogue.listing(workspace, signed(workspace), "experts")) == ["张三", "李四", "王五"]


def test_an_uncertain_encoding_asks_for_it_and_the_given_encoding_is_used(workspace, tmp_path):
    big5 = tmp_path / "單位.csv"
    big5.write_bytes("單位名稱,統一社會信用代碼,單位類型\n國立測試大學,{},高校\n".format(credit_code(5, "12"))
                     .encode("big5"))
    [message] = _refused(workspace, [big5])
    assert "无法确定文件的编码" in message and "--encoding" in message
    # GBK bytes that happen to be valid UTF-8 (Cyrillic and Greek letters): not certain either
    ambiguous = tmp_path / "单位.csv"
    ambiguous.write_bytes("谢谢,魏韦\n".encode("gbk"))
    assert ambiguous.read_bytes().decode("utf-8") == "лл,κΤ\n"
    [message] = _refused(workspace, [ambiguous])
    assert "无法确定文件的编码" in message
    good = tmp_path / "单位2.csv"
    good.write_bytes("单位名称,统一社会信用代码,单位类型\n测试大学,{},高校\n".format(credit_code(6, "12")).encode("gbk"))
    import_files(workspace, [good], signed(workspace, "tester"), encoding="gbk")
    assert [o["name"] for o in catalogue.listing(workspace, signed(workspace), "organisations")] == ["测试大学"]


# --- spreadsheet bombs ----------------------------------------------------------------------------------------

def _rewritten(source, target, member, change):
    import zipfile
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            out.writestr(info.filename, change(data) if info.filename == member else data)
    return target


def test_a_declared_dimension_of_a_whole_sheet_is_refused_before_parsing(workspace, tmp_path):
    import re
    pool = {"单位": small_pool()["单位"]}
    good = workbook(tmp_path / "good.xlsx", pool)
    bomb = _rewritten(good, tmp_path / "bomb.xlsx", "xl/worksheets/sheet1.xml",
                      lambda d: re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', d))
    [message] = _refused(workspace, [bomb])
    assert "1,048,576行×16,384列" in message


def test_a_name_compressed_a_thousandfold_is_refused_before_parsing(workspace, tmp_path):
    pool = {"单位": small_pool()["单位"]}
    pool["单位"][0][0] = "NAME"
    good = workbook(tmp_path / "good.xlsx", pool)
    bomb = _rewritten(good, tmp_path / "big.xlsx", "xl/worksheets/sheet1.xml",
                      lambda d: d.replace(b"NAME", "甲".encode() * 20_000_000))
    assert bomb.stat().st_size < 200_000
    [message] = _refused(workspace, [bomb])
    assert "压缩比异常" in message


def test_a_sheet_whose_cells_span_the_whole_grid_ends_its_reader_not_the_importer(workspace, tmp_path):
    pool = {"单位": small_pool()["单位"]}
    good = workbook(tmp_path / "good.xlsx", pool)
    far = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>z</t></is></c></row></sheetData>'
    bomb = _rewritten(good, tmp_path / "sparse.xlsx", "xl/worksheets/sheet1.xml",
                      lambda d: d.replace(b"</sheetData>", far))
    [message] = _refused(workspace, [bomb])
    assert "sparse.xlsx" in message and "内存上限" in message


# --- column mapping as a parameter ------------------------------------------------------------------------------

def test_renamed_headers_are_a_parameter_and_problems_name_the_original_file(workspace, tmp_path):
    from desktop.services.importing.mapping import Mapping
    path = tmp_path / "机构.csv"
    path.write_text("机构全称,代码,性质\n测试研究院,{},科研院所\n坏单位,123,科研院所\n".format(credit_code(7, "12")),
                    encoding="utf-8")
    mapping = Mapping(headers={"机构全称": "单位名称", "代码": "统一社会信用代码", "性质": "单位类型"})
    rejected = _refused(workspace, [path], mapping=mapping)
    assert rejected == ["机构.csv「机构」第3行「统一社会信用代码」列（值：123）：统一社会信用代码应为18位，实为3位"]
    path.write_text("机构全称,代码,性质\n测试研究院,{},科研院所\n".format(credit_code(7, "12")), encoding="utf-8")
    import_files(workspace, [path], signed(workspace, "tester"), mapping=mapping)
    assert [o["name"] for o in catalogue.listing(workspace, signed(workspace), "organisations")] == ["测试研究院"]


def test_the_command_line_takes_a_column_map_and_an_encoding(tmp_path, capsys):
    import json
    from desktop.cli import main
    from desktop.store.workspace import close_workspace
    root = tmp_path / "ws"
    path = tmp_path / "机构.csv"
    path.write_bytes("機構全稱,代碼,type\n測試研究院,{},科研院所\n".format(credit_code(8, "12")).encode("big5"))

    def run(*argv):
        code = main(["--workspace", str(root), "--operator", "测试员", *argv])
        return code, *capsys.readouterr()
    try:
        run("init", "--admin", ADMIN)
        signed(root, "测试员")
        code, out, _ = run("import", str(path), "--json")
        assert code != 0 and "无法确定文件的编码" in json.loads(out)["problems"][0]["reason"]
        code, out, err = run("import", str(path), "--encoding", "big5", "--map", "機構全稱=单位名称",
                             "--map", "代碼=统一社会信用代码", "--json")
        assert code == 0, err
        assert json.loads(out)["counts"] == {"单位": {"新增": 1, "更新": 0}}
        with pytest.raises(SystemExit):
            main(["--workspace", str(root), "import", str(path), "--map", "机构全称=不存在的字段"])
        assert "未知的字段" in capsys.readouterr().err
    finally:
        close_workspace(root)
