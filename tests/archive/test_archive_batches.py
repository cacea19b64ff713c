"""A supplementary draw (batch 2 of the round's draw, docs/draw.md section 7) in the archive: verify draws it again
from the archived batch record and pool, as it does the first batch, and names a batch whose picks differ."""

import zipfile

import pytest

from desktop.services import calls, draws, replacements, signing
from desktop.services.archive import container
from desktop.services.archive.replay import json_pool, replay
from desktop.services.archive.verify import verify_archive
from tests.archive.conftest import PASSWORD, export, pool_rows
from tests.conftest import signed


@pytest.fixture
def supplemented(demo_workspace, monkeypatch, tmp_path):
    """The demo drawn with a fixed secret, one seat's holder and every reserve declining, the seat refilled by a
    witnessed batch 2, and the round exported: (archive, fingerprint, the batch's pick)."""
    root = demo_workspace
    monkeypatch.setattr(draws.secrets, "token_bytes", lambda n: bytes(range(n)))
    draws.draw_round(root, signed(root, "王秘书"), 1, witness=signed(root, "李监督"), witness_digits="20261215")
    panel = draws.latest_draw(root, signed(root), 1).panels[0]["name"]

    def holder(seat: int):  # the seat's current holder: the last invitation to it (tests/test_calls.py current)
        return [row for row in calls.list_calls(root, signed(root), 1, panel) if row.seat == seat][-1]
    seat = next(row.seat for row in calls.list_calls(root, signed(root), 1, panel) if not row.enterprise)
    while calls.record_call(root, signed(root), 1, holder(seat).expert, "declined",
                            reason="时间冲突")["replacement"] is not None:
        pass
    replacements.commit_supplementary(root, signed(root, "王秘书"), 1, panel)
    made = replacements.draw_supplementary(root, signed(root, "王秘书"), 1, panel, witness=signed(root, "李监督"),
                                           witness_digits="654321")
    identity, _ = signing.create_identity(root, signed(root), "省科学技术厅评审办公室")
    archive = tmp_path / "round-1.zip"
    export(root, archive)
    return archive, identity.fingerprint, made.picked[0]["expert"]


def test_a_supplementary_batch_is_drawn_again_from_the_archive(supplemented):
    archive, fingerprint, _ = supplemented
    result = verify_archive(archive, PASSWORD, fingerprint=fingerprint)
    assert result["intact"] and result["trusted"] and result["draw_replayed"], result["problems"]
    assert result["draw"]["batches"] == 1


def test_a_batch_whose_pick_or_record_differs_from_its_replay_is_named(supplemented):
    archive, _, _ = supplemented
    with zipfile.ZipFile(archive) as zf:
        opened = container.Opened(zf, PASSWORD)
        round_data, schema = opened.json("data/round.json"), opened.json("data/pool/schema.json")
        rows = {t: pool_rows(b"".join(opened.read(f"data/pool/{t}.rows"))) for t in schema}
        executed = {t: list(opened.lines(f"data/execution/{t}.jsonl")) for t in ("draw_batch", "invitation")}
    assert replay(round_data, json_pool(schema, rows.__getitem__), executed.__getitem__)["replayed"]
    [batch] = executed["draw_batch"]
    batch["enterprise_needed"] += 3  # the batch's record changed: its picks no longer follow from it
    changed = replay(round_data, json_pool(schema, rows.__getitem__), executed.__getitem__)
    assert not changed["replayed"] and any("第2批补抽" in p and "抽中的专家" in p for p in changed["problems"])
    batch["enterprise_needed"] -= 3
    batch["witness_digits"] = "111111"
    reseeded = replay(round_data, json_pool(schema, rows.__getitem__), executed.__getitem__)
    assert any("第2批补抽" in p and "随机种子" in p for p in reseeded["problems"])
