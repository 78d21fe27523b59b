"""Parse in batches bounded by text size, and long texts in pieces joined back into one Doc.

Memory follows the text of a batch, not its article count: ``nlp.pipe`` over 256 long articles
peaked at 3.1 GB (bench/throughput.py), a batch of 5k characters needs ~25 MB. A text over the budget (a
104k-character Wikinews article) is cut after line breaks into pieces within the budget, parsed
like any other text, and joined with ``Doc.from_docs``: the joined Doc has exactly the original
text, so every offset holds. Sentences never cross a line break (``eventwire_paragraph_breaks``),
so a cut changes at most the few tokens of context the tagger sees across it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Characters (spaces not counted) per spaCy batch. Parsing takes ~20 KB per token of the batch
# at its peak (thinc keeps every layer's activations until the batch is through), so 20k
# characters cost ~100 MB and 5k ~25 MB; 2.5k-20k parsed the news files at the same speed
# within noise. Re-run bench/throughput.py after changing this.
BATCH_CHARS = 5_000
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")


def text_size(text: str) -> int:
    """What parsing a text costs, roughly: its characters less spaces (blanked text is spaces)."""
    return len(text) - text.count(" ")


def split_text(text: str, budget: int) -> list[str]:
    """Consecutive pieces of ``text`` (joined, they are ``text``), cut only after line breaks.

    Each piece is within ``budget`` unless one line alone is larger.
    """
    if text_size(text) <= budget:
        return [text]
    pieces, start, size = [], 0, 0
    for line in _LINE.finditer(text):
        line_size = text_size(line.group())
        if size and size + line_size > budget:
            pieces.append(text[start : line.start()])
            start, size = line.start(), 0
        size += line_size
    pieces.append(text[start:])
    return [p for p in pieces if p] or [text]


def parse_batched(
    nlp: Language, texts: Iterable[str], batch_size: int, batch_chars: int = BATCH_CHARS
) -> Iterator[Doc]:
    """One Doc per text, in order; spaCy batches hold at most ``batch_chars`` (or one piece)."""
    batch: list[str] = []
    owners: list[tuple[int, int]] = []  # per piece in ``batch``: (text number, pieces of text)
    size = 0
    assembler = _Assembler()
    for number, text in enumerate(texts):
        pieces = split_text(text, batch_chars)
        for piece in pieces:
            if batch and (size + text_size(piece) > batch_chars or len(batch) >= batch_size):
                yield from assembler.add(nlp.pipe(batch, batch_size=len(batch)), owners)
                batch, owners, size = [], [], 0
            batch.append(piece)
            owners.append((number, len(pieces)))
            size += text_size(piece)
    if batch:
        yield from assembler.add(nlp.pipe(batch, batch_size=len(batch)), owners)


class _Assembler:
    """Collects the parsed pieces of each text and yields the text's Doc once all are in."""

    def __init__(self) -> None:
        self.parts: list[Doc] = []

    def add(self, docs: Iterable[Doc], owners: list[tuple[int, int]]) -> Iterator[Doc]:
        for doc, (_, count) in zip(docs, owners):
            self.parts.append(doc)
            if len(self.parts) == count:
                parts, self.parts = self.parts, []
                yield parts[0] if count == 1 else Doc.from_docs(parts, ensure_whitespace=False)
