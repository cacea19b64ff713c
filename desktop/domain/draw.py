"""The draw: seeded, reproducible panels that respect recusal, ENTERPRISE_THIRD and one panel per expert.

Randomness comes only from the seed. Each panel's candidates are ordered by sha256(f"{seed}|{panel key}|{expert}"),
which gives the same order on any machine and any later Python, unlike ``random.shuffle``. The panels are then the
lexicographically first valid choice in those orders: panels in the order they were added, seats in order, each
seat taking the earliest candidate with which the rest of the round can still be filled. So a draw never dead-ends
when a valid assignment exists, and when none exists it says which panels lack what.

Feasibility is a max-flow (networkx): source → expert (capacity 1, one panel per expert) → the panel's enterprise
node (enterprise experts) or general node (the others); enterprise node → sink with capacity the enterprise experts
still required, enterprise node → general node, general node → sink with capacity the remaining seats less that.
Experts with the same eligible panels and the same flag are interchangeable, so they share one node. The
Boykov–Kolmogorov solver is used: on these shallow networks it is several times faster than networkx's default.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any

from desktop.domain.errors import RuleError
from desktop.domain.methods import RoundSettings
from desktop.domain.quota import enterprise_required

if TYPE_CHECKING:
    import networkx as nx

_LISTED = 20


def _flow():
    """networkx and its Boykov–Kolmogorov solver, loaded at the first feasibility check rather than with this module:
    networkx takes about 0.3 s to import, and the window loads this module at start-up only to show past draws."""
    import networkx
    from networkx.algorithms.flow import boykov_kolmogorov
    return networkx, boykov_kolmogorov


@dataclass(frozen=True)
class PanelSpec:
    key: str
    name: str
    size: int


@dataclass(frozen=True)
class PanelDraw:
    key: str
    name: str
    members: tuple[tuple[str, bool], ...]
    reserve: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "reserve": list(self.reserve),
                "members": [{"expert": e, "enterprise": ent} for e, ent in self.members]}


@dataclass(frozen=True)
class DrawResult:
    seed: str
    panels: tuple[PanelDraw, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"seed": self.seed, "panels": [p.to_dict() for p in self.panels]}


class DrawInfeasible(RuleError):
    """No valid draw exists; ``panels`` are the keys of the panels that cannot be filled."""

    def __init__(self, message: str, panels: Sequence[str]):
        super().__init__("DRAW_INFEASIBLE", message)
        self.panels = tuple(panels)


def canonical_json(obj: Any) -> str:
    """One spelling per value (sorted keys, no spaces, fractions as text), for hashing a draw's inputs."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def candidate_order(seed: str, panel_key: str, experts: Iterable[str]) -> list[str]:
    """A panel's candidates in seeded order: by sha256 of "{seed}|{panel key}|{expert}" (UTF-8). The common
    prefix is hashed once and copied, which is the same digest at a third of the cost."""
    prefix = hashlib.sha256(f"{seed}|{panel_key}|".encode("utf-8"))

    def rank(expert: str) -> bytes:
        digest = prefix.copy()
        digest.update(expert.encode("utf-8"))
        return digest.digest()
    return sorted(set(experts), key=rank)


def draw_panels(panels: Sequence[PanelSpec], eligible: Mapping[str, Iterable[str]], enterprise: Mapping[str, bool],
                settings: RoundSettings, seed: str, names: Mapping[str, str] | None = None) -> DrawResult:
    """Draw every panel, with reserves; raise DrawInfeasible naming the panels short and what they lack.

    ``eligible`` maps a panel key to the experts with no ground against it (recusal); ``names`` only makes the
    messages readable. When one panel per expert is off, panels are drawn independently.
    """
    orders = [candidate_order(seed, p.key, eligible.get(p.key, ())) for p in panels]
    problem = _Problem(panels, orders, enterprise, settings.enterprise_fraction, names or {})
    problem.check_each_alone()
    if settings.one_panel_per_expert:
        chosen = problem.greedy() or problem.lexicographic()
    else:
        chosen = [problem.fill(i, taken=set()) for i in range(len(panels))]
    drawn = {e for members in chosen for e in members}
    result = []
    for i, spec in enumerate(panels):
        blocked = drawn if settings.one_panel_per_expert else set(chosen[i])
        reserve = [e for e in orders[i] if e not in blocked][:settings.reserve_for(spec.size)]
        result.append(PanelDraw(spec.key, spec.name, tuple((e, bool(enterprise[e])) for e in chosen[i]),
                                tuple(reserve)))
    return DrawResult(seed, tuple(result))


