"""Shared by every test folder: where the project's shared data lives.

Tests may read ``../shared`` (beside the repository, as on a developer's machine and in CI); the
product never does. ``EVENTWIRE_SHARED`` overrides the place.
"""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
os.environ.setdefault("EVENTWIRE_SHARED", str(REPO.parent / "shared"))
os.environ.setdefault("EVENTWIRE_SHARED_DATA", str(Path(os.environ["EVENTWIRE_SHARED"]) / "data"))
