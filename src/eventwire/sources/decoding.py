"""Bytes to text, with the one-line complaints a user can act on.

Every check returns an ``InputError`` instead of raising, so one bad file never stops a batch.
"""

from __future__ import annotations

from eventwire.records import InputError

# One article beyond this size is almost surely not an article (a dump, a log, a database);
# spaCy would still parse it, for minutes. Same cap as the fetcher's default download size.
MAX_ARTICLE_BYTES = 5_000_000

# How far into a file to look for NUL bytes before calling it binary: real text never has one,
# and every common binary format (images, PDF, zip, DuckDB) has one within the first kilobytes.
SNIFF_BYTES = 8192

_BOM = b"\xef\xbb\xbf"


def line_of(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


def column_of(data: bytes, offset: int) -> int:
    """1-based byte column of an offset within its line."""
    return offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def binary_error(origin: str, data: bytes, first_line: int = 1) -> InputError | None:
    """An error when ``data`` holds a NUL byte (binary content), else None."""
    nul = data.find(b"\x00")
    if nul < 0:
        return None
    line = first_line + line_of(data, nul) - 1
    return InputError(
        f"{origin}:{line}",
        f"binary data (NUL byte at column {column_of(data, nul)}); eventwire reads UTF-8 text, "
        ".jsonl or .html files only",
    )


def decode(origin: str, data: bytes, first_line: int = 1) -> str | InputError:
    """UTF-8 text of ``data`` (BOM dropped), or an error naming the line of the bad byte."""
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = first_line + line_of(data, err.start) - 1
        bad = data[err.start : err.start + 1].hex()
        column = column_of(data, err.start)
        return InputError(
            f"{origin}:{line}",
            f"not valid UTF-8 (byte 0x{bad} at column {column}); re-save the file as UTF-8",
        )


def text_of_file(origin: str, data: bytes) -> str | InputError:
    """The text of a whole-file article (.txt, .html): not empty, not binary, UTF-8, not huge."""
    if len(data) > MAX_ARTICLE_BYTES:
        return InputError(
            origin,
            f"too large for one article (over {MAX_ARTICLE_BYTES // 1_000_000} MB); "
            "split it into articles, one per .txt file or one per .jsonl line",
        )
    if not data.strip():
        return InputError(origin, "empty file; add the article text or remove the file")
    error = binary_error(origin, data)
    if error is not None:
        return error
    text = decode(origin, data)
    if isinstance(text, str) and not text.strip():
        return InputError(origin, "empty file; add the article text or remove the file")
    return text
