"""Every name prints whole: rare characters (CJK Extensions A–G) are drawn from a font with a real glyph for them,
and a character no font can draw refuses the document, naming the person and the character."""

import pytest

import report_samples as samples
from report_pdfs import text_of
from reports import fonts as fonts_module
from reports.batch import render_batch
from reports.fonts import SHIPPED_KAI, UnprintableText, draws, font_for, fonts
from reports.render import render

# Real names and characters: 刘䶮 (U+4DAE, Ext A, founder of the Southern Han), 赵孟𫖯 (U+2B5AF, Ext C, the
# Yuan painter), 𬌗 (U+2C317, Ext E, 通用规范汉字表), 𠀀 (U+20000, Ext B), 卛 (U+531B, a URO character UKai lacks),
# 喆 and 堃 (common in given names, outside GB 2312).
RARE_NAMES = ["王𬌗", "李䶮", "刘䶮", "赵孟𫖯", "张𠀀", "陈卛", "陶喆", "周堃"]


def test_the_shipped_body_font_maps_4dae_to_an_empty_glyph_so_a_mapping_is_not_coverage():
    if fonts().body.path != SHIPPED_KAI:
        pytest.skip("a system FangSong is the body font here")
    assert "䶮" not in "".join(c for c in "䶮" if draws(fonts().body.name, c))
    assert font_for("䶮", fonts().body.name) not in (None, fonts().body.name)


@pytest.mark.parametrize("name", RARE_NAMES)
def test_a_rare_name_prints_whole_in_page_and_text(name):
    pdf = render(samples.expert_letter(name=name)).pdf
    assert f"承诺人姓名：{name}" in text_of(pdf)
    for char in name:
        chosen = font_for(char, fonts().body.name)
        assert chosen is not None and draws(chosen, char), (char, chosen)


def test_a_character_no_font_draws_refuses_the_document_naming_the_person_and_the_code(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts_module, "_rare_paths", lambda: (fonts_module.SHIPPED_HEI,))
    fonts_module.font_for.cache_clear()
    try:
        with pytest.raises(UnprintableText) as refused:
            render(samples.expert_letter(name="王𬌗"))
        assert "王𬌗" in str(refused.value) and "U+2C317" in str(refused.value)
        jobs = [samples.expert_letter(name="李华"), samples.expert_letter(name="王𬌗")]
        with pytest.raises(UnprintableText, match="王𬌗"):
            render_batch(jobs, tmp_path / "out", workers=0)
        assert not list((tmp_path / "out").glob("*.pdf"))  # refused before any file is written
    finally:
        fonts_module.font_for.cache_clear()


def test_a_character_outside_every_font_is_refused_with_the_installed_fonts():
    private = "\U000F0000"  # a private-use character, as a vendor's input method for rare names makes them
    with pytest.raises(UnprintableText, match="U\\+F0000"):
        render(samples.expert_letter(name=f"张{private}"))


def test_control_and_format_characters_are_not_drawn_and_not_refused():
    assert "张三" in text_of(render(samples.expert_letter(name="张\u202e三\x00")).pdf)

