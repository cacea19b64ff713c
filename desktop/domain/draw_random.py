"""The draw's randomness (FAIR_DRAW): commitment, seed and a random stream any implementation can reproduce.

Nothing here uses Python's ``random``: every number comes from SHA-256 over documented bytes, so the same inputs
give the same panels in any language on any machine. docs/draw.md spells out each encoding; change nothing here
without changing it there and the golden draw test, or recorded draws stop verifying.

- commitment = SHA-256("PanelDesk draw commitment v1" 00 ‖ pool hash (32 bytes) ‖ secret (32 bytes)), shown before
  the witness speaks: the program can change neither its secret nor the pool afterwards.
- seed = SHA-256("PanelDesk draw seed v1" 00 ‖ pool hash ‖ secret ‖ witness digits (ASCII)).
- stream(seed, label): blocks SHA-256("PanelDesk draw stream v1" 00 ‖ seed (32 bytes) ‖ len(label) (4 bytes, big
  endian) ‖ label (UTF-8) ‖ block number (8 bytes, big endian)) for 0, 1, 2, …, read as 64-bit big-endian words.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")

SECRET_BYTES = 32
_COMMITMENT = b"PanelDesk draw commitment v1\x00"
_SEED = b"PanelDesk draw seed v1\x00"
_STREAM = b"PanelDesk draw stream v1\x00"


def commitment_of(pool_hash: str, secret: bytes) -> str:
    """What the room sees before the witness speaks: it binds the secret and the pool the draw will use."""
    return hashlib.sha256(_COMMITMENT + bytes.fromhex(pool_hash) + secret).hexdigest()


def seed_of(pool_hash: str, secret: bytes, witness_digits: str) -> str:
    """The draw's seed (hex): neither the program's secret nor the witness's digits alone decide it."""
    return hashlib.sha256(_SEED + bytes.fromhex(pool_hash) + secret + witness_digits.encode("ascii")).hexdigest()


class Stream:
    """Uniform random integers from SHA-256 in counter mode, keyed by the seed and a label (one per use)."""

    def __init__(self, seed: str, label: str):
        name = label.encode("utf-8")
        self._prefix = hashlib.sha256(_STREAM + bytes.fromhex(seed) + len(name).to_bytes(4, "big") + name)
        self._block = 0
        self._words: list[int] = []

    def word(self) -> int:
        """The next 64-bit word: each block gives four, first to last."""
        if not self._words:
            digest = self._prefix.copy()
            digest.update(self._block.to_bytes(8, "big"))
            block = digest.digest()
            self._block += 1
            self._words = [int.from_bytes(block[i:i + 8], "big") for i in (24, 16, 8, 0)]
        return self._words.pop()

    def below(self, n: int) -> int:
        """Uniform in [0, n): w = ⌈bits(n)/64⌉ words read as one big-endian number u, redrawn while u ≥ the largest
        multiple of n below 2^(64w), then u mod n. No bias, whatever n is."""
        if n < 1:
            raise ValueError("below() needs n ≥ 1")
        words = max(1, -(-n.bit_length() // 64))
        space = 1 << (64 * words)
        limit = space - space % n
        while True:
            u = 0
            for _ in range(words):
                u = (u << 64) | self.word()
            if u < limit:
                return u % n


def seeded_prefix(stream: Stream, items: Sequence[T], count: int) -> list[T]:
    """The first ``count`` items of a uniform random order of ``items`` (given in their canonical order): forward
    Fisher–Yates, step i = 0, 1, … swapping position i with i + below(m − i); the last position needs no step."""
    order = list(items)
    m = len(order)
    for i in range(min(count, m - 1)):
        j = i + stream.below(m - i)
        order[i], order[j] = order[j], order[i]
    return order[:count]
