"""The draw: valid, uniform among valid panels (FAIR_DRAW), seed-dependent, never dead-ending, and precise when it
cannot succeed."""

import datetime as dt
import hashlib
import itertools
import math
from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from desktop.domain.draw import (DrawInfeasible, PanelSpec, canonical_json, draw_panels, next_reserve,
                                 shared_reserves)
from desktop.domain.draw_random import Stream, seeded_prefix
from desktop.domain.methods import RoundSettings
from desktop.domain.pool import Application, Expert, Pool, Relation, RoundCase, Stay, TeamMember
from desktop.domain.quota import enterprise_required
from desktop.domain.recusal import compute_conflicts

ON = RoundSettings()
OFF = RoundSettings(one_panel_per_expert=False)


def seed(text) -> str:
    """A seed as the draw takes it (64 hex digits), named by a readable text."""
    return hashlib.sha256(str(text).encode()).hexdigest()


def members_of(result):
    return [[e for e, _ in p.members] for p in result.panels]


def valid_assignments(panels, eligible, enterprise, settings):
    """Every valid draw of the round (members as sets), by exhaustive search: the definition the draw must meet."""
    def search(i, used):
        if i == len(panels):
            yield []
            return
        need = enterprise_required(panels[i].size, settings.enterprise_fraction)
        pool = sorted(set(eligible.get(panels[i].key, ())) - used)
        for members in itertools.combinations(pool, panels[i].size):
            if sum(enterprise[e] for e in members) >= need:
                rest_used = used | set(members) if settings.one_panel_per_expert else used
                for rest in search(i + 1, rest_used):
                    yield [frozenset(members)] + rest
    return search(0, set())


@st.composite
def draw_cases(draw):
    experts = [f"X{i}" for i in range(draw(st.integers(3, 9)))]
    enterprise = {e: draw(st.booleans()) for e in experts}
    panels = [PanelSpec(f"G{i}", f"第{i + 1}组", draw(st.integers(1, 3))) for i in range(draw(st.integers(1, 3)))]
    eligible = {p.key: draw(st.lists(st.sampled_from(experts), min_size=p.size, unique=True)) for p in panels}
    return panels, eligible, enterprise


@hyp_settings(max_examples=300, deadline=None)
@given(case=draw_cases(), text=st.text(max_size=8), one_panel=st.booleans())
def test_draw_is_valid_exactly_when_a_valid_draw_exists(case, text, one_panel):
    panels, eligible, enterprise = case
    settings = RoundSettings(one_panel_per_expert=one_panel, reserve_size=2)
    possible = {tuple(a) for a in valid_assignments(panels, eligible, enterprise, settings)}
    if not possible:
        with pytest.raises(DrawInfeasible) as error:
            draw_panels(panels, eligible, enterprise, settings, seed(text))
        assert error.value.panels
        return
    result = draw_panels(panels, eligible, enterprise, settings, seed(text))
    assert tuple(frozenset(m) for m in members_of(result)) in possible
    drawn = [e for members in members_of(result) for e in members]
    for spec, panel in zip(panels, result.panels):
        assert all(ent == enterprise[m] for m, ent in panel.members)
        assert len(panel.reserve) <= 2 and set(panel.reserve) <= set(eligible[spec.key])
        assert not set(panel.reserve) & (set(drawn) if one_panel else {m for m, _ in panel.members})
    assert members_of(draw_panels(panels, eligible, enterprise, settings, seed(text))) == members_of(result)


def test_the_members_depend_on_the_seed_and_on_nothing_else():
    experts = [f"P{i:03d}" for i in range(60)]
    panels = [PanelSpec("G1", "第1组", 5), PanelSpec("G2", "第2组", 5)]
    eligible = {"G1": experts[:40], "G2": experts[20:]}
    enterprise = {e: int(e[1:]) % 3 == 0 for e in experts}
    first = draw_panels(panels, eligible, enterprise, ON, seed("a"))
    shuffled = {k: list(reversed(v)) for k, v in eligible.items()}
    assert members_of(draw_panels(panels, shuffled, enterprise, ON, seed("a"))) == members_of(first)
    others = {tuple(map(tuple, members_of(draw_panels(panels, eligible, enterprise, ON, seed(i))))) for i in range(20)}
    assert len(others) == 20  # twenty seeds, twenty different draws: the seed is used


