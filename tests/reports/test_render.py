"""Rendering every document: the values reach the page, the fonts travel with the file, the layout holds."""

import datetime as dt

import pytest

import report_samples as samples
from report_pdfs import fonts_of, pages_of, text_of
from reports.layout import CHARS_PER_LINE, CHAR_PITCH, SIZE_3
from reports.clock import BEIJING
from reports.render import load_template, render
from reports.fonts import fonts
from reports.wrap import NO_LINE_END, NO_LINE_START, break_lines

DOCUMENTS = {
    "expert": samples.expert_letter(),
    "applicant": samples.applicant_commitment(),
    "notice": samples.outcome_notice(),
    "publicity": samples.publicity_list(),
    "sign_in": samples.sign_in_sheet(),
    **{f"score_{kind}": samples.score_sheet(kind) for kind in ("weighted", "grade", "vote", "rank")},
}


@pytest.mark.parametrize("key", DOCUMENTS)
def test_every_placeholder_value_is_in_the_text(key):
    document = DOCUMENTS[key]
    text = text_of(render(document).pdf)
    template = load_template(document)
    used = template.used()
    columns = {column.name for block in template.blocks if block.kind == "table" for column in block.columns}
    values = document.values()
    assert used & set(values)
    for name in used & set(values):
        assert values[name].replace(" ", "") in text, f"{name}={values[name]!r} missing"
    for row in document.rows():
        for name in columns & set(row):
            assert "".join(row[name].split()) in text


@pytest.mark.parametrize("key", DOCUMENTS)
def test_every_font_is_embedded(key):
    used = fonts_of(render(DOCUMENTS[key]).pdf)
    assert used and all(used.values()), used
    assert not any("Helvetica" in name for name in used)


def test_expert_letter_states_every_commitment_of_the_rule():
    """EXPERT_COMMITMENT: confidentiality, recusal, no lobbying, reporting requests, no signing blind, no leaking."""
    text = text_of(render(samples.expert_letter()).pdf)
    for words in ("保密", "回避", "打招呼", "报告", "不在情况不掌握、内容不了解的意见建议上署名签字", "泄露",
                  "承诺人（签字）", "欧阳明远", "先进制造第一组"):
        assert words in text


def test_outcome_notice_carries_opinions_without_expert_names():
    notice = samples.outcome_notice()
    text = text_of(render(notice).pdf)
    for opinion in notice.opinions:
        assert opinion in text
    assert "专家一" in text and "专家三" in text
    assert not any(member.name in text for member in samples.MEMBERS)
    assert "2026年6月2日" in text


def test_weighted_score_sheet_has_a_column_per_criterion():
    text = text_of(render(samples.score_sheet("weighted")).pdf)
    for heading in ("创新性30分", "可行性30分", "团队能力20分", "预期效益20分", "总分"):
        assert heading in text
    assert "等级" not in text and "表决" not in text


def test_vote_sheet_asks_for_a_vote_only():
    text = text_of(render(samples.score_sheet("vote")).pdf)
    assert "表决意见" in text and "2/3" in text and "总分" not in text


def test_long_list_runs_over_pages_with_numbers():
    pdf = render(samples.publicity_list(60)).pdf
    pages = pages_of(pdf)
    assert "2026ZD0160" in text_of(pdf) and pages[0].startswith("—1—") and pages[1].startswith("—2—")


def test_rendering_is_deterministic_for_one_creation_time():
    created = dt.datetime(2026, 5, 8, 9, 30, tzinfo=BEIJING)
    assert render(samples.expert_letter(), created=created).pdf == render(samples.expert_letter(), created=created).pdf


def test_body_line_holds_28_characters_of_3hao_type():
    measure = lambda s: len(s) * CHAR_PITCH  # noqa: E731 - every CJK character takes one grid cell
    assert CHARS_PER_LINE * CHAR_PITCH == pytest.approx(156 * 72 / 25.4)
    assert CHAR_PITCH == pytest.approx(SIZE_3, abs=0.25)
    lines = break_lines("字" * 60, CHARS_PER_LINE * CHAR_PITCH, measure)
    assert [len(line) for line in lines] == [28, 28, 4]


def test_closing_punctuation_never_starts_a_line():
    measure = lambda s: len(s) * 10.0  # noqa: E731
    text = "一二三四五六七八九十，一二三四五六七八九。”一二三（四五六七八九十"
    for width in range(30, 200, 10):
        lines = break_lines(text, width, measure)
        assert "".join(lines) == text
        for before, after in zip(lines, lines[1:]):
            assert after[0] not in NO_LINE_START, (width, lines)
            assert before[-1] not in NO_LINE_END, (width, lines)


def test_latin_words_and_numbers_stay_whole():
    measure = lambda s: len(s) * 10.0  # noqa: E731
    lines = break_lines("项目编号2026ZD0101已受理", 120, measure)
    assert any("2026ZD0101" in line for line in lines)


def test_shipped_fonts_are_used_without_system_ones():
    face = fonts()
    assert face.body.path.exists() and face.heading.path.exists()


def test_a_latin_run_wider_than_the_line_breaks_inside_and_no_line_overflows():
    measure = lambda s: len(s) * 7.0  # noqa: E731 - half-width figures at 4号
    for text in ("2024CXGC010101", "Shandong Provincial Key Laboratory of Intelligent Manufacturing Technology",
                 "Institute_of_Automation_Chinese_Academy_of_Sciences"):
        lines = break_lines(text, 60, measure)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert all(measure(line) <= 60 for line in lines), lines
