"""Every passage carries a trust tier from where its file came from and what its front matter says, and shows it."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from bot.answering.models import Answer, Source
from bot.console.render import print_answer
from bot.retrieval.hybrid import HybridRetriever
from bot.runtime import Runtime
from tests.conftest import make_settings


def _doc(front: str, text: str) -> str:
    return (f"---\n{front}\n---\n" if front else "") + f"## Section\n\n{text}\n"


FILES = {
    "accme.md": _doc("title: Lookback\nauthority: ACCME", "Disclosure covers the prior 24 months."),
    "faq.md": _doc("title: Community FAQ\nauthority: community", "Joint providership needs an accredited provider."),
    "draft.md": _doc("title: Draft\nauthority: ACCME\ntier: unreviewed", "Commendation lasts six years."),
    "curated.md": _doc("title: Curated\nauthority: AMA\ntier: maintainers", "Category 2 credit is self-claimed."),
    "bare.md": _doc("", "Moore level 5 is performance."),
    "notes.txt": "Enduring materials are reviewed every three years.",
    "claimed.md": _doc("title: Claimed\nauthority: ACCME\ntier: community", "Credit is per educational hour."),
}


def _tiers(runtime: Runtime) -> dict[str, set[str]]:
    stored = runtime.collection.get(include=["metadatas"])
    tiers: dict[str, set[str]] = {}
    for meta in stored["metadatas"]:
        tiers.setdefault(meta["doc_id"], set()).add(meta["tier"])
    return tiers


def test_tiers_follow_folder_and_front_matter(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    for name, text in FILES.items():
        (knowledge / name).write_text(text, encoding="utf-8")
    upload = tmp_path / "uploads" / "handout.md"
    upload.parent.mkdir()
    # Front matter claiming authority means nothing outside the curated folder.
    upload.write_text(_doc("title: Handout\nauthority: ACCME\ntier: authority", "Learners attest their minutes."))
    runtime = Runtime(make_settings(tmp_path, knowledge))
    try:
        report = runtime.index([upload])
        assert _tiers(runtime) == {
            "kb:accme.md": {"authority"},
            "kb:faq.md": {"maintainers"},
            "kb:draft.md": {"unreviewed"},
            "kb:curated.md": {"maintainers"},
            "kb:bare.md": {"unreviewed"},
            "kb:notes.txt": {"unreviewed"},
            str(upload.resolve()): {"unreviewed"},
        }
        [(name, reason)] = report.skipped  # "community" is for answers verified in Slack, not for files
        assert name.endswith("claimed.md") and "reserved" in reason

        retriever = HybridRetriever(runtime.collection, runtime.embeddings())
        [top] = retriever.search("How far back does disclosure go?", k=1).passages
        assert top.doc_id == "kb:accme.md" and top.tier == "authority"
        source = Source.from_passage(top)
        assert source.tier == "authority" and source.public_dict()["tier"] == "authority"
        [faq] = retriever.search("Joint providership accredited provider", k=1).passages
        assert faq.tier == "maintainers" and Source.from_passage(faq).provenance == "maintainers' note"
    finally:
        runtime.close()


def test_tiers_are_reassigned_in_place_when_the_rules_change(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "faq.md").write_text(FILES["faq.md"], encoding="utf-8")
    runtime = Runtime(make_settings(tmp_path, knowledge))
    try:
        runtime.index()
        before = runtime.collection.get(include=["embeddings", "metadatas"])
        # What an index built by an older version looks like: other rules, another tier.
        runtime.collection.update(ids=before["ids"], metadatas=[{"tier": "authority", "rules": "0.0"}])
        report = runtime.index()
        assert report.retiered == ["kb:faq.md"] and report.chunks_embedded == 0 and report.changed
        after = runtime.collection.get(include=["embeddings", "metadatas"])
        assert after["metadatas"][0]["tier"] == "maintainers"
        assert after["metadatas"][0]["content_hash"] == before["metadatas"][0]["content_hash"]
        assert (after["embeddings"] == before["embeddings"]).all()
        assert runtime.index().unchanged == 1
    finally:
        runtime.close()


def _source(tier: str, authority: str) -> Source:
    return Source(
        title="Standard 3",
        heading="Lookback",
        url="https://accme.org/s3",
        authority=authority,
        text="...",
        score=1.0,
        effective_date="2022-01-01",
        tier=tier,
    )


def test_provenance_names_the_tier() -> None:
    assert _source("authority", "ACCME").provenance == "ACCME · authority page"
    assert _source("maintainers", "community").provenance == "maintainers' note"
    assert _source("community", "community").provenance == "community-verified answer"
    assert _source("unreviewed", "local document").provenance == "unreviewed upload"
    assert Source(title="t", heading="", url="", authority="AMA", text="x", score=1.0).tier == "authority"


def test_console_source_lines_show_the_tier() -> None:
    answer = Answer(
        question="q",
        answer="Disclosure covers 24 months.",
        abstained=False,
        sources=[_source("authority", "ACCME"), _source("maintainers", "community"), _source("unreviewed", "x")],
    )
    out = io.StringIO()
    print_answer(Console(file=out, width=200, color_system=None), answer)
    lines = [line for line in out.getvalue().splitlines() if line.startswith("[")]
    assert lines == [
        "[1] Standard 3 — Lookback (ACCME · authority page, effective 2022-01-01) https://accme.org/s3",
        "[2] Standard 3 — Lookback (maintainers' note, effective 2022-01-01) https://accme.org/s3",
        "[3] Standard 3 — Lookback (unreviewed upload, effective 2022-01-01) https://accme.org/s3",
    ]
