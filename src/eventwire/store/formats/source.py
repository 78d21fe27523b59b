"""One streamed query that gives every standard export what it needs about an event.

Each row is the ``events`` row plus its article's citation fields, its actors (in role and
position order), whether it is the lead event of its article, and how many stored reports carry
the article. It is a single statement read with ``fetchmany``: nothing else runs on the
connection while it streams, so memory stays flat for any store size.
"""

from __future__ import annotations

from collections.abc import Iterator

from eventwire.store.store import Store

_ACTORS = """(SELECT list(struct_pack(role := x.role, position := x.position, text := x.text,
        name := x.name, code := x.code, country := x.country, sector := x.sector)
        ORDER BY x.role, x.position)
    FROM event_actors x WHERE x.event_id = e.event_id)"""

# The lead event is the one whose evidence comes first in its article: GDELT's IsRootEvent marks
# events of the lead paragraph, and the first coded sentence is the nearest thing we store.
_LEAD = "(e.evidence_start = (SELECT min(y.evidence_start) FROM events y WHERE y.article_id = e.article_id))"

_SELECT = """
SELECT e.*, a.url AS article_url, a.title AS article_title, a.outlet AS article_outlet,
       a.published AS article_published, a.language AS article_language,
       a.ingested_at AS article_ingested_at,
       {actors} AS actors, {lead} AS is_lead,
       {reports} AS n_reports, {outlets} AS n_outlets
FROM events e JOIN articles a ON a.id = e.article_id
{where}
ORDER BY e.day NULLS LAST, e.event_id
"""


def _report_counts(store: Store) -> tuple[str, str]:
    """SQL for the number of reports and of distinct outlets per article.

    Issue 4 adds a ``reports`` table (one row per stored copy of an article, syndicated copies
    included); older stores have none, and then every article counts as one report of one outlet.
    """
    columns = {
        r[0]
        for r in store.sql(
            "SELECT column_name FROM duckdb_columns() WHERE table_name = 'reports'"
        ).fetchall()
    }
    if "article_id" not in columns:
        return "1", "1"
    reports = "greatest(1, (SELECT count(*) FROM reports r WHERE r.article_id = e.article_id))"
    if "outlet" not in columns:
        return reports, "1"
    outlets = (
        "greatest(1, (SELECT count(DISTINCT r.outlet) FROM reports r "
        "WHERE r.article_id = e.article_id))"
    )
    return reports, outlets


def export_query(store: Store, where: str) -> str:
    """The export statement for a ``WHERE`` clause over ``events e`` (may be empty)."""
    reports, outlets = _report_counts(store)
    return _SELECT.format(actors=_ACTORS, lead=_LEAD, reports=reports, outlets=outlets, where=where)


def start_rows(store: Store, where: str, params: list, chunk: int = 2000) -> Iterator[dict]:
    """Run the export statement now (so SQL errors surface here) and stream its rows as dicts."""
    cur = store.sql(export_query(store, where), params)
    names = [d[0] for d in cur.description]

    def rows() -> Iterator[dict]:
        while batch := cur.fetchmany(chunk):
            for row in batch:
                yield dict(zip(names, row))

    return rows()


def side(row: dict, role: str) -> list[dict]:
    """The actors of one role (``source`` or ``target``), in mention order."""
    return [a for a in (row["actors"] or []) if a["role"] == role]


def pair(row: dict) -> tuple[dict | None, dict | None]:
    """The two actors a one-actor-per-side format shows: first source, first target.

    A symmetric event ("Pakistan and Afghanistan held talks") has no targets, as PLOVER
    prescribes; its second participant stands in as the other side.
    """
    sources, targets = side(row, "source"), side(row, "target")
    first = sources[0] if sources else None
    if targets:
        return first, targets[0]
    return first, (sources[1] if len(sources) > 1 else None)
