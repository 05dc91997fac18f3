"""Words only the paper says: the draft marking and the 审核结果 table. The form's own wording, which the
workbook and the window say too, is in :mod:`evaldesk.model.wording` and placed by :mod:`evaldesk.model.layout`."""

FINDINGS_HEAD = ("级别", "问题", "填报人说明")
FINDINGS_COUNT = "共 {errors} 个错误，{warnings} 个警告，{infos} 个提示。"
FINDINGS_OF = "所审核的报告：{department}　{title}"
NO_DEPARTMENT = "（未填部门名称）"
NO_FINDINGS = "审核未发现错误、警告或提示。"
FINDINGS_WHERE = "位置："

DRAFT_MARK = "草稿"
DRAFT_TITLE = "（草稿）"
DRAFT_HEADER = "草稿：审核尚有 {count} 个错误未改正，本稿不得签字报送"
