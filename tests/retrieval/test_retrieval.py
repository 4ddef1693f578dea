from bot.retrieval.bm25 import BM25Index
from bot.retrieval.text import content_terms
from bot.runtime import Runtime


def test_content_terms_drop_stopwords_and_stem() -> None:
    assert content_terms("What are the disclosures for speakers?") == ["disclosur", "speaker"]


def test_bm25_prefers_the_passage_with_rare_matching_terms() -> None:
    index = BM25Index(["commercial support pays honoraria", "learners register online", "commercial offices"])
    top = index.top("who pays honoraria", 3)
    assert top[0][0] == 0
    assert "honoraria" in index and "zebra" not in index


def test_hybrid_passages_carry_their_provenance(runtime: Runtime) -> None:
    retrieval = runtime.engine.retriever.search("24-month lookback financial relationships", 5)
    assert len(retrieval.passages) == 5
    top = retrieval.passages[0]
    assert "Standard 3" in top.title
    assert top.heading and top.url.startswith("https://") and top.authority == "ACCME"
    assert top.score > 0 and top.dense > 0.3
    scores = [p.score for p in retrieval.passages]
    assert scores == sorted(scores, reverse=True)
    assert len(retrieval.query_vector) == 384


def test_lexical_side_finds_exact_terms_dense_may_miss(runtime: Runtime) -> None:
    retrieval = runtime.engine.retriever.search("PARS", 5)
    assert any("PARS" in p.text for p in retrieval.passages)


def test_misspelt_words_are_matched_to_the_corpus_vocabulary() -> None:
    index = BM25Index(["commendation criteria for accreditation", "learners register online at every level"])
    assert index.correct("critera") == "criteria"
    assert index.correct("zebra") is None
    assert index.correct("cme") is None  # too short to guess safely
    assert index.correct("levl") == "level"  # four letters: only a near-identical word
    assert index.correct("lamp") is None


def test_typos_do_not_count_as_unknown_terms(runtime: Runtime) -> None:
    retrieval = runtime.engine.retriever.search("how far back do faculty disclosre forms go", 5)
    assert "disclosr" not in retrieval.unknown_terms
    assert retrieval.passages and "24" in " ".join(p.text for p in retrieval.passages)
