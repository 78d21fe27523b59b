"""eventwire: geopolitical news in, structured PLOVER/CAMEO events out, with evidence."""

__version__ = "0.1.0"
