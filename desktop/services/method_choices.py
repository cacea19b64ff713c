"""What the window and the command line choose a round's method and settings from.

The forms, scorings and aggregations (each value is the label shown), the aggregations each scoring allows with its
default first, the value types the round services take, with their defaults, and how a share (the pass or the
enterprise fraction) is read from what a user types and spelled back (三分之二). The rules behind them stay in
``desktop.domain``; this is the part of them a face needs.
"""

from __future__ import annotations

from desktop.domain.methods import ALLOWED_AGGREGATIONS, Aggregation, Form, Method, RoundSettings, Scoring
from desktop.domain.shares import parse_share, share_words

__all__ = ["Aggregation", "Form", "Method", "RoundSettings", "Scoring", "aggregations", "parse_share", "share_words"]


def aggregations(scoring: Scoring) -> tuple[Aggregation, ...]:
    """The aggregations ``scoring`` allows; the first is its default."""
    return ALLOWED_AGGREGATIONS[scoring]
