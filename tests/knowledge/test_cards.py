"""Answer cards: the shipped cards are valid, and validation catches what would make a card unsafe."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge.cards import CardError, find_section, load_cards, section_hash, stamp, validate_all, validate_card

KNOWLEDGE = PROJECT_ROOT / "knowledge"
DOC = "accme/standard-3-financial-relationships.md"
SECTION = "Is there a minimum dollar amount for disclosure, and who decides relevance?"


def test_every_shipped_card_is_valid_and_cites_current_sections() -> None:
    cards = load_cards(KNOWLEDGE)
    assert len(cards) >= 250, f"only {len(cards)} cards"
    assert validate_all(KNOWLEDGE) == {}


def test_shipped_cards_cover_every_topic_and_lead_with_the_answer() -> None:
    cards = load_cards(KNOWLEDGE)
    cited_docs = {cite.doc.split("/")[0] for card in cards for cite in card.cites}
    for folder in ("accme", "ama", "europe", "joint-accreditation", "outcomes", "planning", "moc", "licensure"):
        assert folder in cited_docs, folder
    for card in cards:
        assert len(card.answer.split()) <= 110, f"{card.id}: the answer is not short"
        assert card.paraphrases, f"{card.id}: no paraphrases"
        assert card.last_reviewed <= date(2026, 12, 31)


def test_a_european_card_answers_only_a_question_about_europe() -> None:
    # An EACCME rule read as the answer to a US question gives the opposite answer (a sponsor's brand on hands-on
    # equipment, a sponsor's name in a title): every EACCME card needs a European term in the question.
    european = ("eaccme", "ecmec", "uems", "europe", "eu", "lee", "e-learning material", "ema")
    for card in load_cards(KNOWLEDGE):
        if "EACCME" in card.authority.upper() or "UEMS" in card.authority.upper():
            assert any(any(term.lower().startswith(european) for term in group) for group in card.requires), (
                f"{card.id}: an EACCME card must require a European term"
            )


def _corpus(tmp_path: Path) -> Path:
    knowledge = tmp_path / "knowledge"
    (knowledge / "accme").mkdir(parents=True)
    shutil.copy(KNOWLEDGE / DOC, knowledge / DOC)
    (knowledge / "cards").mkdir()
    return knowledge


def _write_card(knowledge: Path, answer: str, section: str = SECTION, digest: str = "") -> None:
    (knowledge / "cards" / "test.yml").write_text(
        f"""- id: s3-minimum-amount
  question: Is there a minimum dollar amount before a relationship must be disclosed?
  paraphrases: ["any threshold for disclosure?"]
  answer: {answer!r}
  requires: [["minimum", "threshold", "dollar"]]
  cites:
    - {{doc: {DOC}, section: {section!r}, hash: {digest!r}}}
  authority: ACCME
  last_reviewed: 2026-11-30
""",
        encoding="utf-8",
    )


def test_a_card_pinned_to_its_section_validates(tmp_path: Path) -> None:
    knowledge = _corpus(tmp_path)
    section = find_section(knowledge, DOC, SECTION)
    assert section is not None
    _write_card(knowledge, "No. There is no minimum financial threshold.", digest=section_hash(section.text))
    assert validate_all(knowledge) == {}


def test_a_changed_section_fails_until_the_card_is_stamped_again(tmp_path: Path) -> None:
    knowledge = _corpus(tmp_path)
    section = find_section(knowledge, DOC, SECTION)
    assert section is not None
    _write_card(knowledge, "No. There is no minimum financial threshold.", digest=section_hash(section.text))
    path = knowledge / DOC
    path.write_text(path.read_text(encoding="utf-8").replace("of any amount", "of any size"), encoding="utf-8")
    problems = validate_all(knowledge)
    assert "cited section changed since review" in problems["s3-minimum-amount"][0]
    assert stamp(knowledge, ["s3-minimum-amount"], today=date(2026, 12, 1)) == ["s3-minimum-amount"]
    assert validate_all(knowledge) == {}
    assert load_cards(knowledge)[0].last_reviewed == date(2026, 12, 1)


def test_numbers_and_quoted_wording_must_be_in_a_cited_section(tmp_path: Path) -> None:
    knowledge = _corpus(tmp_path)
    section = find_section(knowledge, DOC, SECTION)
    assert section is not None
    _write_card(
        knowledge,
        'No, below $5,000 nothing is disclosed; ACCME says "disclose only large payments" here.',
        digest=section_hash(section.text),
    )
    problems = validate_card(load_cards(knowledge)[0], knowledge)
    assert any("5000" in p for p in problems)
    assert any("quoted wording" in p for p in problems)


def test_a_card_citing_a_missing_section_is_invalid(tmp_path: Path) -> None:
    knowledge = _corpus(tmp_path)
    _write_card(knowledge, "No.", section="A heading that does not exist")
    problems = validate_card(load_cards(knowledge)[0], knowledge)
    assert problems and "does not exist" in problems[0]


def test_malformed_card_files_are_named(tmp_path: Path) -> None:
    knowledge = _corpus(tmp_path)
    (knowledge / "cards" / "bad.yml").write_text("- id: x\n  question: [unclosed\n", encoding="utf-8")
    with pytest.raises(CardError, match=r"bad\.yml"):
        load_cards(knowledge)
    (knowledge / "cards" / "bad.yml").write_text("- id: Not A Valid Id\n  answer: yes\n", encoding="utf-8")
    with pytest.raises(CardError, match="not valid"):
        load_cards(knowledge)


def test_unquoted_numbers_among_key_terms_are_read_as_words(tmp_path: Path) -> None:
    knowledge = _corpus(tmp_path)
    _write_card(knowledge, "No.")
    path = knowledge / "cards" / "test.yml"
    text = path.read_text(encoding="utf-8").replace('[["minimum", "threshold", "dollar"]]', "[[minimum, 30], 8]")
    path.write_text(text + "  excludes: [12, month]\n", encoding="utf-8")
    card = load_cards(knowledge)[0]
    assert card.requires == [["minimum", "30"], ["8"]]
    assert card.excludes == ["12", "month"]
