"""Versioned knowledge files (actors, patterns, codebook, places, text rules, demo articles)."""
