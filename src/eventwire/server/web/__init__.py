"""Dashboard pages: server-rendered shells whose charts fetch the JSON API (no build step)."""
