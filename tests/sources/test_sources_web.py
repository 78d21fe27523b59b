"""Feeds, pages by URL, WARC, CSV and column mappings, stdin sniffing, hostile HTML."""

from __future__ import annotations

import io
import json
from datetime import date

from eventwire.records import Article, InputError
from eventwire.sources import FetchPolicy, ReadContext, parse_mapping, read_inputs
from eventwire.sources.feeds import FULL_TEXT_MIN_WORDS
from eventwire.sources.html import MAX_NESTING, article_from_html

from sources.feeds import atom, page, rss, warc

STORY = (
    "The foreign ministers of Kenya and Ethiopia met in Nairobi on Tuesday to discuss the "
    "disputed border.\n\nBoth sides agreed to set up a joint commission, officials said."
)
LONG = " ".join(["Ministers met again to discuss trade and the border."] * 40)


def read(*inputs, ctx=None, **kw) -> list:
    ctx = ctx or ReadContext(policy=FetchPolicy(allow_private=True, min_interval=0))
    with ctx:
        return list(read_inputs([str(i) for i in inputs], ctx=ctx, **kw))


def test_page_url_gives_text_and_metadata(server):
    url = server.add("/story", page("Kenya and Ethiopia talk", STORY, site="Nairobi Wire"))
    [art] = read(url)
    assert isinstance(art, Article), art
    assert "joint commission" in art.text and "All rights reserved" not in art.text
    assert (art.title, art.outlet, art.url, art.published) == (
        "Kenya and Ethiopia talk", "Nairobi Wire", url, date(2024, 5, 2))  # fmt: skip
    assert art.author == "Jane Roe" and art.origin == url


def test_feed_teasers_are_fetched_and_full_text_items_used_as_they_are(server):
    teaser = server.add("/a", page("Page title", STORY))
    feed = server.add("/feed.xml", rss([
        {"title": "Feed title A", "link": teaser, "source": "Wire Service"},
        {"title": "Full B", "link": server.url("/b-never-fetched"), "content": f"<p>{LONG}</p>"},
    ]), content_type="application/rss+xml")  # fmt: skip
    first, second = read(feed)
    assert first.title == "Feed title A" and first.outlet == "Wire Service"
    assert first.published == date(2024, 5, 2) and "joint commission" in first.text
    assert len(second.text.split()) >= FULL_TEXT_MIN_WORDS and second.outlet == "Loopback News"
    assert "/b-never-fetched" not in server.hits


def test_atom_feed_served_as_text_html_is_sniffed(server):
    feed = server.add("/atom", atom([{"id": "urn:1", "title": "T", "link": "http://x.test/1",
                                       "content": f"<p>{LONG}</p>"}]))  # fmt: skip
    [art] = read(feed)
    assert art.url == "http://x.test/1" and art.published == date(2024, 6, 1)


def test_feed_that_is_not_a_feed_and_bad_items_are_errors(server):
    junk = server.add("/junk.xml", "<?xml version='1.0'?><notes><n>1</n></notes>",
                      content_type="application/xml")  # fmt: skip
    plain = server.add("/plain", "just words", content_type="text/plain")
    dead = rss([{"title": "Gone", "link": server.url("/gone")}])
    feed = server.add("/feed", dead, content_type="application/rss+xml")
    items = read(junk, plain, feed)
    assert all(isinstance(i, InputError) for i in items) and len(items) == 3
    assert "not an RSS or Atom feed" in items[0].message
    assert "neither a web page nor" in items[1].message
    assert items[2].origin == server.url("/gone") and "HTTP 404" in items[2].message


def test_warc_html_responses_only(tmp_path):
    html = page("Warc story", STORY).encode()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([
        ("https://news.test/story", "text/html; charset=utf-8", html),
        ("https://news.test/logo.png", "image/png", b"\x89PNG\x00"),
    ]))  # fmt: skip
    (tmp_path / "plain.warc").write_bytes(warc([("https://n.test/2", "text/html", html)], gzip=False))
    (tmp_path / "fake.warc").write_bytes(b"this is not a warc file at all\n")
    items = read(tmp_path)
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.url for a in arts] == ["https://news.test/story", "https://n.test/2"]
    assert arts[0].origin == f"{path}#https://news.test/story" and arts[0].title == "Warc story"
    [err] = [i for i in items if isinstance(i, InputError)]
    assert err.origin.endswith("fake.warc") and "WARC" in err.message


def test_csv_and_jsonl_with_a_column_mapping(tmp_path):
    mapping = parse_mapping("text=body, published=date,outlet=source")
    (tmp_path / "a.csv").write_text(
        'body,date,source,extra\n"Talks, in Doha.",2024-01-02,Wire,1\n,2024-01-03,Wire,2\n'
        '"Second, row.",not a date,X,3\n', encoding="utf-8")  # fmt: skip
    rows = [{"body": "From JSONL.", "date": "2024-02-03", "source": "J"}]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    items = read(tmp_path, ctx=ReadContext(mapping=mapping))
    good = [(a.text, a.published, a.outlet) for a in items if isinstance(a, Article)]
    assert good == [("Talks, in Doha.", date(2024, 1, 2), "Wire"),
                    ("From JSONL.", date(2024, 2, 3), "J")]  # fmt: skip
    errors = {e.origin.rsplit("/", 1)[-1]: e.message for e in items if isinstance(e, InputError)}
    assert set(errors) == {"a.csv:3", "a.csv:4"}


def test_bad_mapping_is_refused():
    import pytest

    from eventwire.errors import ConfigError

    for spec in ("text", "body=text", "text="):
        with pytest.raises(ConfigError):
            parse_mapping(spec)


def test_stdin_is_sniffed():
    html = page("Piped", STORY)
    [art] = read("-", stdin=io.StringIO(html))
    assert art.title == "Piped" and "joint commission" in art.text
    full = rss([{"title": "F", "link": "http://x.test/f", "content": f"<p>{LONG}</p>"}])
    [item] = read("-", stdin=io.StringIO(full))
    assert item.url == "http://x.test/f"


def test_pathological_nesting_is_refused_quickly():
    deep = "<html><body>" + "<div>" * 100_000 + "<p>x</p>" + "</div>" * 100_000 + "</body></html>"
    error = article_from_html("deep.html", deep)
    assert isinstance(error, InputError) and f"more than {MAX_NESTING} levels" in error.message
    fine = page("Nested a bit", STORY).replace("<article>", "<div>" * 50 + "<article>")
    assert isinstance(article_from_html("ok.html", fine), Article)
