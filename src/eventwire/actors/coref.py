"""Basic, data-light coreference within one article.

Earlier actor mentions are logged with their character offset; a pronoun, a definite role
("the minister", "the rebels") or a bare surname later in the article takes the most recent
compatible one. Only mentions *before* the reference count, so the order in which role spans are
resolved does not change the answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from eventwire.actors.references import words
from eventwire.records import Actor

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "theirs", "itself", "themselves"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
# Role words that name one person, so that "he" can refer back to them.
PERSON_TITLES = words("person_titles")
# How far back (characters) a reference may reach; about a dozen news paragraphs. Longer
# articles change subject, and an old antecedent is then more often wrong than right.
MAX_DISTANCE = 6000


@dataclass(frozen=True)
class LoggedMention:
    start: int
    actor: Actor
    is_person: bool


def has_country(actor: Actor) -> bool:
    """True for actors worth referring back to: a known country or an IGO/NGO/IMG code."""
    return actor.country is not None or not actor.code.startswith("---")


class MentionLog:
    """Actors seen so far in an article, and the people named in it, in text order."""

    def __init__(self) -> None:
        self._mentions: list[LoggedMention] = []
        self._people: dict[str, list[tuple[int, Actor]]] = {}

    def add(self, actor: Actor, is_person: bool) -> None:
        if actor.start is not None and has_country(actor):
            self._mentions.append(LoggedMention(actor.start, actor, is_person))

    def add_person(self, name: str, start: int, actor: Actor) -> None:
        """Remember a person's full name and surname with the actor their title gave."""
        if not has_country(actor):
            return
        words = name.lower().replace("'s", "").split()
        for key in {" ".join(words), words[-1] if words else ""} - {""}:
            self._people.setdefault(key, []).append((start, actor))

    def person(self, name: str, before: int) -> Actor | None:
        words = name.lower().replace("'s", "").split()
        for key in (" ".join(words), words[-1] if words else ""):
            earlier = [a for s, a in self._people.get(key, []) if s < before]
            if earlier:
                return earlier[-1]
        return None

    def _recent(self, before: int):
        for m in reversed(self._mentions):
            if m.start < before:
                if before - m.start > MAX_DISTANCE:
                    return
                yield m

    def pronoun(self, word: str, before: int, sentence_start: int | None = None) -> Actor | None:
        """The most recent compatible mention. A plural pronoun after a person named earlier in
        its own sentence is that person's side ("ministry official X says they are
        negotiating"): news rarely says "they" for a group two sentences back when a spokesperson
        stands in between."""
        want_person = word in PERSON_PRONOUNS
        for m in self._recent(before):
            if m.is_person == want_person:
                return m.actor
            if (
                word in PLURAL_PRONOUNS and sentence_start is not None
                and m.start >= sentence_start and m.actor.country is not None
            ):
                return m.actor
        return None

    def same_sector(self, sector: str, before: int, prefer_person: bool = False) -> Actor | None:
        found = [
            m for m in self._recent(before)
            if m.actor.sector == sector and m.actor.country is not None
        ]
        if prefer_person:
            found = [m for m in found if m.is_person] or found
        return found[0].actor if found else None

    def parties(self, before: int, coordinated) -> list[Actor]:
        """The two parties "the two sides" refers to, oldest first: the last pair of countries
        named together ("Pakistan and Afghanistan", ``coordinated(a, b)`` says so), else the last
        two distinct countries named."""
        recent = [m.actor for m in self._recent(before) if m.actor.country is not None]
        for later, earlier in zip(recent, recent[1:]):
            if later.country != earlier.country and coordinated(earlier, later):
                return [earlier, later]
        found: dict[str, Actor] = {}
        for actor in recent:
            found.setdefault(actor.country, actor)
            if len(found) == 2:
                return list(reversed(found.values()))
        return []

    def state(self, before: int) -> str | None:
        """The country of the most recent mention that has one."""
        for m in self._recent(before):
            if m.actor.country is not None:
                return m.actor.country
        return None


def retext(actor: Actor, text: str, start: int, end: int) -> Actor:
    """The same actor, named by other words at another place."""
    return replace(actor, text=text, start=start, end=end)
