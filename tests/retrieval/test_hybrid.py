"""The hybrid retriever's reading of a member's words."""

from __future__ import annotations


def test_the_embedding_reads_misspelt_words_as_the_corpus_terms_they_were_read_as() -> None:
    from bot.retrieval.hybrid import corrected

    assert corrected("wat r the 7 moore levls", {"levl": "level"}) == "wat r the 7 moore level"
    # Only the words whose stems were corrected change; case, numbers and punctuation stay.
    assert corrected("Critera for PARS?", {"critera": "criteria"}) == "criteria for PARS?"
    assert corrected("nothing to fix", {}) == "nothing to fix"
