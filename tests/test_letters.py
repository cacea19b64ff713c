"""Commitment letters of a drawn round, from the command line over the documents service, on a generated workspace."""

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.errors import UserError
from desktop.services import documents, draws, rounds
from desktop.services.audit import entries
from desktop.services.signing import SigningError
from desktop.store.workspace import open_workspace
from tests.reports.report_pdfs import text_of
from tests.conftest import signed

ROUND_NAME = "2026年度省重点研发计划项目会议评审（示例）"


@pytest.fixture
def demo(demo_workspace):
    return demo_workspace


def run(capsys, root, *argv):
    code = main(["--workspace", str(root), "--operator", "王秘书", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_signed_letters_of_the_drawn_round_verify_and_a_changed_byte_shows(demo, tmp_path, capsys):
    record = draws.draw_round(open_workspace(demo), signed(open_workspace(demo), "王秘书"), 1, witness_digits="111111", witness=signed(open_workspace(demo), "李监督"))
    assert run(capsys, demo, "signer", "create", "--name", "省科学技术厅评审办公室")[0] == 0
    out_dir = tmp_path / "letters"
    code, out, err = run(capsys, demo, "letters", "--round", "1", "--out", str(out_dir), "--sign", "--json")
    assert code == 0, err
    files = [Path(f) for f in json.loads(out)["files"]]
    members = [(p["name"], m["name"]) for p in record.panels for m in p["members"]]
    assert len(files) == len(members) == sum(p["size"] for p in record.panels)
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(f.name for f in files)
    for path, (panel, name) in zip(files, members):
        text = text_of(path.read_bytes())
        assert name in text and ROUND_NAME in text and panel in path.name

    code, out, _ = run(capsys, demo, "verify", str(files[0]), "--json")
    assert code == 0 and json.loads(out)["intact"] is True and json.loads(out)["trusted"] is True
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(files[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    code, out, _ = run(capsys, demo, "verify", str(tampered), "--json")
    assert code != 0 and json.loads(out)["intact"] is False

    logged = [e for e in entries(open_workspace(demo).session()) if e.action == "documents.letters"]
    assert len(logged) == 1 and logged[0].actor == "王秘书" and logged[0].target == "round:1"
    assert sorted(json.loads(logged[0].after)["files"]) == sorted(f.name for f in files)


def test_letters_name_each_experts_organisation(demo, tmp_path):
    draws.draw_round(open_workspace(demo), signed(open_workspace(demo), "王秘书"), 1, witness_digits="111111", witness=signed(open_workspace(demo), "李监督"))
    letters = documents.round_letters(demo, signed(demo), 1)
    assert letters and all(letter.expert_org for letter in letters)
    made = documents.generate_letters(demo, signed(demo, "王秘书"), 1, tmp_path / "out", sign=False)
    assert [(m.panel, m.expert, m.signed) for m in made] == [(l.panel, l.expert_name, False) for l in letters]
    assert letters[0].expert_org in text_of(made[0].path.read_bytes())


def test_refused_without_a_draw_or_without_an_identity(demo, tmp_path, capsys):
    with pytest.raises(UserError, match="尚未抽取"):
        documents.generate_letters(demo, signed(demo, "王秘书"), 1, tmp_path / "out", sign=False)
    code, _, err = run(capsys, demo, "letters", "--round", "1", "--out", str(tmp_path / "out"))
    assert code == 1 and "尚未抽取专家" in err
    draws.draw_round(open_workspace(demo), signed(open_workspace(demo), "王秘书"), 1, witness_digits="111111", witness=signed(open_workspace(demo), "李监督"))
    with pytest.raises(SigningError, match="没有签名身份"):
        documents.generate_letters(demo, signed(demo, "王秘书"), 1, tmp_path / "out", sign=True)
    assert not (tmp_path / "out").exists()


def test_sign_in_sheets_list_each_panels_drawn_members(demo, tmp_path, capsys):
    record = draws.draw_round(open_workspace(demo), signed(open_workspace(demo), "王秘书"), 1, witness_digits="111111", witness=signed(open_workspace(demo), "李监督"))
    code, out, err = run(capsys, demo, "notices", "--round", "1", "--kind", "sign_in_sheet",
                         "--out", str(tmp_path / "sheets"), "--json")
    assert code == 0, err
    files = [Path(f) for f in json.loads(out)["files"]]
    assert len(files) == len(record.panels)
    for path, panel in zip(files, record.panels):
        text = text_of(path.read_bytes())
        assert panel["name"] in path.name and all(m["name"] in text for m in panel["members"])
        # CONFIDENTIAL: a printed list of experts is marked, with the account that made it and when
        assert "内部资料" in text and "注意保密" in text and "王芳（王秘书）" in text
    batch = [e for e in entries(open_workspace(demo).session()) if e.action == "documents.sign_in_sheet"][0]
    assert batch.actor == "王秘书"
    sheets = documents.round_sheets(demo, signed(demo), 1, "sign_in_sheet")
    kinds = [m.kind for m in sheets[0].members]
    assert kinds.count("企业专家") == record.panels[0]["enterprise_count"] and all(m.org for m in sheets[0].members)


def test_score_sheets_ask_for_the_rounds_own_scoring_of_the_panels_applications(demo, tmp_path):
    record = draws.draw_round(open_workspace(demo), signed(open_workspace(demo), "王秘书"), 1, witness_digits="111111", witness=signed(open_workspace(demo), "李监督"))
    info = rounds.show_round(demo, signed(demo), 1)
    sheets = documents.round_sheets(demo, signed(demo), 1, "score_sheet")
    assert len(sheets) == sum(len(p["members"]) for p in record.panels)
    first = sheets[0]
    assert first.scoring == {"百分制": "weighted", "等级": "grade", "投票": "vote", "排序": "rank"}[
        info.method["scoring"]]
    assert [a.application_no for a in first.applications] == info.panels[0]["applications"]
    assert first.expert_name == record.panels[0]["members"][0]["name"]
    paths = documents.generate_sheets(demo, signed(demo, "王秘书"), 1, "score_sheet", tmp_path / "scores", sign=False)
    text = text_of(paths[0].read_bytes())
    assert first.expert_name in text and first.applications[0].application_title in text


def test_sheets_need_a_draw_and_a_known_kind(demo, tmp_path, capsys):
    code, _, err = run(capsys, demo, "notices", "--round", "1", "--kind", "sign_in_sheet", "--out", str(tmp_path))
    assert code == 1 and "尚未抽取专家" in err
    code, _, err = run(capsys, demo, "notices", "--round", "1", "--kind", "publicity_list", "--out", str(tmp_path))
    assert code == 1 and "sign_in_sheet" in err and "outcome" in err
    code, _, err = run(capsys, demo, "notices", "--round", "1", "--kind", "outcome_notice", "--out", str(tmp_path))
    assert code == 1 and "评审结果尚未审批" in err  # outcome notices come from the approved results only


def test_issuer_venue_and_time_come_from_the_round_and_may_be_settled_after_opening(demo, tmp_path, capsys):
    draws.draw_round(open_workspace(demo), signed(open_workspace(demo), "王秘书"), 1, witness_digits="111111",
                     witness=signed(open_workspace(demo), "李监督"))
    code, out, err = run(capsys, demo, "round", "edit", "--round", "1", "--issuer", "山东省科学技术厅评审办公室",
                         "--venue", "济南市舜耕路 17 号二楼会议室", "--review-time", "上午8:30", "--json")
    assert code == 0, err  # the round is drawn: its method is frozen, its arrangements are not
    assert {k: json.loads(out)[k] for k in ("issuer", "venue", "review_time")} == {
        "issuer": "山东省科学技术厅评审办公室", "venue": "济南市舜耕路 17 号二楼会议室", "review_time": "上午8:30"}
    code, _, err = run(capsys, demo, "round", "edit", "--round", "1", "--name", "改名")
    assert code != 0 and "不能再修改" in err
    code, out, _ = run(capsys, demo, "letters", "--round", "1", "--out", str(tmp_path / "letters"), "--json")
    letter = text_of(Path(json.loads(out)["files"][0]).read_bytes())
    assert "本人受山东省科学技术厅评审办公室邀请" in letter
    assert "时间上午8:30，地点济南市舜耕路17号二楼会议室。" in letter and "另行通知" not in letter
    code, out, _ = run(capsys, demo, "notices", "--round", "1", "--kind", "sign_in_sheet", "--out",
                       str(tmp_path / "sheets"), "--json")
    sheet = text_of(Path(json.loads(out)["files"][0]).read_bytes())
    assert "济南市舜耕路17号二楼会议室" in sheet and "山东省科学技术厅评审办公室" in sheet and "另行通知" not in sheet
    assert "上午8:30" in sheet
    edits = [e for e in entries(open_workspace(demo).session()) if e.action == "round.edit"]
    assert json.loads(edits[-1].after)["venue"] == "济南市舜耕路 17 号二楼会议室"

    assert run(capsys, demo, "round", "edit", "--round", "1", "--issuer", "")[0] == 0
    code, _, err = run(capsys, demo, "letters", "--round", "1", "--out", str(tmp_path / "again"))
    assert code == 1 and "尚未填写签发单位" in err and "--issuer" in err
