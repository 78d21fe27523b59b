"""The analyst's surface: a JSON API and dashboard pages over the store, built on ``analysis``.

``create_app(db_path, token=None)`` returns the FastAPI app; ``serve(db, host, port)`` runs it.
"""

from eventwire.server.app import create_app, serve

__all__ = ["create_app", "serve"]
