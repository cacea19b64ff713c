"""A batch rendered in the calling process (workers=0) makes the same files as the pool, signed, in job order,
reporting progress, and stops on cancel with only complete files."""

import multiprocessing
import threading

import pytest

import report_samples as samples
from report_pdfs import text_of
from reports.batch import BatchCancelled, SigningKey, render_batch
from reports.identity import create_identity, open_pkcs12
from reports.signing import verify


def jobs(count):
    return [samples.expert_letter(name=f"专家{i:03d}", panel=f"第{i % 3 + 1}组") for i in range(count)]


def test_in_process_batch_writes_signed_files_in_job_order_without_a_worker(tmp_path):
    p12 = create_identity("评审办公室", b"k")
    seen = []
    paths = render_batch(jobs(4), tmp_path, sign_with=SigningKey(p12, b"k"), workers=0,
                         progress=lambda done, total: seen.append((done, total, multiprocessing.active_children())))
    assert [p.name for p in paths] == ["承诺书_第1组_专家000.pdf", "承诺书_第2组_专家001.pdf",
                                       "承诺书_第3组_专家002.pdf", "承诺书_第1组_专家003.pdf"]
    assert [(done, total) for done, total, _ in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert all(children == [] for _, _, children in seen)
    assert sorted(tmp_path.iterdir()) == sorted(paths)
    assert all(verify(p.read_bytes(), [open_pkcs12(p12, b"k")]).trusted for p in paths)
    assert "专家003" in text_of(paths[3].read_bytes())


def test_in_process_cancel_keeps_only_the_complete_files(tmp_path):
    cancel = threading.Event()
    with pytest.raises(BatchCancelled) as stopped:
        render_batch(jobs(5), tmp_path, workers=0, cancel=cancel, progress=lambda done, total: cancel.set())
    assert sorted(tmp_path.iterdir()) == stopped.value.done == [tmp_path / "承诺书_第1组_专家000.pdf"]
