"""Writes resources/templates/yueyang-yunxi-2021.json: the 2021 Yunxi score sheet (SPEC §2) as data.

Kept as a script so the long rule texts are reviewed once, in one place; the JSON it writes is what ships.
"""
import json
from pathlib import Path

staff = {"formula": "ratio", "label": "财政供养人员控制率",
         "numerator": {"ref": "field:basic.staff_actual", "label": "实有人数"},
         "denominator": {"ref": "field:basic.staff_quota", "label": "人员编制"}}

SHARED_PRODUCT_TEXT = ("此项指标根据《中共岳阳市云溪区委 岳阳市云溪区人民政府 关于做好岳阳市云溪区2020年度综合绩效考核工作的通知》"
                       "（岳云发〔2020〕7号）考核内容设置。\n部门单位应根据部门实际进行调整，并将其细化成相应的个性化指标")
BENEFIT_TEXT = ("此三项指标为设置部门整体支出绩效评价指标时必须考虑的共性要素。\n"
                "部门单位应根据部门实际并结合部门整体支出绩效目标设立情况有选择的进行设置，并将其细化为相应的个性化指标。")


def band(lower, lower_inc, upper, upper_inc, score):
    return {"lower": lower, "lower_inclusive": lower_inc, "upper": upper, "upper_inclusive": upper_inc, "score": score}


