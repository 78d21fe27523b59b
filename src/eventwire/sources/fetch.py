"""Fetching URLs safely: what eventwire downloads, from where, how much and how politely.

``Fetcher.get(url)`` returns a ``Fetched`` page or an ``InputError`` naming the URL and the
problem; it never raises for a bad URL or a bad server. The defaults protect the machine that
runs eventwire (no requests to loopback or private networks, a size cap, timeouts) and the sites
it reads (a per-host delay, robots.txt, a User-Agent that says who is asking). Every default is
a field of ``FetchPolicy``; docs/ingestion.md lists them and how to change each.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from eventwire import __version__
from eventwire.records import InputError

PROJECT_URL = "https://github.com/eventwire/eventwire"
USER_AGENT = f"eventwire/{__version__} (+{PROJECT_URL})"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
     "application/rdf+xml", "application/feed+json"}
)  # fmt: skip
# Plain text is accepted too: some servers label feeds and pages "text/plain", and the content
# is sniffed after download anyway. Everything else (PDF, images, archives) is refused unread.
ACCEPTED_TYPES = HTML_TYPES | FEED_TYPES | {"text/plain"}

# Ends the message of every failure that may pass by itself (timeouts, 5xx, lost connections);
# ``watch`` tries those items again at the next poll instead of marking them seen.
RETRY_HINT = "try again later"


def is_retryable(error: InputError) -> bool:
    return error.message.endswith(RETRY_HINT)


@dataclass(frozen=True)
class FetchPolicy:
    """How eventwire fetches. The defaults are the safe ones; tests pass ``allow_private``."""

    allow_private: bool = False  # permit loopback, private, link-local, reserved addresses
    connect_timeout: float = 10.0  # seconds to open a connection
    read_timeout: float = 20.0  # seconds without a byte before giving up
    max_bytes: int = 5_000_000  # larger bodies are abandoned mid-download
    max_redirects: int = 5  # each hop is checked again against the address rules
    min_interval: float = 1.0  # seconds between two requests to the same host
    respect_robots: bool = True  # skip URLs that the site's robots.txt disallows for us
    user_agent: str = USER_AGENT
    accepted_types: frozenset[str] = ACCEPTED_TYPES


@dataclass(frozen=True)
class Fetched:
    url: str  # the URL asked for
    final_url: str  # after redirects
    content_type: str  # media type without parameters, lower case ("" when absent)
    body: bytes
    charset: str | None = None  # as declared in the Content-Type header


class _Refused(Exception):
    """A request that must not or could not be made; its message becomes an InputError."""


def refused_address(host: str) -> str | None:
    """Why ``host`` must not be contacted under the default policy, or None when it may."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        return f"cannot resolve host {host!r} ({err}); check the URL"
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if getattr(ip, "ipv4_mapped", None):
            ip = ip.ipv4_mapped
        # Most specific first: Python counts link-local, reserved and 0.0.0.0 as "private" too.
        for label in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
            if getattr(ip, f"is_{label}"):
                return (
                    f"host {host!r} resolves to {label.replace('_', '-')} address {ip}; "
                    "refused unless private addresses are allowed (--allow-private)"
                )
    return None


class Fetcher:
    """One HTTP client with its per-host clocks and robots.txt cache. Close it, or use ``with``."""

    def __init__(self, policy: FetchPolicy | None = None):
        self.policy = policy or FetchPolicy()
        timeout = httpx.Timeout(
            self.policy.read_timeout, connect=self.policy.connect_timeout, pool=None
        )
        self._client = httpx.Client(
            timeout=timeout,
            follow_redirects=False,  # followed by hand so each hop is checked
            headers={"User-Agent": self.policy.user_agent},
            trust_env=False,  # an environment proxy would bypass the address checks
        )
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(self, url: str) -> Fetched | InputError:
        """The body of ``url`` (after safe redirects), or one error line naming the URL."""
        try:
            if self.policy.respect_robots and not self._robots_allow(url):
                raise _Refused(
                    "disallowed by the site's robots.txt; ask the site or turn robots off "
                    "(FetchPolicy.respect_robots=False)"
                )
            return self._follow(url)
        except _Refused as err:
            return InputError(url, str(err))
        except httpx.TimeoutException:
            return InputError(url, f"timed out; the server is slow or down, {RETRY_HINT}")
        except (httpx.HTTPError, OSError, ValueError) as err:
            problem = f"request failed ({type(err).__name__}: {_short(err)})"
            return InputError(url, f"{problem}; {RETRY_HINT}")

    def _follow(self, url: str) -> Fetched:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self._check_url(current)
            self._wait_turn(current)
            with self._client.stream("GET", current) as response:
                if response.is_redirect:
                    location = response.headers.get("location", "")
                    current = urljoin(current, location)
                    continue
                return self._read(url, current, response)
        raise _Refused(f"more than {self.policy.max_redirects} redirects; give the final URL")

    def _check_url(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise _Refused(f"scheme {parts.scheme or '(none)'!r} refused; only http and https")
        if not parts.hostname:
            raise _Refused("no host in the URL; give a full http(s):// URL")
        if not self.policy.allow_private:
            problem = refused_address(parts.hostname)
            if problem:
                raise _Refused(problem)

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            delay = self.policy.min_interval - (time.monotonic() - last)
            if delay > 0:
                time.sleep(delay)
        self._last_request[host] = time.monotonic()

    def _read(self, asked: str, final: str, response: httpx.Response) -> Fetched:
        if response.status_code >= 400:
            hint = RETRY_HINT if response.status_code >= 500 else "check the URL"
            raise _Refused(f"HTTP {response.status_code}; {hint}")
        media = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media and media not in self.policy.accepted_types:
            raise _Refused(f"content type {media!r} is not a web page or feed; skipped unread")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise _Refused(self._too_large())
        body = bytearray()
        for chunk in response.iter_bytes():
            body += chunk
            if len(body) > self.policy.max_bytes:
                raise _Refused(self._too_large())
        return Fetched(asked, final, media, bytes(body), response.charset_encoding)

    def _too_large(self) -> str:
        mb = self.policy.max_bytes / 1_000_000
        return f"larger than {mb:g} MB; abandoned (raise FetchPolicy.max_bytes to allow it)"

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return True  # _check_url reports it
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            self._robots[key] = self._load_robots(key)
        rules = self._robots[key]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (allow all) when it has no readable robots.txt, as crawlers do."""
        try:
            fetched = self._follow(origin + "/robots.txt")
        except _Refused as err:
            if "HTTP 401" in str(err) or "HTTP 403" in str(err):
                parser = urllib.robotparser.RobotFileParser()
                parser.disallow_all = True  # the stdlib reads a forbidden robots.txt this way
                return parser
            return None
        except (httpx.HTTPError, OSError, ValueError):
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(fetched.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _short(err: Exception) -> str:
    return " ".join(str(err).split())[:160] or "no detail"


def is_url(item: str) -> bool:
    """True for anything that looks like a URL (scheme://…); a path never has ``://``."""
    return "://" in item[:16]
