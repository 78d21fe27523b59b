"""WARC and WARC.gz archives (warcio): each HTML response record becomes an article.

Requests, metadata, redirects, errors and non-HTML responses (images, scripts, PDFs) are
skipped silently: they are not articles, and an archive of a news crawl holds mostly those.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from eventwire.records import Article, InputError
from eventwire.sources.decoding import MAX_ARTICLE_BYTES
from eventwire.sources.fetch import HTML_TYPES
from eventwire.sources.html import article_from_html
from eventwire.sources.published import parse_published


def articles_from_warc(
    origin: str, stream: BinaryIO, default_date: date | None = None, **_: object
) -> Iterator[Article | InputError]:
    head = stream.read(5)
    stream.seek(0)
    if not head.startswith((b"WARC/", b"\x1f\x8b")):
        yield InputError(origin, "not a WARC file (no WARC/ or gzip header); check the file")
        return
    found = 0
    try:
        for record in ArchiveIterator(stream):
            if not _is_html_response(record):
                continue
            found += 1
            yield _article(origin, record, default_date)
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as err:
        detail = " ".join(str(err).split())[:120]
        yield InputError(origin, f"not a readable WARC file ({detail}); check the file")
        return
    if not found:
        yield InputError(origin, "no HTML responses in this WARC file; nothing to read")


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    media = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    return status.startswith("2") and media in HTML_TYPES


def _article(origin: str, record, default_date: date | None) -> Article | InputError:
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    where = f"{origin}#{uri}" if uri else origin
    body = record.content_stream().read(MAX_ARTICLE_BYTES + 1)
    if len(body) > MAX_ARTICLE_BYTES:
        return InputError(where, "page over 5 MB; not an article, skipped")
    charset = record.http_headers.get_header("Content-Type") or ""
    encoding = charset.split("charset=")[-1].strip() if "charset=" in charset else "utf-8"
    try:
        page = body.decode(encoding, errors="replace")
    except LookupError:
        page = body.decode("utf-8", errors="replace")
    # The crawl date is a last resort: news crawls fetch pages within hours of publication.
    crawled = parse_published(record.rec_headers.get_header("WARC-Date"))
    return article_from_html(where, page, default_date or crawled, url=uri)
