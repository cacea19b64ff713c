"""The rules of calls, replacements, confirmation and commitments at their boundaries (pure, no workspace)."""

from fractions import Fraction

import pytest

from desktop.domain.calls import CallRefused, check_call, status_after
from desktop.domain.commitments import ScanRefused, attendance_of, scan_type
from desktop.domain.confirmation import NotReady, check_confirmable
from desktop.domain.errors import RuleError
from desktop.domain.replacements import GENERAL, GROUND, UNAVAILABLE, draw_batch, enterprise_shortfall, \
    next_replacement


def test_a_decline_carries_one_of_the_four_reasons():
    assert check_call("declined", "需回避") == check_call("拒绝", "", "需回避")
    assert check_call("declined", "出国访问").reason_kind == "其他"
    assert check_call("declined", "身体原因：住院").reason == "住院"
    with pytest.raises(CallRefused):
        check_call("declined", "")
    with pytest.raises(CallRefused):
        check_call("declined", "", "出差")
    with pytest.raises(CallRefused):
        check_call("maybe")


@pytest.mark.parametrize("outcomes, status", [
    ([], "pending"), (["unreachable"] * 2, "pending"), (["unreachable"] * 3, "unreachable"),
    (["unreachable", "unreachable", "pending", "unreachable"], "pending"),  # an answer starts the count again
    (["accepted", "declined"], "declined"), (["pending", "accepted"], "accepted"),
])
def test_the_seat_is_freed_after_n_unanswered_calls_in_a_row(outcomes, status):
    assert status_after(outcomes, 3) == status


def test_the_only_enterprise_member_leaving_passes_over_general_reserves():
    enterprise = {"g1": False, "g2": False, "e1": True, "e2": True}
    pick = next_replacement(["g1", "g2", "e1", "e2"], [], enterprise, enterprise,
                            need_enterprise=enterprise_shortfall([False, False], 1) > 0)
    assert pick.expert == "e1" and pick.passed_over == (("g1", GENERAL), ("g2", GENERAL))
    assert next_replacement(["g1", "e1"], [], enterprise, enterprise, False).expert == "g1"


def test_taken_and_excluded_reserves_are_passed_over_and_an_empty_reserve_says_so():
    enterprise = {"a": False, "b": False, "c": False}
    pick = next_replacement(["a", "b", "c"], ["a"], ["a", "c"], enterprise, False)
    assert pick.expert == "c" and pick.passed_over == (("a", UNAVAILABLE), ("b", GROUND))
    assert next_replacement(["a"], ["a"], ["a"], enterprise, False).expert is None


def test_a_supplementary_batch_is_reproducible_and_brings_the_enterprise_experts_needed():
    enterprise = {f"e{i}": True for i in range(3)} | {f"g{i}": False for i in range(6)}
    seed = "ab" * 32
    first = draw_batch(seed, "第1组", 2, enterprise, ["g0"], enterprise, 2, 1)
    assert first == draw_batch(seed, "第1组", 2, enterprise, ["g0"], enterprise, 2, 1)
    assert "g0" not in first and sum(enterprise[e] for e in first) >= 1
    assert draw_batch(seed, "第1组", 2, enterprise, list(enterprise)[:3], enterprise, 1, 1) is None


def test_a_panel_is_confirmed_only_with_every_seat_accepted_and_below_quota_only_with_a_reason():
    seats = [("甲", "accepted", True), ("乙", "accepted", False), ("丙", "accepted", False)]
    assert check_confirmable("第1组", seats, 3, Fraction(1, 3)).ok
    with pytest.raises(NotReady, match="丁（待确认）"):
        check_confirmable("第1组", seats + [("丁", "pending", True)], 4, Fraction(1, 3))
    low = [("甲", "accepted", False)] + seats[1:]
    with pytest.raises(RuleError) as refused:
        check_confirmable("第1组", low, 3, Fraction(1, 3))
    assert refused.value.code == "ENTERPRISE_THIRD"
    assert not check_confirmable("第1组", low, 3, Fraction(1, 3), "本领域企业专家不足，经监督员同意").ok


def test_a_scan_is_what_its_name_says():
    assert scan_type("承诺书.PDF", b"%PDF-1.7\n") == "application/pdf"
    assert scan_type("photo.jpg", b"\xff\xd8\xff\xe0") == "image/jpeg"
    with pytest.raises(ScanRefused, match="扩展名与内容不符"):
        scan_type("photo.png", b"\xff\xd8\xff\xe0")
    with pytest.raises(ScanRefused):
        scan_type("承诺书.docx", b"PK")
    assert attendance_of("中途离会") == "left_early"
