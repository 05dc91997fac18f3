"""How long one edit and the full recompute that follows take, in memory (the window does this on every keystroke).

    .venv/bin/python benchmarks/bench_scoring.py

Goals (issue 2): the Yunxi 2021 sheet ≤ 2 ms median; a generated 500-indicator sheet ≤ 20 ms median.
"""

from __future__ import annotations

import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.model.edits import SetCell, SetField  # noqa: E402
from evaldesk.model.report import new_report, sheet_key  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402
from evaldesk.scoring.engine import score_report  # noqa: E402
from evaldesk.scoring.template import Template, builtin_template, DEFAULT_TEMPLATE_ID  # noqa: E402

RUNS = 2000


def edit_then_recompute(report, runs: int) -> list[float]:
    """Milliseconds for each run of: type a figure into a grid cell, then score the whole sheet."""
    unit = report.units[0].id
    timings = []
    for run in range(runs):
        start = time.perf_counter()
        SetCell(unit, "assets.in_use", f"{10 + run % 7}.3").apply(report)
        score_report(report)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


# ---------------------------------------------------------------- a generated 500-indicator template

def _leaf_rule(index: int, weight: Decimal) -> dict:
    """Rule kinds in turn, scaled to the leaf's 分值, reading inputs and part 二 like the Yunxi sheet."""
    half = str(weight / 2)
    kind = index % 6
    if kind == 0:
        return {"kind": "per_point", "direction": "over", "threshold": 100, "per_point": "0.05",
                "rate": {"formula": "ratio", "label": "控制率",
                         "numerator": {"ref": "summary:sangong.total", "label": "三公经费合计"},
                         "denominator": {"input": "budget", "label": "预算数", "kind": "money"}}}
    if kind == 1:
        return {"kind": "per_point", "direction": "under", "threshold": 100, "per_point": "0.01",
                "rate": {"formula": "ratio", "label": "利用率",
                         "numerator": {"ref": "summary:assets.in_use", "label": "在用固定资产"},
                         "denominator": {"ref": "summary:assets.total", "label": "固定资产合计"}}}
    if kind == 2:
        return {"kind": "bands", "rate": {"formula": "value", "label": "满意度",
                                          "value": {"input": "survey", "label": "满意度", "kind": "percent"}},
                "bands": [{"lower": 95, "lower_inclusive": True, "upper": None, "upper_inclusive": False,
                           "score": str(weight)},
                          {"lower": 85, "lower_inclusive": True, "upper": 95, "upper_inclusive": False,
                           "score": half},
                          {"lower": None, "lower_inclusive": False, "upper": 85, "upper_inclusive": False,
                           "score": 0}]}
    if kind == 3:
        return {"kind": "checklist", "items": [{"id": "1", "text": "有制度", "points": half},
                                               {"id": "2", "text": "有效执行", "points": half}]}
    if kind == 4:
        return {"kind": "per_case", "per_case": half,
                "count": {"input": "cases", "label": "不符合要求的情况", "kind": "count"}}
    return {"kind": "balance", "none": str(weight), "within": half, "over": 0,
            "balance": {"ref": "summary:expense.balance_total", "label": "累计结余"},
            "carryover": {"ref": "summary:income.carryover", "label": "上年结转"}}


def generated_template(roots: int = 5, groups: int = 10, leaves: int = 10) -> Template:
    """5 一级 × 10 二级 × 10 三级 = 500 scored indicators (555 in all); 分值 add up to 100."""
    group_weight = Decimal(100) / (roots * groups)   # 2 per 二级
    leaf_weight = group_weight / leaves             # 0.2 per 三级
    indicators, index = [], 0
    for r in range(roots):
        indicators.append({"id": f"r{r}", "name": f"一级{r}", "weight": str(group_weight * groups)})
        for g in range(groups):
            indicators.append({"id": f"r{r}g{g}", "parent": f"r{r}", "name": f"二级{r}.{g}",
                               "weight": str(group_weight)})
            for leaf in range(leaves):
                indicators.append({"id": f"r{r}g{g}l{leaf}", "parent": f"r{r}g{g}", "name": f"三级{index}",
                                   "weight": str(leaf_weight), "rule": _leaf_rule(index, leaf_weight)})
                index += 1
    yunxi = builtin_template(DEFAULT_TEMPLATE_ID)
    return Template({"format": "evaldesk-template", "version": 1, "id": "generated-500", "name": "生成的500项评分表",
                     "total": 100, "cover": yunxi.data["cover"], "grades": yunxi.data["grades"],
                     "indicators": indicators})


def generated_report(template: Template):
    """A report on the generated sheet with every input typed, part 二 filled, and a few hand scores."""
    report = new_report(2021, template, "基准测试单位")
    for unit_index, unit in enumerate(report.units):
        for key, value in (("income.carryover", "5"), ("income.general", "90.5"), ("expense.personnel", "60.9"),
                           ("expense.balance_total", "3"), ("sangong.reception", "0.73"),
                           ("assets.in_use", "11.3"), ("assets.rented", str(unit_index))):
            SetCell(unit.id, key, value).apply(report)
    for n, leaf in enumerate(template.leaves):
        for spec in leaf.inputs():
            value = {"money": "0.8", "percent": "92", "count": n % 3, "bool": n % 2 == 0}[spec.kind]
            SetField(sheet_key(leaf.id, "input", spec.name), value).apply(report)
        if n % 10 == 0:
            SetField(sheet_key(leaf.id, "hand"), str(leaf.weight)).apply(report)
    return report


def describe(name: str, timings: list[float], goal: float) -> None:
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    verdict = "达标" if median <= goal else "未达标"
    print(f"{name}: 中位数 {median:.3f} ms，95% 分位 {p95:.3f} ms，最慢 {max(timings):.3f} ms"
          f"（{len(timings)} 次；目标 ≤ {goal:g} ms，{verdict}）")


def main() -> int:
    sample = read_json(SAMPLE_REPORT)
    assert score_report(sample).total == Decimal("92.5")
    edit_then_recompute(sample, 50)   # warm up
    describe("云溪 2021 评分表（23 项）一次修改 + 全表重算", edit_then_recompute(sample, RUNS), 2)

    template = generated_template()
    report = generated_report(template)
    sheet = score_report(report)
    assert len(template.leaves) == 500 and sheet.complete, "the generated sheet should score every indicator"
    edit_then_recompute(report, 20)
    describe(f"生成的 {len(template.leaves)} 项评分表一次修改 + 全表重算", edit_then_recompute(report, RUNS // 4), 20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
