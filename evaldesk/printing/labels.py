"""The printed form's own wording that is neither a field label (evaldesk.model.form) nor a template's
region-specific text (Template.cover): table headings and signature lines as they stand on the paper form."""

UNIT_COLUMN = "机构名称"
GROUP_SUBHEAD = "其中："            # over the parts of a 合计 that is itself a part (基本支出 → 人员/公用)

QUALITATIVE_CAPTION = "整体支出绩效定性目标及实施计划完成情况"
QUANTITATIVE_CAPTION = "整体支出绩效定量目标及实施计划完成情况"
OVERALL_SCORE = "绩效自评综合得分"
OVERALL_GRADE = "评价等次"

SIGNATURE_COLUMN = "签字"
DATE_LINE = "年" + "\xa0" * 12 + "月" + "\xa0" * 12 + "日"  # no-break spaces: a Paragraph folds other spaces
SIGNATURE_BLOCKS = (
    ("评价组组长（签字）：", None),
    ("部门（单位）意见：", "部门（单位）负责人（签章）："),
    ("财政部门归口业务股室意见：", "财政部门归口业务股室负责人（签章）："),
)
FILLER = "填报人（签名）："
FILLER_PHONE = "联系电话："

SHEET_HEAD = ("一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因和其他说明")
SHEET_TOTAL = "总　分"
TEMPLATE_LINE = "评分表模板：{name}"
WEIGHTED = "{name}\n（{weight}分）"

FINDINGS_TITLE = "审核结果"
FINDINGS_HEAD = ("级别", "问题", "填报人说明")
FINDINGS_COUNT = "共 {errors} 个错误，{warnings} 个警告，{infos} 个提示。"

DRAFT_MARK = "草稿"
DRAFT_TITLE = "（草稿）"
DRAFT_HEADER = "草稿：审核尚有 {count} 个错误未改正，本稿不得签字报送"
FINGERPRINT = "数据指纹 {fingerprint}"
PAGE_NUMBER = "第 {page} 页　共 {pages} 页"
