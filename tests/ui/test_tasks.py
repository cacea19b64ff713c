"""The threaded runner delivers results, progress and errors on the GUI thread; Cancel reaches the worker."""

import threading

from desktop.domain.errors import RuleError
from desktop.ui import errors
from desktop.ui.tasks import Runner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    runner, seen = Runner(), []
    gui = threading.get_ident()

    def work(job):
        job.report(1, 2, "半")
        return threading.get_ident()

    runner.run(work, lambda worker: seen.append(("done", worker, threading.get_ident())), seen.append,
               lambda d, t, w: seen.append(("progress", d, threading.get_ident())))
    qtbot.waitUntil(lambda: any(s[0] == "done" for s in seen), timeout=5000)
    progress, done = seen
    assert progress == ("progress", 1, gui) and done[1] != gui and done[2] == gui


def test_errors_come_back_as_messages_and_cancel_is_seen(qtbot):
    runner, failures = Runner(), []
    started, release = threading.Event(), threading.Event()

    def work(job):
        started.set()
        release.wait(5)
        if job.cancelled():
            raise RuleError("TEST", "已取消")
        return None

    job = runner.run(work, lambda _r: failures.append("finished"), failures.append, write=True)
    started.wait(5)
    job.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert errors.message(failures[0]) == "已取消"


def test_an_unexpected_error_is_logged_not_shown(tmp_path):
    errors.log_to(tmp_path)
    try:
        1 / 0
    except ZeroDivisionError as error:
        text = errors.message(error)
    assert "Traceback" not in text and "paneldesk.log" in text
    logged = (tmp_path / "paneldesk.log").read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError" in logged


def test_work_handed_apart_runs_in_the_process_beside_the_window_and_its_failure_is_a_message(tmp_path):
    """Pool-wide reads run in another process, so the GUI thread never waits for them to let go of the lock."""
    import os

    from desktop.services.side_process import SideProcessFailed
    runner = Runner()
    try:
        assert runner.apart(os.getpid) != os.getpid()
        assert runner.apart(os.getpid) == runner.apart(os.getpid)  # one process, kept
        try:
            runner.apart(os._exit, 1)
        except SideProcessFailed as failure:
            assert errors.message(failure) == "后台读取进程意外结束，请重试"
        else:
            raise AssertionError("the process ended without a word")
        assert runner.apart(os.getpid) != os.getpid()  # a new one next time
    finally:
        runner.close()


def test_a_workspace_change_ends_the_process_that_read_the_one_before():
    """A restored workspace's old file is renamed aside, not gone: a process that kept it open would go on showing
    it (and on Windows would stop the rename). The window forgets it at every change of workspace (Context)."""
    import os
    runner = Runner()
    try:
        before = runner.apart(os.getpid)
        runner.forget_workspaces()
        assert runner.apart(os.getpid) not in (before, os.getpid())
    finally:
        runner.close()


def _refuse() -> None:
    raise RuleError("FAIR_DRAW", "FAIR_DRAW 不能这样抽取")


def test_a_refusal_in_the_side_process_comes_back_in_its_words():
    runner = Runner()
    try:
        runner.apart(_refuse)
    except Exception as error:  # noqa: BLE001 - whatever crosses, the window shows its sentence
        assert errors.message(error) == "FAIR_DRAW 不能这样抽取"
    else:
        raise AssertionError("refused without a word")
    finally:
        runner.close()


def test_reads_waiting_for_the_side_process_leave_room_for_others(qtbot):
    """The pool's search keys take seconds beside the window: a round opened meanwhile is read at once."""
    import time
    runner, done = Runner(), []
    try:
        for _ in range(2):
            runner.run(lambda job: runner.apart(time.sleep, 3), done.append, done.append)
        runner.run(lambda job: "round", done.append, done.append)
        qtbot.waitUntil(lambda: "round" in done, timeout=1500)
        assert len(done) == 1
    finally:
        runner.close()
