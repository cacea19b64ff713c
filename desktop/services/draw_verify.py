"""Anyone can recompute a draw (FAIR_DRAW): verify a recorded draw against the current pool, or replay one with a
given secret and digits (an auditor on a copy). A replay is recorded as a replay in the audit log, never as a draw:
it does not become the round's current draw."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from desktop.domain import draw_checks
from desktop.domain.draw_random import commitment_of, seed_of
from desktop.services import audit, replacements
from desktop.services.accounts import Operator, require
from desktop.services.draw_inputs import read_inputs
from desktop.services.draws import record_of, record_panels
from desktop.services.rounds import get_round
from desktop.services.uow import change, reading
from desktop.store import digests
from desktop.store.execution_tables import DrawBatch
from desktop.store.round_tables import Draw
from desktop.store.snapshot import POOL_TABLES
from desktop.store.workspace import Workspace

Place = Path | Workspace


def _members(panels: list[dict]) -> dict[str, tuple[list[str], list[str]]]:
    return {p["name"]: ([m["expert"] for m in p["members"]], list(p["reserve"])) for p in panels}


def _computed(inputs, result) -> list[dict]:
    rows = [(p.name, spec.size, e, inputs.names.get(e, e), reserve, inputs.enterprise[e], inputs.basis[e])
            for p, spec in zip(result.panels, inputs.panels)
            for reserve, experts in ((False, [e for e, _ in p.members]), (True, p.reserve)) for e in experts]
    return record_panels(rows, inputs.settings.enterprise_fraction)


def _changed_outside(session) -> list[str]:
    """The pool hash is read from the digests PanelDesk keeps of the pool tables; rows changed without PanelDesk
    leave those digests behind, so every row is hashed again here and compared with them."""
    found = audit.compare(digests.stored(session, POOL_TABLES), digests.compute(session, POOL_TABLES))
    return [f"专家库在 PanelDesk 之外被改动，抽取时的专家库哈希不能证明其内容：{p['message']}" for p in found]


def seed_problems(record) -> list[str]:
    """What does not hold between the record's commitment, revealed secret, witness digits and seed."""
    if not record.secret:
        return ["本次抽取使用输入或生成的随机种子（承诺—揭示之前的版本），无法证明无人能操纵结果"]
    problems = []
    secret = bytes.fromhex(record.secret)
    if commitment_of(record.pool_hash, secret) != record.commitment:
        problems.append("公布的承诺值与揭示的密钥不符：承诺在揭示前被改动过")
    if seed_of(record.pool_hash, secret, record.witness_digits) != record.seed:
        problems.append("记录的随机种子不是由专家库哈希、密钥和见证人随机数算出的")
    return problems


def panel_problems(recorded_panels: list[dict], inputs, seed: str) -> list[str]:
    """Each panel whose members or reserve order differ from those ``inputs`` give with ``seed``."""
    recorded = _members(recorded_panels)
    computed = _members(_computed(inputs, inputs.draw(seed)))
    problems = []
    for name in list(recorded) + [n for n in computed if n not in recorded]:
        if recorded.get(name) != computed.get(name):
            got, want = recorded.get(name, ([], [])), computed.get(name, ([], []))
            which = "评审专家" if got[0] != want[0] else "备选顺序"
            problems.append(f"评审组「{name}」的{which}与按记录重新计算的结果不同")
    return problems


def verify_draw(place: Place, op: Operator, round_id: int) -> dict:
    """Recompute the round's current draw from its record and the current pool: {"matches", "problems", …}."""
    require(op, "draw.verify", place)
    with reading(place) as session:
        get_round(session, round_id)
        draw = session.exec(select(Draw).where(Draw.round_id == round_id, Draw.superseded.is_(False))).first()
        if draw is None:
            return {"round": round_id, "draw": None, "matches": False, "problems": ["本轮尚未抽取"]}
        record = record_of(session, draw)
        problems = seed_problems(record)
        inputs = read_inputs(session, round_id)
        problems += _changed_outside(session)
        problems += replacements.verify_reserves(session, draw, inputs)
        problems += replacements.verify_batches(session, draw, inputs)
        batches = len(session.exec(select(DrawBatch.id).where(DrawBatch.draw_id == draw.id,
                                                              DrawBatch.state == "drawn")).all())
    if inputs.pool_hash != record.pool_hash:
        problems.append(f"专家库或本轮规则与抽取时不同：抽取时哈希 {record.pool_hash[:16]}…，现在 {inputs.pool_hash[:16]}…")
    problems += panel_problems(record.panels, inputs, record.seed)
    return {"round": round_id, "draw": record.id, "matches": not problems, "problems": problems,
            "seed": record.seed, "pool_hash": record.pool_hash, "commitment": record.commitment,
            "batches": batches}


def replay_draw(place: Place, actor: Operator, round_id: int, *, secret: str, witness: str, witness_digits: str) -> dict:
    """The draw the pool gives with this secret and these digits, recorded as a replay in the audit log."""
    require(actor, "draw.replay", place)
    key = draw_checks.parse_secret(secret)
    digits = draw_checks.witness_digits(witness_digits)
    with change(place, actor, "round.draw.replay", f"round:{round_id}", round_unchanged=True) as unit:
        inputs = read_inputs(unit.session, round_id)
        seed = seed_of(inputs.pool_hash, key, digits)
        panels = _computed(inputs, inputs.draw(seed))
        same = unit.session.exec(select(Draw.id).where(Draw.round_id == round_id, Draw.seed == seed)).first()
        replay = {"replay": True, "round": round_id, "commitment": commitment_of(inputs.pool_hash, key),
                  "secret": key.hex(), "witness": draw_checks.canonical_name(witness), "witness_digits": digits,
                  "seed": seed, "pool_hash": inputs.pool_hash, "recorded_draw": same, "panels": panels}
        unit.after = {k: v for k, v in replay.items() if k != "panels"} | {
            "panels": {p["name"]: [m["expert"] for m in p["members"]] for p in panels}}
        return replay
