"""Feed, page and WARC documents written by the tests (no file of them is shipped)."""

from __future__ import annotations

import io
from html import escape

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, body: str, site: str = "Test Wire", day: str = "2024-05-02") -> str:
    paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
        f'<meta property="og:site_name" content="{escape(site)}">'
        f'<meta name="date" content="{day}"><meta name="author" content="Jane Roe"></head>'
        f"<body><nav>Home | World</nav><article><h1>{escape(title)}</h1>{paras}</article>"
        "<footer>All rights reserved.</footer></body></html>"
    )


def rss(items: list[dict], title: str = "Loopback News") -> str:
    """An RSS 2.0 feed; each item: link, title, guid, pubDate, and optional full ``content``."""
    out = []
    for it in items:
        content = it.get("content")
        encoded = f"<content:encoded>{escape(content)}</content:encoded>" if content else ""
        source = f"<source url=\"x\">{escape(it['source'])}</source>" if it.get("source") else ""
        out.append(
            f"<item><title>{escape(it['title'])}</title><link>{escape(it['link'])}</link>"
            f"<guid>{escape(it.get('guid', it['link']))}</guid>"
            f"<pubDate>{it.get('date', 'Thu, 02 May 2024 10:00:00 GMT')}</pubDate>"
            f"<description>{escape(it.get('summary', 'A teaser.'))}</description>"
            f"{encoded}{source}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>http://x.test/</link>"
        f"<description>d</description>{''.join(out)}</channel></rss>"
    )


def atom(entries: list[dict]) -> str:
    body = "".join(
        f"<entry><id>{e['id']}</id><title>{escape(e['title'])}</title>"
        f'<link href="{escape(e["link"])}"/><updated>2024-06-01T08:00:00Z</updated>'
        f'<content type="html">{escape(e["content"])}</content></entry>'
        for e in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Atom Desk</title><id>urn:x</id><updated>2024-06-01T08:00:00Z</updated>{body}</feed>"
    )


def warc(records: list[tuple[str, str, bytes]], gzip: bool = True) -> bytes:
    """A WARC of (uri, content type, body) responses, each preceded by its request record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for uri, ctype, body in records:
        request = writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        writer.write_record(record)
    return out.getvalue()
