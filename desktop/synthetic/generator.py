"""Build a whole synthetic data set from one seed.

Everything is drawn from the one ``random.Random(seed)`` made here, in a fixed order, so the same seed and sizes
give the same data on any machine; nothing reads the clock or the global random state.
"""

from __future__ import annotations

import functools
import math
import random

from desktop.synthetic.applications import Applications
from desktop.synthetic.experts import FieldTree, make_expert
from desktop.synthetic.fields import field_dictionary
from desktop.synthetic.model import Dataset, Expert
from desktop.synthetic.organisations import Organisations
from desktop.synthetic.people import People
from desktop.synthetic.records import declared, integrity, requested, unsuitable
from desktop.synthetic.relations import bulk_relations

APPLICATIONS_PER_PANEL = 20
CLUSTERED_SHARE = 0.75  # experts in the fields applications come in; the rest spread over all fields
RELATIONS_PER_EXPERT = 4


def build_dataset(*, seed: int = 2026, experts: int = 300, applications: int = 60,
                  relations: int | None = None) -> Dataset:
    """A data set of ``experts`` experts and ``applications`` applications in panels of about twenty.

    ``relations`` is the number of relations between persons (default four per expert), the few that tie team
    members to experts included.
    """
    rng = random.Random(seed)
    fields = field_dictionary()
    tree = FieldTree(fields)
    orgs = Organisations(rng)
    people = People(rng)

    clusters = _cluster_fields(rng, tree, max(1, math.ceil(applications / APPLICATIONS_PER_PANEL)))
    by_cluster = _spread(round(experts * CLUSTERED_SHARE), len(clusters))
    pool: list[Expert] = []
    cluster_experts: list[list[Expert]] = []
    for code5, count in zip(clusters, by_cluster):
        made = [make_expert(rng, people, orgs, tree, code5) for _ in range(count)]
        cluster_experts.append(made)
        pool.extend(made)
    for _ in range(experts - len(pool)):
        pool.append(make_expert(rng, people, orgs, tree, rng.choice(tree.five_digit)))

    expert_ids = {e.person.id_number for e in pool}
    apps = Applications(rng, people, orgs, tree, expert_ids)
    panels = [(app, members)
              for code5, count, members in zip(clusters, _spread(applications, len(clusters)), cluster_experts)
              for app in apps.make_cluster(code5, count, members) if members]
    orgs.rename_some(0.1)
    newcomers = [m.person for a in apps.made for m in a.members if m.person.id_number not in expert_ids]
    wanted = RELATIONS_PER_EXPERT * experts if relations is None else relations
    return Dataset(
        fields=fields,
        organisations=orgs.all,
        experts=pool,
        applications=apps.made,
        conflict_relations=apps.relations,
        bulk_relations=functools.partial(bulk_relations, rng.getrandbits(64), [e.person.id_number for e in pool],
                                         wanted - len(apps.relations)),
        unsuitable=[row for app, members in panels for row in unsuitable(rng, app, members)],
        integrity=integrity(rng, max(3, round(experts * 0.01 + applications * 0.02)), pool, newcomers,
                            [a.applicant for a in apps.made]),
        declarations=[declared(rng, app, rng.choice(members)) for app, members in _some(rng, panels, 0.05)],
        requests=[requested(rng, app, rng.choice(members)) for app, members in _some(rng, panels, 0.03)],
    )


def _some(rng: random.Random, items: list, share: float) -> list:
    """A few of ``items`` (at least one when there are any), in their original order."""
    count = min(len(items), max(1, round(len(items) * share)))
    return [items[i] for i in sorted(rng.sample(range(len(items)), count))]


def _cluster_fields(rng: random.Random, tree: FieldTree, count: int) -> list[str]:
    """``count`` five-digit fields to hold panels; once every field has one, fields get a second panel."""
    order = list(tree.five_digit)
    rng.shuffle(order)
    return [order[i % len(order)] for i in range(count)]


def _spread(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]
