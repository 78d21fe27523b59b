"""Attributes of an event: place, date, factuality and attribution.

Loaded once per process: ``Gazetteer.load()``. Per article: ``ArticlePlaces(gazetteer, doc)``.
Per event candidate: ``places.locate(doc, cand)``, ``resolve_date(doc, cand, published)``,
``factuality(doc, cand)``, ``attribution(doc, cand)``. Each reads its word lists from
``eventwire/data/attributes/*.toml`` (see ``cues.load_cues`` to override them) and never imports
another coding stage.
"""

from eventwire.attributes.attribution import attribution
from eventwire.attributes.cues import Cues, default_cues, load_cues
from eventwire.attributes.dates import resolve_date, resolve_expression
from eventwire.attributes.factuality import factuality
from eventwire.attributes.gazetteer import Gazetteer, GazetteerEntry
from eventwire.attributes.places import ArticlePlaces, PlaceMention

__all__ = [
    "ArticlePlaces",
    "Cues",
    "Gazetteer",
    "GazetteerEntry",
    "PlaceMention",
    "attribution",
    "default_cues",
    "factuality",
    "load_cues",
    "resolve_date",
    "resolve_expression",
]
