from eventwire.server.web.highlight import segments


def ev(event_id, start, end):
    return {"event_id": event_id, "evidence": {"start": start, "end": end}}


def test_overlapping_evidence_is_cut_exactly():
    text = "0123456789"
    found = segments(text, [ev("a", 2, 6), ev("b", 4, 8)])
    assert "".join(s.text for s in found) == text
    assert [(s.text, s.events) for s in found] == [
        ("01", ()), ("23", ("a",)), ("45", ("a", "b")), ("67", ("b",)), ("89", ()),
    ]


def test_offsets_outside_the_text_are_clamped():
    found = segments("abc", [ev("a", 1, 99)])
    assert [(s.text, s.events) for s in found] == [("a", ()), ("bc", ("a",))]
