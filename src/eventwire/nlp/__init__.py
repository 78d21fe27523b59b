"""The spaCy pipeline, built once per process, and the custom attributes eventwire declares."""

from eventwire.nlp.batching import BATCH_CHARS, text_size
from eventwire.nlp.pipeline import MODEL_NAME, get_nlp, irregular_forms, parse, suffix_rules

__all__ = [
    "BATCH_CHARS", "MODEL_NAME", "get_nlp", "irregular_forms", "parse", "suffix_rules", "text_size",
]
