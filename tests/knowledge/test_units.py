"""Answer units: sentences never split at initials or abbreviations; lists and tables whole and readable."""

import pytest

from bot.knowledge.units import BULLET, is_list, sentences, split_units, table_rows


@pytest.mark.parametrize(
    "text",
    [
        "The framework was published by Donald E. Moore Jr., Joseph S. Green and Harry A. Gallis in 2009.",
        "Some companies are ineligible, e.g. Pfizer and Merck, whatever their size.",
        "Use a baseline, i.e. The pre-test given before the session.",
        "The U.S. Food and Drug Administration regulates devices.",
        "Compare Category 1 vs. Category 2 credit before planning.",
        "See Moore et al. The paper covers planning and assessment.",
        "Ask Dr. Smith about the disclosure form.",
        "See No. 4 of the criteria for the wording.",
        "It takes approx. 15 minutes to complete the module.",
        "The author is J. Smith of the AMA.",
        "See section 3.2 of the booklet for enduring materials.",
        "The older rules were SCS 3.1-3.3 in the 2004 standards.",
    ],
)
def test_initials_abbreviations_and_section_numbers_do_not_end_a_sentence(text: str) -> None:
    assert sentences(f"{text} The next sentence starts here.") == [text, "The next sentence starts here."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Can we? No. Accredited providers must not.", ["Can we?", "No.", "Accredited providers must not."]),
        (
            "The grant came from Company A and Company B. In-kind support is separate.",
            ["The grant came from Company A and Company B.", "In-kind support is separate."],
        ),
        (
            "Others say 5 for A, 5 for B and 10 for C. Because this split is unconfirmed, check it.",
            ["Others say 5 for A, 5 for B and 10 for C.", "Because this split is unconfirmed, check it."],
        ),
        ("Providers report to the U.S. The ACCME checks it.", ["Providers report to the U.S.", "The ACCME checks it."]),
        ("Is it allowed? Yes! It is.", ["Is it allowed?", "Yes!", "It is."]),
        (
            "Credit is 1.0 for 60 minutes. A 90-minute webinar is 1.5.",
            ["Credit is 1.0 for 60 minutes.", "A 90-minute webinar is 1.5."],
        ),
    ],
)
def test_real_sentence_ends_still_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_a_quoted_statement_of_several_sentences_stays_whole() -> None:
    statement = (
        'The statement reads: "The [provider] designates this live activity for a maximum of 2 credits. '
        'Physicians should claim only the credit commensurate with the extent of their participation." '
        "It is required."
    )
    parts = sentences(statement)
    assert len(parts) == 2
    assert parts[0].endswith('participation."') and parts[1] == "It is required."


def test_a_short_answer_word_opens_the_sentence_it_answers() -> None:
    units = split_units("Can we advertise Category 2 credit? No. Accredited providers must not certify it.")
    assert units == ["Can we advertise Category 2 credit?", "No. Accredited providers must not certify it."]


def test_a_list_keeps_its_lead_in_and_every_item_on_its_own_line() -> None:
    text = (
        "Before the activity, the disclosure must include:\n\n"
        "- the names of the individuals;\n"
        "- the name of each ineligible company, and\n"
        "- the nature of the relationship.\n\n"
        "After the list comes prose."
    )
    units = split_units(text)
    assert units[0] == (
        "Before the activity, the disclosure must include:\n"
        f"{BULLET}the names of the individuals\n"
        f"{BULLET}the name of each ineligible company\n"
        f"{BULLET}the nature of the relationship."
    )
    assert is_list(units[0])
    assert units[1] == "After the list comes prose."


def test_a_markdown_table_becomes_one_labelled_line_per_row() -> None:
    table = [
        "| Level | Name | The question it answers | Typical data |",
        "|---|---|---|---|",
        "| 1 | Participation | How many took part? | Attendance records |",
        "| 3a | Learning: declarative knowledge | Can they say **what**? | Pre-/post-test items |",
    ]
    assert table_rows(table) == [
        "Level 1 — Participation — How many took part? — Typical data: Attendance records",
        "Level 3a — Learning: declarative knowledge — Can they say what? — Typical data: Pre-/post-test items",
    ]


def test_a_table_after_a_lead_in_is_one_unit_with_every_row_and_two_columns_both_labelled() -> None:
    text = (
        "ACCME describes these statuses:\n\n"
        "| Status | Term |\n|---|---|\n| Provisional Accreditation | 2 years |\n| Accreditation | 4 years |\n"
    )
    assert split_units(text) == [
        "ACCME describes these statuses:\n"
        f"{BULLET}Status: Provisional Accreditation — Term: 2 years\n"
        f"{BULLET}Status: Accreditation — Term: 4 years"
    ]


def test_a_list_without_lead_in_gives_each_item_and_the_whole_list() -> None:
    text = "- **Practice gap:** the difference between current and best practice.\n- **Educational need:** the cause."
    units = split_units(text)
    assert "Practice gap: the difference between current and best practice." in units
    first = f"{BULLET}Practice gap: the difference between current and best practice."
    whole = f"{first}\n{BULLET}Educational need: the cause."
    assert whole in units


def test_a_list_reflowed_onto_one_line_is_split_into_its_items_again() -> None:
    text = "- **Practice gap:** the difference in practice. - **Educational need:** the cause of a gap."
    units = split_units(text)
    assert f"{BULLET}Practice gap: the difference in practice.\n{BULLET}Educational need: the cause of a gap." in units


def test_headings_are_never_units() -> None:
    text = (
        "## Can we add credit after the event?\n\nNo. Credit must be designated in advance.\n\n"
        "**Promotes Team-Based Education**\n\nThe provider plans with a team of several professions."
    )
    units = split_units(text)
    assert units == [
        "No. Credit must be designated in advance.",
        "The provider plans with a team of several professions.",
    ]
    assert not any("?" in u or "Promotes Team-Based" in u for u in units)


def test_a_bold_lead_in_keeps_the_quoted_statement_after_it() -> None:
    text = '**Directly provided activities:**\n"The provider is accredited by the ACCME to provide CME for physicians."'
    assert split_units(text) == [
        'Directly provided activities: "The provider is accredited by the ACCME to provide CME for physicians."'
    ]


def test_markdown_italics_and_bold_are_plain_text() -> None:
    units = split_units("Designate *AMA PRA Category 1 Credit*™ in advance, with **both** sentences of the statement.")
    assert units == ["Designate AMA PRA Category 1 Credit™ in advance, with both sentences of the statement."]


def test_a_lead_in_whose_list_is_missing_is_not_a_unit() -> None:
    assert split_units("DEA's training rule took effect in 2023. Key points from DEA guidance:") == [
        "DEA's training rule took effect in 2023."
    ]
