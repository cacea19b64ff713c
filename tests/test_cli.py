"""The command line as scripts use it: one JSON document on stdout, errors on stderr with a non-zero exit."""

import json
import sqlite3

import pytest

from desktop.cli import main
from tests.spreadsheets import id_number, small_pool, workbook
from tests.conftest import ADMIN, signed


@pytest.fixture
def cli(tmp_path, capsys):
    root = tmp_path / "ws"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--workspace", str(root), "--operator", "测试员", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    run("init", "--admin", ADMIN)
    for name in ("测试员", "审计员"):  # the fixture's accounts: the one that runs the commands, one to read the log
        signed(root, name)
    yield run
    from desktop.store.workspace import close_workspace
    close_workspace(root)


@pytest.fixture
def pool_file(tmp_path):
    pool = small_pool()
    ent = pool["单位"][0][1]
    pool["项目"] = [["2026KJ0001", "工业视觉检测", "52020", "济南华信精密机械有限公司", ent, None]]
    pool["项目成员"] = [["2026KJ0001", "赵六", id_number(10), "负责人", ent]]
    return workbook(tmp_path / "pool.xlsx", pool)


def test_list_experts_prints_one_json_list(cli, pool_file):
    assert cli("import", str(pool_file))[0] == 0
    code, out, _ = cli("list", "experts", "--json")
    experts = json.loads(out)
    assert code == 0 and sorted(e["name"] for e in experts) == ["张三", "李四", "王五"]
    code, out, _ = cli("show", "experts", id_number(2), "--json")
    assert json.loads(out)["organisation"] == "济南华信精密机械有限公司"


def test_rejected_import_exits_non_zero_and_lists_problems(cli, tmp_path):
    pool = small_pool()
    pool["专家"][2][1] = "37010219700101003X"
    code, out, err = cli("import", str(workbook(tmp_path / "bad.xlsx", pool)), "--json")
    report = json.loads(out)
    assert code == 1 and report["imported"] is False
    assert report["problems"][0]["row"] == 4 and report["problems"][0]["column"] == "身份证号"
    assert "未写入任何数据" in err
    assert json.loads(cli("list", "experts", "--json")[1]) == []


def test_audit_verify_names_the_first_tampered_entry(cli, pool_file, tmp_path):
    cli("import", str(pool_file))
    cli("round", "create", "--name", "测试轮次", "--review-date", "2026-12-01", "--confirm-past-date", "--form", "会议评审",
        "--scoring", "百分制")
    code, out, _ = cli("audit", "verify", "--json")
    report = json.loads(out)
    assert code == 0 and {k: report[k] for k in ("intact", "entries", "first_broken", "reason", "problems")} == {
        "intact": True, "entries": 5, "first_broken": None, "reason": "", "problems": []}
    with sqlite3.connect(tmp_path / "ws" / "paneldesk.db") as db:
        db.execute("UPDATE audit_entry SET actor = '他人' WHERE id = 1")
    code, out, _ = cli("audit", "verify", "--json")
    assert code == 1 and json.loads(out)["first_broken"] == 1


