"""The round workspace's steps from the review day on: score entry, results and approval."""
