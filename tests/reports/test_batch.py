"""A whole round at once: every file complete, progress reported, and a cancel leaves no partial file."""

import threading

import pytest

import report_samples as samples
from report_pdfs import text_of
from reports.batch import BatchCancelled, SigningKey, render_batch, write_atomically
from reports.identity import create_identity, open_pkcs12
from reports.signing import verify
from reports.templates import TemplateError


def jobs(count):
    return [samples.expert_letter(name=f"专家{i:03d}", panel=f"第{i % 3 + 1}组") for i in range(count)]


def test_batch_writes_signed_files_in_job_order_with_progress(tmp_path):
    p12 = create_identity("评审办公室", b"k")
    seen = []
    paths = render_batch(jobs(12), tmp_path, sign_with=SigningKey(p12, b"k"), workers=2,
                         progress=lambda done, total: seen.append((done, total)))
    assert [p.name for p in paths][:2] == ["承诺书_第1组_专家000.pdf", "承诺书_第2组_专家001.pdf"]
    assert seen[-1] == (12, 12) and all(total == 12 for _, total in seen)
    assert sorted(tmp_path.iterdir()) == sorted(paths)
    certificate = open_pkcs12(p12, b"k")
    assert all(verify(p.read_bytes(), [certificate]).trusted for p in paths[:3])
    assert "专家011" in text_of(paths[11].read_bytes())


def test_same_name_twice_gets_a_second_file(tmp_path):
    paths = render_batch([samples.expert_letter(), samples.expert_letter()], tmp_path, workers=1)
    assert [p.name for p in paths] == ["承诺书_先进制造第一组_欧阳明远.pdf", "承诺书_先进制造第一组_欧阳明远_2.pdf"]


def test_cancel_stops_early_and_leaves_only_complete_files(tmp_path):
    cancel = threading.Event()
    with pytest.raises(BatchCancelled) as stopped:
        render_batch(jobs(200), tmp_path, workers=2, cancel=cancel,
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
