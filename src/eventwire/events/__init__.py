"""The events stage: trigger patterns (data) -> PLOVER type, mode, contexts, CAMEO code, roles.

Public interface::

    coder = EventCoder.load([Path("my_patterns.toml")])   # shipped patterns + user overrides
    coder.candidates(doc) -> list[EventCandidate]          # doc: spaCy Doc of a whole article
    codebook() -> Codebook   # 16 types, modes, contexts; codebook().cameo("046") -> CameoEntry
    cameo(code) -> CameoEntry(code, description, goldstein, quad_class, plover_event, ...)

The pattern file format is documented in docs/patterns.md.
"""

from eventwire.events.codebook import CameoEntry, Codebook, Context, EventType, Mode, cameo, codebook
from eventwire.events.coder import EventCoder
from eventwire.events.patterns import Pattern, PatternSet

__all__ = [
    "CameoEntry",
    "Codebook",
    "Context",
    "EventCoder",
    "EventType",
    "Mode",
    "Pattern",
    "PatternSet",
    "cameo",
    "codebook",
]
