"""What a round archive holds, one module per stage: each defines ``members(source)`` (desktop.services.archive.members)."""
