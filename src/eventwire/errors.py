"""One error tree for eventwire.

::

    EventwireError                  base: a message that says what to do next
    ├── RetryableError              may succeed if tried again (network, locked database)
    │   └── FetchError              a URL could not be fetched right now
    └── PermanentError              will fail the same way again until the input changes
        ├── InputFileError          a file or line cannot be read as an article
        ├── ConfigError             a setting, data file or override is invalid
        └── StoreError              the database is missing, newer than this version, or corrupt

The CLI turns any EventwireError into one line and exit code 2; the API into one JSON shape.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class. ``str(err)`` is a complete one-line message."""

    retryable = False


class RetryableError(EventwireError):
    retryable = True


class PermanentError(EventwireError):
    retryable = False


class FetchError(RetryableError):
    pass


class InputFileError(PermanentError):
    def __init__(self, origin: str, problem: str):
        self.origin = origin
        self.problem = problem
        super().__init__(f"{origin}: {problem}")


class ConfigError(PermanentError):
    pass


class StoreError(PermanentError):
    pass
