"""The low-rating thresholds of expert conduct (EXPERT_CONDUCT) are the workspace's setting: what counts as low, how
many and within how many days flag an expert for a review of pool membership; a change is audited with before and
after, refused out of range, and set from the shell as from the window."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain.errors import RuleError
from desktop.services import audit_log, conduct
from tests.after_review_setup import approved_round
from tests.conftest import signed
from tests.test_cli_scores import run  # noqa: F401  (the fixture)


def test_one_low_rating_flags_an_expert_once_the_workspace_says_so(demo_workspace):
    root = demo_workspace
    members, apps = approved_round(root)
    conduct.record_conduct(root, signed(root), 1, members[0], ["present", "unqualified"], 65)
    today = dt.date(2027, 1, 10)
    assert conduct.low_ratings(root, signed(root)) == {"below": 60, "count": 2, "days": 730,
                                                       "text": "730天内2次评价低于60分"}
    assert not conduct.expert_history(root, signed(root), members[0], today)["flagged"]
    with pytest.raises(RuleError, match="^EXPERT_CONDUCT 低分线应在1至100分之间，0不在其中"):
        conduct.set_low_ratings(root, signed(root), 0, 1, 365)
    changed = conduct.set_low_ratings(root, signed(root), 70, 1, 365)
    assert changed["text"] == "365天内1次评价低于70分"
    history = conduct.expert_history(root, signed(root), members[0], today)
    assert history["flagged"] and history["low_ratings"] == "365天内1次评价低于70分"
    [entry] = [e for e in audit_log.recent(root, signed(root, "李监督")) if e["action"] == "conduct.low_ratings"]
    assert entry["actor"] == "王秘书" and '"below": 60' in entry["before"] and '"below": 70' in entry["after"]


def test_the_thresholds_from_the_shell(demo_workspace, run):
    code, shown, _ = run("王秘书", "conduct", "settings", "--json")
    assert code == 0 and (shown["below"], shown["count"], shown["days"]) == (60, 2, 730)
    code, shown, _ = run("王秘书", "conduct", "settings", "--below", "65", "--count", "3", "--days", "365", "--json")
    assert code == 0 and shown["text"] == "365天内3次评价低于65分"
    code, _, err = run("王秘书", "conduct", "settings", "--count", "0")
    assert code != 0 and err.startswith("错误：EXPERT_CONDUCT 低分次数和统计期（天）都应至少为1")
    assert run("王秘书", "conduct", "settings", "--json")[1]["below"] == 65
