"""ingest() end to end on real files and a real DuckDB file.

The last two tests run the real coding pipeline and load the spaCy model; the others exercise
the paths that never reach coding (bad inputs, articles already stored), so they stay fast.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from eventwire.coding import code_article
from eventwire.errors import StoreError
from eventwire.ingest import ingest
from eventwire.records import Article, CodedArticle
from eventwire.sources import read_inputs
from eventwire.store import Store

GOOD_TEXTS = [
    "Pakistan and Afghanistan held talks in Doha on Friday, officials said.\n\n"
    "Qatar mediated the meeting between the two delegations.",
    "Police arrested dozens of protesters in the capital on Monday, witnesses said.",
]
JSONL_LINES = [
    json.dumps({"id": "wire-1", "text": "The United Nations sent food aid to Yemen.",
                "published": "2024-05-02"}),
    '{"id": "wire-2", "text": "truncated line',
    json.dumps({"id": "wire-3", "text": "Russia accused Ukraine of shelling a border town."}),
]  # fmt: skip


def bad_inputs(folder) -> dict[str, str]:
    """Bad files and the origin their error must name."""
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x00\rIHDR\x00\x00")
    (folder / "latin1.txt").write_bytes("Talks in Doha.\nThe caf\xe9 closed.\n".encode("latin-1"))
    return {
        "empty.txt": str(folder / "empty.txt"),
        "binary.txt": f"{folder / 'binary.txt'}:1",
        "latin1.txt": f"{folder / 'latin1.txt'}:2",
    }


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(GOOD_TEXTS):
        (folder / f"good{i}.txt").write_text(text, encoding="utf-8")
    (folder / "wire.jsonl").write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    expected = bad_inputs(folder)
    expected["wire.jsonl"] = f"{folder / 'wire.jsonl'}:2"
    return folder, expected


def row_counts(db) -> dict[str, int]:
    with Store.open(db, read_only=True) as store:
        return store.stats().tables


def test_only_bad_inputs_are_reported_and_recorded(tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    expected = bad_inputs(folder)
    db = tmp_path / "ew.duckdb"
    seen: list[int] = []
    summary = ingest([str(folder), str(tmp_path / "missing.txt")], db, on_progress=seen.append)
    origins = sorted(e.origin for e in summary.errors)
    assert origins == sorted([*expected.values(), str(tmp_path / "missing.txt")])
    assert (summary.read, summary.failed, summary.stored_articles) == (0, 4, 0)
    assert sum(seen) == 4
    assert row_counts(db)["ingest_errors"] == 4
    ingest([str(folder)], db)
    assert row_counts(db)["ingest_errors"] == 4  # the same problems are not logged twice


def test_stored_articles_are_not_coded_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD_TEXTS[0], encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    with Store.open(db) as store:  # stored by hand, so no coding is needed below
        store.write([CodedArticle(article=Article(text=GOOD_TEXTS[0]), events=())])
    summary = ingest([str(path), str(path)], db)
    assert (summary.read, summary.skipped, summary.stored_articles) == (2, 2, 0)


def test_unusable_database_raises_store_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Some text.")
    with pytest.raises(StoreError):
        ingest([str(path)], tmp_path / "no-such-folder" / "ew.duckdb")
    foreign = tmp_path / "foreign.duckdb"
    con = duckdb.connect(str(foreign))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    with pytest.raises(StoreError):
        ingest([str(path)], foreign)


def test_ingest_twice_gives_identical_rows_and_one_error_per_bad_input(tmp_path, inputs):
    folder, expected = inputs
    db = tmp_path / "ew.duckdb"
    first = ingest([str(folder)], db, batch_size=3)
    assert sorted(e.origin for e in first.errors) == sorted(expected.values())
    for err in first.errors:
        assert "\n" not in str(err) and "; " in err.message
    assert (first.read, first.failed) == (4, 4)
    assert first.stored_articles + first.skipped == 4
    counts = row_counts(db)
    assert counts["articles"] == 4 and counts["ingest_errors"] == 4
    assert counts["events"] == first.stored_events

    second = ingest([str(folder)], db, batch_size=3)
    assert (second.read, second.skipped) == (4, 4)
    assert (second.stored_articles, second.stored_events) == (0, 0)
    assert row_counts(db) == counts


def test_stored_events_equal_the_coded_records(tmp_path):
    path = tmp_path / "doha.txt"
    path.write_text(GOOD_TEXTS[0], encoding="utf-8")
    db = tmp_path / "ew.duckdb"
    summary = ingest([str(path)], db)
    [article] = read_inputs([str(path)])
    coded = {e.event_id: e.to_dict() for e in code_article(article).events}
    assert coded, "the pipeline should code the talks in this article"
    with Store.open(db, read_only=True) as store:
        stored = {e["event_id"]: e for e in store.events()}
    assert stored == coded and summary.stored_events == len(coded)