class _Problem:
    """One draw's panels, seeded orders and quotas. The indexes only the feasibility oracle needs are built on
    first use, so the common greedy path pays nothing for them."""

    def __init__(self, panels: Sequence[PanelSpec], orders: list[list[str]], enterprise: Mapping[str, bool],
                 fraction: Fraction, names: Mapping[str, str]):
        self.panels = list(panels)
        self.orders = orders
        self.ent = enterprise
        self.required = [enterprise_required(p.size, fraction) for p in panels]
        self.names = names

    @cached_property
    def sets(self) -> list[set[str]]:
        return [set(order) for order in self.orders]

    def _who(self, experts: Iterable[str]) -> str:
        listed = sorted(experts, key=lambda e: (self.names.get(e, e), e))
        text = "、".join(self.names.get(e, e) for e in listed[:_LISTED])
        return text + ("等" if len(listed) > _LISTED else "")

    def check_each_alone(self) -> None:
        """A panel short of candidates on its own, whatever the other panels take: the plainest message."""
        problems, short = [], []
        for i, spec in enumerate(self.panels):
            ent = [e for e in self.orders[i] if self.ent[e]]
            found = []
            if len(ent) < self.required[i]:
                found.append(f"评审组「{spec.name}」需要{self.required[i]}名企业专家，符合条件的仅{len(ent)}名"
                             + (f"：{self._who(ent)}" if ent else ""))
            if len(self.orders[i]) < spec.size:
                found.append(f"评审组「{spec.name}」需要{spec.size}名专家，符合条件的仅{len(self.orders[i])}名"
                             + (f"：{self._who(self.orders[i])}" if self.orders[i] else ""))
            if found:
                problems += found
                short.append(spec.key)
        if problems:
            raise DrawInfeasible("；".join(problems) + "。", short)

    def fill(self, i: int, taken: set[str]) -> list[str] | None:
        """Panel ``i`` from its seeded order, skipping ``taken``; a general candidate is passed over once the
        remaining seats are all needed for enterprise experts. None when the order runs out."""
        size, need = self.panels[i].size, self.required[i]
        chosen: list[str] = []
        for e in self.orders[i]:
            if len(chosen) == size:
                break
            if e in taken or (not self.ent[e] and size - len(chosen) <= need):
                continue
            chosen.append(e)
            if self.ent[e] and need:
                need -= 1
        return chosen if len(chosen) == size else None

    def greedy(self) -> list[list[str]] | None:
        """The fast path. When it completes it equals the lexicographic answer: every candidate it passes over is
        infeasible for that seat in any completion (already on an earlier panel, or a general expert where only
        enterprise seats remain), and every candidate it takes is feasible, the greedy's own completed draw being
        the witness; so seat by seat it makes exactly the choices the feasibility oracle would make."""
        taken: set[str] = set()
        chosen = []
        for i in range(len(self.panels)):
            members = self.fill(i, taken)
            if members is None:
                return None
            taken.update(members)
            chosen.append(members)
        return chosen

    def lexicographic(self) -> list[list[str]]:
        """Seat by seat, the earliest candidate that leaves the round feasible. A witness assignment of the open
        seats is kept, so most candidates are settled by a swap within it and only the rest need a max-flow."""
        decided: list[list[str]] = [[] for _ in self.panels]
        used: set[str] = set()
        witness = self._witness(0, decided, used)
        if witness is None:
            raise self._joint_shortage()
        for i, spec in enumerate(self.panels):
            need = self.required[i]
            for c in self.orders[i]:
                if len(decided[i]) == spec.size:
                    break
                if c in used or (not self.ent[c] and spec.size - len(decided[i]) <= need):
                    continue
                found = self._with(i, c, witness, decided, used)
                if found is None:
                    continue
                witness = found
                witness.pop(c, None)
                decided[i].append(c)
                used.add(c)
                if self.ent[c] and need:
                    need -= 1
        return decided

    def _with(self, i: int, c: str, witness: dict[str, int], decided: list[list[str]],
              used: set[str]) -> dict[str, int] | None:
        """A witness in which ``c`` sits on panel ``i``, or None when the round cannot be completed so."""
        home = witness.get(c)
        if home == i:
            return witness
        for w in [w for w, j in witness.items() if j == i]:
            if home is None and (self.ent[c] or not self.ent[w]):
                del witness[w]
                return witness
            if home is not None and self.ent[w] == self.ent[c] and w in self.sets[home]:
                witness[w] = home
                return witness
        trial = [list(d) for d in decided]
        trial[i].append(c)
        return self._witness(i, trial, used | {c})

    def _demand(self, start: int, decided: list[list[str]]) -> dict[int, tuple[int, int]] | None:
        """Open seats and enterprise experts still required, per panel from ``start``; None if already impossible."""
        demand = {}
        for j in range(start, len(self.panels)):
            seats = self.panels[j].size - len(decided[j])
            need = max(0, self.required[j] - sum(self.ent[e] for e in decided[j]))
            if need > seats:
                return None
            if seats:
                demand[j] = (seats, need)
        return demand

    def _network(self, demand: dict[int, tuple[int, int]], used: set[str]) -> tuple[nx.DiGraph, dict]:
        """The flow network of the open seats. A panel keeps only its first candidates of each kind: as many
        enterprise experts as there are open seats in the round, and as many others as there are seats not reserved
        for enterprise experts. A valid draw never uses more of either kind, so a member beyond them could be
        swapped for one of them left unused: feasibility is unchanged and the network stays small."""
        seats_open = sum(seats for seats, _ in demand.values())
        limit = {True: seats_open, False: seats_open - sum(need for _, need in demand.values())}
        reach: dict[str, list[int]] = defaultdict(list)
        for j in demand:
            kept = {True: 0, False: 0}
            for e in self.orders[j]:
                kind = bool(self.ent[e])
                if e not in used and kept[kind] < limit[kind]:
                    kept[kind] += 1
                    reach[e].append(j)
                elif kept[True] >= limit[True] and kept[False] >= limit[False]:
                    break
        classes: dict[tuple[tuple[int, ...], bool], list[str]] = defaultdict(list)
        for e, panels in reach.items():
            classes[(tuple(panels), bool(self.ent[e]))].append(e)
        nx, _ = _flow()
        graph = nx.DiGraph()
        graph.add_node("s")
        for (signature, ent), members in classes.items():
            graph.add_edge("s", ("c", signature, ent), capacity=len(members))
            for j in signature:
                graph.add_edge(("c", signature, ent), ("e" if ent else "g", j))
        for j, (seats, need) in demand.items():
            graph.add_edge(("e", j), "t", capacity=need)
            graph.add_edge(("e", j), ("g", j))
            graph.add_edge(("g", j), "t", capacity=seats - need)
        return graph, classes

    def _witness(self, start: int, decided: list[list[str]], used: set[str]) -> dict[str, int] | None:
        """An assignment of every open seat from panel ``start`` on, expert → panel index, or None."""
        demand = self._demand(start, decided)
        if demand is None:
            return None
        if not demand:
            return {}
        graph, classes = self._network(demand, used)
        nx, boykov_kolmogorov = _flow()
        value, flow = nx.maximum_flow(graph, "s", "t", flow_func=boykov_kolmogorov)
        if value < sum(seats for seats, _ in demand.values()):
            return None
        witness = {}
        for (signature, ent), members in classes.items():
            pending = iter(sorted(members))
            for (_, j), amount in flow[("c", signature, ent)].items():
                for _ in range(amount):
                    witness[next(pending)] = j
        return witness

    def _joint_shortage(self) -> DrawInfeasible:
        """Name the panels that together need more than their candidates can give: the sink side of a minimum cut
        is a set of panel needs whose candidates are all on that side too, and there are fewer of them."""
        demand = self._demand(0, [[] for _ in self.panels])
        graph, classes = self._network(demand, set())
        nx, boykov_kolmogorov = _flow()
        _, (_, sink_side) = nx.minimum_cut(graph, "s", "t", flow_func=boykov_kolmogorov)
        short = sorted({node[1] for node in sink_side if node != "t" and node[0] in "eg"})
        whole = [j for j in short if ("g", j) in sink_side]
        supply = {e for (signature, ent), members in classes.items() if ("c", signature, ent) in sink_side
                  for e in members}
        parts = [f"「{self.panels[j].name}」（需{demand[j][0]}名专家）" if j in whole
                 else f"「{self.panels[j].name}」（需{demand[j][1]}名企业专家）" for j in short]
        total = sum(demand[j][0] if j in whole else demand[j][1] for j in short)
        kind = "专家" if whole else "企业专家"
        return DrawInfeasible(
            f"评审组{'、'.join(parts)}合计需要{total}名{kind}，而符合其中任一组条件的{kind}仅{len(supply)}名："
            f"{self._who(supply)}。每位专家本轮只能参加一个评审组，这些评审组无法同时组成。",
            [self.panels[j].key for j in short])
