"""The documents as the official who signs and files them reads them against GB/T 9704: the seal block, page
numbers, the creation time, tables that hold, forms that cannot pass for signed, data that agree with the round."""

import datetime as dt
import io
import subprocess
import time
from dataclasses import replace

import pytest
from PIL import Image
from pypdf import PdfReader

import report_samples as samples
from report_pdfs import fonts_of, overprints, pages_of, text_of, words_of
from reports.documents import (ApplicationRef, Criterion, DocumentError, PublicityEntry, PublicityList, ScoreSheet,
                               SignInSheet)
from reports.layout import BLOCK_WIDTH, BOTTOM, LEFT, LINE_PITCH, PAGE_HEIGHT
from reports.render import render

MM = 72 / 25.4
NOTE = ("签名证书指纹：1A2B 3C4D 5E6F 7A8B", "核验方法：paneldesk verify 本文件")
LONG_NUMBER = "2024CXGC010101"
LONG_ORG = "Shandong Provincial Key Laboratory of High-End Equipment Intelligent Manufacturing Technology Co., Ltd."


def _notice(opinions: int, length: int):
    notice = samples.outcome_notice()
    return replace(notice, opinions=tuple("建议" * length + "。" for _ in range(opinions)))


@pytest.mark.parametrize("opinions,length", [(1, 10), (1, 40), (2, 25), (3, 12), (4, 30), (6, 20), (8, 9)])
def test_seal_block_never_stands_alone_and_the_stamp_presses_on_signature_and_date(opinions, length, tmp_path):
    notice = _notice(opinions, length)
    rendered = render(notice, note=NOTE)
    pages = words_of(rendered.pdf, tmp_path)
    assert rendered.signature_page == len(pages) - 1
    page = pages[rendered.signature_page]
    x1, y1, x2, y2 = rendered.signature_box
    top, bottom = PAGE_HEIGHT - y2, PAGE_HEIGHT - y1  # in poppler's coordinates, from the top
    organiser = [w for w in page if w[0] == notice.round.organiser]
    date = [w for w in page if w[0] == "2026年5月19日"]
    assert organiser and date
    for word in organiser + date:  # 署名 and date lie inside the stamp, in its lower part
        assert x1 <= word[1] and word[3] <= x2 and top + (bottom - top) / 3 < word[2] and word[4] <= bottom
    assert organiser[0][2] - top <= LINE_PITCH * 1.5  # the stamp's top is one line above the 署名's line
    body = [w for w in page if w[4] < top and not w[0].startswith("—")]
    assert len({round(w[4]) for w in body}) >= 2, "fewer than two lines of text above the seal"
    date_right = date[0][3]
    assert date_right == pytest.approx(LEFT + BLOCK_WIDTH - 4 * BLOCK_WIDTH / 28, abs=2)  # 右空四字
    centre = (organiser[0][1] + organiser[0][3]) / 2
    assert centre == pytest.approx((date[0][1] + date[0][3]) / 2, abs=2)  # 署名 centred on the date


def test_applicants_seal_place_stays_blank_and_the_office_stamp_is_clear_of_it(tmp_path):
    document = samples.applicant_commitment()
    rendered = render(document, note=NOTE)
    text = text_of(rendered.pdf)
    assert "申报单位（盖章）：年月日" in text  # nothing printed in the applicant's place
    page = words_of(rendered.pdf, tmp_path)[rendered.signature_page]
    seal_line = [w for w in page if w[0].startswith("申报单位（盖章）")]
    assert seal_line and PAGE_HEIGHT - rendered.signature_box[3] > seal_line[0][4]  # the stamp is below it
    assert "1A2B3C4D5E6F7A8B" in text and "paneldeskverify" in text


def test_expert_name_is_printed_beside_an_empty_signature_line():
    text = text_of(render(samples.expert_letter()).pdf)
    assert "承诺人姓名：欧阳明远" in text and "承诺人（签字）：年月日" in text
    sheet = text_of(render(samples.score_sheet("grade")).pdf)
    assert "评审专家姓名：欧阳明远" in sheet and "评审专家（签字）：年月日" in sheet


