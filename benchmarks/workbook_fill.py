"""How full the bureau workbook's printed pages are when LibreOffice prints them: the sample, a realistic and the
heavy report (evaldesk.printing.proofs) are exported, converted with ``soffice --headless --convert-to pdf`` and
each page's ink measured from the top margin down (a page ending at a forced break — a new part, a grid kept
whole — is short by design). Prints, per report, the page count and each page's fill in per cent of the printable
height. Needs LibreOffice; the heavy report's made-up figures fail the audit, so the audit is skipped here.

    PYTHONPATH=. .venv/bin/python benchmarks/workbook_fill.py [OUT_FOLDER]

LibreOffice draws with the fonts fontconfig shows it: benchmarks/workbook_fonts.sh runs this script with a
configuration without a metric twin of Calibri (Carlito) and without Chinese system fonts, with Carlito, and with
宋体 taken as the shipped Noto Sans SC (as a Chinese distribution's font rules do). LibreOffice runs with a profile
of its own, so a LibreOffice already open does not take the conversion.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pypdfium2 as pdfium  # noqa: E402

from evaldesk.exchange import workbook  # noqa: E402
from evaldesk.exchange.report_json import read_json  # noqa: E402
from evaldesk.exchange.workbook_cells import MARGINS  # noqa: E402
from evaldesk.printing import proofs  # noqa: E402
from evaldesk.resources import SAMPLE_REPORT  # noqa: E402

MARGIN = MARGINS["top"] * 72   # the sheets' top and bottom margins (workbook_cells.page_setup), in points


def fills(pdf: Path) -> list[int]:
    """Per page, how far down the printable height the lowest ink reaches, in per cent."""
    out = []
    for page in pdfium.PdfDocument(str(pdf)):
        _, height = page.get_size()
        image = page.render(scale=1).to_pil().convert("L")
        pixels = image.load()
        top, bottom = int(MARGIN), int(height - MARGIN)
        lowest = next((y for y in range(bottom, top, -1)
                       if any(pixels[x, y] < 200 for x in range(image.width))), top)
        out.append(round(100 * (lowest - top) / (bottom - top)))
    return out


def main() -> None:
    if not shutil.which("soffice"):
        sys.exit("LibreOffice (soffice) is not installed")
    workbook.audit_report = lambda report, sheet=None: []
    sample = read_json(SAMPLE_REPORT)
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    for name, report in (("sample", sample), ("realistic", proofs.realistic(sample)), ("heavy", proofs.heavy(sample))):
        xlsx = folder / f"{name}.xlsx"
        xlsx.write_bytes(workbook.workbook_bytes(report))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)], check=True, capture_output=True)
        pages = fills(folder / f"{name}.pdf")
        print(f"{name:10} {len(pages):3} pages  fill %: {' '.join(str(p) for p in pages)}")
    print(f"PDFs in {folder}")


if __name__ == "__main__":
    main()
