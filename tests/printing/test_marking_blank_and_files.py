"""草稿 marking, the 审核结果 as a document of its own, the blank form, writing the file, and the command line."""

import os

import pytest

from evaldesk.audit.findings import Finding, Severity
from evaldesk.cli import main
from evaldesk.model.document import fingerprint
from evaldesk.files import WriteFailed
from evaldesk.printing import pdf as pdf_module
from evaldesk.printing.pdf import build_audit_pdf, build_pdf, write_pdf
from evaldesk.model.places import parse_place

from .pdfread import body_text, pages_text, squeeze

ERROR = Finding("sum.income", Severity.ERROR, "收入合计与各项之和不符", parse_place("summary/income.total"), "arithmetic")
WARNING = Finding("balance", Severity.WARNING, "累计结余不等于收入减支出", parse_place("summary/expense.balance_total"),
                  "balance", note="结余已按财政口径填写<见说明>")


def audit_returning(monkeypatch, findings):
    monkeypatch.setattr(pdf_module, "audit_report", lambda report, sheet=None: list(findings))


def test_an_audit_error_marks_every_page_as_draft_and_the_findings_print_apart(sample, monkeypatch):
    audit_returning(monkeypatch, [])
    clean_pages = len(pages_text(build_pdf(sample)))
    audit_returning(monkeypatch, [ERROR, WARNING])
    pages = pages_text(build_pdf(sample))
    assert all("草稿：审核尚有1个错误未改正，本稿不得签字报送" in page for page in pages)
    assert squeeze(sample.template.title(sample.year)) + "（草稿）" in pages[0]
    # the signed copy is the form alone: the findings are neither on its pages nor in its page count
    assert len(pages) == clean_pages and not any("收入合计与各项之和不符" in page for page in pages)
    audit = pages_text(build_audit_pdf(sample))
    assert "审核结果" in audit[0] and "共1个错误，1个警告，0个提示。" in audit[0]
    assert "所审核的报告：" + squeeze(sample.department) in audit[0]
    assert "错误收入合计与各项之和不符位置：年度收入情况（万元）·局机关及二级机构汇总·收入合计" in audit[0]
    assert "警告累计结余不等于收入减支出位置：" in audit[0] and "累计结余结余已按财政口径填写<见说明>" in audit[0]
    assert audit[0].index("错误收入合计") < audit[0].index("警告累计结余")
    assert f"第1页共{len(audit)}页" in audit[0] and "数据指纹" + fingerprint(sample) in audit[0]
    assert not any("草稿" in page for page in audit)


def test_warnings_alone_leave_the_form_unmarked(sample, monkeypatch):
    audit_returning(monkeypatch, [WARNING])
    pages = pages_text(build_pdf(sample))
    assert not any("草稿" in page or "审核结果" in page for page in pages)
    assert "结余已按财政口径填写<见说明>" in pages_text(build_audit_pdf(sample))[0]


def test_no_findings_the_audit_document_says_so(sample, monkeypatch):
    audit_returning(monkeypatch, [])
    text = body_text(build_pdf(sample))
    assert "审核结果" not in text and "草稿" not in text
    assert "审核未发现错误、警告或提示。" in body_text(build_audit_pdf(sample))


def test_findings_taller_than_a_page_flow_without_pages_of_headers(sample, monkeypatch):
    long_note = "说明" * 1500
    audit_returning(monkeypatch, [Finding(f"long{n}", Severity.WARNING, "问题" * 900 + str(n),
                                          parse_place("summary/income.total"), "x", note=long_note) for n in range(3)])
    pdf = build_audit_pdf(sample)
    pages = pages_text(pdf)
    assert len(pages) > 3
    # every page carries findings' text, not just the repeated table header; nothing is lost on the way
    assert all("问题问题" in page or "说明说明" in page for page in pages)
    text = body_text(pdf, ("级别问题填报人说明",))
    assert text.count("问") == 900 * 3 and text.count("说") == 1500 * 3


def test_the_blank_form_has_the_layout_and_no_data(sample):
    pdf = build_pdf(sample, blank=True)
    pages = pages_text(pdf)
    text = body_text(pdf)
    assert not any("数据指纹" in page for page in pages)
    assert fingerprint(sample) not in text
    for filled in (sample.department, "张常成", "李小白", "90.50", "92.5", "优秀", "财政供养人员为正增长"):
        assert filled not in text
    assert "草稿" not in text and "审核结果" not in text
    # the form's own wording is all there
    for label in ("附件2-1：", squeeze(sample.template.title(sample.year)), "岳阳市云溪财政局（制）", "部门(单位)名称：",
                  "1、局机关", "2、二级机构1", "3、二级机构2", "局机关及二级机构汇总", "任务1：", "目标1：",
                  "产出目标", "数量指标", "效益目标", "社会公众或服务对象满意度", "绩效自评综合得分", "评价组组长（签字）：",
                  "财政部门归口业务股室负责人（签章）：", "填报人（签名）：", "五、评价报告综述", "附件3-1：", "总分100"):
        assert label in text, label
    # 分值 printed, 自评得分 empty: the 预算调整率 row reads name, standard, 3, and nothing more before the next row
    assert "大于30%不得分。3支付进度" in text


