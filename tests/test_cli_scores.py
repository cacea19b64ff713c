"""Scores and results through the command line, in the shapes scripts rely on."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop.cli import main
from desktop.services import rounds
from tests.conftest import signed
from tests.execution_setup import confirmed_round
from tests.test_results import SPLIT, steady


@pytest.fixture
def demo_workspace(confirmed_demo):
    """The demo with its round confirmed through the services, a copy of the run's template (tests/conftest.py)."""
    return confirmed_demo


@pytest.fixture
def run(demo_workspace, capsys):
    def run(who: str, *argv: str) -> tuple[int, object, str]:
        code = main(["--workspace", str(demo_workspace), "--operator", who, *argv])
        out, err = capsys.readouterr()
        return code, json.loads(out) if out.strip().startswith(("{", "[")) else out, err
    return run


def test_scores_entered_imported_and_results_approved_from_the_shell(demo_workspace, run, tmp_path):
    root = demo_workspace
    members = list(confirmed_round(root).values())[0]
    panel = rounds.show_round(root, signed(root), 1).panels[0]
    apps, name = panel["applications"], panel["name"]

    code, refused, err = run("王秘书", "score", "enter", "--round", "1", "--expert", members[0], "--application",
                             apps[0], "--value", "B", "--json")
    assert code != 0 and "ONE_METHOD" in err and refused == ""
    code, done, _ = run("王秘书", "score", "enter", "--round", "1", "--expert", members[0], "--application", apps[0],
                        "--value", SPLIT[0], "--opinion", "立意新颖", "--json")
    assert code == 0 and done["settled"] == 1 and done["state"] == "scoring"

    assert run("王秘书", "scores", "template", "--round", "1", "--panel", name, "--out", str(tmp_path / "t.xlsx"),
               "--json")[0] == 0
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    sheet = book["评分表"]
    for row in sheet.iter_rows(min_row=2):
        expert, number = row[1].value, row[3].value
        i, j = members.index(expert), apps.index(number)
        if (i, j) == (0, 0):
            continue
        for cell, mark in zip(row[5:9], (SPLIT[i] if j == 0 else steady(i, j)).split(",")):
            cell.value = int(mark)
    book.save(tmp_path / "filled.xlsx")
    code, imported, _ = run("王秘书", "scores", "import", "--round", "1", str(tmp_path / "filled.xlsx"), "--json")
    assert code == 0 and imported["imported"] and imported["entered"] == len(members) * len(apps) - 1

    code, rows, _ = run("赵审批", "results", "--round", "1", "--json")
    assert code == 0 and len(rows) == len(apps)
    assert {"application", "panel", "aggregate", "rank", "recommended", "non_consensus", "scores"} <= set(rows[0])
    flagged = [r for r in rows if r["non_consensus"]]
    assert [r["application"] for r in flagged] == [apps[0]] and len(flagged[0]["scores"]) == len(members)
    assert all("*" in s["expert"] for s in flagged[0]["scores"])  # ID numbers masked without --reveal

    for member in members[1:]:
        assert run("王秘书", "certification", "record", "--round", "1", "--expert", member, "--json")[0] == 0
    assert run("李监督", "certification", "record", "--round", "1", "--expert", members[0], "--waive",
               "专家因病未能到场签字", "--json")[0] == 0
    assert run("王秘书", "non-consensus", "decide", "--round", "1", "--application", apps[0], "--decision",
               "recommend", "--reason", "评审组复议后推荐", "--json")[0] == 0
    code, proposed, _ = run("王秘书", "results", "propose", "--round", "1", "--json")
    assert code == 0 and proposed["version"] == 1
    code, _, err = run("王秘书", "results", "approve", "--round", "1", "--json")
    assert code != 0 and "审批人" in err
    code, approved, _ = run("赵审批", "results", "approve", "--round", "1", "--json")
    assert code == 0 and approved["state"] == "approved" and approved["round_state"] == "results"
