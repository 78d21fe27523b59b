"""Fetcher against a real server on 127.0.0.1: address rules, caps, redirects, robots, timing."""

from __future__ import annotations

import time

import pytest

from eventwire.records import InputError
from eventwire.sources import Fetched, Fetcher, FetchPolicy
from eventwire.sources.fetch import USER_AGENT, is_retryable, refused_address

OPEN = FetchPolicy(allow_private=True, min_interval=0.0)
PAGE = "<html><body><p>Hello.</p></body></html>"


def get(url: str, **policy) -> Fetched | InputError:
    with Fetcher(FetchPolicy(**{**OPEN.__dict__, **policy})) as fetcher:
        return fetcher.get(url)


def error_of(result) -> str:
    assert isinstance(result, InputError), result
    assert "\n" not in str(result)
    return result.message


def test_default_policy_refuses_loopback_and_says_how_to_allow(server):
    url = server.add("/a", PAGE)
    message = error_of(get(url, allow_private=False))
    assert "loopback" in message and "--allow-private" in message
    assert server.hits == []  # refused before any request, robots.txt included


@pytest.mark.parametrize(
    "host, label",
    [("10.1.2.3", "private"), ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"),
     ("240.0.0.1", "reserved"), ("::1", "loopback"), ("0.0.0.0", "unspecified")],
)  # fmt: skip
def test_private_kinds_of_address_are_refused(host, label):
    assert label in refused_address(host)


def test_public_address_is_allowed():
    assert refused_address("8.8.8.8") is None


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/x", "file:///etc/passwd", "http:///nohost"])
def test_only_http_and_https(url):
    message = error_of(get(url))
    assert "only http and https" in message or "no host" in message


def test_fetch_sends_polite_user_agent(server):
    url = server.add("/a", PAGE)
    page = get(url)
    assert isinstance(page, Fetched) and page.body == PAGE.encode() and page.charset == "utf-8"
    assert page.content_type == "text/html"
    assert server.agents[-1] == USER_AGENT and USER_AGENT.startswith("eventwire/")


def test_size_cap_with_and_without_content_length(server):
    declared = server.add("/big", b"x" * 300_000)
    streamed = server.add("/stream", chunked_size=2_000_000)
    assert "larger than 0.1 MB" in error_of(get(declared, max_bytes=100_000))
    assert "larger than 0.1 MB" in error_of(get(streamed, max_bytes=100_000))
    assert isinstance(get(declared, max_bytes=400_000), Fetched)


def test_redirects_are_followed_capped_and_rechecked(server):
    final = server.add("/final", PAGE)
    server.redirect("/r2", final)
    first = server.redirect("/r1", "/r2")
    page = get(first)
    assert isinstance(page, Fetched) and page.final_url == final and page.url == first
    assert "more than 1 redirects" in error_of(get(first, max_redirects=1))
    escape = server.redirect("/escape", "file:///etc/passwd")
    assert "only http and https" in error_of(get(escape))


def test_content_type_is_checked(server):
    url = server.add("/doc.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert "application/pdf" in error_of(get(url))


def test_slow_server_times_out_and_may_be_retried(server):
    url = server.add("/slow", PAGE, delay=1.5)
    started = time.monotonic()
    error = get(url, read_timeout=0.3)
    assert "timed out" in error_of(error) and is_retryable(error)
    assert time.monotonic() - started < 1.4


def test_broken_and_failing_responses(server):
    broken = server.add("/broken", PAGE, broken=True)
    assert "request failed" in error_of(get(broken))
    down = server.add("/down", "oops", status=503)
    missing = server.url("/missing")
    assert is_retryable(get(down)) and "HTTP 503" in error_of(get(down))
    assert not is_retryable(get(missing)) and "HTTP 404" in error_of(get(missing))


def test_robots_txt_is_honoured_by_default(server):
    server.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    closed = server.add("/private/a", PAGE)
    opened = server.add("/public/a", PAGE)
    with Fetcher(OPEN) as fetcher:
        assert "robots.txt" in error_of(fetcher.get(closed))
        assert isinstance(fetcher.get(opened), Fetched)
    assert server.hits.count("/robots.txt") == 1  # cached per host
    assert "/private/a" not in server.hits
    assert isinstance(get(closed, respect_robots=False), Fetched)


def test_requests_to_one_host_are_spaced(server):
    url = server.add("/a", PAGE)
    with Fetcher(FetchPolicy(allow_private=True, min_interval=0.4)) as fetcher:
        started = time.monotonic()
        for _ in range(3):
            assert isinstance(fetcher.get(url), Fetched)
    assert time.monotonic() - started >= 0.8
