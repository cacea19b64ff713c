"""The round's method step on the real window: the vote's pass fraction is exact, editable until the round opens,
and spoken as people say it (三分之二 in Chinese, 2/3 in English); opening says what the limits list names."""

from fractions import Fraction

from desktop.domain.methods import Method, vote_share
from desktop.services import limits, rounds
from desktop.ui.context import Context
from desktop.ui.main_window import ROUNDS
from desktop.ui.round.method import MethodStep
from desktop.ui.tasks import InlineRunner
from tests.conftest import signed


def _new_vote_round(window, name):
    window.nav.setCurrentRow(ROUNDS)
    window.rounds.new_round()
    step = window.rounds.workspace.method
    step.name.setText(name)
    step.scoring.setCurrentIndex(step.scoring.findText("投票"))
    return step


def _saved(place, name):
    return next(r for r in rounds.list_rounds(place, signed(place)) if r.name == name)


def test_the_pass_fraction_is_editable_for_a_vote_and_two_thirds_exactly(window, demo_workspace):
    step = _new_vote_round(window, "投票轮次")
    assert step.pass_fraction.isEnabled()
    assert step.pass_fraction.currentText() == "三分之二"
    step.save.click()
    info = _saved(demo_workspace, "投票轮次")
    assert info.method["pass_fraction"] == "2/3" and "三分之二" in info.method_text
    stored = Method.from_dict(info.method).pass_fraction
    assert vote_share([True] * 6 + [False] * 3, stored).passed  # six of nine is exactly two thirds


def test_a_typed_fraction_is_kept_exactly_and_frozen_when_the_round_opens(window, demo_workspace):
    step = _new_vote_round(window, "五分之三轮次")
    step.save.click()
    step.pass_fraction.setEditText("3/5")
    step.save.click()
    info = _saved(demo_workspace, "五分之三轮次")
    assert info.method["pass_fraction"] == "3/5"
    assert step.pass_fraction.currentText() == "五分之三"
    step.open_now()
    assert not step.inputs[1].isEnabled()


def test_a_share_that_is_not_a_fraction_is_refused_and_nothing_is_saved(window, demo_workspace, monkeypatch):
    shown = []
    monkeypatch.setattr("desktop.ui.errors.show", lambda parent, title, error: shown.append(str(error)))
    step = _new_vote_round(window, "错误比例轮次")
    step.pass_fraction.setEditText("七成左右")
    step.save.click()
    assert shown and "比例" in shown[0]
    assert all(r.name != "错误比例轮次" for r in rounds.list_rounds(demo_workspace, signed(demo_workspace)))


def test_the_pass_fraction_is_disabled_unless_the_scoring_is_a_vote(window):
    window.nav.setCurrentRow(ROUNDS)
    window.rounds.new_round()
    step = window.rounds.workspace.method
    step.scoring.setCurrentIndex(step.scoring.findText("百分制"))
    assert not step.pass_fraction.isEnabled()


def test_in_english_the_fraction_reads_2_3(qtbot, settings):
    settings.language = "en"
    step = MethodStep(Context(InlineRunner(), settings))
    qtbot.addWidget(step)
    assert step.pass_fraction.currentText() == "2/3"
    step.scoring.setCurrentIndex(step.scoring.findData("投票"))
    assert step.method().pass_fraction == Fraction(2, 3)


def test_issuer_venue_and_time_are_set_in_the_method_step_and_stay_editable_once_opened(window, demo_workspace):
    step = _new_vote_round(window, "安排轮次")
    step.issuer.setText("山东省科学技术厅评审办公室")
    step.review_time.setText("上午9:00")
    step.save.click()
    info = _saved(demo_workspace, "安排轮次")
    assert (info.issuer, info.venue, info.review_time) == ("山东省科学技术厅评审办公室", "", "上午9:00")
    step.open_now()
    assert not step.inputs[1].isEnabled() and step.venue.isEnabled() and step.save.isEnabled()
    assert step.save.text() == "保存落款与安排"
    step.venue.setText("省科技大厦三楼会议室")
    step.save.click()
    info = _saved(demo_workspace, "安排轮次")
    assert info.venue == "省科技大厦三楼会议室" and info.state != "draft" and info.method["scoring"] == "投票"


def test_opening_a_round_says_what_the_limits_list_names(window, demo_workspace):
    op = signed(demo_workspace)
    lobbied = next(r["application"] for r in limits.round_limits(demo_workspace, op, 1)["applications"]
                   if any(f["code"] == "LOBBIED" for f in r["flags"]))
    step = _new_vote_round(window, "复审轮次")
    step.save.click()
    info = _saved(demo_workspace, "复审轮次")
    rounds.add_panel(demo_workspace, op, info.id, name="复审组", size=5, applications=[lobbied])
    step.open_now()
    assert step.listed.isVisible()
    assert step.listed.text().startswith("开启时核查限项与资格（在研项目数、诚信记录、请托）：列出 1 项，1 项待决定")
