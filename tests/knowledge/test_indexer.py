import time
from pathlib import Path

from bot.runtime import Runtime
from tests.conftest import make_settings

DOC = """---
title: "{title}"
authority: ACCME
source_urls: [https://accme.org/standards/]
last_reviewed: 2026-11-25
---
## Section

{text}
"""


def _write(folder: Path, name: str, title: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DOC.format(title=title, text=text), encoding="utf-8")
    return path


def test_incremental_add_change_delete(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    _write(knowledge, "a.md", "Lookback", "Disclosure covers the prior 24 months.")
    _write(knowledge, "b.md", "Support", "Supporters may not pay learners' travel.")
    runtime = Runtime(make_settings(tmp_path, knowledge))

    first = runtime.index()
    assert sorted(first.added) == ["kb:a.md", "kb:b.md"] and first.chunks_embedded == 2

    again = runtime.index()
    assert again.chunks_embedded == 0 and again.unchanged == 2 and not again.changed

    _write(knowledge, "a.md", "Lookback", "Disclosure covers the prior 24 months, with no minimum amount.")
    (knowledge / "b.md").unlink()
    _write(knowledge, "c.md", "Statuses", "Accreditation with Commendation lasts six years.")
    third = runtime.index()
    assert third.updated == ["kb:a.md"] and third.removed == ["kb:b.md"] and third.added == ["kb:c.md"]
    assert third.chunks_embedded == 2

    stored = runtime.collection.get(include=["documents", "metadatas"])
    assert {m["doc_id"] for m in stored["metadatas"]} == {"kb:a.md", "kb:c.md"}
    assert any("no minimum amount" in d for d in stored["documents"])
    units = runtime.units_collection.get(include=["metadatas"])
    assert {m["doc_id"] for m in units["metadatas"]} == {"kb:a.md", "kb:c.md"}
    stats = runtime.indexer.stats()
    assert stats.documents == 2 and stats.chunks == 2 and stats.last_indexed is not None


def test_bad_files_are_reported_and_the_rest_is_indexed(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    _write(knowledge, "good.md", "Good", "Joint providership needs an accredited provider.")
    (knowledge / "corrupt.pdf").write_bytes(b"%PDF-1.4 garbage")
    (knowledge / "empty.txt").write_text("")
    (knowledge / "notes.xyz").write_text("unsupported")
    runtime = Runtime(make_settings(tmp_path, knowledge))
    report = runtime.index()
    assert report.added == ["kb:good.md"]
    skipped = {Path(name).name: reason for name, reason in report.skipped}
    assert set(skipped) == {"corrupt.pdf", "empty.txt", "notes.xyz"}
    assert "PDF" in skipped["corrupt.pdf"] and "empty" in skipped["empty.txt"]


def test_a_file_that_turns_bad_loses_its_old_chunks(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    path = _write(knowledge, "a.md", "Lookback", "Disclosure covers the prior 24 months.")
    runtime = Runtime(make_settings(tmp_path, knowledge))
    runtime.index()
    path.write_bytes(b"\xff\xfe\x00garbage")
    report = runtime.index()
    assert report.removed == ["kb:a.md"] and report.skipped
    assert runtime.collection.count() == 0


def test_extra_paths_are_indexed_and_dropped_when_deleted(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    _write(knowledge, "a.md", "Lookback", "Disclosure covers the prior 24 months.")
    extra = tmp_path / "local" / "policy.txt"
    extra.parent.mkdir()
    extra.write_text("Our hospital policy: grand rounds need a disclosure slide.", encoding="utf-8")
    runtime = Runtime(make_settings(tmp_path, knowledge))
    report = runtime.index([extra.parent])
    assert str(extra.resolve()) in report.added
    extra.unlink()
    assert str(extra.resolve()) in runtime.index().removed


def test_a_running_bot_picks_up_an_index_made_by_another_process(tmp_path: Path) -> None:
    # Two runtimes on one database and one index folder stand for the serving bot and `cmebot index` run
    # beside it. The serving one notices the new version on its next check and rebuilds its engine.
    knowledge = tmp_path / "knowledge"
    _write(knowledge, "a.md", "Lookback", "Disclosure covers the prior 24 months.")
    serving = Runtime(make_settings(tmp_path, knowledge, CMEBOT_INDEX_POLL_SECONDS=0.05))
    indexing = Runtime(make_settings(tmp_path, knowledge))
    try:
        serving.index()
        before = serving.engine
        question = "How long does Accreditation with Commendation last?"
        assert "commend" in before.retriever.search(question).unknown_terms

        _write(knowledge, "c.md", "Statuses", "Accreditation with Commendation lasts six years.")
        assert indexing.index().added == ["kb:c.md"]
        assert serving.versions.get(serving.settings.collection) == 2

        time.sleep(0.1)
        after = serving.engine
        assert after is not before
        found = after.retriever.search(question)
        assert "commend" not in found.unknown_terms
        assert any("six years" in passage.text for passage in found.passages)
    finally:
        serving.close()
        indexing.close()
