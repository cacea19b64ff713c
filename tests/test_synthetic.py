"""The synthetic data generator: valid codes, determinism, the import contract, integrity, and built-in conflicts.

The files are read back as written (CSV and xlsx), so the tests check what an import would see.
"""

import csv
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

from desktop.domain.ids import credit_code_problem, id_number_problem
from desktop.synthetic import build_dataset, write_dataset
from desktop.synthetic.__main__ import main

CONTRACT = {
    "专家库.xlsx": {
        "单位": ["单位名称", "统一社会信用代码", "单位类型"],
        "学科": ["学科代码", "学科名称", "上级代码"],
        "专家": ["姓名", "身份证号", "手机", "电子邮箱", "职称", "工作单位", "工作单位信用代码", "学科代码", "企业专家",
               "企业专家说明"],
        "任职经历": ["身份证号", "单位名称", "统一社会信用代码", "起始年", "终止年"],
        "人员关系": ["身份证号A", "身份证号B", "关系类型", "起始年", "终止年", "说明"],
        "诚信记录": ["主体名称", "身份证号或信用代码", "项目名称", "项目编号", "失信行为", "处理措施", "惩戒开始",
                 "惩戒结束", "处理单位", "处理依据", "决定日期"],
    },
    "项目.xlsx": {
        "项目": ["项目编号", "项目名称", "学科代码", "申报单位", "申报单位信用代码", "合作单位信用代码"],
        "项目成员": ["项目编号", "姓名", "身份证号", "角色", "单位信用代码"],
        "不宜评审专家": ["项目编号", "专家身份证号", "理由"],
        "回避声明": ["专家身份证号", "项目编号", "理由"],
        "请托记录": ["专家身份证号", "项目编号", "记录日期", "说明", "是否接受"],
    },
}
KINDS = {"企业", "高校", "科研院所", "医疗卫生机构", "机关", "其他"}


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def tables(tmp_path_factory) -> dict[str, list[dict[str, str]]]:
    out = tmp_path_factory.mktemp("csv")
    paths = write_dataset(out, seed=7, experts=300, applications=60, fmt="csv")
    return {p.stem: read_csv(p) for p in paths}


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> dict[str, openpyxl.Workbook]:
    out = tmp_path_factory.mktemp("xlsx")
    paths = write_dataset(out, seed=7, experts=120, applications=30)
    return {p.name: openpyxl.load_workbook(p, read_only=True) for p in paths}


def split(cell: str) -> list[str]:
    return [x for x in cell.split("；") if x]


def test_workbooks_have_the_contracts_sheets_and_headers(workbooks):
    assert set(workbooks) == set(CONTRACT)
    for name, sheets in CONTRACT.items():
        book = workbooks[name]
        assert book.sheetnames == list(sheets)
        for sheet, headers in sheets.items():
            assert [c.value for c in next(book[sheet].iter_rows(max_row=1))] == headers


def test_identifiers_are_text_cells_and_years_integers(workbooks):
    experts = list(workbooks["专家库.xlsx"]["专家"].iter_rows(min_row=2, values_only=True))
    stays = list(workbooks["专家库.xlsx"]["任职经历"].iter_rows(min_row=2, max_col=5, values_only=True))
    members = list(workbooks["项目.xlsx"]["项目成员"].iter_rows(min_row=2, values_only=True))
    assert experts and stays and members
    assert all(isinstance(r[1], str) and isinstance(r[2], str) and isinstance(r[6], str) for r in experts)
    assert all(isinstance(r[0], str) and isinstance(r[2], str) and isinstance(r[3], int) for r in stays)
    assert all(r[4] is None or isinstance(r[4], int) for r in stays)
    assert all(isinstance(r[2], str) and isinstance(r[4], str) for r in members)


def test_csv_files_carry_the_contracts_headers(tmp_path):
    for path in write_dataset(tmp_path, seed=1, experts=20, applications=5, fmt="csv"):
        with path.open(encoding="utf-8-sig", newline="") as f:
            headers = next(csv.reader(f))
        book = "专家库.xlsx" if path.stem in CONTRACT["专家库.xlsx"] else "项目.xlsx"
        assert headers == CONTRACT[book][path.stem]
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_every_id_number_and_credit_code_is_valid(tables):
    ids = ([r["身份证号"] for r in tables["专家"]] + [r["身份证号"] for r in tables["项目成员"]]
           + [r[k] for r in tables["人员关系"] for k in ("身份证号A", "身份证号B")])
    codes = [r["统一社会信用代码"] for r in tables["单位"]]
    assert all(id_number_problem(i) is None for i in ids)
    assert all(credit_code_problem(c) is None for c in codes)
    for r in tables["诚信记录"]:
        code = r["身份证号或信用代码"]
        assert id_number_problem(code) is None or credit_code_problem(code) is None


