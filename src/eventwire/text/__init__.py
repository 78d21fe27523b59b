"""Cleaning before parsing: character normalisation, paragraphs, boilerplate and language.

``prepare(article)`` returns the text spaCy will parse. It has exactly the length of the original
text (boilerplate is blanked with spaces, characters are swapped one for one), so every offset
the later stages produce is an offset into ``Article.text``.
"""

from eventwire.text.prepare import PreparedText, prepare

__all__ = ["PreparedText", "prepare"]
