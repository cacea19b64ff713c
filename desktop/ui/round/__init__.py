"""The round workspace's steps after the draw, one module per step: calls, confirmation, commitments, score entry,
results and approval, and what follows the review (feedback, publicity, appeals, conduct, closing)."""