def test_organisations_and_experts_are_unique(tables):
    assert len({r["统一社会信用代码"] for r in tables["单位"]}) == len(tables["单位"])
    assert len({r["单位名称"] for r in tables["单位"]}) == len(tables["单位"])
    assert {r["单位类型"] for r in tables["单位"]} <= KINDS
    assert len({r["身份证号"] for r in tables["专家"]}) == len(tables["专家"]) == 300
    credit_prefixes = Counter(r["统一社会信用代码"][:2] for r in tables["单位"])
    assert {"91", "12"} <= set(credit_prefixes)


def test_same_seed_gives_the_same_bytes_and_another_seed_other_data(tmp_path):
    first = write_dataset(tmp_path / "a", seed=11, experts=60, applications=20, fmt="csv")
    again = write_dataset(tmp_path / "b", seed=11, experts=60, applications=20, fmt="csv")
    other = write_dataset(tmp_path / "c", seed=12, experts=60, applications=20, fmt="csv")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert (tmp_path / "a" / "专家.csv").read_bytes() != (tmp_path / "c" / "专家.csv").read_bytes()
    assert [p.name for p in first] == [p.name for p in other]


def test_xlsx_cell_values_are_deterministic(tmp_path):
    def values(out):
        paths = write_dataset(out, seed=5, experts=30, applications=8)
        return [list(ws.iter_rows(values_only=True))
                for p in paths for ws in openpyxl.load_workbook(p, read_only=True).worksheets]

    assert values(tmp_path / "a") == values(tmp_path / "b")


def test_gb18030_csv_holds_the_same_text(tmp_path):
    utf8 = write_dataset(tmp_path / "u", seed=3, experts=20, applications=5, fmt="csv")
    gb = write_dataset(tmp_path / "g", seed=3, experts=20, applications=5, fmt="csv", encoding="gb18030")
    for u, g in zip(utf8, gb):
        assert u.read_text(encoding="utf-8-sig") == g.read_text(encoding="gb18030")


def test_every_reference_resolves(tables):
    orgs = {r["统一社会信用代码"] for r in tables["单位"]}
    experts = {r["身份证号"]: r for r in tables["专家"]}
    members = {r["身份证号"] for r in tables["项目成员"]}
    projects = {r["项目编号"] for r in tables["项目"]}
    fields = {r["学科代码"] for r in tables["学科"]}

    assert {r["工作单位信用代码"] for r in tables["专家"]} <= orgs
    assert {r["统一社会信用代码"] for r in tables["任职经历"]} <= orgs
    assert {r["申报单位信用代码"] for r in tables["项目"]} <= orgs
    assert {c for r in tables["项目"] for c in split(r["合作单位信用代码"])} <= orgs
    assert {r["单位信用代码"] for r in tables["项目成员"]} <= orgs
    assert {r["身份证号或信用代码"] for r in tables["诚信记录"]} <= orgs | set(experts) | members

    assert {r["身份证号"] for r in tables["任职经历"]} <= set(experts)
    assert {r[k] for r in tables["人员关系"] for k in ("身份证号A", "身份证号B")} <= set(experts) | members
    for sheet, column in (("不宜评审专家", "专家身份证号"), ("回避声明", "专家身份证号"), ("请托记录", "专家身份证号")):
        assert {r[column] for r in tables[sheet]} <= set(experts)
        assert {r["项目编号"] for r in tables[sheet]} <= projects
    assert {r["项目编号"] for r in tables["项目成员"]} == projects

    assert {c for r in tables["专家"] for c in split(r["学科代码"])} <= fields
    assert {r["学科代码"] for r in tables["项目"]} <= fields
    assert {r["上级代码"] for r in tables["学科"] if r["上级代码"]} <= fields


