"""Answer cards: verified question-and-answer pairs that sit beside the documents.

A card is what a member comes for, written once and checked: the question with its common paraphrases, a direct
answer of one to four sentences that leads with the answer (Yes / No / It depends on X / the number / the exact
wording), the conditions that change it, and citations to the knowledge sections that support it.

Cards live in `knowledge/cards/*.yml`, each file a YAML list of cards:

    - id: s3-lookback-24-months
      question: How far back must financial relationships be disclosed?
      paraphrases: ["still 12 months for faculty disclosures?", "what's the disclosure lookback period"]
      answer: >-
        24 months. Everyone in control of content discloses all financial relationships with ineligible
        companies from the 24 months before they take on the role.
      conditions: ["Spouse or partner relationships are no longer collected."]
      requires: [["disclos", "lookback", "look back", "how far back"]]   # every group: one alternative in the question
      excludes: ["record", "retention"]                                   # any of these: not this card
      cites:
        - {doc: accme/standard-3-financial-relationships.md,
           section: "Who must disclose financial relationships, and how far back (24-month lookback)?",
           hash: 1a2b3c4d5e6f7a8b}
      authority: ACCME
      urls: [https://accme.org/rule/identify-mitigate-and-disclose-relevant-financial-relationships/]
      effective_date: 2022-01-01
      last_reviewed: 2026-11-30
      owner: maintainers

`requires` and `excludes` are how near twins with different answers are kept apart (speaker honoraria vs learners'
travel, private vs public stock): a card answers only when its key terms are in the question, not merely when the
wording is close. Alternatives match at the start of a word ("disclos" matches "disclosure"), case-insensitively.

`hash` pins the text of the cited section: when that section changes, the card fails validation until a maintainer
re-reads it and runs `cmebot cards stamp ID`. The community fields (author, verifier, verified_on, review_by,
visibility, tier) are the same structure experts' saved answers from Slack will use.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from bot.answering.grounding import ungrounded
from bot.knowledge.chunking import chunk_document
from bot.knowledge.documents import DocumentError
from bot.knowledge.loaders import load_file

# libyaml's safe loader parses the 452 cards ten times faster than the pure-Python one (0.05 s against
# 0.5 s, most of a one-shot `cmebot ask`); the same safe subset of YAML either way.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CARD_DIR_NAME = "cards"
CARD_SUFFIXES = (".yml", ".yaml")
Tier = Literal["authority", "maintainers", "community", "unreviewed"]
Visibility = Literal["public", "members", "experts"]


class CardCitation(BaseModel):
    doc: str
    section: str
    hash: str = ""


class AnswerCard(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{2,80}$")
    question: str = Field(min_length=8)
    paraphrases: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=2)
    conditions: list[str] = Field(default_factory=list)
    requires: list[list[str]] = Field(default_factory=list)
    excludes: list[str] = Field(default_factory=list)
    cites: list[CardCitation] = Field(min_length=1)
    authority: str
    urls: list[str] = Field(default_factory=list)
    effective_date: date | None = None
    last_reviewed: date
    owner: str = "maintainers"
    topic: str = ""
    # Community fields: a card saved by an expert from a Slack thread carries who wrote and verified it.
    author: str = "maintainers"
    verifier: str = ""
    verified_on: date | None = None
    review_by: date | None = None
    visibility: Visibility = "public"
    tier: Tier = "maintainers"
    source_file: str = ""

    @field_validator("requires", mode="before")
    @classmethod
    def _groups(cls, value: Any) -> Any:
        # A bare string or a flat list of strings is one group each, which is what authors mean by it.
        if isinstance(value, str | int | float):
            return [[_term(value)]]
        if isinstance(value, list):
            return [[_term(item)] if isinstance(item, str | int | float) else _terms(item) for item in value]
        return value

    @field_validator("excludes", mode="before")
    @classmethod
    def _excluded(cls, value: Any) -> Any:
        return _terms(value)

    @property
    def texts(self) -> list[str]:
        """What a member's question is compared with: the question and its paraphrases."""
        return [self.question, *self.paraphrases]

    @property
    def lead(self) -> str:
        return first_sentence(self.answer)

    def rendered(self) -> str:
        """The card as a member reads it: the answer, then the conditions that change it."""
        text = " ".join(self.answer.split())
        if self.conditions:
            text += "\n" + "\n".join(f"• {' '.join(c.split())}" for c in self.conditions)
        return text


def _term(value: Any) -> Any:
    # YAML reads an unquoted key term such as 30 or 8 as a number; a key term is matched as text either way.
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else value


def _terms(value: Any) -> Any:
    return [_term(item) for item in value] if isinstance(value, list) else value


class CardError(ValueError):
    pass


_FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s+(?=[A-Z\"“(])|$)", re.S)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = _FIRST_SENTENCE.match(text)
    return match.group(1) if match else text


def card_dir(knowledge_dir: Path) -> Path:
    return knowledge_dir / CARD_DIR_NAME


def load_cards(knowledge_dir: Path) -> list[AnswerCard]:
    """Every card under knowledge/cards; a malformed file raises CardError naming the file and card."""
    cards: list[AnswerCard] = []
    seen: dict[str, str] = {}
    folder = card_dir(knowledge_dir)
    if not folder.is_dir():
        return cards
    for path in sorted(p for p in folder.rglob("*") if p.suffix in CARD_SUFFIXES):
        name = path.relative_to(knowledge_dir).as_posix()
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or []
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise CardError(f"{name}: not valid YAML ({exc.__class__.__name__})") from exc
        if not isinstance(raw, list):
            raise CardError(f"{name}: a card file is a YAML list of cards")
        for number, item in enumerate(raw, 1):
            try:
                card = AnswerCard.model_validate({**item, "source_file": name})
            except (ValidationError, TypeError) as exc:
                ident = item.get("id", f"#{number}") if isinstance(item, dict) else f"#{number}"
                raise CardError(f"{name}: card {ident} is not valid: {exc}") from exc
            if card.id in seen:
                raise CardError(f"{name}: card id {card.id} is also used in {seen[card.id]}")
            seen[card.id] = name
            cards.append(card)
    return cards


# --- the sections cards cite --------------------------------------------------------------------------------
def section_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Section:
    doc: str
    heading: str
    text: str
    title: str
    url: str
    authority: str


@lru_cache(maxsize=256)
def _document_sections(path: Path, mtime: float) -> dict[str, Section]:
    document = load_file(path, path.name)
    sections: dict[str, list[str]] = {}
    for chunk in chunk_document(document):
        sections.setdefault(chunk.heading, []).append(chunk.text)
    doc, meta = path.name, document.meta
    return {
        heading: Section(doc, heading, "\n\n".join(parts), meta.title, meta.url, meta.authority)
        for heading, parts in sections.items()
    }


def document_sections(path: Path) -> dict[str, Section]:
    """A knowledge document's sections by heading path, as the indexer chunks them; re-read when the file changes."""
    return _document_sections(path.resolve(), path.stat().st_mtime)


def find_section(knowledge_dir: Path, doc: str, heading: str) -> Section | None:
    path = knowledge_dir / doc
    if not path.is_file():
        return None
    try:
        sections = document_sections(path)
    except (DocumentError, OSError):
        return None
    found = sections.get(heading)
    if found is None:
        # A nested heading is stored as its path ("Parent > Child"); the last part is what authors write.
        found = next((s for h, s in sections.items() if h.split(" > ")[-1] == heading), None)
    return Section(doc, found.heading, found.text, found.title, found.url, found.authority) if found else None


# --- validation -----------------------------------------------------------------------------------------------
def validate_card(card: AnswerCard, knowledge_dir: Path) -> list[str]:
    """Problems that make a card unsafe to answer with; an empty list means it may be used."""
    problems: list[str] = []
    cited_text: list[str] = []
    for cite in card.cites:
        section = find_section(knowledge_dir, cite.doc, cite.section)
        if section is None:
            problems.append(f"cites a section that does not exist: {cite.doc} § {cite.section!r}")
            continue
        cited_text.append(section.text)
        actual = section_hash(section.text)
        if cite.hash != actual:
            problems.append(
                f"cited section changed since review: {cite.doc} § {cite.section!r} "
                f"(hash {cite.hash or 'missing'} != {actual}); re-read it, then `cmebot cards stamp {card.id}`"
            )
    if not cited_text:
        return problems
    claims = "\n".join([card.answer, *card.conditions])
    problems += ungrounded(claims, cited_text)
    return problems


def validate_all(knowledge_dir: Path) -> dict[str, list[str]]:
    return {card.id: errs for card in load_cards(knowledge_dir) if (errs := validate_card(card, knowledge_dir))}


def stamp(knowledge_dir: Path, card_ids: list[str], today: date | None = None) -> list[str]:
    """Record that a maintainer re-read these cards against their sections: refresh hashes and last_reviewed.

    Returns the ids stamped. Files are rewritten through YAML, so keep explanations in the cards, not comments."""
    wanted = set(card_ids)
    stamped: list[str] = []
    for path in sorted(p for p in card_dir(knowledge_dir).rglob("*") if p.suffix in CARD_SUFFIXES):
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or []
        changed = False
        for item in raw:
            if item.get("id") not in wanted:
                continue
            for cite in item.get("cites", []):
                section = find_section(knowledge_dir, cite["doc"], cite["section"])
                if section is None:
                    raise CardError(f"{item['id']}: cites a section that does not exist: {cite['doc']}")
                cite["hash"] = section_hash(section.text)
            item["last_reviewed"] = today or date.today()
            stamped.append(item["id"])
            changed = True
        if changed:
            path.write_text(dump_cards(raw), encoding="utf-8")
    return stamped


class _CardDumper(yaml.SafeDumper):
    """Lists of short strings (paraphrases, requires, urls) and citations stay on one line, as authors write them."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> Any:
    flat = all(isinstance(item, str | list) for item in data) and len(str(data)) < 100
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flat)


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> Any:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style="section" in data)


_CardDumper.add_representer(list, _represent_list)
_CardDumper.add_representer(dict, _represent_dict)


def dump_cards(cards: list[dict[str, Any]]) -> str:
    return yaml.dump(cards, Dumper=_CardDumper, sort_keys=False, allow_unicode=True, width=110)


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.knowledge.cards check|stamp ID...` (also `cmebot cards ...`)."""
    import argparse

    from bot.config import get_settings

    parser = argparse.ArgumentParser(prog="cards")
    parser.add_argument("command", choices=["check", "stamp"])
    parser.add_argument("ids", nargs="*")
    args = parser.parse_args(argv)
    knowledge_dir = get_settings().knowledge_dir
    if args.command == "stamp":
        done = stamp(knowledge_dir, args.ids)
        print(f"stamped {len(done)}: {', '.join(done)}")
        return 0 if len(done) == len(set(args.ids)) else 1
    cards = load_cards(knowledge_dir)
    problems = validate_all(knowledge_dir)
    for card_id, errors in problems.items():
        for error in errors:
            print(f"{card_id}: {error}")
    print(f"{len(cards)} cards, {len(problems)} with problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
