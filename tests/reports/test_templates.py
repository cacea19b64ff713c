"""A secretariat edits the wording; a mistake in a template is refused with the file, the line and the fix."""

import pytest

import report_samples as samples
from report_pdfs import text_of
from reports.render import load_template, render
from reports.templates import TemplateError, find


def write(folder, name, text):
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return (folder,)


def test_own_wording_overrides_the_shipped_template(tmp_path):
    dirs = write(tmp_path, "expert_commitment", "# 专家承诺\n本人{专家姓名}承诺遵守{评审组}纪律。\n@签章\n")
    text = text_of(render(samples.expert_letter(), template_dirs=dirs).pdf)
    assert "本人欧阳明远承诺遵守先进制造第一组纪律。" in text


def test_unknown_placeholder_is_refused_with_line_and_choices(tmp_path):
    dirs = write(tmp_path, "expert_commitment", "# 专家承诺\n\n本人{专家名字}承诺。\n")
    with pytest.raises(TemplateError) as error:
        load_template(samples.expert_letter(), dirs)
    message = str(error.value)
    assert "expert_commitment.txt" in message and "第3行" in message and "{专家名字}" in message
    assert "专家姓名" in message  # the available names are listed


@pytest.mark.parametrize("text, words", [
    ("本人{专家姓名承诺。", "花括号"),
    ("本人{专家姓名!r}承诺。", "写法有误"),
    ("@每项 专家意见\n{意见}\n@结束\n", "未知列表"),
    ("@表格 序号:1 | 电话:2\n", "未知表格列"),
    ("@表格 序号:宽\n", "不是数字"),
    ("@签名\n", "不认识的指令"),
    ("@结束\n", "多余的 @结束"),
])
def test_malformed_templates_are_refused(tmp_path, text, words):
    dirs = write(tmp_path, "expert_commitment", text)
    with pytest.raises(TemplateError, match=words):
        load_template(samples.expert_letter(), dirs)


def test_unclosed_repeat_names_its_opening_line(tmp_path):
    dirs = write(tmp_path, "outcome_notice", "# 通知\n@每项 专家意见\n{专家}：{意见}\n")
    with pytest.raises(TemplateError, match="第2行：@每项 没有对应的 @结束"):
        load_template(samples.outcome_notice(), dirs)


def test_list_item_names_are_only_known_inside_their_list(tmp_path):
    dirs = write(tmp_path, "outcome_notice", "# 通知\n{意见}\n")
    with pytest.raises(TemplateError, match="未知占位符"):
        load_template(samples.outcome_notice(), dirs)


def test_missing_template_is_named(tmp_path):
    with pytest.raises(TemplateError, match="找不到模板“no_such.txt”"):
        find("no_such", (tmp_path,))


def test_literal_braces_are_written_doubled(tmp_path):
    dirs = write(tmp_path, "expert_commitment", "# 承诺\n编号{{A}}：{专家姓名}\n")
    assert "编号{A}：欧阳明远" in text_of(render(samples.expert_letter(), template_dirs=dirs).pdf)