# --- uniformity against the exact expectation ---------------------------------------------------------------------

def chi_square_bound(df: int) -> float:
    """The chi-square value exceeded with probability about 1/2000 (Wilson–Hilferty, z = 3.29)."""
    z = 3.29
    return df * (1 - 2 / (9 * df) + z * math.sqrt(2 / (9 * df))) ** 3


def chi_square(observed: Counter, expected: dict) -> float:
    return sum((observed.get(k, 0) - e) ** 2 / e for k, e in expected.items())


def test_one_panel_is_uniform_among_its_valid_compositions():
    """5 of 12 with 4 enterprise experts and a quota of 2: 456 valid panels, each equally likely."""
    experts = [f"E{i}" for i in range(4)] + [f"G{i}" for i in range(8)]
    enterprise = {e: e.startswith("E") for e in experts}
    spec = [PanelSpec("P", "第1组", 5)]
    settings = RoundSettings(reserve_size=7)
    valid = [frozenset(c) for c in itertools.combinations(experts, 5) if sum(enterprise[e] for e in c) >= 2]
    assert len(valid) == math.comb(4, 2) * math.comb(8, 3) + math.comb(4, 3) * math.comb(8, 2) + math.comb(8, 1)
    runs = 10 * len(valid)
    panels, counts, sits, first_reserve = Counter(), Counter(), Counter(), 0
    for i in range(runs):
        drawn = draw_panels(spec, {"P": experts}, enterprise, settings, seed(f"uniform-{i}")).panels[0]
        members = frozenset(e for e, _ in drawn.members)
        panels[members] += 1
        counts[sum(enterprise[e] for e in members)] += 1
        sits.update(e for e in members if enterprise[e])
        first_reserve += enterprise[drawn.reserve[0]]
        assert sorted(members | set(drawn.reserve)) == sorted(experts)
    assert chi_square(panels, dict.fromkeys(valid, runs / len(valid))) < chi_square_bound(len(valid) - 1)
    exact = {e: math.comb(4, e) * math.comb(8, 5 - e) / len(valid) for e in (2, 3, 4)}
    assert exact[2] == pytest.approx(336 / 456)  # the 737 of 1,000; the old draw gave 844
    assert chi_square(counts, {e: p * runs for e, p in exact.items()}) < chi_square_bound(2)
    # each enterprise expert sits with probability E[count]/4 = 0.570; the reserve's first is enterprise with
    # probability E[4 − count]/7: both within four standard errors
    p_sit = sum(e * p for e, p in exact.items()) / 4
    for e in ("E0", "E1", "E2", "E3"):
        assert abs(sits[e] / runs - p_sit) < 4 * math.sqrt(p_sit * (1 - p_sit) / runs)
    p_first = sum((4 - e) * p for e, p in exact.items()) / 7
    assert abs(first_reserve / runs - p_first) < 4 * math.sqrt(p_first * (1 - p_first) / runs)


def test_a_later_panel_is_uniform_given_the_panels_before_it():
    """Two panels of 2 (quota 1) from five experts, one panel per expert: the first panel is uniform among those
    that leave the second drawable, the second uniform among the valid ones left."""
    experts = ["E1", "E2", "a", "b", "c"]
    enterprise = {"E1": True, "E2": True, "a": False, "b": False, "c": False}
    panels = [PanelSpec("A", "第1组", 2), PanelSpec("B", "第2组", 2)]
    eligible = {"A": experts, "B": ["E1", "E2", "a", "b"]}
    settings = RoundSettings(reserve_size=0)
    valid = list(valid_assignments(panels, eligible, enterprise, settings))
    firsts = Counter(a for a, _ in valid)
    expected = {}
    for first, ways in firsts.items():
        for a, b in valid:
            if a == first:
                expected[(a, b)] = 1 / len(firsts) / ways
    runs = 3000
    seen = Counter()
    for i in range(runs):
        a, b = members_of(draw_panels(panels, eligible, enterprise, settings, seed(f"two-{i}")))
        seen[(frozenset(a), frozenset(b))] += 1
    assert set(seen) <= set(expected)
    assert chi_square(seen, {k: p * runs for k, p in expected.items()}) < chi_square_bound(len(expected) - 1)


