"""A golden draw: a small committed pool, its commitment inputs and the panels they must give, so no later version
silently changes a draw (every recorded draw would stop verifying). docs/draw.md describes how they are computed."""

import json
from pathlib import Path

from desktop.domain.draw import PanelSpec, draw_panels
from desktop.domain.draw_random import commitment_of, seed_of
from desktop.domain.methods import RoundSettings

GOLDEN = json.loads((Path(__file__).parents[1] / "fixtures" / "golden_draw.json").read_text(encoding="utf-8"))


def test_the_golden_inputs_give_the_recorded_commitment_seed_and_panels():
    secret = bytes.fromhex(GOLDEN["secret"])
    assert commitment_of(GOLDEN["pool_hash"], secret) == GOLDEN["commitment"]
    seed = seed_of(GOLDEN["pool_hash"], secret, GOLDEN["witness_digits"])
    assert seed == GOLDEN["seed"]
    specs = [PanelSpec(p["key"], p["key"], p["size"]) for p in GOLDEN["panels"]]
    result = draw_panels(specs, GOLDEN["eligible"], GOLDEN["enterprise"],
                         RoundSettings(reserve_size=GOLDEN["reserve_size"]), seed)
    assert {p.key: {"members": [e for e, _ in p.members], "reserve": list(p.reserve)} for p in result.panels} == \
        GOLDEN["expected"]
