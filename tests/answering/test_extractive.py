"""Offline extractive answers: lead with the answering unit, keep it short, never cut a unit, cite each paragraph.

Units live in a real (in-memory) Chroma collection with hand-made embeddings, so each test sets exactly how close
each unit is to the question."""

from __future__ import annotations

import math
import re
import uuid
from typing import Any

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from bot.answering.extractive import ExtractiveAnswerer, word_count
from bot.knowledge.units import BULLET
from bot.retrieval.hybrid import Passage

QUERY = [1.0, 0.0, 0.0, 0.0]


def _vector(similarity: float, axis: int) -> list[float]:
    """A unit vector at the given cosine similarity to QUERY; `axis` keeps different units apart."""
    rest = math.sqrt(max(0.0, 1.0 - similarity**2))
    vector = [similarity, 0.0, 0.0, 0.0]
    vector[1 + axis % 3] = rest
    return vector


def _passage(rank: int, text: str = "", dense: float = 0.6) -> Passage:
    return Passage(
        chunk_id=f"kb:doc{rank}.md::0",
        doc_id=f"kb:doc{rank}.md",
        title=f"Document {rank}",
        heading="Overview",
        url=f"https://example.org/{rank}",
        authority="accme",
        effective_date="",
        last_reviewed="2026-11-25",
        text=text,
        score=1.0 / (1 + rank),
        dense=dense,
    )


def _collection(units: dict[int, list[tuple[str, float]]]) -> Any:
    """Units per passage rank: (text, similarity to the question)."""
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection(f"units-{uuid.uuid4().hex}", embedding_function=None)
    ids, texts, vectors, metas = [], [], [], []
    for rank, items in units.items():
        for position, (text, similarity) in enumerate(items):
            ids.append(f"kb:doc{rank}.md::0::{position}")
            texts.append(text)
            vectors.append(_vector(similarity, position + rank))
            metas.append({"doc_id": f"kb:doc{rank}.md", "chunk_id": f"kb:doc{rank}.md::0", "position": position})
    collection.add(ids=ids, documents=texts, embeddings=vectors, metadatas=metas)
    return collection


def _answerer(units: dict[int, list[tuple[str, float]]]) -> ExtractiveAnswerer:
    return ExtractiveAnswerer(idf={}, units=_collection(units))


def _paragraphs(text: str) -> list[str]:
    return [re.sub(r"\s*\[\d+\]$", "", p) for p in text.split("\n\n")]


def test_the_answer_leads_with_the_unit_that_answers_even_when_it_comes_later() -> None:
    answer = _answerer(
        {
            0: [
                ("The credit system has a long history going back decades.", 0.30),
                ("Accreditation with Commendation requires eight criteria from the menu.", 0.85),
            ],
            1: [("Commendation gives a six-year term instead of four years.", 0.74)],
        }
    ).answer("How many commendation criteria do we need?", [_passage(0), _passage(1)], QUERY)
    assert answer.text.startswith("Accreditation with Commendation requires eight criteria")
    assert answer.lead == "Accreditation with Commendation requires eight criteria from the menu."
    assert "long history" not in answer.text


def test_units_that_do_not_address_the_question_are_dropped() -> None:
    answer = _answerer(
        {
            0: [
                ("Disclosures must cover financial relationships from the past 24 months.", 0.82),
                ("Credit is not time-based for performance improvement activities.", 0.35),
            ],
        }
    ).answer("How far back do disclosures go?", [_passage(0)], QUERY)
    assert "24 months" in answer.text
    assert "time-based" not in answer.text


def test_units_from_a_passage_about_something_else_are_dropped() -> None:
    answer = _answerer(
        {
            0: [("Disclosures must cover financial relationships from the past 24 months.", 0.80)],
            1: [("Performance improvement activities earn twenty credits in three stages.", 0.78)],
        }
    ).answer("How far back do disclosures go?", [_passage(0, dense=0.70), _passage(1, dense=0.30)], QUERY)
    assert answer.cited == [0]
    assert "twenty credits" not in answer.text


def test_about_120_words_of_whole_units_and_nothing_cut() -> None:
    units = [
        (f"Rule {i} says that the provider keeps records of commercial support for six years at least.", 0.80 - i / 200)
        for i in range(12)
    ]
    answer = _answerer({0: units}).answer("What records do we keep?", [_passage(0)], QUERY)
    body = _paragraphs(answer.text)[0]
    assert word_count(body) <= 120
    texts = [text for text, _ in units]
    assert all(sentence in texts for sentence in re.findall(r"Rule \d+ [^.]*\.", body))
    assert body.startswith("Rule 0 says") and body.endswith("six years at least.")


def test_a_whole_list_may_run_longer_but_is_never_cut() -> None:
    items = [f"item number {i} of the disclosure with its own explanation of what must be shown" for i in range(12)]
    listing = "The disclosure to learners must include:\n" + "\n".join(BULLET + item for item in items)
    assert word_count(listing) > 120
    answer = _answerer(
        {
            0: [(listing, 0.90)],
            1: [("Disclosure happens before the activity starts, in writing or verbally.", 0.84)],
        }
    ).answer("What are the elements of the disclosure?", [_passage(0), _passage(1)], QUERY)
    lines = answer.text.split("\n")
    assert lines[0] == "The disclosure to learners must include:"
    assert [line.removesuffix(" [1]") for line in lines[1:13]] == [BULLET + item for item in items]
    assert lines[12].endswith(" [1]")
    assert "before the activity starts" not in answer.text  # the list used the budget; nothing else is cut in


