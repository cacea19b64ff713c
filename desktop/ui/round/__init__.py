"""The round workspace's steps after the draw, one module per step: calls, confirmation, commitments and
attendance, scores, results and approval."""
