"""Hybrid retrieval over the indexed knowledge: dense (Chroma) and lexical (BM25), fused."""
