"""The printed form's pages as PNG, to look at beside the paper copy: the sample, a realistic and a heavy report
(evaldesk.printing.proofs), the sample's audit result and the blank form. Needs pdftoppm (poppler-utils).

    PYTHONPATH=. .venv/bin/python scripts/proof_pages.py OUT_FOLDER [DPI]
    PYTHONPATH=. .venv/bin/python scripts/proof_pages.py --docs      # refresh docs/print/ (sample, audit, blank)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from evaldesk.exchange.report_json import read_json
from evaldesk.printing import proofs
from evaldesk.printing.pdf import build_audit_pdf, build_pdf
from evaldesk.resources import SAMPLE_REPORT

DOCS = Path(__file__).resolve().parent.parent / "docs" / "print"


def to_png(pdf: bytes, folder: Path, name: str, dpi: int, pages: tuple[int, int] | None = None) -> None:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        command = ["pdftoppm", "-r", str(dpi), "-png"]
        if pages:
            command += ["-f", str(pages[0]), "-l", str(pages[1])]
        subprocess.run(command + [file.name, str(folder / name)], check=True)
    for png in folder.glob(f"{name}-0*.png"):   # pdftoppm pads page numbers to the count's width
        png.rename(png.with_name(f"{name}-{int(png.stem.rsplit('-', 1)[1])}.png"))


def main() -> None:
    sample = read_json(SAMPLE_REPORT)
    if sys.argv[1] == "--docs":
        for old in DOCS.glob("*.png"):
            old.unlink()
        to_png(build_pdf(sample), DOCS, "sample-page", 60)
        to_png(build_audit_pdf(sample), DOCS, "audit-page", 60)
        to_png(build_pdf(sample, blank=True), DOCS, "blank-page", 60, (2, 4))
        return
    out, dpi = Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 60
    out.mkdir(parents=True, exist_ok=True)
    for name, report in (("sample", sample), ("realistic", proofs.realistic(sample)), ("heavy", proofs.heavy(sample))):
        to_png(build_pdf(report), out, name, dpi)
    to_png(build_audit_pdf(sample), out, "audit", dpi)
    to_png(build_pdf(sample, blank=True), out, "blank", dpi)


if __name__ == "__main__":
    main()
