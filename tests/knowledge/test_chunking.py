from bot.knowledge.chunking import MAX_WORDS, chunk_document
from bot.knowledge.documents import DocumentMeta, LoadedDocument
from bot.knowledge.units import split_units


def _doc(body: str, title: str = "Standard 4") -> LoadedDocument:
    return LoadedDocument(doc_id="kb:x.md", meta=DocumentMeta(title=title), body=body, content_hash="h")


def test_chunks_keep_their_heading_path() -> None:
    body = (
        "# Standard 4\n\nSummary paragraph.\n\n## Commercial support\n\nIntro.\n\n"
        "### What supporters may pay\n\nFaculty honoraria.\n\n## Records\n\nKeep them."
    )
    chunks = chunk_document(_doc(body))
    assert [c.heading for c in chunks] == [
        "Overview",
        "Commercial support",
        "Commercial support > What supporters may pay",
        "Records",
    ]
    assert chunks[2].text == "Faculty honoraria."


def test_long_sections_are_split_within_the_model_window() -> None:
    paragraph = " ".join(f"Sentence number {i} about disclosure rules." for i in range(120))
    chunks = chunk_document(_doc(f"## Long\n\n{paragraph}"))
    assert len(chunks) > 1
    assert all(len(c.text.split()) <= MAX_WORDS for c in chunks)
    assert all(c.heading == "Long" for c in chunks)


def test_headings_inside_code_blocks_are_not_sections() -> None:
    chunks = chunk_document(_doc("## Real\n\n```\n# not a heading\n```\n"))
    assert [c.heading for c in chunks] == ["Real"]


def test_units_do_not_split_after_abbreviations() -> None:
    units = split_units("Use local data, e.g. chart audits. Then compare with guidelines.")
    assert units == ["Use local data, e.g. chart audits.", "Then compare with guidelines."]