def test_page_numbers_are_song_with_the_dash_7mm_below_the_text_block(tmp_path):
    pdf = render(samples.publicity_list(40)).pdf
    assert any("Serif" in name and "Regular" in name or "SimSun" in name or "Song" in name for name in fonts_of(pdf))
    (tmp_path / "p.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "288", "-f", "1", "-l", "1", str(tmp_path / "p.pdf"), str(tmp_path / "p")],
                   check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    scale = image.height / PAGE_HEIGHT
    block_bottom = (PAGE_HEIGHT - BOTTOM) * scale
    rows = range(int(block_bottom) + 2, int(block_bottom + 15 * MM * scale))
    right = image.crop((int((LEFT + BLOCK_WIDTH / 2) * scale), 0, int((LEFT + BLOCK_WIDTH) * scale), image.height))
    # The dash is the row below the text block with the longest run of ink in the page number's half.
    ink = {y: sum(1 for x in range(right.width) if right.getpixel((x, y)) < 128) for y in rows}
    dash = max(ink, key=ink.get)
    assert ink[dash] > 20
    assert (dash - block_bottom) / scale / MM == pytest.approx(7.0, abs=0.6)


def test_creation_date_is_now_in_beijing_time_whatever_the_laptops_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        pdf = render(samples.expert_letter()).pdf
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    created = PdfReader(io.BytesIO(pdf)).metadata["/CreationDate"]
    assert created.endswith("+08'00'")
    stamp = dt.datetime.strptime(created[2:16], "%Y%m%d%H%M%S").replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert abs(stamp - dt.datetime.now(dt.timezone.utc)) < dt.timedelta(minutes=5)
    assert not created.startswith("D:2000")


def _publicity(entries):
    return PublicityList(samples.ROUND, tuple(entries), dt.date(2026, 5, 20), dt.date(2026, 5, 26), "0531-86000000",
                         dt.date(2026, 5, 19))


def test_publicity_list_with_the_longest_real_values_neither_overprints_nor_leaves_the_page(tmp_path):
    entries = [PublicityEntry(LONG_NUMBER, samples.TITLE * 2, LONG_ORG, "欧阳明远"),
               PublicityEntry("2024CXGC010102", "面向“双碳”目标的高比例可再生能源电力系统灵活性提升关键技术研究与示范应用",
                              "中国科学院青岛生物能源与过程研究所（山东能源研究院）", "司马相如")]
    pdf = render(_publicity(entries)).pdf
    for page in words_of(pdf, tmp_path):
        assert not overprints(page)
        assert all(LEFT - 1 <= w[1] and w[3] <= LEFT + BLOCK_WIDTH + 1 for w in page)
    assert LONG_NUMBER in text_of(pdf)


def test_a_row_taller_than_a_page_splits_with_its_header_repeated(tmp_path):
    entries = [PublicityEntry("2026ZD0101", "超长项目名称" * 400, "济南精工机床有限公司", "王立新")]
    pdf = render(_publicity(entries)).pdf
    pages = pages_of(pdf)
    assert len(pages) >= 3
    assert all("项目名称" in page for page in pages[1:-1])


def _criteria(count):
    return tuple(Criterion(f"指标{i}", 100 / count, "") for i in range(1, count + 1))


@pytest.mark.parametrize("count", [4, 8, 12])
def test_score_sheet_heads_fit_for_any_number_of_criteria(count, tmp_path):
    applications = (ApplicationRef(LONG_NUMBER, samples.TITLE), ApplicationRef("2024CXGC010102", samples.TITLE))
    sheet = ScoreSheet(samples.ROUND, "先进制造第一组", "weighted", applications, _criteria(count), "欧阳明远")
    pdf = render(sheet).pdf
    for page in words_of(pdf, tmp_path):
        assert not overprints(page), overprints(page)[:3]
    text = text_of(pdf)
    assert f"指标1（{round(100 / count, 2):g}分）" in text and "分）：" not in text  # no dangling colon
    assert LONG_NUMBER in text


@pytest.mark.parametrize("scoring", ["weighted", "grade", "vote", "rank"])
def test_every_score_sheet_has_numbers_an_opinion_per_application_and_a_signature_on_every_page(scoring):
    sheet = samples.score_sheet(scoring)
    pdf = render(sheet).pdf
    text = text_of(pdf)
    for application in sheet.applications:
        assert text.count(application.application_no) == 2  # in the scores and in the opinions
    assert "评审意见" in text
    pages = pages_of(pdf)
    assert len(pages) >= 2 and all("评审专家（签字）：" in page for page in pages)


def test_sign_in_sheet_marks_enterprise_experts_and_states_the_quota():
    text = text_of(render(samples.sign_in_sheet()).pdf)
    assert "李华济南二机床集团有限公司正高级工程师企业专家" in text
    assert "本组应到企业专家1/3，不少于三分之一" in text
    assert text_of(render(SignInSheet(samples.ROUND, "组", samples.MEMBERS, "2/5")).pdf).count("不少于五分之二") == 1


def test_expert_commitment_says_what_002_and_000_require():
    text = text_of(render(samples.expert_letter()).pdf)
    for words in ("不正当手段获取评审专家资格",        # 002 第十一条（四）
                  "配合科技计划项目监督",              # 002 第十一条（十三）
                  "不投感情票、单位票、利益票",          # 000 （八）
                  "取消本次评审资格", "评审意见作废", "山东省科研失信行为数据库",  # 000 （八）, 002 第十六条
                  "取消一定期限内承担或参与省级财政资金支持的科学技术活动的资格和评审资格"):  # 002 第十八条（五）
        assert words in text, words


def test_applicant_commitment_says_what_002_requires():
    text = text_of(render(samples.applicant_commitment()).pdf)
    for words in ("不委托他人代写", "不虚构同行评议专家",   # 002 第九条（三）
                  "不将项目执行期外或与本项目无关的成果",    # 002 第九条（十一）
                  "自筹资金"):                              # 002 第十条（十一）
        assert words in text, words


def test_a_ballot_of_another_method_than_the_rounds_is_refused():
    weighted = replace(samples.ROUND, scoring="weighted")
    with pytest.raises(DocumentError, match="ONE_METHOD"):
        ScoreSheet(weighted, "组", "vote", samples.APPLICATIONS)


def test_weights_must_sum_to_the_scale():
    with pytest.raises(DocumentError, match="100"):
        ScoreSheet(samples.ROUND, "组", "weighted", samples.APPLICATIONS, (Criterion("创新性", 30),
                                                                         Criterion("可行性", 60)))


def test_periods_cannot_end_before_they_start():
    with pytest.raises(DocumentError, match="公示期"):
        PublicityList(samples.ROUND, (), dt.date(2026, 5, 26), dt.date(2026, 5, 20), "", dt.date(2026, 5, 19))
    with pytest.raises(DocumentError, match="申诉期"):
        replace(samples.outcome_notice(), appeal_deadline=dt.date(2026, 5, 1))
