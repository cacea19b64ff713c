"""Use cases: each call validates, runs in one transaction and writes one audit entry."""
