"""Building small real spreadsheets for import tests: valid codes made with the real check characters."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

from desktop.domain.ids import credit_check_char, id_check_digit


def id_number(serial: int, born: str = "19700101", region: str = "370102") -> str:
    first17 = f"{region}{born}{serial % 1000:03d}"
    return first17 + id_check_digit(first17)


def credit_code(serial: int, kind: str = "91") -> str:
    first17 = f"{kind}370100{serial:09d}"
    return first17 + credit_check_char(first17)


HEADERS = {
    "单位": ["单位名称", "统一社会信用代码", "单位类型"],
    "学科": ["学科代码", "学科名称", "上级代码"],
    "专家": ["姓名", "身份证号", "手机", "电子邮箱", "职称", "工作单位", "工作单位信用代码", "学科代码", "企业专家",
           "企业专家说明", "单位负责人"],
    "任职经历": ["身份证号", "单位名称", "统一社会信用代码", "起始年", "终止年"],
    "人员关系": ["身份证号A", "身份证号B", "关系类型", "起始年", "终止年", "说明"],
    "项目": ["项目编号", "项目名称", "学科代码", "申报单位", "申报单位信用代码", "合作单位信用代码"],
    "项目成员": ["项目编号", "姓名", "身份证号", "角色", "单位信用代码", "单位负责人"],
    "不宜评审专家": ["项目编号", "专家身份证号", "理由"],
    "诚信记录": ["主体名称", "身份证号或信用代码", "项目名称", "项目编号", "失信行为", "处理措施", "惩戒开始",
             "惩戒结束", "处理单位", "处理依据", "决定日期"],
    "回避声明": ["专家身份证号", "项目编号", "理由"],
    "请托记录": ["专家身份证号", "项目编号", "记录日期", "说明", "是否接受"],
    "放假安排": ["日期", "类型", "名称", "依据文号"],
    "在研项目": ["项目编号", "项目名称", "负责人身份证号", "骨干身份证号", "起止日期"],
}


def workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    """Write the sheets, in the order given, each with its canonical header row."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        sheet.append(HEADERS[title])
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def csv_file(path: Path, title: str, rows: list[list], encoding: str = "utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS[title])
        writer.writerows(rows)
    return path


def small_pool() -> dict[str, list[list]]:
    """Two organisations, a field tree and three experts, one of them with a history at the enterprise."""
    ent, uni = credit_code(1), credit_code(2, "12")
    return {
        "单位": [["济南华信精密机械有限公司", ent, "企业"], ["山东理工大学", uni, "高校"]],
        "学科": [["520", "计算机科学技术", None], ["52020", "人工智能", "520"]],
        "专家": [
            ["张三", id_number(1), "13800000001", "zs@example.cn", "教授", "山东理工大学", uni, "52020", None],
            ["李四", id_number(2), "13800000002", None, "正高级工程师", "济南华信精密机械有限公司", ent, "520；52020", None],
            ["王五", id_number(3), None, None, "研究员", "山东理工大学", uni, "52020", "是", "兼任企业首席技术专家"],
        ],
        "任职经历": [[id_number(1), "济南华信精密机械有限公司", ent, 2015, 2023]],
    }


def table_contents(workspace) -> dict[str, str]:
    """A digest of every table's rows, to show that a refused import changed nothing at all (audit log included).

    The workspace is first opened for use as every service opens it (a fresh one records its tables' layouts
    then), so what is compared is the import's doing alone."""
    import hashlib
    import sqlite3
    from desktop.services.uow import workspace_of
    workspace_of(workspace)
    with sqlite3.connect(workspace.root / "paneldesk.db") as connection:
        tables = [name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: hashlib.sha256(repr(connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall())
                                      .encode()).hexdigest() for table in tables}


def full_width(code: str) -> str:
    """The code as a Chinese input method in full-width mode types it, with a lower-case x."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c.lower() for c in code)
