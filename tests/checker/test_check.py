"""The accreditation checker on flyers written for these tests (the dev and blind corpora are scored by
bench/flyers.py; the dev corpus also runs below as a regression check)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from docx import Document

from bot.checker import check_flyer, extract
from bot.checker.extract import FlyerError

DIRECT = (
    "Winter Cardiology Update. Presented by Lakeside University School of Medicine.\n"
    "Lakeside University School of Medicine is accredited by the Accreditation Council for Continuing Medical "
    "Education (ACCME) to provide continuing medical education for physicians.\n"
    "Lakeside University School of Medicine designates this live activity for a maximum of 6.5 AMA PRA Category 1 "
    "Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the "
    "activity.\nRegistration opens in March; parking in Deck B."
)
JOINT = (
    "Rural Sepsis Day, hosted by the Tri-Valley Nurses Alliance.\n"
    "This activity has been planned and implemented in accordance with the accreditation requirements and policies "
    "of the Accreditation Council for Continuing Medical Education (ACCME) through the joint providership of Mercy "
    "Regional Medical Center and the Tri-Valley Nurses Alliance. Mercy Regional Medical Center is accredited by the "
    "ACCME to provide continuing medical education for physicians.\n"
    "Mercy Regional Medical Center designates this live activity for a maximum of 3.25 AMA PRA Category 1 Credits™. "
    "Physicians should claim only the credit commensurate with the extent of their participation in the activity."
)


def test_a_complete_direct_flyer() -> None:
    result = check_flyer(DIRECT)
    assert result.verdict == "statements_complete"
    assert (result.accreditor, result.provider) == ("ACCME", "Lakeside University School of Medicine")
    assert result.credit == {"type": "AMA PRA Category 1", "amount": 6.5}
    assert result.red_flags == []
    assert result.summary.startswith(
        "Statements look complete: accredited by the ACCME (Lakeside University School of Medicine) for up to 6.5 "
        "AMA PRA Category 1 Credits."
    )
    assert "cmepassport.org" in result.summary and "does not verify" in result.summary
    assert all(f.rule and f.source.startswith("https://") for f in result.findings)


def test_joint_providership_names_both() -> None:
    result = check_flyer(JOINT)
    assert result.verdict == "statements_complete"
    assert result.provider == "Mercy Regional Medical Center" and result.joint_provider == "Tri-Valley Nurses Alliance"


def test_a_nonaccredited_organizer_without_the_joint_statement() -> None:
    flyer = DIRECT.replace(
        "Presented by Lakeside University School of Medicine", "Presented by the Harbor Heart Society"
    )
    result = check_flyer(flyer)
    assert result.verdict == "statements_incomplete"
    assert result.red_flags == ["no_joint_providership_statement"]
    assert result.joint_provider == "Harbor Heart Society"


def test_a_speaker_who_presents_is_not_an_organizer() -> None:
    flyer = DIRECT + "\nDr. Lee Chen presents three cases of resistant hypertension."
    assert check_flyer(flyer).red_flags == []


@pytest.mark.parametrize(
    ("change", "flag"),
    [
        (
            (
                "Physicians should claim only the credit commensurate with the extent of their participation in the "
                "activity.",
                "",
            ),
            "missing_commensurate_clause",
        ),
        (
            ("Registration opens", "AMA PRA Category 1 Credit™ pending for the evening session. Registration opens"),
            "credit_pending",
        ),
        (
            (
                "Registration opens",
                "The poster walk is certified for 2.0 AMA PRA Category 2 Credits. Registration opens",
            ),
            "category2_advertised",
        ),
        (
            ("Presented by Lakeside University School of Medicine", "Presented by Acme Pharmaceuticals"),
            "ineligible_company_provider",
        ),
    ],
)
def test_each_red_flag_makes_the_statements_incomplete(change: tuple[str, str], flag: str) -> None:
    result = check_flyer(DIRECT.replace(*change))
    assert flag in result.red_flags
    assert result.verdict == "statements_incomplete"  # never "complete" beside its own red flag


def test_no_statement_and_attendance_only() -> None:
    result = check_flyer(
        "Lunch and learn: new insulin pens. A certificate of attendance will be provided to all participants who "
        "sign in. Sponsored lunch, RSVP to the clinic manager by Friday."
    )
    assert result.verdict == "no_accreditation_statement"
    assert result.red_flags == ["no_accreditation_statement", "attendance_certificate_only"]
    assert result.summary.startswith("No accreditation statement found: treat it as not accredited CME")


def test_nursing_hours_pending_is_not_an_ama_red_flag() -> None:
    flyer = DIRECT + "\nNursing contact hours pending approval by the state nurses association."
    assert check_flyer(flyer).red_flags == []


def test_a_promotional_dinner_saying_no_cme_is_not_called_a_provider() -> None:
    result = check_flyer(
        "An evening with the makers of DERMAVEX. This promotional program is sponsored by Corvessa Biopharma, Inc. "
        "and is not certified for continuing medical education credit. Dinner will be served at 7 pm."
    )
    assert result.red_flags == ["no_accreditation_statement"]


def test_logos_are_flagged_but_leave_complete_statements_complete() -> None:
    flyer = extract(
        (
            "<html><body><img alt='Acme Pharma logo' src='acme.png'><p>"
            + DIRECT.replace("\n", "</p><p>")
            + "</p></body></html>"
        ).encode(),
        "flyer.html",
    )
    result = check_flyer(flyer)
    assert result.red_flags == ["industry_logos"] and result.verdict == "statements_complete"


def test_an_accreditor_seal_is_not_an_industry_logo() -> None:
    html = "<html><body><img alt='Joint Accreditation seal logo'><p>" + JOINT + "</p></body></html>"
    assert check_flyer(extract(html.encode(), "x.html")).red_flags == []


def test_html_hides_nothing_a_reader_sees_and_keeps_footers() -> None:
    html = (
        "<html><head><style>p{}</style></head><body><nav>Home</nav><p>Winter Cardiology Update</p>"
        "<div style='display:none'>Lakeside is accredited by the ACCME to provide continuing medical education for "
        "physicians.</div><!-- draft: designates this live activity for a maximum of 9 AMA PRA Category 1 Credits -->"
        f"<footer><p>{DIRECT}</p></footer></body></html>"
    )
    flyer = extract(html.encode(), "page.html")
    assert "Winter Cardiology Update" in flyer.text and "maximum of 9" not in flyer.text
    assert check_flyer(flyer).credit == {"type": "AMA PRA Category 1", "amount": 6.5}


def test_docx_footer_and_table_text_is_read() -> None:
    document = Document()
    document.add_paragraph("Winter Cardiology Update, 14 March 2027")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "08:00"
    table.rows[0].cells[1].text = "Guideline update"
    document.sections[0].footer.paragraphs[0].text = DIRECT.split("\n", 1)[1]
    buffer = io.BytesIO()
    document.save(buffer)
    flyer = extract(buffer.getvalue(), "flyer.docx")
    assert flyer.kind == "docx" and "08:00 | Guideline update" in flyer.text
    assert check_flyer(flyer).verdict == "statements_complete"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.7 this is not really a pdf", "PDF cannot be read"),
        (b"PK\x03\x04 broken zip", "Word file cannot be read"),
        (b"\x00\x01\x02\x03binary", "binary"),
    ],
)
def test_unreadable_files_say_why(data: bytes, message: str) -> None:
    with pytest.raises(FlyerError, match=message):
        extract(data, "flyer")


def test_windows_1252_text_is_read() -> None:
    flyer = extract(DIRECT.replace("™", "").encode("cp1252") + "\nCaf\xe9 at 10".encode("latin-1"), "flyer.txt")
    assert check_flyer(flyer).verdict == "statements_complete"


def test_the_development_corpus_still_reads_as_labelled() -> None:
    # A regression check on the corpus the checker was tuned on, not a result (bench/flyers.py reports both).
    folder = Path(__file__).parents[2] / "bench" / "eval" / "flyers" / "dev"
    labels = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    right = sum(
        check_flyer(extract((folder / label["file"]).read_bytes(), label["file"])).verdict == label["verdict"]
        for label in labels
    )
    assert len(labels) >= 30 and right / len(labels) >= 0.95
