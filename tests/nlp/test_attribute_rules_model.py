import spacy

from eventwire.nlp import MODEL_NAME
from eventwire.nlp.attribute_rules import FastAttributeRuler

TRICKY = (
    "He's gonna go, ain't he? Let's see y'all. I'd say c'mon, we gotta win.  \n\n  "
    "It was I who did it; do you? Did he have it? There's a cat. But nothin' is there."
)


def _attrs(doc):
    return [(t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_pipeline_uses_the_indexed_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.get_pipe("attribute_ruler").patterns  # the original patterns stay readable


def test_indexed_ruler_gives_the_model_ruler_output(nlp, news_texts):
    original = spacy.load(MODEL_NAME, exclude=["senter"])
    texts = [TRICKY] + [t[:4000] for t in news_texts[::25]]
    for text in texts:
        assert _attrs(nlp(text)) == _attrs(original(text))
