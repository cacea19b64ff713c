"""The round archive: one sealed, signed zip of everything a round holds, verifiable and replayable anywhere."""
