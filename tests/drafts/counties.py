"""Two reports of other counties, built through the same edits as typing, for reading drafts beside the sample:
a 达州 department (2023) and a department on the generic template (2022). Each holds what a filler in any county
leaves: a 综述 of their own, a hand-scored sheet with a couple of deductions, an unfinished 定量目标 — and, as the
reference copy does, two texts that disagree on the 财政供养人员 (part 三 says 零增长, a reason says 净增2名)."""

from decimal import Decimal

from evaldesk.model.edits import InsertItem, SetField
from evaldesk.model.report import Item, Unit, new_id, new_report, sheet_key
from evaldesk.scoring.template import builtin_template
from tests.audit.helpers import type_cell

OWN_SUMMARY = ("一、部门基本情况\n本局为县政府工作部门。\n二、支出情况\n全年支出1300万元。\n"
               "三、绩效情况\n（一）抓落实。\n四、建议\n希望加大投入。")


def _report(template_id, year, department, region, figures, texts, tasks, quant, deductions):
    report = new_report(year, builtin_template(template_id), department)
    report.units = [Unit(new_id(), "局机关")]
    for key, value in figures.items():
        type_cell(report, key, value)
    for key, value in {"cover.region": region, "summary.text": OWN_SUMMARY, **texts}.items():
        SetField(key, value).apply(report)
    for n, task in enumerate(tasks):
        InsertItem("tasks", n, Item(new_id(), {"text": task})).apply(report)
    for n, row in enumerate(quant):
        InsertItem("quant", n, Item(new_id(), row)).apply(report)
    for leaf in report.template.leaves:   # every score by hand; the deducted ones with the group's reason
        score, reason = deductions.get(leaf.id, (leaf.weight, ""))
        SetField(sheet_key(leaf.id, "hand"), str(score)).apply(report)
        if reason:
            SetField(sheet_key(leaf.id, "reason"), reason).apply(report)
    return report


def _quant(group, kind, target, actual):
    return {"group": group, "kind": kind, "name": "指标1", "target": target, "actual": actual}


def dazhou():
    template = builtin_template("sichuan-dazhou-department")
    first, second = template.leaves[0], template.leaves[3]
    return _report(
        "sichuan-dazhou-department", 2023, "某县农业农村局", "四川省达州市某县",
        {"income.carryover": "12.4", "income.general": "1380.55", "expense.personnel": "610.2",
         "expense.public": "95.35", "expense.project": "640", "expense.balance_total": "47.4",
         "sangong.reception": "3.1", "sangong.car_run": "6.25", "assets.in_use": "420.6", "assets.rented": "12"},
        {"basic.staff_quota": 32, "basic.staff_actual": 35,
         "basic.duties": "负责全县农业农村发展规划、农田建设、农产品质量安全监管等工作。",
         "self.actual": "全年完成高标准农田建设1.8万亩，财政供养人员实现零增长。"},
        ["新建高标准农田2万亩", "开展农产品质量安全抽检"],
        [_quant("产出目标", "数量指标", "新建高标准农田2万亩", "完成1.8万亩，其余0.2万亩正在施工"),
         _quant("产出目标", "质量指标", "农产品质量安全抽检合格率≥98%", "抽检合格率99.1%"),
         _quant("效益目标", "社会效益", "财政供养人员零增长", "财政供养人员实现零增长")],
        {first.id: (first.weight - 1, "财政供养人员净增2名，超出核定编制"),
         second.id: (second.weight - 2, "个别项目资金拨付进度滞后")})


def generic():
    template = builtin_template("generic-department")
    first = template.leaves[1]
    return _report(
        "generic-department", 2022, "某市某区卫生健康局", "某省某市某区",
        {"income.general": "2560.3", "expense.personnel": "1210.45", "expense.public": "180.6",
         "expense.project": "1169.25", "sangong.reception": "1.2", "assets.in_use": "980.4"},
        {"basic.staff_quota": 58, "basic.staff_actual": 56,
         "basic.duties": "负责全区卫生健康事业发展规划、公共卫生和医疗服务管理。",
         "self.actual": "完成基本公共卫生服务项目，财政供养人员继续负增长。"},
        ["推进基本公共卫生服务均等化", "做好家庭医生签约服务"],
        [_quant("产出目标", "数量指标", "家庭医生签约人数2万人", "签约2.1万人"),
         _quant("效益目标", "社会公众或服务对象满意度", "群众满意度≥90%", "满意度93%")],
        {first.id: (first.weight - Decimal("0.5"), "部分制度未及时修订，财政供养人员正增长")})

