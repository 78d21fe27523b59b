"""JSON routes; each one parses parameters, calls one analysis function and returns plain JSON."""
