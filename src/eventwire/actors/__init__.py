"""actors: mention -> actor code (country + sector), with the knowledge kept as data.

``ActorDictionary.load(files)`` reads the shipped tables of ``eventwire/data/actors/`` and a
user's override files once per process; ``ArticleActors(dictionary, doc)`` finds every actor
mention of one article and resolves the role spans the events stage chooses. The file format and
the code scheme are documented in ``docs/actors.md``.
"""

from eventwire.actors.dictionary import SECTORS, ActorDictionary, Entry
from eventwire.actors.resolve import ArticleActors

__all__ = ["SECTORS", "ActorDictionary", "ArticleActors", "Entry"]
