"""Can the rest of a round still be drawn? The oracle the draw asks before it keeps a panel (one panel per expert).

A witness is one valid assignment of every open seat (expert → panel). A proposed panel keeps the round feasible when
the witness can be repaired around it (a member the witness had on a later panel is swapped for a free candidate of
that panel, of the kind the panel still needs); only when no swap is found is the exact answer computed, as a
max-flow (networkx, Boykov–Kolmogorov): source → expert (capacity 1) → the panel's enterprise node (enterprise
experts) or general node (the others); enterprise node → sink with capacity the enterprise experts still required,
enterprise node → general node, general node → sink with the remaining seats. Experts with the same eligible panels
and the same flag are interchangeable, so they share one node. A repair that fails never rejects a panel by itself:
the max-flow decides, so the oracle is exact.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from desktop.domain.errors import UserError

_LISTED = 20


def _flow():
    """networkx and its Boykov–Kolmogorov solver, loaded at the first max-flow rather than with this module:
    networkx takes about 0.3 s to import, and the window loads the draw only to show past draws."""
    import networkx
    from networkx.algorithms.flow import boykov_kolmogorov
    return networkx, boykov_kolmogorov


class DrawInfeasible(UserError):
    """No valid draw exists (too few eligible experts, or too few enterprise experts for ENTERPRISE_THIRD);
    ``panels`` are the keys of the panels that cannot be filled."""

    def __init__(self, message: str, panels: Sequence[str]):
        super().__init__(message)
        self.panels = tuple(panels)


class Feasibility:
    """The panels of one draw: their candidates (canonical order), sizes, enterprise flags and quotas."""

    def __init__(self, names: Sequence[str], keys: Sequence[str], sizes: Sequence[int], required: Sequence[int],
                 candidates: Sequence[Sequence[str]], enterprise: Mapping[str, bool], who: Mapping[str, str]):
        self.names, self.keys, self.sizes, self.required = list(names), list(keys), list(sizes), list(required)
        self.candidates = [list(c) for c in candidates]
        self.ent = enterprise
        self.who = who

    def listed(self, experts: Iterable[str]) -> str:
        ordered = sorted(experts, key=lambda e: (self.who.get(e, e), e))
        text = "、".join(self.who.get(e, e) for e in ordered[:_LISTED])
        return text + ("等" if len(ordered) > _LISTED else "")

    def check_each_alone(self) -> None:
        """A panel short of candidates on its own, whatever the other panels take: the plainest message."""
        problems, short = [], []
        for i, name in enumerate(self.names):
            candidates = self.candidates[i]
            ent = [e for e in candidates if self.ent[e]]
            found = []
            if len(ent) < self.required[i]:
                found.append(f"评审组「{name}」需要{self.required[i]}名企业专家，符合条件的仅{len(ent)}名"
                             + (f"：{self.listed(ent)}" if ent else ""))
            if len(candidates) < self.sizes[i]:
                found.append(f"评审组「{name}」需要{self.sizes[i]}名专家，符合条件的仅{len(candidates)}名"
                             + (f"：{self.listed(candidates)}" if candidates else ""))
            if found:
                problems += found
                short.append(self.keys[i])
        if problems:
            raise DrawInfeasible("；".join(problems) + "。", short)

    # --- witnesses --------------------------------------------------------------------------------------------

    def greedy(self, start: int, used: set[str]) -> list[set[str]] | None:
        """A witness found without a max-flow when candidates are plentiful: each panel takes its first free
        enterprise candidates for its quota, then its first free others. None when that runs short."""
        taken = set(used)
        seats: list[set[str]] = [set() for _ in self.names]
        for j in range(start, len(self.names)):
            free = [e for e in self.candidates[j] if e not in taken]
            ent = [e for e in free if self.ent[e]][:self.required[j]]
            rest = [e for e in free if e not in set(ent)]
            chosen = ent + rest[:self.sizes[j] - len(ent)]
            if len(ent) < self.required[j] or len(chosen) < self.sizes[j]:
                return None
            seats[j] = set(chosen)
            taken.update(chosen)
        return seats

    def witness(self, start: int, used: set[str]) -> list[set[str]] | None:
        """Some valid assignment of every seat of the panels from ``start`` on, avoiding ``used``; None if none."""
        found = self.greedy(start, used)
        return found if found is not None else self._by_flow(start, used)

    def keeps_feasible(self, i: int, members: Sequence[str], witness: list[set[str]],
                       used: set[str]) -> list[set[str]] | None:
        """The witness for the panels after ``i`` once panel ``i`` takes ``members`` (``used``: the earlier panels'
        members), or None when they can no longer all be drawn."""
        repaired = [set(s) for s in witness]
        repaired[i] = set(members)
        taken = set(used) | set(members)
        for j in range(i + 1, len(self.names)):
            taken |= repaired[j]
        for m in members:
            for j in range(i + 1, len(self.names)):
                if m in repaired[j]:
                    if not self._swap(j, m, repaired[j], taken):
                        return self._with_flow(i, members, used)
                    break
        return repaired

    def _swap(self, j: int, out: str, seats: set[str], taken: set[str]) -> bool:
        """Replace ``out`` on panel ``j`` with a free candidate, keeping the panel's quota."""
        seats.discard(out)
        enough = sum(self.ent[e] for e in seats) >= self.required[j]
        for e in self.candidates[j]:
            if e not in taken and (enough or self.ent[e]):
                seats.add(e)
                taken.add(e)
                return True
        return False

    def _with_flow(self, i: int, members: Sequence[str], used: set[str]) -> list[set[str]] | None:
        later = self._by_flow(i + 1, set(used) | set(members))
        if later is None:
            return None
        later[i] = set(members)
        return later

    def _network(self, start: int, used: set[str]) -> tuple[Any, dict]:
        """The flow network of panels ``start``… . A panel keeps only its first free candidates of each kind: as many
        enterprise experts as there are seats in those panels, and as many others as there are seats not reserved
        for enterprise experts. A valid draw never uses more of either kind, so a member beyond them could be
        swapped for one of them left unused: feasibility is unchanged and the network stays small."""
        panels = range(start, len(self.names))
        seats_open = sum(self.sizes[j] for j in panels)
        limit = {True: seats_open, False: seats_open - sum(self.required[j] for j in panels)}
        reach: dict[str, list[int]] = defaultdict(list)
        for j in panels:
            kept = {True: 0, False: 0}
            for e in self.candidates[j]:
                kind = bool(self.ent[e])
                if e not in used and kept[kind] < limit[kind]:
                    kept[kind] += 1
                    reach[e].append(j)
                elif kept[True] >= limit[True] and kept[False] >= limit[False]:
                    break
        classes: dict[tuple[tuple[int, ...], bool], list[str]] = defaultdict(list)
        for e, signature in reach.items():
            classes[(tuple(signature), bool(self.ent[e]))].append(e)
        nx, _ = _flow()
        graph = nx.DiGraph()
        graph.add_node("s")
        graph.add_node("t")
        for (signature, ent), members in classes.items():
            graph.add_edge("s", ("c", signature, ent), capacity=len(members))
            for j in signature:
                graph.add_edge(("c", signature, ent), ("e" if ent else "g", j))
        for j in panels:
            graph.add_edge(("e", j), "t", capacity=self.required[j])
            graph.add_edge(("e", j), ("g", j))
            graph.add_edge(("g", j), "t", capacity=self.sizes[j] - self.required[j])
        return graph, classes

    def _by_flow(self, start: int, used: set[str]) -> list[set[str]] | None:
        seats: list[set[str]] = [set() for _ in self.names]
        if start >= len(self.names):
            return seats
        graph, classes = self._network(start, used)
        nx, boykov_kolmogorov = _flow()
        value, flow = nx.maximum_flow(graph, "s", "t", flow_func=boykov_kolmogorov)
        if value < sum(self.sizes[start:]):
            return None
        for (signature, ent), members in classes.items():
            pending = iter(sorted(members))
            for (_, j), amount in flow[("c", signature, ent)].items():
                for _ in range(amount):
                    seats[j].add(next(pending))
        return seats

    def joint_shortage(self) -> DrawInfeasible:
        """Name the panels that together need more than their candidates can give: the sink side of a minimum cut
        is a set of panel needs whose candidates are all on that side too, and there are fewer of them."""
        graph, classes = self._network(0, set())
        nx, boykov_kolmogorov = _flow()
        _, (_, sink_side) = nx.minimum_cut(graph, "s", "t", flow_func=boykov_kolmogorov)
        short = sorted({node[1] for node in sink_side if node != "t" and node[0] in "eg"})
        whole = [j for j in short if ("g", j) in sink_side]
        supply = {e for (signature, ent), members in classes.items() if ("c", signature, ent) in sink_side
                  for e in members}
        parts = [f"「{self.names[j]}」（需{self.sizes[j]}名专家）" if j in whole
                 else f"「{self.names[j]}」（需{self.required[j]}名企业专家）" for j in short]
        total = sum(self.sizes[j] if j in whole else self.required[j] for j in short)
        kind = "专家" if whole else "企业专家"
        return DrawInfeasible(
            f"评审组{'、'.join(parts)}合计需要{total}名{kind}，而符合其中任一组条件的{kind}仅{len(supply)}名："
            f"{self.listed(supply)}。每位专家本轮只能参加一个评审组，这些评审组无法同时组成。",
            [self.keys[j] for j in short])
