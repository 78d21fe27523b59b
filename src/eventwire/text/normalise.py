"""One-for-one character normalisation: the output always has the input's length."""

from __future__ import annotations

import re

# Curly quotes to straight ones; dashes used as parentheses ("talks—brokered through X—come")
# become commas, which the parser reads as the apposition they are; odd spaces become spaces.
_TABLE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2014": ",",
        "\u2015": ",",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u200b": " ",
        "\ufeff": " ",
        "\u00ad": " ",
        "\t": " ",
        "\r": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)

# An en dash between digits is a range ("2019–2020"); elsewhere it is a parenthetical dash.
_EN_DASH_RANGE = re.compile(r"(?<=\d)\u2013(?=\d)")


def normalise_chars(text: str) -> str:
    out = _EN_DASH_RANGE.sub("-", text).replace("\u2013", ",").translate(_TABLE)
    # Any other control character would confuse the tokenizer; blank it.
    out = "".join(c if c >= " " or c == "\n" else " " for c in out)
    assert len(out) == len(text)
    return out
