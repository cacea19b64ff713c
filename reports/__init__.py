"""Documents rendered from plain values: PDF letters, notices, lists, and their signatures. No Qt, no database."""
