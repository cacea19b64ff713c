"""GB 11643 and GB 32100: one canonical form for every spelling, check characters, and refusals that never guess."""

import datetime as dt

from hypothesis import given, strategies as st

from desktop.domain.ids import (
    CREDIT_CHARSET,
    ID_STORED_AS_NUMBER,
    canonical,
    credit_check_char,
    credit_code_problem,
    expert_birth_problem,
    id_check_digit,
    id_number_problem,
    id_or_credit_code_problem,
    zeroed_by_spreadsheet,
)

# Published examples: the GB 11643 standard's own sample and a real company's credit code (Huawei Technologies).
GB11643_SAMPLE = "11010519491231002X"
HUAWEI_CREDIT_CODE = "914403001922038216"
FULL_WIDTH = "３７０６１１１９５５０３０６５６９X"


def test_known_id_number_is_valid():
    assert id_number_problem(GB11643_SAMPLE) is None


def test_known_credit_code_is_valid():
    assert credit_code_problem(HUAWEI_CREDIT_CODE) is None


def test_wrong_id_check_digit_is_refused_without_a_corrected_digit():
    problem = id_number_problem("110105194912310021")
    assert problem is not None and "校验码" in problem
    assert "X" not in problem and "应为" not in problem


def test_full_width_digits_spaces_and_lowercase_x_give_one_canonical_form():
    spellings = [FULL_WIDTH, "37061119550306569x", " 370611 19550306 569X ", "370611\u300019550306569X",
                 "3706111955\u200b0306569X", "3706111955\u00a00306569\uff58", "３７０６１１19550306569x"]
    assert {canonical(s) for s in spellings} == {"37061119550306569X"}
    assert id_number_problem("37061119550306569X") is None


def test_superscript_digits_become_ascii_and_arabic_indic_digits_are_refused_by_name():
    assert canonical("¹¹⁰¹⁰⁵¹⁹⁴⁹¹²³¹⁰⁰²X") == GB11643_SAMPLE
    arabic = canonical("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X")
    problem = id_number_problem(arabic)
    assert "U+0661" in problem and "ARABIC-INDIC DIGIT ONE" in problem
    assert "U+202E" in id_number_problem(canonical("1101051949\u202e1231002X"))


def test_a_number_a_spreadsheet_stored_as_a_number_is_refused_with_the_reason():
    assert id_number_problem("1.10101197508082E+17") == ID_STORED_AS_NUMBER
    first17 = "11010119750808200"
    lost = first17[:15] + "000"  # 110101197508082078 after 15 significant digits
    if id_check_digit(lost[:17]) != lost[17]:
        assert id_number_problem(lost) == ID_STORED_AS_NUMBER
    assert "存成了数字" in credit_code_problem("9.14403001922038E+17")
    assert "存成了数字" in id_or_credit_code_problem("1.10101197508082E+17")


def test_a_birth_date_after_today_is_refused():
    first17 = "11010520300101002"
    code = first17 + id_check_digit(first17)
    assert id_number_problem(code) is None  # no date given: only the form is checked
    assert "晚于今天" in id_number_problem(code, dt.date(2026, 12, 1))


def test_impossible_birth_date_is_rejected():
    first17 = "11010519490231002"
    assert "出生日期" in id_number_problem(first17 + id_check_digit(first17))


def test_credit_codes_are_canonical_too():
    assert canonical(" ９１４４０３００１９２２０３８２１６ ") == HUAWEI_CREDIT_CODE
    assert canonical("91440300ma5f0abc1x") == "91440300MA5F0ABC1X"


def test_credit_code_with_forbidden_letter_is_rejected():
    assert "非法字符" in credit_code_problem("91440300192203821I")


def test_wrong_length_is_rejected():
    assert "18位" in id_number_problem("1101051949123100")
    assert "18位" in credit_code_problem("9144030019220382")


digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)
dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2025, 12, 31))


@given(region=st.text(alphabet="0123456789", min_size=6, max_size=6), born=dates,
       serial=st.text(alphabet="0123456789", min_size=3, max_size=3))
def test_every_id_with_its_check_digit_is_valid(region, born, serial):
    first17 = region + born.strftime("%Y%m%d") + serial
    assert id_number_problem(first17 + id_check_digit(first17)) is None


@given(region=st.text(alphabet="0123456789", min_size=6, max_size=6), born=dates,
       serial=st.text(alphabet="0123456789", min_size=3, max_size=3), position=st.integers(0, 16),
       delta=st.integers(1, 9))
def test_any_single_digit_change_is_caught_and_no_check_digit_is_suggested(region, born, serial, position, delta):
    first17 = region + born.strftime("%Y%m%d") + serial
    valid = first17 + id_check_digit(first17)
    changed = valid[:position] + str((int(valid[position]) + delta) % 10) + valid[position + 1:]
    problem = id_number_problem(changed)
    assert problem is not None and "应为" not in problem


@given(born=dates, serial=st.text(alphabet="0123456789", min_size=3, max_size=3),
       spaces=st.lists(st.sampled_from([" ", "\u3000", "\u00a0", "\u200b", "\ufeff", "\t"]), max_size=4))
def test_every_full_width_spelling_of_a_valid_id_is_the_same_person(born, serial, spaces):
    first17 = "370102" + born.strftime("%Y%m%d") + serial
    valid = first17 + id_check_digit(first17)
    wide = "".join(chr(ord(c) + 0xFEE0) for c in valid.lower())
    spelled = "".join(spaces) + wide[:9] + "".join(spaces) + wide[9:]
    assert canonical(spelled) == valid


credit17 = st.text(alphabet=CREDIT_CHARSET, min_size=17, max_size=17)


@given(first17=credit17, position=st.integers(0, 16), delta=st.integers(1, 30))
def test_any_single_credit_character_change_is_caught(first17, position, delta):
    valid = first17 + credit_check_char(first17)
    assert credit_code_problem(valid) is None
    assert canonical(valid.lower()) == valid
    replaced = CREDIT_CHARSET[(CREDIT_CHARSET.index(valid[position]) + delta) % 31]
    changed = valid[:position] + replaced + valid[position + 1:]
    problem = credit_code_problem(changed)
    assert problem is not None and "应为" not in problem


def test_an_expert_must_be_of_age_and_under_a_hundred_and_one_at_the_day_given():
    day = dt.date(2026, 12, 6)
    of_age = "11010520081206002"  # 18 on the day
    assert expert_birth_problem(of_age + id_check_digit(of_age), day) is None
    young = "11010520081207002"
    assert "未满18周岁" in expert_birth_problem(young + id_check_digit(young), day)
    old = "11010519251206002"
    assert "101周岁" in expert_birth_problem(old + id_check_digit(old), day)
    hundred = "11010519261206002"
    assert expert_birth_problem(hundred + id_check_digit(hundred), day) is None


def test_only_an_all_digit_code_ending_in_000_has_the_form_a_spreadsheet_leaves():
    assert zeroed_by_spreadsheet("110101197508082000")
    assert not zeroed_by_spreadsheet("11010119750808200X")
    assert not zeroed_by_spreadsheet("110101197508082001")
    assert not zeroed_by_spreadsheet("11010119750808200")
