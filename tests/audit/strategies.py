"""Hypothesis strategies for the audit: reports generated to be consistent, filled through the same edits as
typing — figures that add up and balance, every field filled, every score given with a reason, part 五 quoting
part 二's figures and numbering its headings in order."""

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from evaldesk.model.edits import InsertItem, SetCell, SetField
from evaldesk.model.form import QUANT_KINDS
from evaldesk.model.report import Item, Unit, new_id, new_report, sheet_key
from evaldesk.model.totals import summary_row
from evaldesk.model.values import format_amount
from evaldesk.scoring.template import DEFAULT_TEMPLATE_ID, builtin_template

YUNXI = builtin_template(DEFAULT_TEMPLATE_ID)
CENT = Decimal("0.01")

cents = st.integers(0, 10**7).map(lambda c: Decimal(c) * CENT)
plain_words = st.text(alphabet="的一是在了工作完成管理制度经费人员改革推进落实情况按要求", min_size=1, max_size=20)


def _cell(report, unit, key, value):
    SetCell(unit.id, key, None if value is None else str(value)).apply(report)


@st.composite
def _unit_figures(draw, report, unit):
    personnel, public, project = draw(cents), draw(cents), draw(cents)
    expense = personnel + public + project
    balance_total = draw(cents)
    income = expense + balance_total
    carryover = draw(st.integers(0, int(income / CENT)).map(lambda c: Decimal(c) * CENT))
    for key, value in (("expense.personnel", personnel), ("expense.public", public), ("expense.project", project),
                       ("income.carryover", carryover), ("income.general", income - carryover),
                       ("expense.balance_total", balance_total), ("expense.balance_year", balance_total - carryover)):
        _cell(report, unit, key, value)
    # 三公 is part of 公用支出 here, so it never exceeds 支出合计
    reception = draw(st.integers(0, int(public / CENT)).map(lambda c: Decimal(c) * CENT))
    _cell(report, unit, "sangong.reception", reception)
    _cell(report, unit, "assets.in_use", draw(cents))
    _cell(report, unit, "assets.rented", draw(cents))


def _summary_text(report, headings: int) -> str:
    summary = summary_row(report)
    amount = lambda key: format_amount(summary[key] or Decimal(0))  # noqa: E731
    lines = ["一、部门（单位）概况", "本单位为区直机关。", "二、一般公共预算支出情况",
             f"全年支出{amount('expense.total')}万元，其中基本支出{amount('expense.basic')}万元（人员经费"
             f"{amount('expense.personnel')}万元，公用经费{amount('expense.public')}万元），三公经费"
             f"{amount('sangong.total')}万元，固定资产合计{amount('assets.total')}万元。",
             "三、部门整体支出绩效情况"]
    numerals = "一二三四五六七八九"
    for n in range(headings):
        lines += [f"（{numerals[n]}）落实重点工作。", "1.抓学习。", "2.抓落实。"]
    lines += ["四、建议", "无。"]
    return "\n".join(lines)


@st.composite
def consistent_reports(draw):
    year = draw(st.integers(2015, 2030))
    report = new_report(year, YUNXI, draw(plain_words))
    report.units = [Unit(new_id(), f"机构{i}") for i in range(draw(st.integers(1, 4)))]
    for unit in report.units:
        draw(_unit_figures(report, unit))

    quota = draw(st.integers(1, 300))
    fields = {
        "cover.budget_code": str(draw(st.integers(1, 999))),
        "cover.region": YUNXI.cover["region"],  # the filler's region is the sheet's: a report of any year on it
        "cover.report_date": str(dt.date(year + 1, 1, 1) + dt.timedelta(days=draw(st.integers(0, 364)))),
        "basic.contact": draw(plain_words), "basic.phone": "8417107",
        "basic.staff_quota": quota, "basic.staff_actual": draw(st.integers(0, quota)),
        "basic.duties": draw(plain_words), "basic.achievements": draw(plain_words),
        "self.actual": draw(plain_words), "people.filler": draw(plain_words), "people.filler_phone": "8417107",
        "summary.text": _summary_text(report, draw(st.integers(0, 6))),
    }
    for key, value in fields.items():
        SetField(key, value).apply(report)
    for list_key, values in (("tasks", {"text": draw(plain_words)}), ("goals", {"text": draw(plain_words)}),
                             ("evaluators", {"name": draw(plain_words), "title": "主任", "org": "本单位"}),
                             ("quant", {"group": "效益目标", "kind": draw(st.sampled_from(QUANT_KINDS["效益目标"])),
                                        "name": "指标1", "target": draw(plain_words),
                                        "actual": draw(plain_words)})):
        InsertItem(list_key, 0, Item(new_id(), values)).apply(report)

    for leaf in YUNXI.leaves:  # every score by hand, each with its reason
        score = draw(st.integers(0, int(leaf.weight * 100))) * CENT
        SetField(sheet_key(leaf.id, "hand"), str(score)).apply(report)
        SetField(sheet_key(leaf.id, "reason"), draw(plain_words)).apply(report)
    return report


# Pieces of prose the text checks react to, to be strung together at random.
TOKENS = ["财政供养人员", "供养人员", "负增长", "正增长", "净增3名", "净减2名", "零增长", "满意度", "达", "90%", "以上",
          "全年支出", "三公经费", "固定资产合计", "基本支出", "上年", "为", "1.5", "12", "万元", "综合得分", "分",
          "评价等次为", "优秀", "良好", "。", "，", "\n", "一、", "二、", "四、", "（一）", "（四）", "1.", "3.",
          "（", "）", "９０", "．", "％", "十一、"]
prose = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)


@st.composite
def any_reports(draw):
    """A consistent report, then disturbed at random: figures, scores, texts, blanks."""
    report = draw(consistent_reports())
    for unit in report.units:
        for key in draw(st.lists(st.sampled_from(["income.other", "expense.project", "expense.balance_total",
                                                  "sangong.car_buy", "assets.other"]), max_size=3)):
            value = draw(st.none() | st.integers(0, 10**6).map(lambda c: Decimal(c) / 1000))
            if value is not None and value.as_tuple().exponent < -2:
                unit.cells[key] = value  # typing refuses a third decimal; a report from elsewhere may hold one
            else:
                _cell(report, unit, key, value)
    for leaf in draw(st.lists(st.sampled_from(YUNXI.leaves), max_size=6)):
        hand = draw(st.none() | st.integers(0, int(leaf.weight * 100)).map(lambda c: str(Decimal(c) * CENT)))
        SetField(sheet_key(leaf.id, "hand"), hand).apply(report)
        SetField(sheet_key(leaf.id, "reason"), draw(st.none() | prose)).apply(report)
    for key in draw(st.lists(st.sampled_from(["self.actual", "summary.text", "basic.achievements"]), max_size=3)):
        SetField(key, draw(prose)).apply(report)
    for key in draw(st.lists(st.sampled_from(["basic.contact", "cover.report_date", "basic.staff_actual"]),
                             max_size=2)):
        SetField(key, None).apply(report)
    SetField(sheet_key("satisfaction", "input", "survey"), draw(st.none() | st.integers(0, 100))).apply(report)
    return report
