"""Render the flows' documents as a reader sees them: .docx -> PDF (LibreOffice headless) -> PNG pages (pdftoppm).

Run by hand (needs Debian's libreoffice-writer-nogui and poppler-utils):

    .venv/bin/python -m bench.render_documents [--out out/documents]

It writes each document's .docx, .pdf and page PNGs, prints the page count, the time each step took and the
text pdftotext finds on each page, so the pages can be opened and looked at (the PNGs) and checked by a script
(the text). Outcome reports from bot/outcomes are rendered too when that package is present."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bot.flows.documents import build_document, write_docx
from tests.flows.samples import MOCK_ACTIVITY, NEEDS_ASSESSMENT

# A realistic, busier plan than the test sample: a joint providership, several faculty, commercial support.
ACTIVITY = {
    **MOCK_ACTIVITY,
    "title": "Hypertension Control in Primary Care: From Guideline to Practice",
    "dates": "14 March 2027",
    "location": "Lakeside, MN, United States",
    "agenda": "08:00-08:30 Registration and breakfast\n08:30-09:30 The 2025 AHA/ACC guideline: what changed\n"
    "09:30-09:45 Coffee break\n09:45-11:00 Case workshop: home blood pressure monitoring\n"
    "11:00-12:00 Panel: team-based titration\n12:00-13:00 Lunch and exhibits",
    "people": "Dr Ana Ruiz | planner | none\n"
    "Dr Lee Chen | faculty | speakers' bureau, Acme Pharma (ended 2025) | slides peer reviewed by the planners\n"
    "Maria Santos, RN | planner | none\n"
    "Dr Omar Haddad | faculty | consultant, CardioDevice Inc. | content limited to guideline recommendations\n"
    "Dr Priya Nair | reviewer | public stock, Big Pharma Co. | reviewer has no role in the session she holds stock in",
    "commercial_support": "agreement_signed",
    "supporters": "Acme Pharma (educational grant)",
    "marketing": "separated",
    "providership": "joint",
    "joint_provider": "Lakeside County Medical Society",
    "joint_provider_ineligible": "no",
}


def _run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=180)
    return time.perf_counter() - started


def render(docx: Path, out: Path) -> dict[str, object]:
    for stale in out.glob(f"{docx.stem}-*.png"):
        stale.unlink()  # pages of an earlier, longer render would be counted as this one's
    with tempfile.TemporaryDirectory() as profile:
        # A private LibreOffice profile: two renders never share (or lock) one.
        pdf_seconds = _run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(docx),
            ],
            out,
        )
    pdf = out / f"{docx.stem}.pdf"
    png_seconds = _run(["pdftoppm", "-png", "-r", "70", str(pdf), str(out / docx.stem)], out)
    pages = sorted(out.glob(f"{docx.stem}-*.png"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return {"pdf": pdf, "pages": pages, "pdf_s": pdf_seconds, "png_s": png_seconds, "text": text}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/documents"))
    args = parser.parse_args()
    if not (shutil.which("soffice") and shutil.which("pdftoppm")):
        print("Needs soffice and pdftoppm: apt-get install libreoffice-writer-nogui poppler-utils", file=sys.stderr)
        return 2
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    documents = {
        "activity-plan": build_document("mock_activity", ACTIVITY),
        "needs-assessment": build_document("needs_assessment", {**NEEDS_ASSESSMENT, "baseline": ""}),
    }
    for name, doc in documents.items():
        docx = write_docx(doc, args.out / f"{name}.docx")
        result = render(docx, args.out)
        print(
            f"{name}: {len(result['pages'])} page(s); PDF {result['pdf_s']:.1f} s, PNG {result['png_s']:.1f} s; "
            f"{result['pdf']}"
        )
        for heading in (section.heading for section in doc.sections):
            found = heading in str(result["text"])
            print(f"  {'ok ' if found else 'MISSING'} heading: {heading}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
