"""The knowledge base: loading files, chunking them by structure, and indexing them into Chroma."""
