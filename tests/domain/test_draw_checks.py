"""Before a draw: the witness is another person (SEPARATION), digits and secrets are well formed (FAIR_DRAW), and only
drawable rounds are drawn (CORRECTIONS)."""

from fractions import Fraction

import pytest

from desktop.domain.draw_checks import (canonical_name, check_may_draw, check_witness, may_draw, parse_secret,
                                        same_person, witness_digits)
from desktop.domain.draw_random import commitment_of, seed_of
from desktop.domain.errors import RuleError
from desktop.domain.methods import RoundStateError
from desktop.domain.quota import check_panel
from desktop.domain.shares import share_words


@pytest.mark.parametrize("disguised", ["李监督\u200b", " 李 监督 ", "\u200d李监督\ufeff", "李监督\u202e", "李监督\u3000"])
def test_a_disguised_name_is_the_same_person(disguised):
    assert same_person(disguised, "李监督")
    with pytest.raises(RuleError) as refused:
        check_witness("李监督", disguised)
    assert refused.value.code == "SEPARATION"


def test_full_width_letters_are_the_same_name():
    assert canonical_name("ＡＢＣ秘书") == "ABC秘书"


def test_the_witness_is_named_and_recorded_in_canonical_form():
    assert check_witness("王秘书", "李监督\u200b") == "李监督"
    with pytest.raises(RuleError, match="请填写见证监督员姓名") as refused:
        check_witness("王秘书", "\u200b ")
    assert refused.value.code == "SEPARATION"


@pytest.mark.parametrize("typed,digits", [("123456", "123456"), ("１２３ ４５６", "123456"), (" 3141592653 ", "3141592653")])
def test_witness_digits_are_ascii_digits_after_nfkc(typed, digits):
    assert witness_digits(typed) == digits


@pytest.mark.parametrize("typed", ["12345", "", "12a456", "١٢٣٤٥٦", "12345６x", "1" * 65])
def test_bad_witness_digits_are_refused(typed):
    with pytest.raises(RuleError) as refused:
        witness_digits(typed)
    assert refused.value.code == "FAIR_DRAW"


def test_arabic_indic_digits_are_not_silently_read_as_digits():
    # NFKC leaves them as they are; the draw takes only what the doc says: ASCII 0-9
    with pytest.raises(RuleError, match="只能由数字"):
        witness_digits("١٢٣٤٥٦٧")


def test_secret_must_be_64_hex_characters():
    assert parse_secret("AB" * 32) == bytes([0xAB]) * 32
    for bad in ("ab" * 31, "zz" * 32, ""):
        with pytest.raises(RuleError) as refused:
            parse_secret(bad)
        assert refused.value.code == "FAIR_DRAW"


def test_commitment_binds_the_pool_and_the_seed_binds_all_three():
    pool, secret = "11" * 32, bytes(32)
    assert commitment_of(pool, secret) != commitment_of("12" * 32, secret)
    seeds = {seed_of(pool, secret, "123456"), seed_of(pool, secret, "123457"), seed_of("12" * 32, secret, "123456"),
             seed_of(pool, b"\x01" * 32, "123456")}
    assert len(seeds) == 4


def test_which_rounds_may_be_drawn():
    assert check_may_draw("opened", False, None) == ""
    assert check_may_draw("drawn", True, " 监督员要求 ") == "监督员要求"
    with pytest.raises(RoundStateError, match="尚未开启"):
        check_may_draw("draft", False, None)
    with pytest.raises(RuleError) as confirmed:
        check_may_draw("confirmed", True, "理由")
    assert confirmed.value.code == "CORRECTIONS"
    with pytest.raises(RuleError, match="重新抽取的理由") as again:
        check_may_draw("drawn", True, "  ")
    assert again.value.code == "CORRECTIONS" and "--" not in str(again.value)
    assert may_draw("opened", 2) and may_draw("drawn", 1)
    assert not may_draw("opened", 0) and not may_draw("draft", 3) and not may_draw("scoring", 3)


def test_the_quota_is_worded_from_the_rounds_fraction():
    assert share_words(Fraction(1, 3)) == "三分之一"
    assert share_words(Fraction(2, 5)) == "五分之二"
    assert share_words(Fraction(7, 12)) == "十二分之七"
    assert "五分之二" in check_panel([True, True, False, False, False], fraction=Fraction(2, 5)).message
