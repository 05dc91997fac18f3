"""Whatever a filler can type prints literally and completely: markup-looking text, entities, emoji, control
characters, and a 100,000-character paragraph."""

import re

from evaldesk.printing.pdf import build_pdf

from .pdfread import body_text, pages_text, squeeze

MARKUP = "<b>不加粗</b> & &amp; <para>段落</para> <font size=40>大</font> a<b"


def huge_text(length: int = 100_000) -> str:
    """Text with a numbered marker every 1,000 characters, so a lost piece shows which one."""
    parts = []
    for n in range(length // 1000):
        marker = f"〔{n:05d}〕"
        parts.append(marker + ("甲乙丙丁戊己庚辛壬癸，" * 100)[: 1000 - len(marker)])
    return "".join(parts)


def markers(text: str) -> list[str]:
    return re.findall(r"〔\d{5}〕", text)


def test_markup_looking_text_prints_literally_everywhere(sample):
    sample.fields["cover.department"] = "部门" + MARKUP
    sample.fields["summary.text"] = "综述" + MARKUP
    sample.lists["evaluators"][0].values["name"] = "<b>李</b>"
    sample.lists["quant"][0].values["actual"] = "完成&amp;<br/>情况"
    sample.fields["sheet.budget_adjustment.reason"] = "<para>原因</para>"
    text = body_text(build_pdf(sample))
    assert squeeze("部门" + MARKUP) in text
    assert squeeze("综述" + MARKUP) in text
    assert "<b>李</b>" in text
    assert "完成&amp;<br/>情况" in text
    assert "<para>原因</para>" in text


def test_emoji_and_control_characters_do_not_lose_the_surrounding_text(sample):
    sample.fields["basic.duties"] = "前文😀后文\x07响铃\x0b竖表\x1b转义"
    sample.lists["tasks"][0].values["text"] = "任务🎉完成"
    text = body_text(build_pdf(sample))
    assert re.search("前文.?后文响铃竖表转义", text)
    assert re.search("任务.?完成", text)
    assert "\x07" not in text and "\x1b" not in text


def test_a_100000_character_paragraph_flows_over_pages_and_nothing_is_lost(sample):
    sample.fields["summary.text"] = huge_text()
    sample.fields["basic.achievements"] = huge_text()
    pdf = build_pdf(sample)
    text = body_text(pdf)
    expected = markers(huge_text())
    assert len(expected) == 100
    assert markers(text) == expected * 2
    assert squeeze(huge_text()) in text


def test_very_long_texts_in_table_cells_build(sample):
    sample.fields["self.actual"] = huge_text(30_000)
    sample.lists["quant"][0].values["actual"] = huge_text(20_000)
    sample.fields["sheet.benefits.reason"] = huge_text(5_000)
    pdf = build_pdf(sample)
    # A row that runs over pages repeats the table header and its key cells (一级/二级/三级 names) on each page;
    # its figures (分值 15, 自评得分 12) print once.
    keys = "效果（20分）履职效益（20分）经济效益社会效益生态效益"
    text = body_text(pdf, ("评价内容绩效目标完成情况", "一级指标二级指标三级指标评分标准分值自评得分扣分原因和其他说明",
                           keys, "产出目标（部门工作实绩，包含上级部门和市委市政府布置的重点工作、实事任务等，根据部门实际进行调整细化）质量指标"))
    assert markers(text) == markers(huge_text(30_000)) + markers(huge_text(20_000)) + markers(huge_text(5_000))
    assert len(re.findall("1512", body_text(pdf))) == 1
    reason_pages = [page for page in pages_text(pdf) if "扣分原因和其他说明" in page and "甲乙丙丁" in page]
    assert reason_pages and all(keys in page for page in reason_pages)


def test_a_character_the_body_face_lacks_prints_in_the_sans(sample):
    """Noto Serif SC has no U+2212 (−): a minus typed in a text must print, not leave an empty box."""
    from evaldesk.printing.text import markup

    assert markup("90.5 − 73.5") == '90.5 <font name="NotoSansSC-Bold">−</font> 73.5'
    assert markup("全年支出90.5万元") == "全年支出90.5万元"  # the usual text is left as it is
    sample.fields["summary.text"] = "调整幅度 = 90.5 − 73.5"
    assert "90.5−73.5" in "".join(pages_text(build_pdf(sample)))
