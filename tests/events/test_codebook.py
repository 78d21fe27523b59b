"""The shipped codebook and CAMEO table (no model needed)."""

from __future__ import annotations

import pytest

from eventwire.events import cameo, codebook

PLOVER_TYPES = (
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN "
    "PROTEST SANCTION MOBILIZE COERCE ASSAULT"
).split()


def test_sixteen_types_with_modes_and_contexts():
    book = codebook()
    assert list(book.event_names) == PLOVER_TYPES
    assert "third-party" in book.modes("CONSULT")
    assert "drone" in book.modes("ASSAULT")
    assert book.modes("AGREE") == ()
    assert len(book.contexts) == 37
    assert "diplomatic" in book.context_names


def test_cameo_entry_has_goldstein_quad_and_plover_type():
    entry = cameo("046")
    assert entry.description == "Engage in negotiation"
    assert entry.goldstein == 7.0
    assert entry.quad_class == 1
    assert entry.plover_event == "CONSULT"
    assert cameo("0841").plover_mode == "release"


@pytest.mark.parametrize(
    ("code", "quad", "event"),
    [("036", 1, "AGREE"), ("073", 2, "AID"), ("0874", 2, "RETREAT"), ("112", 3, "ACCUSE"),
     ("138", 3, "THREATEN"), ("143", 4, "PROTEST"), ("163", 4, "SANCTION"), ("193", 4, "ASSAULT"),
     ("204", 4, "ASSAULT"), ("010", 1, None)],
)
def test_quad_class_follows_the_cameo_root(code, quad, event):
    assert cameo(code).quad_class == quad
    assert cameo(code).plover_event == event


def test_every_cameo_row_is_complete():
    entries = codebook().cameo_entries
    assert len(entries) > 300
    for entry in entries:
        root = int(entry.code[:2])
        assert entry.goldstein is not None and -10 <= entry.goldstein <= 10
        assert entry.quad_class == (1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4)


def test_unknown_subcode_falls_back_to_parent_and_unknown_root_fails():
    assert cameo("0469").code == "046"
    with pytest.raises(KeyError):
        cameo("99")