def test_a_missing_workspace_is_an_error_on_stderr(tmp_path, capsys):
    code = main(["--workspace", str(tmp_path / "nowhere"), "list", "experts", "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and out == "" and "不是 PanelDesk 工作区" in err


def test_round_method_is_frozen_once_opened(cli, pool_file):
    cli("import", str(pool_file))
    code, out, _ = cli("round", "create", "--name", "重点研发", "--review-date", "2026-12-01", "--confirm-past-date", "--form", "meeting",
                       "--scoring", "score100", "--json")
    round_id = json.loads(out)["id"]
    assert json.loads(out)["method"]["form"] == "会议评审"
    assert cli("round", "open", "--round", str(round_id))[0] == 0
    code, _, err = cli("panel", "add", "--round", str(round_id), "--name", "一组", "--size", "3",
                       "--applications", "2026KJ0001", "--form", "通讯评审", "--scoring", "百分制")
    assert code == 1 and "ONE_METHOD" in err
    code, out, _ = cli("panel", "add", "--round", str(round_id), "--name", "一组", "--size", "3",
                       "--applications", "2026KJ0001", "--json")
    assert code == 0 and json.loads(out)["applications"] == ["2026KJ0001"]


def test_conflicts_and_explain_name_the_grounds(cli, pool_file):
    cli("import", str(pool_file))
    round_id = json.loads(cli("round", "create", "--name", "R", "--review-date", "2026-12-01", "--confirm-past-date", "--form", "meeting",
                              "--scoring", "score100", "--json")[1])["id"]
    cli("panel", "add", "--round", str(round_id), "--name", "一组", "--size", "3", "--applications", "2026KJ0001")
    code, out, _ = cli("conflicts", "--round", str(round_id), "--json", "--reveal")
    pairs = {(p["application"], p["expert"]): [g["code"] for g in p["grounds"]] for p in json.loads(out)}
    # 李四 works at the applicant; 张三 worked there until 2023, inside the three-year look-back of 2026.
    assert pairs[("2026KJ0001", id_number(2))] == ["SAME_ORG"]
    assert pairs[("2026KJ0001", id_number(1))] == ["SAME_ORG"]
    assert ("2026KJ0001", id_number(3)) not in pairs
    code, out, _ = cli("explain", "--round", str(round_id), "--application", "2026KJ0001", "--expert", id_number(1))
    assert code == 0 and "SAME_ORG" in out and "2015—2023年" in out


def _audit_count(cli) -> int:
    return json.loads(cli("audit", "verify", "--json")[1])["entries"]


def test_personal_numbers_are_masked_by_default_and_nothing_is_logged(cli, pool_file):
    """CONFIDENTIAL: list, show and conflicts print no whole ID or mobile number unless asked to."""
    cli("import", str(pool_file))
    before = _audit_count(cli)
    round_id = None
    for argv in (("list", "experts"), ("list", "persons"), ("show", "experts", id_number(1))):
        code, out, _ = cli(*argv, "--json")
        assert code == 0 and id_number(1) not in out and "13800000001" not in out, argv
        assert "370102********" in out and "138****0001" in out
        code, out, _ = cli(*argv)  # the text form too
        assert id_number(1) not in out and "13800000001" not in out
    assert _audit_count(cli) == before
    round_id = json.loads(cli("round", "create", "--name", "R", "--review-date", "2026-12-01", "--confirm-past-date",
                              "--form", "meeting", "--scoring", "score100", "--json")[1])["id"]
    cli("panel", "add", "--round", str(round_id), "--name", "一组", "--size", "3", "--applications", "2026KJ0001")
    counted = _audit_count(cli)
    code, out, _ = cli("conflicts", "--round", str(round_id), "--json")
    assert code == 0 and json.loads(out) and id_number(1) not in out and id_number(2) not in out
    assert _audit_count(cli) == counted


def test_reveal_shows_whole_numbers_with_one_audit_entry_naming_them(cli, pool_file, tmp_path):
    cli("import", str(pool_file))
    before = _audit_count(cli)
    code, out, _ = cli("show", "experts", id_number(1), "--json", "--reveal")
    assert code == 0 and id_number(1) in out and "13800000001" in out
    assert _audit_count(cli) == before + 1
    from desktop.services import audit_log
    last = audit_log.recent(tmp_path / "ws", signed(tmp_path / "ws", "审计员"), 1)[-1]
    assert last["action"] == "reveal" and f"show experts {id_number(1)}" in last["target"]
    assert id_number(1) in last["after"] and "身份证号" in last["after"]
    code, out, _ = cli("list", "experts", "--json", "--reveal")
    assert code == 0 and all(e["id_number"] in out for e in [{"id_number": id_number(n)} for n in (1, 2, 3)])
    assert _audit_count(cli) == before + 2
