"""The commands after approved results, from the shell: outcome notices refused until an opinion naming its expert
is corrected, publicity with an objection answered, conduct for every expert, the due list, and the round closed."""

from __future__ import annotations

import pytest

from tests.after_review_setup import approved_round, people
from tests.test_cli_scores import run  # noqa: F401  (the fixture)


@pytest.fixture
def demo_workspace(confirmed_demo):
    """The demo with its round confirmed through the services, a copy of the run's template (tests/conftest.py)."""
    return confirmed_demo


@pytest.fixture
def named(demo_workspace):
    members, apps = approved_round(demo_workspace, lambda i, j, who: f"本人（{who[0][0]}）建议支持，电话13905311234。"
                                   if (i, j) == (0, 0) else "研究基础较好。")
    return demo_workspace, members, apps


def test_from_notices_to_a_closed_round(named, run, tmp_path):
    root, members, apps = named
    name = people(root, members)[members[0]][0]
    code, _, err = run("王秘书", "notices", "--round", "1", "--kind", "outcome", "--out", str(tmp_path / "n"),
                       "--notice-date", "2026-12-18", "--json")
    assert code == 1 and err.startswith("错误：FEEDBACK 1条专家意见") and f"专家姓名“{name}”" in err
    code, blocked, _ = run("王秘书", "opinions", "--round", "1", "--blocked", "--json")
    assert [m["kind"] for m in blocked[0]["matches"]] == ["专家姓名", "电话号码"] and "*" in blocked[0]["expert"]
    assert run("王秘书", "opinion", "correct", "--round", "1", "--expert", members[0], "--application", apps[0],
               "--text", "建议支持。")[0] == 0
    code, made, _ = run("王秘书", "notices", "--round", "1", "--kind", "outcome", "--out", str(tmp_path / "n"),
                        "--notice-date", "2026-12-18", "--json")
    assert code == 0 and made["count"] == len(apps)
    code, period, _ = run("王秘书", "publicity", "start", "--round", "1", "--start", "2026-12-21", "--json")
    assert (period["end"], period["applications"]) == ("2026-12-25", [apps[0]])
    code, objection, _ = run("王秘书", "objection", "record", "--round", "1", "--application", apps[0], "--objector",
                             "张某", "--received-on", "2026-12-28", "--text", "有异议。", "--json")
    assert objection["late"] is True
    assert run("赵审批", "objection", "answer", str(objection["id"]), "--decision", "dismissed", "--answer",
               "经核查不属实。", "--on", "2026-12-29", "--json")[0] == 0
    assert run("王秘书", "publicity", "final", "--round", "1", "--today", "2026-12-29", "--json")[1]["final"]
    code, _, err = run("王秘书", "round", "close", "--round", "1")
    assert code == 1 and f"还有{len(members)}位专家未登记评审行为" in err
    code, items, _ = run("王秘书", "due", "--today", "2026-12-18", "--json")
    assert [(i["kind"], i["due"], i["when"]) for i in items] == [("limits", "2026-12-15", "overdue"),  # lobbied
                                                                 ("conduct", "2026-12-17", "overdue")]
    for member in members:
        assert run("王秘书", "conduct", "record", "--round", "1", "--expert", member, "--conduct", "present",
                   "--rating", "90", "--json")[0] == 0
    assert run("王秘书", "round", "close", "--round", "1", "--json")[1] == {"round": 1, "state": "closed"}
    assert run("王秘书", "due", "--json")[1] == []
