"""The rules of RULES.md as pure functions and dataclasses: no Qt, no SQL, no clock or randomness not handed in."""
