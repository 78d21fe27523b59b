"""Nameless groups and unlisted bodies: when a demonym is the group itself, and when an
organisation the dictionary does not list is international rather than a state's."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors.matching import Match
from eventwire.actors.references import words

# Words that make an unlisted organisation's name span countries, and the words for bodies.
TRANSNATIONAL = words("transnational")
BODIES = words("bodies")
COUNTED_GROUPS = words("counted_groups")


def counted_people(root: Token | None, match: Match) -> bool:
    """The demonym is the group itself: at the head, or counted ("thousands of Nigerians")."""
    if root is None:
        return False
    if match.start <= root.i < match.end:
        return True
    counted = root.like_num or root.lower_ in COUNTED_GROUPS
    return counted and root.i < match.start and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children
    )


def transnational_body(tokens: list[Token]) -> bool:
    """An unlisted organisation named for a region of the world ("the Association of African
    Jurists", "the International Federation of Journalists"): non-state and not tied to the
    country the sentence happens to name."""
    names = [t for t in tokens if t.ent_type_ == "ORG"]
    return any(t.lower_ in TRANSNATIONAL for t in names) and any(
        t.lower_ in BODIES for t in names
    )
