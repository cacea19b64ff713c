"""GB 11643 and GB 32100 check characters: known codes and properties over all valid prefixes."""

from hypothesis import given, strategies as st

from desktop.domain.ids import (
    CREDIT_CHARSET,
    credit_check_char,
    credit_code_problem,
    id_check_digit,
    id_number_problem,
)

# Published examples: the GB 11643 standard's own sample and a real company's credit code (Huawei Technologies).
GB11643_SAMPLE = "11010519491231002X"
HUAWEI_CREDIT_CODE = "914403001922038216"


def test_known_id_number_is_valid():
    assert id_number_problem(GB11643_SAMPLE) is None


def test_known_credit_code_is_valid():
    assert credit_code_problem(HUAWEI_CREDIT_CODE) is None


def test_wrong_id_check_digit_names_the_expected_one():
    problem = id_number_problem("110105194912310021")
    assert problem is not None and "X" in problem


def test_impossible_birth_date_is_rejected():
    first17 = "11010519490231002"
    assert "出生日期" in id_number_problem(first17 + id_check_digit(first17))


def test_credit_code_with_forbidden_letter_is_rejected():
    assert "非法字符" in credit_code_problem("91440300192203821I")


def test_wrong_length_is_rejected():
    assert "18位" in id_number_problem("1101051949123100")
    assert "18位" in credit_code_problem("9144030019220382")


digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)
dates = st.dates(min_value=__import__("datetime").date(1900, 1, 1), max_value=__import__("datetime").date(2025, 12, 31))


@given(region=st.text(alphabet="0123456789", min_size=6, max_size=6), born=dates,
       serial=st.text(alphabet="0123456789", min_size=3, max_size=3))
def test_every_id_with_its_check_digit_is_valid(region, born, serial):
    first17 = region + born.strftime("%Y%m%d") + serial
    assert id_number_problem(first17 + id_check_digit(first17)) is None


@given(region=st.text(alphabet="0123456789", min_size=6, max_size=6), born=dates,
       serial=st.text(alphabet="0123456789", min_size=3, max_size=3), position=st.integers(0, 16),
       delta=st.integers(1, 9))
def test_any_single_digit_change_is_caught(region, born, serial, position, delta):
    first17 = region + born.strftime("%Y%m%d") + serial
    valid = first17 + id_check_digit(first17)
    changed = valid[:position] + str((int(valid[position]) + delta) % 10) + valid[position + 1:]
    assert id_number_problem(changed) is not None


credit17 = st.text(alphabet=CREDIT_CHARSET, min_size=17, max_size=17)


@given(first17=credit17, position=st.integers(0, 16), delta=st.integers(1, 30))
def test_any_single_credit_character_change_is_caught(first17, position, delta):
    valid = first17 + credit_check_char(first17)
    assert credit_code_problem(valid) is None
    replaced = CREDIT_CHARSET[(CREDIT_CHARSET.index(valid[position]) + delta) % 31]
    changed = valid[:position] + replaced + valid[position + 1:]
    assert credit_code_problem(changed) is not None