def test_current_stay_is_the_experts_employer(tables):
    current = {}
    for r in tables["任职经历"]:
        assert r["终止年"] == "" or int(r["起始年"]) <= int(r["终止年"])
        if r["终止年"] == "":
            assert r["身份证号"] not in current
            current[r["身份证号"]] = r["统一社会信用代码"]
    assert current == {r["身份证号"]: r["工作单位信用代码"] for r in tables["专家"]}


def test_relations_have_known_kinds_and_adult_years(tables):
    for r in tables["人员关系"]:
        assert r["关系类型"] in {"近亲属", "姻亲", "师生", "合作"} and r["说明"]
        assert r["身份证号A"] != r["身份证号B"]
        if r["起始年"]:
            adult = max(int(r["身份证号A"][6:10]), int(r["身份证号B"][6:10])) + 20
            assert adult <= int(r["起始年"]) <= int(r["终止年"] or 2026)


def test_teams_have_one_leader_and_three_to_eight_members(tables):
    teams: dict[str, list[str]] = {}
    for r in tables["项目成员"]:
        teams.setdefault(r["项目编号"], []).append(r["角色"])
    for roles in teams.values():
        assert 3 <= len(roles) <= 8
        assert roles[0] == "负责人" and roles.count("负责人") == 1 and set(roles[1:]) <= {"骨干"}
    assert all(0 <= n <= 3 for n in Counter(r["项目编号"] for r in tables["不宜评审专家"]).values())


def test_conflicts_occur_by_construction(tables):
    experts = {r["身份证号"]: r for r in tables["专家"]}
    team = {r["身份证号"] for r in tables["项目成员"]}
    taking_part = {r["申报单位信用代码"] for r in tables["项目"]} | {
        c for r in tables["项目"] for c in split(r["合作单位信用代码"])}

    assert experts.keys() & team, "SELF: some expert is on a team"
    assert {r["工作单位信用代码"] for r in experts.values()} & taking_part, "SAME_ORG"
    assert any((r["身份证号A"] in experts and r["身份证号B"] in team - experts.keys())
               or (r["身份证号B"] in experts and r["身份证号A"] in team - experts.keys())
               for r in tables["人员关系"]), "a relation ties an expert to a team member"
    assert tables["不宜评审专家"] and tables["回避声明"] and tables["请托记录"]


def test_integrity_records_of_every_sort(tables):
    records = tables["诚信记录"]
    assert any(r["惩戒开始"] <= "2026-01-01" and r["惩戒结束"] >= "2026-12-31" for r in records)
    assert any(r["惩戒结束"] and r["惩戒结束"] < "2026-01-01" for r in records)
    assert any(not r["惩戒开始"] and not r["惩戒结束"] for r in records)


def test_every_panel_field_has_enough_experts_a_third_from_enterprises(tables):
    kinds = {r["统一社会信用代码"]: r["单位类型"] for r in tables["单位"]}

    def matches(a: str, b: str) -> bool:
        a, b = a[:5], b[:5]
        return a.startswith(b) or b.startswith(a)

    for prefix in {r["学科代码"][:5] for r in tables["项目"]}:
        able = [e for e in tables["专家"] if any(matches(prefix, c) for c in split(e["学科代码"]))]
        enterprise = [e for e in able
                      if e["企业专家"] == "是" or (not e["企业专家"] and kinds[e["工作单位信用代码"]] == "企业")]
        assert len(able) >= 30
        assert len(enterprise) * 3 >= len(able) * 0.8


def test_field_dictionary_has_three_levels(tables):
    lengths = Counter(len(r["学科代码"]) for r in tables["学科"])
    assert set(lengths) == {3, 5, 7} and lengths[3] >= 10 and sum(lengths.values()) >= 200
    for r in tables["学科"]:
        assert r["上级代码"] == ("" if len(r["学科代码"]) == 3 else r["学科代码"][: len(r["学科代码"]) - 2])


def test_relations_knob_sets_the_count_without_repeating_a_pair():
    data = build_dataset(seed=4, experts=200, applications=40, relations=3000)
    pairs = [frozenset((r.a, r.b)) for r in data.relations()]
    assert len(pairs) == 3000
    assert len(set(pairs)) == len(pairs) and all(len(p) == 2 for p in pairs)
    assert [r.kind for r in data.relations()] == [r.kind for r in data.relations()]


def test_command_line_writes_and_lists_the_files(tmp_path, capsys):
    assert main([str(tmp_path), "--experts", "20", "--applications", "5", "--seed", "9", "--format", "csv"]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 11 and all(Path(p).exists() for p in printed)
