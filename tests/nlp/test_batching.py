from eventwire.nlp.batching import split_text, text_size


def test_short_text_is_one_piece():
    assert split_text("One line.\nTwo lines.", 1000) == ["One line.\nTwo lines."]


def test_pieces_join_back_and_cut_after_line_breaks():
    text = "".join(f"Paragraph {i} says something here.\n" for i in range(200))
    pieces = split_text(text, 500)
    assert "".join(pieces) == text
    assert len(pieces) > 1
    assert all(p.endswith("\n") for p in pieces[:-1])
    assert all(text_size(p) <= 500 for p in pieces)


def test_a_line_over_budget_stays_whole():
    text = "short\n" + "x" * 50 + "\nend"
    assert split_text(text, 20) == ["short\n", "x" * 50 + "\n", "end"]


def test_size_ignores_blanked_text():
    assert text_size("ab" + " " * 100 + "c") == 3
