"""A whole round at once: every file complete, progress reported, and a cancel leaves no partial file; in worker
processes or, with workers=0, in the calling process."""

import multiprocessing
import threading

import pytest

import report_samples as samples
from report_pdfs import text_of
from reports.batch import BatchCancelled, SigningKey, render_batch, write_atomically
from reports.identity import create_identity, fingerprint, open_pkcs12
from reports.signing import verify
from reports.trust import Trust, TrustedIdentity
from reports.templates import TemplateError


def jobs(count):
    return [samples.expert_letter(name=f"专家{i:03d}", panel=f"第{i % 3 + 1}组") for i in range(count)]


@pytest.mark.parametrize("workers", [2, 0])
def test_batch_writes_signed_files_in_job_order_with_progress(tmp_path, workers):
    p12 = create_identity("评审办公室", b"k")
    seen, children = [], []
    paths = render_batch(jobs(12), tmp_path, sign_with=SigningKey(p12, b"k"), workers=workers,
                         progress=lambda done, total: (seen.append((done, total)),
                                                       children.extend(multiprocessing.active_children())))
    assert [p.name for p in paths][:2] == ["承诺书_第1组_专家000.pdf", "承诺书_第2组_专家001.pdf"]
    assert seen[-1] == (12, 12) and all(total == 12 for _, total in seen)
    assert bool(children) == (workers > 0)
    assert sorted(tmp_path.iterdir()) == sorted(paths)
    certificate = open_pkcs12(p12, b"k")
    assert all(verify(p.read_bytes(), Trust((TrustedIdentity(fingerprint(certificate)),))).trusted for p in paths[:3])
    assert "专家011" in text_of(paths[11].read_bytes())


def test_same_name_twice_gets_a_second_file(tmp_path):
    paths = render_batch([samples.expert_letter(), samples.expert_letter()], tmp_path, workers=0)
    assert [p.name for p in paths] == ["承诺书_先进制造第一组_欧阳明远.pdf", "承诺书_先进制造第一组_欧阳明远_2.pdf"]


@pytest.mark.parametrize("workers", [2, 0])
def test_cancel_stops_early_and_leaves_only_complete_files(tmp_path, workers):
    cancel = threading.Event()
    with pytest.raises(BatchCancelled) as stopped:
        render_batch(jobs(200), tmp_path, workers=workers, cancel=cancel,
                     progress=lambda done, total: cancel.set())
    written = sorted(tmp_path.iterdir())
    assert 0 < len(written) < 200
    assert written == sorted(stopped.value.done)
    assert all(p.suffix == ".pdf" and p.read_bytes().rstrip().endswith(b"%%EOF") for p in written)


def test_template_error_is_raised_before_any_work(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "expert_commitment.txt").write_text("# 承诺\n{不存在}\n", encoding="utf-8")
    with pytest.raises(TemplateError, match="不存在"):
        render_batch(jobs(3), tmp_path / "out", template_dirs=(tmp_path / "t",))
    assert not list((tmp_path / "out").iterdir())


def test_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "letter.pdf"
    target.mkdir()  # a folder in the way: the final rename fails
    (target / "keep").write_text("x")
    with pytest.raises(OSError):
        write_atomically(target, b"%PDF-1.4")
    assert [p.name for p in tmp_path.iterdir()] == ["letter.pdf"]


def test_hostile_names_never_fail_the_batch_and_never_overwrite(tmp_path):
    names = ["张" * 100, "张三\x00", "\x1b[31m李四", "王\u202eexe.fdp", "张三", "张三", "NUL", " ", "a/../../b"]
    paths = render_batch([samples.expert_letter(name=n, panel="组") for n in names], tmp_path, workers=0)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == len(names) == len(set(p.name for p in paths))
    assert written == sorted(p.name for p in paths)
    assert all(len(name.encode("utf-8")) <= 200 for name in written)
    assert not any(c in name for name in written for c in "\x00\x1b\u202e/\\ ")
    assert "承诺书_组_张三.pdf" in written and "承诺书_组_张三_2.pdf" in written and "承诺书_组_张三_3.pdf" in written
    assert "张" * 50 in text_of(paths[0].read_bytes()).replace("\n", "")  # the letter keeps the whole name


def test_names_differing_only_in_case_get_two_files():
    from reports.file_names import unique_names
    assert unique_names(["Li_Hua", "LI_HUA", "li_hua_2"], ".pdf") == ["Li_Hua.pdf", "LI_HUA_2.pdf", "li_hua_2_2.pdf"]


def test_files_are_private_and_new_folders_too(tmp_path):
    import os
    old = os.umask(0o022)
    try:
        paths = render_batch(jobs(2), tmp_path / "new" / "out", workers=0)
    finally:
        os.umask(old)
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in paths)
    assert (tmp_path / "new").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "new" / "out").stat().st_mode & 0o777 == 0o700


def test_temporary_files_of_a_dead_writer_are_removed_at_the_next_start(tmp_path):
    import os
    stray = tmp_path / ".~承诺书_组_张三.pdf.999999999.part"
    mine = tmp_path / f".~承诺书_组_李四.pdf.{os.getpid()}.part"  # a writer that still runs: left alone
    stray.write_bytes(b"%PDF-1.4 half")
    mine.write_bytes(b"%PDF-1.4 half")
    render_batch(jobs(1), tmp_path, workers=1)
    assert not stray.exists() and mine.exists()


def test_a_worker_that_dies_is_a_clear_error_listing_what_was_written(tmp_path):
    import multiprocessing
    import os
    import signal
    from desktop.services.errors import SPOKEN
    from reports.batch import BatchFailed

    killed = []

    def kill_a_worker(done, total):
        if not killed:
            killed.append(multiprocessing.active_children()[0].pid)
            os.kill(killed[0], signal.SIGKILL)

    with pytest.raises(BatchFailed, match="工作进程意外退出") as failed:
        render_batch(jobs(120), tmp_path, workers=2, progress=kill_a_worker)
    assert isinstance(failed.value, SPOKEN)
    written = sorted(tmp_path.iterdir())
    assert all(p.suffix == ".pdf" and p.read_bytes().rstrip().endswith(b"%%EOF") for p in written)
    assert set(failed.value.done) <= set(written) and len(written) < 120
    assert not multiprocessing.active_children()


def test_a_full_disk_is_a_clear_error_and_leaves_no_partial_file(tmp_path):
    from reports.batch import BatchFailed
    from tests.small_disk import small_disk

    with small_disk(tmp_path / "disk", "256k") as disk:
        with pytest.raises(BatchFailed, match="磁盘空间不足") as failed:
            render_batch(jobs(60), disk, workers=2)
        written = sorted(disk.iterdir())
        assert written and all(p.suffix == ".pdf" and p.read_bytes().rstrip().endswith(b"%%EOF") for p in written)
        assert sorted(failed.value.done) == written
