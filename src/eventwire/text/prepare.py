"""prepare(article): the same-length text the parser reads, with what was kept and dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.records import Article, Passage
from eventwire.text.boilerplate import boilerplate_flags, load_rules
from eventwire.text.language import detect_language
from eventwire.text.normalise import normalise_chars

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class PreparedText:
    coding_text: str  # len(coding_text) == len(article.text)
    passages: tuple[Passage, ...]  # kept paragraphs
    dropped: tuple[Passage, ...]  # boilerplate paragraphs (blanked in coding_text)
    language: str | None = None
    skipped_reason: str | None = None


def paragraphs(text: str) -> list[Passage]:
    """Non-blank lines of the (normalised) text, with their offsets, stripped of edge spaces."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        chunk = m.group()
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if chunk.strip():
            start, end = m.start() + lead, m.end() - trail
            out.append(Passage(start, end, text[start:end]))
    return out


def prepare(article: Article) -> PreparedText:
    normal = normalise_chars(article.text)
    paras = paragraphs(normal)
    if not paras:
        return PreparedText(normal, (), (), skipped_reason="empty: no text to code")
    language = article.language or detect_language(normal)
    if language is not None and not language.lower().startswith("en"):
        return PreparedText(normal, (), (), language, skipped_reason=f"language: not English ({language})")
    flags = boilerplate_flags([p.text for p in paras], load_rules())
    chars = list(normal)
    for para, drop in zip(paras, flags):
        if drop:
            chars[para.start : para.end] = " " * (para.end - para.start)
    kept = tuple(p for p, f in zip(paras, flags) if not f)
    dropped = tuple(p for p, f in zip(paras, flags) if f)
    return PreparedText("".join(chars), kept, dropped, language)
