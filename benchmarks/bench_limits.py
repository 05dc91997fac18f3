"""Printing and exporting a report at every limit of model/limits.py at once: 100 units, 100 entries in each list,
a 2,000-indicator sheet (every input typed), 2,000 说明, and the report's text total (1,000,000 characters) reached
with the 综述 and the lists' entries. Prints CPU seconds for the PDF, the bureau workbook and the JSON form, and
the same for the heavy proof report beside it. One run; figures, not a test."""

from __future__ import annotations

import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scoring import generated_report, generated_template  # noqa: E402

from evaldesk.app import output  # noqa: E402
from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.model import limits  # noqa: E402
from evaldesk.model.form import LISTS  # noqa: E402
from evaldesk.model.report import Item, Unit, new_id  # noqa: E402
from evaldesk.printing.proofs import heavy, text_of  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402


def at_the_limits():
    sample = read_json(SAMPLE_REPORT)
    report = generated_report(generated_template(5, 20, 20))   # 2,000 scored indicators
    report.units = [Unit(new_id(), f"二级机构{n}", dict(sample.units[0].cells)) for n in range(limits.UNIT_COUNT)]
    for key, value in sample.fields.items():
        if not key.startswith(("sheet.", "note.")):
            report.fields[key] = value
    for leaf in report.template.leaves:   # every indicator scored, each hand score or deduction explained
        report.fields[f"sheet.{leaf.id}.hand"] = leaf.weight
        report.fields[f"sheet.{leaf.id}.reason"] = "按评分标准评分"
    for n in range(2_000):
        report.fields[f"note.finding{n}"] = "已向财政局说明"
    report.fields["summary.text"] = "\n".join(text_of(500) for _ in range(200_000 // 500))
    room = limits.TEXT_TOTAL - limits.text_size(report)
    cells = sum(len(spec.fields) for spec in LISTS) * limits.ITEM_COUNT
    for spec in LISTS:
        values = {name: (spec.choices.get(name) or [text_of(min(2_000, room // cells))])[0] for name, _ in spec.fields}
        report.lists[spec.key] = [Item(new_id(), dict(values)) for _ in range(limits.ITEM_COUNT)]
    assert limits.refusal(report) is None, limits.refusal(report)
    return report


def cpu() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_utime


def main() -> None:
    for name, report in (("heavy proof report", heavy(read_json(SAMPLE_REPORT))), ("at every limit", at_the_limits())):
        figures = []
        for what, run in (("PDF", lambda: output.pdf_bytes(report)),
                          ("workbook", lambda: output.export_workbook(report, "/tmp/bench_limits.xlsx")),
                          ("JSON", lambda: output.json_bytes(report))):
            start = cpu()
            try:
                run()
                figures.append(f"{what} {cpu() - start:.1f} s")
            except Exception as err:  # noqa: BLE001 - a refusal is a figure too
                figures.append(f"{what} refused ({str(err)[:60]})")
        print(f"{name}: {limits.text_size(report):,} characters — " + ", ".join(figures) + " (CPU)", flush=True)


if __name__ == "__main__":
    main()