def test_a_list_and_its_own_item_are_not_both_quoted() -> None:
    listing = f"{BULLET}Level 1 — Participation\n{BULLET}Level 2 — Satisfaction\n{BULLET}Level 4 — Competence"
    answer = _answerer({0: [(listing, 0.88), (f"{BULLET}Level 4 — Competence", 0.86)]}).answer(
        "What are the Moore levels?", [_passage(0)], QUERY
    )
    assert answer.text.count("Competence") == 1


def test_each_paragraph_ends_with_its_citation_marker_in_reading_order() -> None:
    answer = _answerer(
        {
            0: [("Commercial support may pay faculty honoraria through the provider.", 0.70)],
            1: [("Commercial support may not pay learners' travel or lodging costs.", 0.86)],
        }
    ).answer("Can commercial support pay for learners' travel?", [_passage(0), _passage(1)], QUERY)
    assert answer.cited == [1, 0]
    # The lead says no to the question in its own terms, so the answer opens with "No." (polarity.py).
    assert answer.text == (
        "No. Commercial support may not pay learners' travel or lodging costs. [1]\n\n"
        "Commercial support may pay faculty honoraria through the provider. [2]"
    )


def test_a_list_starts_on_its_own_line_inside_a_paragraph() -> None:
    listing = f"Stages:\n{BULLET}Stage A assesses practice\n{BULLET}Stage B intervenes\n{BULLET}Stage C re-evaluates"
    answer = _answerer(
        {
            0: [
                ("Performance improvement CME is a structured activity over several months.", 0.86),
                (listing, 0.84),
                ("Physicians must start with Stage A to have a baseline.", 0.83),
            ]
        }
    ).answer("How does PI CME work?", [_passage(0)], QUERY)
    assert answer.text == (
        "Performance improvement CME is a structured activity over several months.\n"
        f"{listing}\n"
        "Physicians must start with Stage A to have a baseline. [1]"
    )


def test_a_list_leads_when_the_question_asks_for_one() -> None:
    listing = f"{BULLET}Level 1 — Participation\n{BULLET}Level 2 — Satisfaction\n{BULLET}Level 4 — Competence"
    answer = _answerer(
        {
            0: [
                ("The 2009 paper revised the earlier six-level pyramid of outcomes.", 0.80),
                (listing, 0.76),
            ]
        }
    ).answer("What are the Moore levels?", [_passage(0)], QUERY)
    assert answer.lead == listing
    assert answer.text.startswith(f"{BULLET}Level 1 — Participation\n")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many commendation criteria do we need?", "eight criteria"),
        ("When did the Standards take effect?", "January 1, 2022"),
        ("What is the exact wording of the designation statement?", '"The provider designates'),
    ],
)
def test_the_kind_of_answer_asked_for_beats_a_unit_that_only_restates_the_topic(question: str, expected: str) -> None:
    answer = _answerer(
        {
            0: [
                ("Commendation, the Standards and the designation statement are central to accreditation.", 0.80),
                ("A provider must meet eight criteria from the commendation menu.", 0.76),
                ("The Standards took effect on January 1, 2022 for all providers.", 0.76),
                ('It reads "The provider designates this live activity for a maximum of 2 credits."', 0.76),
            ]
        }
    ).answer(question, [_passage(0)], QUERY)
    assert expected in answer.lead


def test_a_pointer_elsewhere_does_not_lead() -> None:
    answer = _answerer(
        {
            0: [
                ("See the Standard 5 document for the full 30-minute rule.", 0.80),
                ("The 30-minute rule keeps marketing 30 minutes apart from accredited education.", 0.76),
            ]
        }
    ).answer("What's the 30 minute rule?", [_passage(0)], QUERY)
    assert answer.lead.startswith("The 30-minute rule keeps")


def test_without_stored_units_the_passage_is_split_and_chosen_by_words() -> None:
    passage = _passage(
        0,
        "Standard 3 was written by Donald E. Moore Jr. and colleagues? No. It came from ACCME. "
        "Faculty disclosures look back 24 months for financial relationships with ineligible companies.",
    )
    answer = ExtractiveAnswerer(idf={"disclosur": 3.0, "month": 2.0}).answer(
        "How many months back do faculty disclosures go?", [passage], None
    )
    assert answer.lead == (
        "Faculty disclosures look back 24 months for financial relationships with ineligible companies."
    )
    assert answer.cited == [0] and answer.text.endswith("[1]")


def test_no_passages_give_no_answer() -> None:
    answer = ExtractiveAnswerer(idf={}).answer("Anything?", [], None)
    assert answer.text == "" and answer.cited == []


def test_a_yes_or_no_from_another_section_is_not_quoted_after_the_lead() -> None:
    answer = _answerer(
        {
            0: [("Faculty honoraria may be paid from commercial support through the provider.", 0.86)],
            1: [("No. Commercial support must not pay learners' honoraria or travel.", 0.80)],
        }
    ).answer("Can commercial support pay faculty honoraria?", [_passage(0), _passage(1)], QUERY)
    assert answer.text.startswith("Faculty honoraria may be paid")
    assert "\n\nCommercial support must not pay learners' honoraria or travel. [2]" in answer.text
    assert "No." not in answer.text
