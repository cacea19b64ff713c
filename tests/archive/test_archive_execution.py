"""The round's execution in its archive: invitations, calls with their recordings, signed commitments with their
scans, scores and approvals — written here in one change over the draw's own invitations (blobs through the
workspace) — exported as JSON Lines with every attachment streamed in, and checked by verify."""

import json
import zipfile

import pytest
from sqlmodel import select

from desktop.services.archive import container
from desktop.services.archive.sections import execution
from desktop.services.archive.verify import verify_archive
from desktop.services.uow import change
from desktop.store.execution_tables import Attachment, Call, ExpertCommitment, Invitation, ResultApproval
from desktop.store.round_tables import Draw, DrawMember
from desktop.store.workspace import open_workspace
from tests.archive.conftest import PASSWORD, drawn_round, export
from tests.conftest import signed

AT = "2026-05-01T09:00:00+08:00"


def _executed(root) -> dict[str, bytes]:
    """Two invitations of the drawn round, a call with its recording, a commitment with its scan, a result version;
    and a recording of another round's that must stay out. The blobs' contents by name."""
    workspace = open_workspace(root)
    contents = {"recording": b"RIFF" + bytes(range(256)) * 700, "scan": b"%PDF-1.7 signed commitment",
                "unrelated": b"someone else's call"}
    names = {kind: workspace.write_blob([data]) for kind, data in contents.items()}
    with change(root, signed(root, "王秘书"), "import", "round:1") as unit:
        session = unit.session
        draw = session.exec(select(Draw).where(Draw.round_id == 1, Draw.superseded == False)).one()  # noqa: E712
        seats = session.exec(select(DrawMember).where(DrawMember.draw_id == draw.id,
                                                      DrawMember.reserve == False).limit(2)).all()  # noqa: E712
        for kind in names:
            session.add(Attachment(sha256=names[kind], kind="recording" if kind != "scan" else "scan",
                                   media_type="audio/wav" if kind != "scan" else "application/pdf",
                                   size=len(contents[kind]), added_by="王秘书", added_at=AT))
        invitations = [session.exec(select(Invitation).where(Invitation.draw_id == draw.id,
                                                             Invitation.person_id == m.person_id)).one()
                       for m in seats]  # the draw invited its members
        for invitation in invitations:
            invitation.status = "accepted"
        session.add(Call(round_id=1, invitation_id=invitations[0].id, at=AT, operator="王秘书", outcome="accepted",
                         recording=names["recording"]))
        session.add(ExpertCommitment(round_id=1, person_id=seats[0].person_id, kind="scan", attachment=names["scan"],
                                     recorded_by="王秘书", recorded_at=AT))
        session.add(ResultApproval(round_id=1, version=1, results="{}", results_hash="0" * 64, proposed_by="王秘书",
                                   proposed_at=AT))
    return {names[kind]: data for kind, data in contents.items()}


@pytest.fixture
def executed_archive(demo_workspace, tmp_path):
    fingerprint = drawn_round(demo_workspace)
    blobs = _executed(demo_workspace)
    archive = tmp_path / "round-1.zip"
    export(demo_workspace, archive)
    return archive, fingerprint, blobs


def _contents(archive) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        opened = container.Opened(zf, PASSWORD)
        return {path: b"".join(opened.read(path)) for path in opened.by_path}


def test_the_round_s_execution_and_its_attachments_are_archived_and_verify(executed_archive):
    archive, fingerprint, blobs = executed_archive
    result = verify_archive(archive, PASSWORD, fingerprint=fingerprint)
    assert (result["intact"], result["trusted"], result["draw_replayed"]) == (True, True, True), result["problems"]
    contents = _contents(archive)
    recording, scan, unrelated = list(blobs)
    assert contents[f"attachments/{recording}"] == blobs[recording]  # streamed whole, decrypted as read
    assert contents[f"attachments/{scan}"] == blobs[scan]
    assert f"attachments/{unrelated}" not in contents  # another round's recording stays out
    calls = [json.loads(line) for line in contents["data/execution/call.jsonl"].splitlines()]
    assert [(c["outcome"], c["recording"]) for c in calls] == [("accepted", recording)]
    invited = [json.loads(line) for line in contents["data/execution/invitation.jsonl"].splitlines()]
    assert len(invited) == len({(i["panel_id"], i["seat"]) for i in invited})  # one per drawn seat
    assert sum(i["status"] == "accepted" for i in invited) == 2
    assert {json.loads(line)["sha256"] for line in contents["data/execution/attachment.jsonl"].splitlines()} == {
        recording, scan}
    assert json.loads(contents["data/execution/result_approval.jsonl"])["version"] == 1


def test_a_byte_changed_in_a_recording_is_named(executed_archive, tmp_path):
    archive, fingerprint, blobs = executed_archive
    from tests.archive.test_archive_verify import _flip, manifest_of
    recording = next(m for m in manifest_of(archive)["members"] if m["path"] == f"attachments/{list(blobs)[0]}")
    result = verify_archive(_flip(archive, recording["member"], tmp_path / "changed.zip"), PASSWORD,
                            fingerprint=fingerprint)
    assert not result["intact"]
    assert any(recording["path"] in p and "已损坏或被改动" in p for p in result["problems"]), result["problems"]


def test_attachments_must_hash_to_their_names_and_be_referenced():
    """The checks on a manifest a signer could have got wrong (verify's side, without an archive)."""
    sha, other, stray = "a" * 64, "b" * 64, "c" * 64
    rows = {t: [] for t in execution.TABLES}
    rows["call"] = [{"recording": sha}, {"recording": other}]
    rows["attachment"] = [{"sha256": sha}]
    listed = {execution.rows_path(t): {"sha256": "0" * 64} for t in execution.TABLES}
    listed |= {f"attachments/{sha}": {"sha256": "d" * 64}, f"attachments/{stray}": {"sha256": stray}}
    found = execution.problems(listed, set(listed), rows.__getitem__)
    assert f"附件 attachments/{sha} 的内容的 SHA-256 是 {'d' * 64}，不是它的名称" in found
    assert f"附件 {other} 被本轮的记录引用，但不在归档中" in found
    assert f"附件 {stray} 在归档中，但本轮没有记录引用它" in found
    assert f"附件 {stray} 没有附件记录（attachment）" in found
    assert execution.problems(listed, set(listed) - {"data/execution/call.jsonl"}, rows.__getitem__) == [
        "无法核对附件：缺少或损坏 data/execution/call.jsonl"]