indicators = [
    {"id": "input", "name": "投入", "weight": 15},
    {"id": "input.budget", "parent": "input", "name": "预算配置", "weight": 15},
    {"id": "staff_control", "parent": "input.budget", "name": "财政供养人员控制率", "weight": 5,
     "standard": "以100%为标准。在职人员控制率≦100%，计5分；每超过一个百分点扣0.5分，扣完为止。",
     "rule": {"kind": "per_point", "rate": staff, "direction": "over", "threshold": 100, "per_point": "0.5"}},
    {"id": "sangong_change", "parent": "input.budget", "name": "“三公经费”变动率", "weight": 5,
     "standard": "“三公经费”变动率≦0,计5分；\n“三公经费”＞0，每超过一个百分点扣0.5分，扣完为止。",
     "rule": {"kind": "per_point", "direction": "over", "threshold": 0, "per_point": "0.5",
              "rate": {"formula": "change", "label": "“三公经费”变动率",
                       "numerator": {"ref": "summary:sangong.total", "label": "本年三公经费合计"},
                       "denominator": {"input": "last_year_sangong", "label": "上年三公经费合计", "kind": "money"}}}},
    {"id": "key_spending", "parent": "input.budget", "name": "重点支出安排率", "weight": 5,
     "standard": "重点支出安排率≥90%，计5分；80%（含）-90%，计4分；70%（含）-80%，计3分；60%（含）-70%，计2分；低于60%不得分。",
     "rule": {"kind": "bands",
              "rate": {"formula": "ratio", "label": "重点支出安排率",
                       "numerator": {"input": "key_project_spending", "label": "重点项目支出", "kind": "money"},
                       "denominator": {"ref": "summary:expense.project", "label": "项目支出"}},
              "bands": [band(90, True, None, False, 5), band(80, True, 90, False, 4), band(70, True, 80, False, 3),
                        band(60, True, 70, False, 2), band(None, False, 60, False, 0)]}},
    {"id": "process", "name": "过程", "weight": 40},
    {"id": "process.execution", "parent": "process", "name": "预算执行", "weight": 15},
    {"id": "budget_adjustment", "parent": "process.execution", "name": "预算调整率", "weight": 3,
     "standard": "预算调整率=0，计3分；0-10%（含），计2分；10-20%（含），计1分；20-30%（含），计0.5分；大于30%不得分。",
     "rule": {"kind": "bands",
              "rate": {"formula": "abs_change", "label": "预算调整率",
                       "numerator": {"input": "adjusted_budget", "label": "调整后预算", "kind": "money"},
                       "denominator": {"input": "initial_budget", "label": "年初预算", "kind": "money"}},
              "bands": [band(0, True, 0, True, 3), band(0, False, 10, True, 2), band(10, False, 20, True, 1),
                        band(20, False, 30, True, "0.5"), band(30, False, None, False, 0)]}},
    {"id": "payment_progress", "parent": "process.execution", "name": "支付进度", "weight": 3,
     "standard": "春节前下达全部专项资金的50%；6月底前所有专项资金指标全部下达完。\n每出现一个专项未按进度完成资金下达扣0.5分，扣完为止。",
     "rule": {"kind": "per_case", "per_case": "0.5",
              "count": {"input": "late_projects", "label": "未按进度下达资金的专项", "kind": "count"}}},
    {"id": "fund_balance", "parent": "process.execution", "name": "资金结余", "weight": 3,
     "standard": "无结余，3分；有结余，但不超过上年结转，2分；结余超过上年结转，不得分。",
     "rule": {"kind": "balance", "none": 3, "within": 2, "over": 0,
              "balance": {"ref": "summary:expense.balance_total", "label": "累计结余"},
              "carryover": {"ref": "summary:income.carryover", "label": "上年结转"}}},
    {"id": "sangong_control", "parent": "process.execution", "name": "“三公经费”控制率", "weight": 6,
     "standard": "以100%为标准。三公经费控制率≦100%，计6分；\n每超过一个百分点扣1分，扣完为止。",
     "rule": {"kind": "per_point", "direction": "over", "threshold": 100, "per_point": 1,
              "rate": {"formula": "ratio", "label": "“三公经费”控制率",
                       "numerator": {"ref": "summary:sangong.total", "label": "三公经费合计"},
                       "denominator": {"input": "sangong_budget", "label": "三公经费预算数", "kind": "money"}}}},
    {"id": "process.management", "parent": "process", "name": "预算管理", "weight": 15},
    {"id": "budget_rules", "parent": "process.management", "name": "管理制度健全性", "weight": 3,
     "standard": "①已制定或具有预算资金管理办法，内部财务管理制度、会计核算制度等管理制度，1分；\n②相关管理制度合法、合规、完整，1分；\n③相关管理制度得到有效执行，1分。",
     "rule": {"kind": "checklist", "items": [
         {"id": "1", "text": "已制定或具有预算资金管理办法，内部财务管理制度、会计核算制度等管理制度", "points": 1},
         {"id": "2", "text": "相关管理制度合法、合规、完整", "points": 1},
         {"id": "3", "text": "相关管理制度得到有效执行", "points": 1}]}},
    {"id": "fund_compliance", "parent": "process.management", "name": "资金使用合规性", "weight": 3,
     "standard": "①支出符合国家财经法规和财务管理制度规定以及有关专项资金管理办法的规定；\n②资金拨付有完整的审批程序和手续；\n③项目支出按规定经过评估论证；\n④支出符合部门预算批复的用途；\n⑤资金使用无截留、挤占、挪用、虚列支出等情况。\n以上情况每出现一例不符合要求的扣1分，扣完为止。",
     "rule": {"kind": "per_case", "per_case": 1,
              "count": {"input": "violations", "label": "不符合要求的情况", "kind": "count"}}},
    {"id": "disclosure", "parent": "process.management", "name": "预决算信息公开性和完善性", "weight": 3,
     "standard": "①按规定内容公开预决算信息，1分；\n②按规定时限公开预决算信息，0.5分；\n③基础数据信息和会计信息资料真实，0.5分；\n④基础数据信息和会计信息资料完整，0.5分；\n⑤基础数据信息和汇集信息资料准确，0.5分。",
     "rule": {"kind": "checklist", "items": [
         {"id": "1", "text": "按规定内容公开预决算信息", "points": 1},
         {"id": "2", "text": "按规定时限公开预决算信息", "points": "0.5"},
         {"id": "3", "text": "基础数据信息和会计信息资料真实", "points": "0.5"},
         {"id": "4", "text": "基础数据信息和会计信息资料完整", "points": "0.5"},
         {"id": "5", "text": "基础数据信息和汇集信息资料准确", "points": "0.5"}]}},
    {"id": "procurement", "parent": "process.management", "name": "政府采购执行率", "weight": 3,
     "standard": "政府采购执行率等于100%的，得3分；\n每减少一个百分点，扣0.2分，扣完为止。",
     "rule": {"kind": "per_point", "direction": "under", "threshold": 100, "per_point": "0.2",
              "rate": {"formula": "ratio", "label": "政府采购执行率",
                       "numerator": {"input": "procurement_actual", "label": "实际政府采购金额", "kind": "money"},
                       "denominator": {"input": "procurement_budget", "label": "政府采购预算", "kind": "money"}}}},
    {"id": "card_payment", "parent": "process.management", "name": "公务卡刷卡率", "weight": 3,
     "standard": "公务卡刷卡率达50％以上的，得3分。\n每减少一个百分点，扣0.2分，扣完为止。",
     "rule": {"kind": "per_point", "direction": "under", "threshold": 50, "per_point": "0.2",
              "rate": {"formula": "ratio", "label": "公务卡刷卡率",
                       "numerator": {"input": "card_amount", "label": "公务卡结算金额", "kind": "money"},
                       "denominator": {"input": "card_due", "label": "应使用公务卡结算的支出", "kind": "money"}}}},
    {"id": "process.assets", "parent": "process", "name": "资产管理", "weight": 10},
    {"id": "asset_rules", "parent": "process.assets", "name": "管理制度健全性", "weight": 3,
     "standard": "①已制定或具有资产管理制度，且相关资产管理制度合法、合规、完整，2分；\n②相关资产管理制度得到有效执行，1分。",
     "rule": {"kind": "checklist", "items": [
         {"id": "1", "text": "已制定或具有资产管理制度，且相关资产管理制度合法、合规、完整", "points": 2},
         {"id": "2", "text": "相关资产管理制度得到有效执行", "points": 1}]}},
    {"id": "asset_safety", "parent": "process.assets", "name": "资产管理安全性", "weight": 4,
     "standard": "①资产保存完整；\n②资产配置合理；\n③资产处置规范；\n④资产账务管理合规，帐实相符；\n⑤资产有偿使用及处置收入及时足额上缴；\n以上情况每出现一例不符合有关要求的扣1分，扣完为止。",
     "rule": {"kind": "per_case", "per_case": 1,
              "count": {"input": "violations", "label": "不符合要求的情况", "kind": "count"}}},
    {"id": "asset_use", "parent": "process.assets", "name": "固定资产利用率", "weight": 3,
     "standard": "每低于100%一个百分点扣0.1分，扣完为止。",
     "rule": {"kind": "per_point", "direction": "under", "threshold": 100, "per_point": "0.1",
              "rate": {"formula": "ratio", "label": "固定资产利用率",
                       "numerator": {"ref": "summary:assets.in_use", "label": "在用固定资产"},
                       "denominator": {"ref": "summary:assets.total", "label": "固定资产合计"}}}},
    {"id": "output", "name": "产出", "weight": 25},
    {"id": "output.duties", "parent": "output", "name": "职责履行", "weight": 25},
    {"id": "xiaokang", "parent": "output.duties", "name": "推进全面小康建设指标任务完成情况", "weight": 5,
     "standard": SHARED_PRODUCT_TEXT, "rule": {"kind": "hand"}},
    {"id": "growth_pole", "parent": "output.duties", "name": "建设湖南新增极目标任务完成情况", "weight": 7,
     "standard": SHARED_PRODUCT_TEXT, "rule": {"kind": "hand"}},
    {"id": "gov_report", "parent": "output.duties", "name": "《政府工作报告》目标任务完成情况", "weight": 5,
     "standard": SHARED_PRODUCT_TEXT, "rule": {"kind": "hand"}},
    {"id": "livelihood", "parent": "output.duties", "name": "省市重点民生实事完成情况", "weight": 2,
     "standard": SHARED_PRODUCT_TEXT, "rule": {"kind": "hand"}},
    {"id": "key_projects", "parent": "output.duties", "name": "省市重点工程和重大项目建设完成情况", "weight": 2,
     "standard": SHARED_PRODUCT_TEXT, "rule": {"kind": "hand"}},
    {"id": "other_work", "parent": "output.duties", "name": "其他工作实绩指标完成情况", "weight": 4,
     "standard": SHARED_PRODUCT_TEXT, "rule": {"kind": "hand"}},
    {"id": "effect", "name": "效果", "weight": 20},
    {"id": "effect.benefit", "parent": "effect", "name": "履职效益", "weight": 20},
    {"id": "benefits", "parent": "effect.benefit", "name": "经济效益、社会效益、生态效益", "weight": 15,
     "standard": BENEFIT_TEXT, "rule": {"kind": "shared_hand", "rows": ["经济效益", "社会效益", "生态效益"]}},
    {"id": "satisfaction", "parent": "effect.benefit", "name": "社会公众或服务对象满意度", "weight": 5,
     "standard": "95%（含）以上计5分；\n85%（含）-95%，计3分；\n75%（含）-85%，计1分；\n低于75%计0分。",
     "rule": {"kind": "bands",
              "rate": {"formula": "value", "label": "满意度",
                       "value": {"input": "survey", "label": "满意度调查结果（%）", "kind": "percent"}},
              "bands": [band(95, True, 100, True, 5), band(85, True, 95, False, 3), band(75, True, 85, False, 1),
                        band(None, False, 75, False, 0)]}},
]

