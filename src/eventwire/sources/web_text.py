"""Bytes from the web to text: the declared charset, else UTF-8, bad bytes replaced.

Unlike local files (where a wrong encoding is the user's to fix), a web page's encoding is not
ours to fix, and one mis-encoded character must not cost the article.
"""

from __future__ import annotations

import codecs
import re

from eventwire.sources.fetch import Fetched

_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([\w-]+)", re.I)


def decode_page(fetched: Fetched) -> str:
    charset = fetched.charset or _meta_charset(fetched.body) or "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"
    return fetched.body.decode(charset, errors="replace")


def _meta_charset(body: bytes) -> str | None:
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii", errors="ignore") if m else None
