"""FIELD matching at each level, the bulk index against the pairwise rule, and the look-back window."""

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from desktop.domain.errors import RuleError
from desktop.domain.fields import FieldIndex, fields_match
from desktop.domain.window import look_back, overlaps


@pytest.mark.parametrize("a,b,level,expected", [
    ("520", "5201020", 2, True),
    ("5201010", "5201020", 2, True),
    ("52020", "5201020", 2, False),
    ("5201010", "5201020", 3, False),
    ("52020", "5201020", 1, True),
    ("520", "52020", 3, True),
    ("630", "5201020", 1, False),
])
def test_field_examples(a, b, level, expected):
    assert fields_match(a, b, level) is expected
    assert fields_match(b, a, level) is expected


@pytest.mark.parametrize("bad", ["52", "5201", "52a10", ""])
def test_bad_field_code(bad):
    with pytest.raises(RuleError, match="GB/T 13745"):
        fields_match(bad, "520", 2)


codes = st.sampled_from([3, 5, 7]).flatmap(lambda n: st.text("0123", min_size=n, max_size=n))


@given(experts=st.dictionaries(st.integers(0, 50), st.lists(codes, min_size=1, max_size=3), max_size=30),
       app_field=codes, level=st.sampled_from([1, 2, 3]))
def test_index_agrees_with_the_pairwise_rule(experts, app_field, level):
    index = FieldIndex(experts.items(), level)
    expected = {k for k, fs in experts.items() if any(fields_match(f, app_field, level) for f in fs)}
    assert index.matching(app_field) == expected
    assert all(index.matches(k, app_field) == (k in expected) for k in experts)


def test_window_edges():
    window = look_back(dt.date(2026, 5, 1), 3)
    assert (window.first, window.last) == (2023, 2026)
    assert overlaps(2015, 2023, window)
    assert not overlaps(2015, 2022, window)
    assert overlaps(None, None, window) and overlaps(2000, None, window)
    assert overlaps(2026, None, window) and not overlaps(2027, None, window)
