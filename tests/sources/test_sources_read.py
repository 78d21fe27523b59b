"""read_inputs on real files in tmp_path: good inputs become Articles, bad ones InputErrors."""

from __future__ import annotations

import io
import json
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.records import Article, InputError, text_id
from eventwire.sources import read_inputs

DAY = date(2025, 10, 24)


def read(*inputs, **kw) -> list:
    return list(read_inputs([str(i) for i in inputs], **kw))


def only_error(items: list) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    err = items[0]
    assert "\n" not in str(err) and "; " in err.message  # one line, and it says what to do
    return err


def test_txt_is_one_article_with_hash_id(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Pakistan and  Afghanistan held talks.\n", encoding="utf-8")
    [art] = read(path, default_date=DAY)
    assert art.id == text_id("Pakistan and Afghanistan held talks.")
    assert art.origin == str(path) and art.published == DAY


def test_jsonl_fields_and_dates(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "r1", "text": "First.", "title": "T", "url": "https://x.test/1",
         "published": "2025-03-14 20:30:26Z", "outlet": "VOA", "author": "Al", "language": "en"},
        {"id": 7, "text": "Second."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = read(path, default_date=DAY)
    assert (first.id, first.title, first.url, first.outlet, first.author, first.language) == (
        "r1", "T", "https://x.test/1", "VOA", "Al", "en")  # fmt: skip
    assert first.published == date(2025, 3, 14) and first.origin == f"{path}:1"
    assert (second.id, second.published, second.origin) == ("7", DAY, f"{path}:2")


def test_bad_jsonl_lines_do_not_stop_the_others(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "ok1", "text": "Good one."}\n'
        b'{"id": "broken", "text": "unterminated\n'
        b'{"id": "notext"}\n'
        b'{"id": "latin", "text": "caf\xe9"}\n'
        b'[1, 2]\n'
        b'{"id": "baddate", "text": "x", "published": "yesterday"}\n'
        b'{"id": "ok2", "text": "Good two."}\n'
    )
    items = read(path)
    assert [a.id for a in items if isinstance(a, Article)] == ["ok1", "ok2"]
    errors = {e.origin: e.message for e in items if isinstance(e, InputError)}
    assert set(errors) == {f"{path}:{n}" for n in (2, 3, 4, 5, 6)}
    assert "malformed JSON" in errors[f"{path}:2"]
    assert '"text"' in errors[f"{path}:3"]
    assert "UTF-8" in errors[f"{path}:4"] and "0xe9" in errors[f"{path}:4"]
    assert "JSON object" in errors[f"{path}:5"]
    assert "published" in errors[f"{path}:6"]


def test_bad_files_each_give_one_error(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n\n")
    (tmp_path / "empty.jsonl").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00 zip header")
    (tmp_path / "binary.jsonl").write_bytes(b'{"text": "a"}\n\x00\x01\x02')
    (tmp_path / "latin1.txt").write_bytes("Line one.\nCaf\xe9 talks.\n".encode("latin-1"))
    cases = {
        "empty.txt": ("empty.txt", "empty file"),
        "empty.jsonl": ("empty.jsonl", "empty file"),
        "binary.txt": ("binary.txt:1", "binary"),
        "binary.jsonl": ("binary.jsonl:2", "binary"),
        "latin1.txt": ("latin1.txt:2", "not valid UTF-8"),
        "missing.txt": ("missing.txt", "no such file"),
        "notes.pdf": ("notes.pdf", "unknown file type"),
    }
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    for name, (origin, problem) in cases.items():
        err = only_error(read(tmp_path / name))
        assert err.origin == str(tmp_path / origin) and problem in err.message, (name, err)


def test_oversized_text_file_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1_100_000)
    assert "too large" in only_error(read(path)).message


def test_directory_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Two.")
    (tmp_path / "a.jsonl").write_text('{"id": "one", "text": "One."}\n')
    (tmp_path / "c.TXT").write_text("Three.")
    (tmp_path / "notes.md").write_text("ignored in a directory")
    (tmp_path / ".hidden" / "x.txt").write_text("hidden")
    items = read(tmp_path)
    assert [a.text for a in items] == ["One.", "Two.", "Three."]
    assert [a.origin for a in items][1] == str(tmp_path / "b" / "two.txt")


def test_empty_directory_is_an_error(tmp_path):
    message = only_error(read(tmp_path)).message
    assert message.startswith("no .atom, .csv, ") and ".warc.gz or .xml files" in message


def test_stdin_jsonl_or_text():
    lines = io.StringIO('\n  {"id": "s1", "text": "From a pipe."}\n{"text": oops}\n')
    art, err = read("-", stdin=lines)
    assert (art.id, art.origin) == ("s1", "<stdin>:2")
    assert err.origin == "<stdin>:3" and "malformed JSON" in err.message
    [plain] = read("-", stdin=io.StringIO("Plain text on stdin."), default_date=DAY)
    assert (plain.text, plain.origin, plain.published) == ("Plain text on stdin.", "<stdin>", DAY)


def test_stdin_bytes_are_checked_like_files():
    latin = io.TextIOWrapper(io.BytesIO("Caf\xe9\n".encode("latin-1")), encoding="utf-8")
    assert "not valid UTF-8" in only_error(read("-", stdin=latin)).message
    empty = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    assert only_error(read("-", stdin=empty)).origin == "<stdin>"


PAGE = """<html><head><title>Talks resume in Doha</title>
<meta property="og:site_name" content="Example Wire"><meta name="author" content="Jane Roe">
<meta name="date" content="2024-05-02"></head><body><nav>Home | World | Sport</nav>
<article><h1>Talks resume in Doha</h1>
<p>Pakistan and Afghanistan held talks in Doha on Friday, officials from both sides said.
The delegations discussed a ceasefire extension and security along the border.</p>
<p>Qatar mediated the meeting, which lasted four hours, according to two diplomats who
were familiar with the matter and spoke on condition of anonymity.</p></article>
<footer>Copyright 2024 Example Wire. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [art] = read(path, default_date=DAY)
    assert "held talks in Doha" in art.text and "Home | World" not in art.text
    assert art.title == "Talks resume in Doha"
    assert (art.outlet, art.author) == ("Example Wire", "Jane Roe")
    assert art.published == date(2024, 5, 2) and art.origin == str(path)


def test_html_without_article_text_is_an_error(tmp_path):
    path = tmp_path / "blank.htm"
    path.write_text("<html><head><title>Index</title></head><body><script>x()</script></body>")
    assert "no article text" in only_error(read(path)).message


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".jsonl", ".html"]))
def test_random_bytes_never_raise(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    for item in read(path):
        assert isinstance(item, (Article, InputError))
        if isinstance(item, InputError):
            assert item.origin.startswith(str(path)) and "\n" not in str(item)
