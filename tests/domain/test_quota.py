"""ENTERPRISE_THIRD: the required count at every usual size, exactness, and the check's verdict."""

from fractions import Fraction

import pytest
from hypothesis import given, strategies as st

from desktop.domain.quota import check_panel, enterprise_required


@pytest.mark.parametrize("size,required", list(zip(range(3, 12), [1, 2, 2, 2, 3, 3, 3, 4, 4])))
def test_required_at_sizes_3_to_11(size, required):
    assert enterprise_required(size) == required


@given(size=st.integers(0, 200), num=st.integers(0, 20), den=st.integers(1, 20))
def test_required_is_the_smallest_count_reaching_the_fraction(size, num, den):
    fraction = Fraction(min(num, den), den)
    required = enterprise_required(size, fraction)
    assert required >= size * fraction
    assert required == 0 or required - 1 < size * fraction


def test_check_panel_verdicts():
    short = check_panel([True, True, False, False, False, False, False])
    assert not short.ok and (short.count, short.required, short.size) == (2, 3, 7)
    assert "ENTERPRISE_THIRD" in short.message and "还差1名" in short.message
    assert check_panel([True, True, True, False, False, False, False]).ok


def test_panel_that_sat_short_is_checked_against_its_planned_size():
    sat = check_panel([True, True, False, False, False], size=7)
    assert not sat.ok and sat.required == 3
    assert check_panel([True, False], size=3, fraction=Fraction(1, 2)).required == 2