# --- the random stream ----------------------------------------------------------------------------------------

def test_the_stream_is_sha256_in_counter_mode():
    s = seed("stream")
    label = "panel:第1组".encode()
    block = hashlib.sha256(b"PanelDesk draw stream v1\x00" + bytes.fromhex(s) + len(label).to_bytes(4, "big")
                           + label + (0).to_bytes(8, "big")).digest()
    stream = Stream(s, "panel:第1组")
    assert [stream.word() for _ in range(4)] == [int.from_bytes(block[i:i + 8], "big") for i in (0, 8, 16, 24)]


def test_a_seeded_prefix_is_the_start_of_the_whole_order():
    items = [f"P{i:02d}" for i in range(30)]
    whole = seeded_prefix(Stream(seed("p"), "x"), items, len(items))
    assert sorted(whole) == items
    assert seeded_prefix(Stream(seed("p"), "x"), items, 7) == whole[:7]


def test_below_is_unbiased_for_large_ranges():
    stream = Stream(seed("big"), "x")
    n = 3 * 2 ** 70
    values = [stream.below(n) for _ in range(200)]
    assert all(0 <= v < n for v in values) and max(values) > n // 2


# --- when it cannot succeed ------------------------------------------------------------------------------------

def test_scarce_enterprise_experts_are_shared_out():
    # 第1组 may use either enterprise expert; 第2组 only X: the first panel must take Y, whatever the seed.
    panels = [PanelSpec("A", "第1组", 3), PanelSpec("B", "第2组", 3)]
    eligible = {"A": ["X", "Y", "a1", "a2", "a3"], "B": ["X", "b1", "b2", "b3"]}
    enterprise = {"X": True, "Y": True} | {e: False for e in ["a1", "a2", "a3", "b1", "b2", "b3"]}
    for i in range(40):
        a, b = members_of(draw_panels(panels, eligible, enterprise, ON, seed(i)))
        assert "Y" in a and "X" in b and "X" not in a


def test_single_panel_short_of_enterprise_experts_is_named():
    panels = [PanelSpec("G1", "第1组", 7), PanelSpec("G3", "第3组", 7)]
    enterprise = {f"E{i}": i < 2 for i in range(20)} | {f"F{i}": i < 3 for i in range(20)}
    eligible = {"G1": [f"F{i}" for i in range(20)], "G3": [f"E{i}" for i in range(20)]}
    names = {"E0": "张三", "E1": "李四"}
    with pytest.raises(DrawInfeasible) as error:
        draw_panels(panels, eligible, enterprise, ON, seed("s"), names)
    assert str(error.value) == "评审组「第3组」需要3名企业专家，符合条件的仅2名：张三、李四。"
    assert error.value.panels == ("G3",)


def test_single_panel_short_of_experts_is_named():
    with pytest.raises(DrawInfeasible, match="评审组「第1组」需要5名专家，符合条件的仅4名：A、B、C、D"):
        draw_panels([PanelSpec("G1", "第1组", 5)], {"G1": ["A", "B", "C", "D"]},
                    dict.fromkeys("ABCD", True), ON, seed("s"))


def test_panels_short_together_are_named_with_what_they_need():
    panels = [PanelSpec("A", "第1组", 3), PanelSpec("B", "第2组", 3), PanelSpec("C", "第3组", 3)]
    eligible = {"A": ["X", "a1", "a2"], "B": ["X", "b1", "b2"], "C": ["Z", "c1", "c2"]}
    enterprise = {"X": True, "Z": True} | {e: False for v in eligible.values() for e in v if e not in "XZ"}
    with pytest.raises(DrawInfeasible) as error:
        draw_panels(panels, eligible, enterprise, ON, seed("s"), {"X": "王五"})
    assert error.value.panels == ("A", "B")
    message = str(error.value)
    assert "「第1组」（需1名企业专家）、「第2组」（需1名企业专家）合计需要2名企业专家" in message
    assert "仅1名：王五" in message and "第3组" not in message
    # without the one-panel rule the same pool is enough
    assert len(draw_panels(panels, eligible, enterprise, OFF, seed("s")).panels) == 3


