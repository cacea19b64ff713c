"""Panel confirmation, commitments, attendance and the call list on a real drawn demo, through the services and the
command line with the shapes scripts rely on."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader, PdfWriter

from desktop.domain.calls import CallRefused
from desktop.domain.confirmation import NotReady
from desktop.domain.errors import RuleError, UserError
from desktop.services import call_list, calls, catalogue, commitments, confirmation, draw_verify, rounds, scores
from desktop.services.scores import ScoreInput
from desktop.services.audit import entries as audit_entries
from desktop.domain.commitments import ScanRefused
from tests.conftest import signed
from tests.recordings import recording
from tests.test_calls import current, demo, drawn, reserve_of  # noqa: F401 - demo: drawn with a fixed program secret


def cli(root, *args):
    return subprocess.run([sys.executable, "-m", "desktop.cli", "--workspace", str(root), "--operator", "王秘书",
                           *args], capture_output=True, text=True)


def logged(ws, action: str) -> dict:
    """What the newest audit entry of ``action`` says was done."""
    entry = next(e for e in audit_entries(ws.session()) if e.action == action)
    return json.loads(entry.after)


def accept_all(ws):
    for row in calls.list_calls(ws, signed(ws), 1):
        if row.status == "pending":
            calls.record_call(ws, signed(ws), 1, row.expert, "accepted")


def panels(ws) -> list[str]:
    return [p["name"] for p in rounds.show_round(ws, signed(ws), 1).panels]


def test_a_panel_is_confirmed_when_every_seat_accepted_and_the_round_with_its_last_panel(demo):
    first = panels(demo)[0]
    with pytest.raises(NotReady, match="待确认"):
        confirmation.confirm_panel(demo, signed(demo), 1, first)
    accept_all(demo)
    for name in panels(demo):
        done = confirmation.confirm_panel(demo, signed(demo), 1, name)
        assert done["quota_ok"] and len(done["members"]) == rounds.show_round(demo, signed(demo), 1).panels[0]["size"]
    assert rounds.show_round(demo, signed(demo), 1).state == "confirmed"
    with pytest.raises(UserError, match="已确认"):
        calls.record_call(demo, signed(demo), 1, current(demo, first)[0].expert, "declined", reason="时间冲突")


def test_a_panel_below_quota_is_refused_and_then_confirmed_with_a_supervisors_reason(demo):
    accept_all(demo)
    name = panels(demo)[0]
    members = current(demo, name)
    enterprise_orgs = {m.organisation for m in members if m.enterprise}
    for org in catalogue.listing(demo, signed(demo), "organisations"):  # found since the draw not to be enterprises
        if org["name"] in enterprise_orgs:
            catalogue.edit_organisation(demo, signed(demo), org["credit_code"], kind="高校")
    with pytest.raises(RuleError) as refused:
        confirmation.confirm_panel(demo, signed(demo), 1, name)
    assert refused.value.code == "ENTERPRISE_THIRD" and "监督员" in str(refused.value)
    with pytest.raises(RuleError) as same:  # the operator cannot approve their own override
        confirmation.confirm_panel(demo, signed(demo, "王秘书"), 1, name, override_reason="本领域企业专家不足",
                                   supervisor=signed(demo, "王秘书"))
    assert same.value.code == "SEPARATION"
    done = confirmation.confirm_panel(demo, signed(demo, "王秘书"), 1, name, override_reason="本领域企业专家不足",
                                      supervisor=signed(demo, "李监督"))
    assert not done["quota_ok"] and done["override_by"] == "李监督"
    assert done["enterprise_count"] < done["enterprise_required"]
    entry = logged(demo, "panel.confirm")
    assert entry["override_reason"] == "本领域企业专家不足" and entry["override_by"] == "李监督"


def _confirmed(ws):
    accept_all(ws)
    for name in panels(ws):
        confirmation.confirm_panel(ws, signed(ws), 1, name)
    return [m for name in panels(ws) for m in current(ws, name)]


def test_a_confirmed_member_who_withdraws_is_replaced_and_the_panel_and_round_confirmed_again(demo):
    members = _confirmed(demo)
    name = members[0].panel
    general = next(m for m in members if m.panel == name and not m.enterprise)
    commitments.record_commitment(demo, signed(demo), 1, general.expert, on_site_by=signed(demo, "李监督"))
    assert rounds.show_round(demo, signed(demo), 1).state == "confirmed"
    entries = len(audit_entries(demo.session()))
    done = calls.record_withdrawal(demo, signed(demo), 1, general.expert, reason="身体原因：住院")
    assert len(audit_entries(demo.session())) == entries + 1 and logged(demo, "call.withdraw")["round_state"] == "drawn"
    assert done["call"]["outcome"] == "declined" and done["call"]["reason_kind"] == "身体原因"
    assert done["replacement"] == reserve_of(demo, name)[0][0] and done["commitment_withdrawn"]
    assert rounds.show_round(demo, signed(demo), 1).state == "drawn"
    states = {p["panel"]: p["confirmation"] for p in confirmation.confirmations(demo, signed(demo), 1)}
    assert states[name] is None and all(states[p] is not None for p in states if p != name)
    assert general.expert not in {r["expert"] for r in commitments.commitments_status(demo, signed(demo), 1)}
    with pytest.raises(NotReady, match="待确认"):
        confirmation.confirm_panel(demo, signed(demo), 1, name)
    calls.record_call(demo, signed(demo), 1, done["replacement"], "accepted")
    again = confirmation.confirm_panel(demo, signed(demo), 1, name)
    assert done["replacement"] in {m["expert"] for m in again["members"]}
    assert general.expert not in {m["expert"] for m in again["members"]}
    assert rounds.show_round(demo, signed(demo), 1).state == "confirmed"
    assert [p for p in draw_verify.verify_draw(demo, signed(demo), 1)["problems"] if "让出" in p] == []
    with pytest.raises(CallRefused, match="已递补"):
        calls.record_withdrawal(demo, signed(demo), 1, general.expert, reason="时间冲突")


def test_a_withdrawal_needs_a_confirmed_member_before_scoring(demo):
    pending = calls.list_calls(demo, signed(demo), 1)[0]
    with pytest.raises(CallRefused, match="已确认评审组"):
        calls.record_withdrawal(demo, signed(demo), 1, pending.expert, reason="时间冲突")
    members = _confirmed(demo)
    with pytest.raises(CallRefused, match="理由"):
        calls.record_withdrawal(demo, signed(demo), 1, members[0].expert, reason="")
    commitments.record_attendance(demo, signed(demo), 1, members[1].expert, "present")
    with pytest.raises(CallRefused, match="出席"):
        calls.record_withdrawal(demo, signed(demo), 1, members[1].expert, reason="时间冲突")
    commitments.record_commitment(demo, signed(demo), 1, members[1].expert, on_site_by=signed(demo, "李监督"))
    first = rounds.show_round(demo, signed(demo), 1).panels[0]["applications"][0]
    scores.enter_scores(demo, signed(demo), 1, [ScoreInput(members[1].expert, first, "25,20,15,20")])
    with pytest.raises(UserError, match="评分开始后"):
        calls.record_withdrawal(demo, signed(demo), 1, members[0].expert, reason="时间冲突")


def test_commitments_are_kept_as_checked_scans_or_confirmed_on_site(demo, tmp_path):
    members = _confirmed(demo)
    pdf = tmp_path / "承诺书.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(pdf)
    done = commitments.record_commitment(demo, signed(demo), 1, members[0].expert, scan=pdf)
    assert done["kind"] == "scan" and (demo.blobs / done["scan"]["sha256"]).is_file()
    photo = tmp_path / "承诺书.jpg"
    Image.new("RGB", (200, 280), "white").save(photo, "JPEG")
    assert commitments.record_commitment(demo, signed(demo), 1, members[1].expert, scan=photo)["scan"][
        "media_type"] == "image/jpeg"
    fake = tmp_path / "承诺书.png"
    fake.write_bytes(photo.read_bytes())
    with pytest.raises(ScanRefused, match="扩展名与内容不符"):
        commitments.record_commitment(demo, signed(demo), 1, members[2].expert, scan=fake)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(photo.read_bytes()[:40])
    with pytest.raises(ScanRefused, match="损坏"):
        commitments.record_commitment(demo, signed(demo), 1, members[2].expert, scan=cut)
    with pytest.raises(RuleError):  # signed on site: confirmed by a supervisor, not by the operator
        commitments.record_commitment(demo, signed(demo, "王秘书"), 1, members[2].expert,
                                      on_site_by=signed(demo, "王秘书"))
    on_site = commitments.record_commitment(demo, signed(demo), 1, members[2].expert, on_site_by=signed(demo, "李监督"))
    assert on_site["kind"] == "on_site" and on_site["confirmed_by"] == "李监督"
    with pytest.raises(UserError, match="已记录"):
        commitments.record_commitment(demo, signed(demo), 1, members[2].expert, on_site_by=signed(demo, "李监督"))
    status = {r["expert"]: r for r in commitments.commitments_status(demo, signed(demo), 1)}
    assert [status[m.expert]["commitment"] is not None for m in members[:4]] == [True, True, True, False]


def test_commitments_and_attendance_only_for_confirmed_members(demo):
    member = calls.list_calls(demo, signed(demo), 1)[0]
    with pytest.raises(UserError, match="已确认评审组"):
        commitments.record_attendance(demo, signed(demo), 1, member.expert, "present")


def test_attendance_rechecks_the_quota_on_the_panel_as_it_sat(demo):
    members = _confirmed(demo)
    name = members[0].panel
    sat = [m for m in members if m.panel == name]
    for m in sat:
        done = commitments.record_attendance(demo, signed(demo), 1, m.expert, "present")
    assert done["as_sat"]["quota_ok"] and not done["as_sat"]["flagged"]
    for m in [m for m in sat if m.enterprise]:
        done = commitments.record_attendance(demo, signed(demo), 1, m.expert, "absent", "临时出差")
    assert done["as_sat"]["flagged"] and done["as_sat"]["enterprise_count"] == 0
    assert "ENTERPRISE_THIRD" in done["as_sat"]["message"]


def test_the_call_list_is_printed_marked_and_exported_escaped_both_audited(demo, tmp_path):
    first = current(demo, panels(demo)[0])[0]
    org = next(o for o in catalogue.listing(demo, signed(demo), "organisations") if o["name"] == first.organisation)
    catalogue.edit_organisation(demo, signed(demo), org["credit_code"], name="=HYPERLINK(\"http://x\",\"单位\")")
    printed = call_list.print_call_list(demo, signed(demo), 1, tmp_path / "名单.pdf")
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "名单.pdf").pages)
    assert "机密" in text and "王秘书" in text and first.name in text
    exported = call_list.export_call_list(demo, signed(demo), 1, tmp_path / "名单.xlsx")
    sheet = load_workbook(tmp_path / "名单.xlsx").active
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert cells[0].startswith("机密") and "'=HYPERLINK(\"http://x\",\"单位\")" in cells
    assert not any(isinstance(c, str) and c.startswith("=") for c in cells)
    assert logged(demo, "calls.print")["sha256"] == printed["sha256"]
    assert logged(demo, "calls.export")["rows"] == exported["rows"]


def test_the_command_line_calls_confirms_and_records_in_the_documented_shapes(demo_workspace, tmp_path):
    ws = drawn(demo_workspace)
    rows = json.loads(cli(demo_workspace, "calls", "--round", "1", "--json").stdout)
    assert set(rows[0]) >= {"panel", "expert", "name", "status", "attempts", "enterprise"}
    assert "*" in rows[0]["expert"] and rows[0]["status"] == "pending"
    whole = json.loads(cli(demo_workspace, "calls", "--round", "1", "--reveal", "--json").stdout)
    amr = recording(tmp_path, "amr")
    done = cli(demo_workspace, "call", "record", "--round", "1", "--expert", whole[0]["expert"], "--outcome",
               "accepted", "--recording", str(amr), "--json")
    result = json.loads(done.stdout)
    assert result["recording"]["seconds"] > 4 and len(result["recording"]["sha256"]) == 64
    assert result["replacement"] is None and result["call"]["outcome"] == "accepted"
    declined = json.loads(cli(demo_workspace, "call", "record", "--round", "1", "--expert", whole[1]["expert"],
                              "--outcome", "declined", "--reason", "时间冲突", "--json", "--reveal").stdout)
    assert len(declined["replacement"]) == 18
    refused = cli(demo_workspace, "call", "record", "--round", "1", "--expert", whole[2]["expert"], "--outcome",
                  "declined", "--json")
    assert refused.returncode != 0 and "理由" in refused.stderr and refused.stdout == ""
    for row in json.loads(cli(demo_workspace, "calls", "--round", "1", "--reveal", "--json").stdout):
        if row["status"] == "pending":
            assert cli(demo_workspace, "call", "record", "--round", "1", "--expert", row["expert"], "--outcome",
                       "accepted").returncode == 0
    statuses = [r["status"] for r in json.loads(cli(demo_workspace, "calls", "--round", "1", "--json").stdout)]
    assert statuses.count("replaced") == 1 and set(statuses) == {"accepted", "replaced"}
    for name in panels(ws):
        confirmed = cli(demo_workspace, "panel", "confirm", "--round", "1", "--panel", name, "--json")
        assert confirmed.returncode == 0, confirmed.stderr
        assert json.loads(confirmed.stdout)["quota_ok"] is True
    member = whole[0]["expert"]
    on_site = cli(demo_workspace, "commitment", "record", "--round", "1", "--expert", member, "--on-site",
                  "--supervisor", "李监督", "--json")
    assert json.loads(on_site.stdout)["confirmed_by"] == "李监督"
    present = cli(demo_workspace, "attendance", "--round", "1", "--expert", member, "--present", "--json")
    assert json.loads(present.stdout)["status"] == "present"
    assert cli(demo_workspace, "call-list", "--round", "1", "--out", str(tmp_path / "x.txt")).returncode != 0
    withdrawn = cli(demo_workspace, "call", "withdraw", "--round", "1", "--expert", whole[3]["expert"], "--reason",
                    "身体原因", "--reveal", "--json")
    assert withdrawn.returncode == 0, withdrawn.stderr
    result = json.loads(withdrawn.stdout)
    assert result["round_state"] == "drawn" and result["call"]["outcome"] == "declined"
    assert result["replacement"] is None or len(result["replacement"]) == 18
    assert json.loads(cli(demo_workspace, "round", "show", "--round", "1", "--json").stdout)["state"] == "drawn"
