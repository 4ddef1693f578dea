"""The hybrid retriever's reading of a member's words."""

from __future__ import annotations


def test_the_embedding_reads_misspelt_words_as_the_corpus_terms_they_were_read_as() -> None:
    from bot.retrieval.hybrid import corrected

    assert corrected("wat r the 7 moore levls", {"levl": "level"}) == "wat r the 7 moore level"
    # Only the words whose stems were corrected change; case, numbers and punctuation stay.
    assert corrected("Critera for PARS?", {"critera": "criteria"}) == "criteria for PARS?"
    assert corrected("nothing to fix", {}) == "nothing to fix"


def test_a_misspelt_word_is_read_as_the_corpus_word_as_written() -> None:
    from bot.retrieval.bm25 import BM25Index
    from bot.retrieval.hybrid import corrected
    from bot.retrieval.text import stem

    index = BM25Index(
        [
            "Provisional Accreditation is a two-year term for initial applicants.",
            "Accreditation with Commendation is a six-year term; accreditation decisions come three times a year.",
            "Accredited providers report to PARS.",
        ]
    )
    # The stem ("accredit") is what lexical search needs; the embedding reads the word ("accreditation") better.
    assert index.correct(stem("accredidation")) == stem("accreditation")
    # Of the corpus words with that stem ("accreditation", "accredited"), the closest to what was typed.
    assert index.correct_word("accredidation", stem("accreditation")) == "accreditation"
    assert index.correct_word("xyzzy", "xyzzi") is None
    fixes = {stem("accredidation"): stem("accreditation")}
    assert corrected("how long is provisional accredidation?", fixes, index.correct_word) == (
        "how long is provisional accreditation?"
    )