def test_write_pdf_writes_the_built_bytes(sample, tmp_path):
    path = tmp_path / "报告.pdf"
    write_pdf(sample, path)
    assert path.read_bytes() == build_pdf(sample)


def test_a_failed_write_says_why_in_chinese_and_keeps_the_old_file(sample, tmp_path, monkeypatch):
    path = tmp_path / "报告.pdf"
    path.write_bytes(b"old copy")

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)  # as when the file is open in a PDF viewer on Windows
    with pytest.raises(WriteFailed) as failure:
        write_pdf(sample, path)
    assert "无法写入" in str(failure.value) and "没有写入权限" in str(failure.value)
    assert path.read_bytes() == b"old copy"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]  # no temporary file left behind


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into a read-only folder")
def test_a_read_only_folder_gives_a_chinese_message(sample, tmp_path):
    folder = tmp_path / "只读"
    folder.mkdir()
    (folder / "报告.pdf").write_bytes(b"old copy")
    folder.chmod(0o555)
    try:
        with pytest.raises(WriteFailed, match="没有写入权限"):
            write_pdf(sample, folder / "报告.pdf")
        assert (folder / "报告.pdf").read_bytes() == b"old copy"
    finally:
        folder.chmod(0o755)


def test_the_print_command_writes_the_form_and_the_blank_form(tmp_path, capsys):
    db = tmp_path / "data.sqlite"
    assert main(["sample", "--db", str(db)]) == 0
    out, blank = tmp_path / "sample.pdf", tmp_path / "blank.pdf"
    assert main(["print", "-o", str(out), "--db", str(db)]) == 0
    assert main(["print", "-o", str(blank), "--blank", "--db", str(db)]) == 0
    assert "张常成" in body_text(out.read_bytes())
    assert "张常成" not in body_text(blank.read_bytes())
    assert "已生成空表 PDF" in capsys.readouterr().out
    audit = tmp_path / "审核.pdf"
    assert main(["print", "--audit", "-o", str(audit), "--db", str(db)]) == 0
    assert "审核结果" in body_text(audit.read_bytes()) and "审核结果" not in body_text(out.read_bytes())
    assert "已生成审核结果 PDF" in capsys.readouterr().out
    assert main(["print", "--audit", "--blank", "-o", str(audit), "--db", str(db)]) != 0
    assert "不能同时使用" in capsys.readouterr().err


def test_the_print_command_reports_a_failed_write(tmp_path, capsys):
    db = tmp_path / "data.sqlite"
    main(["sample", "--db", str(db)])
    code = main(["print", "-o", str(tmp_path / "没有这个文件夹" / "a.pdf"), "--db", str(db)])
    assert code != 0
    assert "文件夹不存在" in capsys.readouterr().err


def test_the_audit_result_names_the_fillers_county_as_the_form_does(sample):
    from evaldesk.model.edits import SetField

    SetField("cover.region", "平江县").apply(sample)
    title = "平江县2021年度部门整体支出绩效评价自评报告"
    assert title in pages_text(build_pdf(sample))[0]
    audit = pages_text(build_audit_pdf(sample))[0]
    assert title in audit and "岳阳市云溪区2021年度部门整体支出绩效评价自评报告" not in audit


def test_findings_of_one_cause_print_as_one_row_with_their_count_errors_first(sample, monkeypatch):
    twice = [Finding(f"numbering/{n}", Severity.WARNING, f"（一）用了两次：第{n}处", parse_place("summary.text"),
                     "text.numbering", cause="二级标题“（一）”重复使用") for n in range(70)]
    audit_returning(monkeypatch, [*twice, ERROR])
    text = body_text(build_audit_pdf(sample))
    assert text.count("（一）") == 1 and "二级标题“（一）”重复使用（共70处）" in text
    assert text.index("收入合计与各项之和不符") < text.index("重复使用")


def test_the_neutral_sheets_blank_cover_has_lines_to_write_the_region_and_bureau():
    from evaldesk.model.report import new_report
    from evaldesk.scoring.template import builtin_template

    cover = pages_text(build_pdf(new_report(2023, builtin_template("generic-department")), blank=True))[0]
    assert "＿＿＿＿＿＿2023年度部门整体支出绩效评价自评报告" in cover and "＿＿＿＿＿＿（制）" in cover


def test_the_blank_summary_heading_stands_over_a_box_not_alone_at_a_page_foot(sample):
    pages = pages_text(build_pdf(sample, blank=True))
    [page] = [p for p in pages if "五、评价报告综述" in p]
    assert not page.endswith("五、评价报告综述") and len(pages) == 9
