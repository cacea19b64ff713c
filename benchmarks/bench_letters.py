"""Signed commitment letters per second, against unsigned ones made the same way in the same run.

Target: at least 40 signed and 100 unsigned letters per second on a 2-core machine, so a round of a few hundred
experts is signed while the secretariat waits. Set PANELDESK_BENCH_LETTERS to change the count (default 1000).
Besides letters per second (wall time), each run prints the CPU time a letter cost in the worker processes and this
one together: on a shared, loaded machine that figure is the one to compare.
"""

import os
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from reports.batch import SigningKey, render_batch
from reports.documents import ExpertCommitment, RoundInfo
from reports.identity import create_identity

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "明华伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞平刚桂英红玉兰峰"


def letters(count: int) -> list[ExpertCommitment]:
    round_info = RoundInfo("2026年度省重点研发计划（第一批）项目评审", "重点研发计划", "会议评审，百分制加权评分",
                           date(2026, 5, 12), "省科学技术厅评审办公室", "省科技大厦三楼会议室")
    return [ExpertCommitment(round_info, f"第{i // 7 + 1}评审组",
                             SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 3) % len(GIVEN)],
                             "山东大学") for i in range(count)]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the batch's worker processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(jobs, out: Path, key: SigningKey | None) -> tuple[float, float]:
    """Letters per second, and CPU milliseconds per letter."""
    start, cpu = time.perf_counter(), _cpu()
    written = render_batch(jobs, out, sign_with=key)
    elapsed, cpu = time.perf_counter() - start, _cpu() - cpu
    assert len(written) == len(jobs)
    return len(jobs) / elapsed, 1000 * cpu / len(jobs)


def main() -> None:
    count = int(os.environ.get("PANELDESK_BENCH_LETTERS", "1000"))
    jobs = letters(count)
    key = SigningKey(create_identity("省科学技术厅评审办公室", b"bench"), b"bench")
    with tempfile.TemporaryDirectory() as folder:
        unsigned, unsigned_cpu = timed(jobs, Path(folder) / "unsigned", None)
        signed, signed_cpu = timed(jobs, Path(folder) / "signed", key)
    print(f"letters: {count}, workers: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    print(f"unsigned: {unsigned:.1f} letters/s (target >= 100), CPU {unsigned_cpu:.1f} ms a letter")
    print(f"signed:   {signed:.1f} letters/s (target >= 40), CPU {signed_cpu:.1f} ms a letter")
    print(f"ratio signed/unsigned: {signed / unsigned:.2f}")


if __name__ == "__main__":
    main()