def test_whole_panels_short_together():
    panels = [PanelSpec("A", "第1组", 2), PanelSpec("B", "第2组", 2)]
    eligible = {"A": ["x", "y", "z"], "B": ["x", "y", "z"]}
    with pytest.raises(DrawInfeasible, match="合计需要4名专家，而符合其中任一组条件的专家仅3名"):
        draw_panels(panels, eligible, dict.fromkeys("xyz", True), ON, seed("s"))


def test_without_one_panel_per_expert_panels_are_independent():
    experts = [f"P{i}" for i in range(6)]
    panels = [PanelSpec("G1", "第1组", 6), PanelSpec("G2", "第2组", 6)]
    eligible, enterprise = {"G1": experts, "G2": experts}, dict.fromkeys(experts, True)
    result = draw_panels(panels, eligible, enterprise, OFF, seed("s"))
    assert [sorted(m) for m in members_of(result)] == [experts, experts]
    with pytest.raises(DrawInfeasible):
        draw_panels(panels, eligible, enterprise, ON, seed("s"))


# --- reserves ----------------------------------------------------------------------------------------------

def test_reserve_defaults_to_twice_the_panel_size_and_is_a_plain_seeded_order_of_the_rest():
    experts = [f"P{i:02d}" for i in range(30)]
    result = draw_panels([PanelSpec("G1", "第1组", 3)], {"G1": experts}, dict.fromkeys(experts, True), ON, seed("s"))
    members = members_of(result)[0]
    rest = [e for e in experts if e not in members]
    assert result.panels[0].reserve == tuple(seeded_prefix(Stream(seed("s"), "reserve:G1"), rest, 6))
    assert canonical_json({"b": Fraction(1, 3), "a": 1}) == '{"a":1,"b":"1/3"}'


def test_a_reserve_called_by_one_panel_leaves_the_others_lists():
    reserves = {"第1组": ["赵建国", "钱", "孙"], "第2组": ["李", "赵建国", "周"]}
    assert shared_reserves(reserves) == {"赵建国": ["第1组", "第2组"]}
    called = next_reserve(reserves["第1组"], unavailable=[])
    assert called == "赵建国"
    assert next_reserve(reserves["第2组"], unavailable=["李", called]) == "周"
    assert next_reserve(["钱"], unavailable=["钱"]) is None


# --- recusal and draw together ----------------------------------------------------------------------------------

@st.composite
def rounds(draw):
    people = [f"E{i}" for i in range(12)]
    experts = tuple(Expert(p, p, (draw(st.sampled_from(["520", "52010", "52020", "630"])),), draw(st.booleans()))
                    for p in people)
    orgs = ["ORG1", "ORG2", "ORG3"]
    apps = tuple(Application(f"A{i}", "t", draw(st.sampled_from(["520", "5201020", "52010"])), draw(st.sampled_from(
        orgs)), (), tuple(TeamMember(p, p, "骨干") for p in draw(st.lists(st.sampled_from(people), max_size=2))))
        for i in range(4))
    pool = Pool(experts,
                stays=tuple(Stay(draw(st.sampled_from(people)), draw(st.sampled_from(orgs)), "u", 2020, None)
                            for _ in range(draw(st.integers(0, 4)))),
                relations=tuple(Relation(draw(st.sampled_from(people)), draw(st.sampled_from(people)), "合作")
                                for _ in range(draw(st.integers(0, 3)))))
    panel_of = {a.number: draw(st.sampled_from(["G1", "G2"])) for a in apps}
    return pool, RoundCase(dt.date(2026, 6, 1), RoundSettings(panel_size=3), apps, panel_of)


@hyp_settings(max_examples=150, deadline=None)
@given(round_=rounds(), text=st.text(max_size=6))
def test_no_drawn_member_has_a_ground_for_any_application_of_its_panel(round_, text):
    pool, case = round_
    conflicts = compute_conflicts(pool, case)
    panels = [PanelSpec(k, k, 3) for k in sorted(set(case.panel_of.values()))]
    eligible = {p.key: conflicts.eligible_for_panel(p.key) for p in panels}
    try:
        result = draw_panels(panels, eligible, {e.person: e.enterprise for e in pool.experts}, case.settings,
                             seed(text))
    except DrawInfeasible:
        return
    for panel in result.panels:
        for member, _ in panel.members:
            for number in conflicts.panels[panel.key]:
                assert conflicts.grounds_for(number, member) == ()
