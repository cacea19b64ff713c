"""The bulk of the relations between experts, made on demand so that a million of them never sit in memory.

Experts are listed cluster by cluster, so pairing each expert with others a short way along the list relates
people of the same field, as collaborations and advisor–student ties mostly are. Pair (i, i + k mod n) with
0 < k <= (n - 1) / 2 is made only from i, so no pair comes twice, without keeping a set of pairs.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from desktop.synthetic.applications import RELATION_NOTES, make_relation
from desktop.synthetic.model import Relation

_REACH = 60  # how far along the list a relation reaches
_KIND_WEIGHTS = (82, 12, 2, 4)  # 合作, 师生, 近亲属, 姻亲


def bulk_relations(seed: int, expert_ids: list[str], total: int) -> Iterator[Relation]:
    """``total`` relations among ``expert_ids`` (at most 60 per expert), the same ones every time for one seed."""
    rng = random.Random(seed)
    n = len(expert_ids)
    reach = min(_REACH, (n - 1) // 2)
    total = min(total, n * reach)
    if total <= 0:
        return
    base, extra = divmod(total, n)
    kinds = tuple(RELATION_NOTES)
    for i, a in enumerate(expert_ids):
        count = base + (1 if i < extra else 0)
        for k in rng.sample(range(1, reach + 1), count):
            kind = rng.choices(kinds, _KIND_WEIGHTS)[0]
            yield make_relation(rng, a, expert_ids[(i + k) % n], kind)