template = {
    "format": "evaldesk-template",
    "version": 1,
    "id": "yueyang-yunxi-2021",
    "name": "岳阳市云溪区2021年度部门整体支出绩效评价评分表（参考样表）",
    "source": "岳阳市云溪区2021年度部门整体支出绩效评价自评报告（区委编办）所附附件3-1，逐字录入；规则参数见 SPEC §2。",
    "total": 100,
    "cover": {
        "region": "岳阳市云溪区",
        "bureau": "岳阳市云溪财政局（制）",
        "report_attachment": "附件2-1：",
        "sheet_attachment": "附件3-1：",
        "report_title": "{region}{year}年度部门整体支出绩效评价自评报告",
        "sheet_title": "部门整体支出绩效评价评分表（参考样表）",
        "sheet_footnote": "备注：如部门（单位）根据本部门实际情况修改调整了附件3《部门整体支出绩效评价指标体系（参考样表）》，须相应修改调整本表中的对应部分。",
    },
    "grades": [{"label": "优秀", "min": 90}, {"label": "良好", "min": 80}, {"label": "中", "min": 60},
               {"label": "差", "min": 0}],
    "indicators": indicators,
}

out = Path(__file__).resolve().parent.parent / "resources" / "templates" / "yueyang-yunxi-2021.json"
out.write_text(json.dumps(template, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(out)
