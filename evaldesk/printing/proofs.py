"""Reports to proof the printed form with, beside the reference sample: a realistic one (three 扣分原因 of
25–103 characters, a few more rows) and a heavy one (a 20,000-character 综述, 12 units, 40 tasks, a 300-character
department name, 99999999.99, a 600- and a 1,500-character 扣分原因). The golden layout tests, the print
benchmark and ``scripts/proof_pages.py`` (PDF pages as PNG) use the same three.
"""

from __future__ import annotations

import copy
from decimal import Decimal

from evaldesk.model.form import GRIDS
from evaldesk.model.report import Item, Report, Unit, new_id

LARGEST = Decimal("99999999.99")
SENTENCE = "围绕年度目标任务，统筹推进机构编制管理、事业单位登记和体制改革各项工作，按期完成并通过验收。"


def text_of(length: int, sentence: str = SENTENCE) -> str:
    """Running Chinese text of exactly ``length`` characters."""
    return (sentence * (length // len(sentence) + 1))[:length]


def realistic(sample: Report) -> Report:
    """The sample with reasons as a filler writes them: three 扣分原因 of 25–103 characters."""
    report = copy.deepcopy(sample)
    report.fields["sheet.staff_control.reason"] = "财政供养人员较上年净增35名（不含事权下放人员），控制率未达标。"
    report.fields["sheet.benefits.reason"] = text_of(103, "财政供养人员为正增长，经济效益和社会效益有所体现，"
                                                       "生态效益无相关指标，按评分标准酌情扣分。")
    report.fields["sheet.card_payment.reason"] = text_of(25, "部分差旅费未使用公务卡结算，刷卡率未达到要求。")
    return report


def heavy(sample: Report) -> Report:
    """Every part at its largest plausible size."""
    report = copy.deepcopy(sample)
    report.fields["cover.department"] = text_of(300, "岳阳市云溪区某某局所属事业单位综合服务中心、")
    report.fields["summary.text"] = "\n".join(text_of(500) for _ in range(40))
    report.units = [Unit(new_id(), f"二级机构{n}") for n in range(1, 13)]
    for grid in GRIDS:
        for column in grid.typed_columns:
            report.units[0].cells[f"{grid.key}.{column.key}"] = LARGEST
    report.lists["tasks"] = [Item(new_id(), {"text": text_of(60 + n % 5 * 30)}) for n in range(40)]
    report.lists["evaluators"] = [Item(new_id(), {"name": f"评价人{n}", "title": "主任科员",
                                                  "org": text_of(40 if n % 3 == 0 else 12)}) for n in range(12)]
    report.fields["sheet.disclosure.reason"] = text_of(600)
    report.fields["sheet.benefits.reason"] = text_of(1500)
    return report


def long_name(sample: Report, length: int = 51) -> Report:
    report = copy.deepcopy(sample)
    report.fields["cover.department"] = text_of(length, "岳阳市云溪区机构编制委员会办公室所属事业单位登记服务中心")
    return report
