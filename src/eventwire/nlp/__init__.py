"""The spaCy pipeline, built once per process, and the custom attributes eventwire declares."""

from eventwire.nlp.pipeline import MODEL_NAME, get_nlp, irregular_forms, parse

__all__ = ["MODEL_NAME", "get_nlp", "irregular_forms", "parse"]
