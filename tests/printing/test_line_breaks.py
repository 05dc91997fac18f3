"""Line breaking as a Chinese reader expects: no opening quote at a line end, no closing mark at a line start,
header words in even lines with no character alone, figures on one line."""

import pytest
from reportlab.platypus import Paragraph

from evaldesk.printing.styles import styles
from evaldesk.printing.text import balanced_lines, figure, head_para

TEXT = ("撤销区静脉产业园管理中心，职能和人员进行了调整；将绿色化工园管委会更名为绿色化工高新区管委会，重新印发园区"
        "“三定”方案，推动园区“去行政化”改革。财政供养人员继续实现负增长”。请统一，或在说明中写明各自的口径。")


def lines_of(paragraph: Paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 1e6)
    return ["".join(line[1]) if isinstance(line, (tuple, list)) else "".join(w.text for w in line.words)
            for line in paragraph.blPara.lines]


@pytest.mark.parametrize("markup", [TEXT, TEXT.replace("园区", "<b>园区</b>")])  # plain and marked-up breakers
def test_no_opening_mark_ends_a_line_and_no_closing_mark_starts_one(markup):
    for width in range(60, 320, 2):
        lines = [line.strip() for line in lines_of(Paragraph(markup, styles()["cell"]), width)]
        assert "".join(lines) == TEXT
        assert not any(line[-1] in "“（《" for line in lines[:-1]), (width, lines)
        assert not any(line[0] in "，。；：”）》、" for line in lines[1:]), (width, lines)


@pytest.mark.parametrize("text", ["公共财政拨款", "公务用车运维费", "财政供养人员控制率", "扣分原因和其他说明",
                                  "纳入专户管理的非税收入拨款", "预决算信息公开性和完善性"])
def test_header_words_break_into_even_lines(text):
    style = styles()["head"]
    for width in (36, 44, 56, 70):   # three characters a line or more
        lines = balanced_lines(text, style, width)
        assert "".join(lines) == text
        assert all(len(line) >= 2 for line in lines) or len(lines) == 1, lines
        assert max(map(len, lines)) - min(map(len, lines)) <= 2, lines


def test_a_header_cell_never_leaves_one_character_alone():
    lines = lines_of(head_para("扣分原因和其他说明", styles()["head"], 85), 85 - 8.5)
    assert lines == ["扣分原因", "和其他说明"]


def test_a_figure_too_wide_for_its_column_is_set_smaller_not_broken():
    for text in ("99999999.99", "499999999.95"):
        paragraph = figure(text, styles()["cell_right"], 44)
        assert lines_of(paragraph, 44 - 8.5) == [text]
        assert paragraph.style.fontSize < styles()["cell_right"].fontSize
