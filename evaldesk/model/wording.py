"""The form's own words that are neither a field's label (:mod:`evaldesk.model.form`) nor a template's
region-specific text (``Template.cover``): headings, captions and signature lines as they stand on the paper form,
and the lines every copy of the report carries (the fingerprint, the page number).

They live in the domain because the paper (``evaldesk.printing``), the bureau workbook (``evaldesk.exchange``)
and the window all say them; the layout (:mod:`evaldesk.model.layout`) puts the form's ones in their places.
"""

UNIT_COLUMN = "机构名称"             # the first column of every grid of part 二
GROUP_SUBHEAD = "其中："            # over the parts of a 合计 that is itself a part (基本支出 → 人员/公用)

QUALITATIVE_CAPTION = "整体支出绩效定性目标及实施计划完成情况"
QUANTITATIVE_CAPTION = "整体支出绩效定量目标及实施计划完成情况"
QUANT_GROUP_NOTES = {   # printed under the 评价内容 of part 三's 定量目标, as on the paper form
    "产出目标": "（部门工作实绩，包含上级部门和市委市政府布置的重点工作、实事任务等，根据部门实际进行调整细化）",
    "效益目标": "（预期实现的效益）",
}
OVERALL_SCORE = "绩效自评综合得分"
OVERALL_GRADE = "评价等次"

SIGNATURE_COLUMN = "签字"
DATE_LINE = "年" + "\xa0" * 12 + "月" + "\xa0" * 12 + "日"  # no-break spaces: a Paragraph folds other spaces
SIGNATURE_BLOCKS = (   # (the heading, the signer's line if any); each box is left blank to sign or stamp by hand
    ("评价组组长（签字）：", None),
    ("部门（单位）意见：", "部门（单位）负责人（签章）："),
    ("财政部门归口业务股室意见：", "财政部门归口业务股室负责人（签章）："),
)
FILLER = "填报人（签名）"

SUMMARY_GUIDE = ("按“一、部门（单位）概况　二、一般公共预算支出情况　三、部门整体支出绩效情况　四、建议”等部分撰写。"
                 "文中引用的支出、三公经费、固定资产等数字应与第二部分一致（审核会核对）。")

SHEET_HEAD = ("一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明")
SHEET_TOTAL = "总　分"
WEIGHTED = "{name}\n（{weight}分）"

FINDINGS_TITLE = "审核结果"
FINGERPRINT = "数据指纹 {fingerprint}"
PAGE_NUMBER = "第 {page} 页　共 {pages} 页"
