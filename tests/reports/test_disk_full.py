"""A full disk, on a real small filesystem: a clear DiskFull (an error spoken to the user), and files and database changed
together or not at all."""

import json

import pytest

from desktop.services.errors import SPOKEN, DiskFull
from desktop.services import catalogue, documents, signing
from desktop.services.audit import entries
from desktop.services.importing.run import import_files
from desktop.store.workspace import close_workspace, open_workspace
from reports.batch import BatchFailed
from reports.identity import fingerprint
import report_samples as samples
from tests.small_disk import fill, small_disk
from tests.spreadsheets import credit_code, id_number, small_pool, workbook
from tests.conftest import signed


@pytest.fixture
def disk(tmp_path):
    with small_disk(tmp_path / "disk", "3m") as folder:
        yield folder


def in_use(root):
    """The identity identity.json names, its key as signing_key opens it, and the last signer entry of the audit."""
    identity = signing.show_identity(root, signed(root))
    key = signing.signing_key(root)
    from cryptography.hazmat.primitives.serialization import pkcs12
    _, certificate, _ = pkcs12.load_key_and_certificates(key.p12, key.passphrase)
    logged = [json.loads(e.after)["fingerprint"] for e in entries(open_workspace(root).session())
              if e.action.startswith("signer.")]
    return identity.fingerprint, fingerprint(certificate), logged[0]


def test_replacing_the_identity_on_a_full_disk_changes_all_or_nothing(disk):
    root = disk / "ws"
    try:
        open_workspace(root, create=True)
        signing.create_identity(root, signed(root, "王秘书"), "甲办公室")
        outcomes = []
        for leave in (0, 2_000, 4_000, 6_000, 8_000, 12_000, 16_000, 24_000, 32_000, 48_000, 64_000, 96_000,
                      128_000, 256_000):
            fill(disk, leave)
            before = signing.show_identity(root, signed(root)).fingerprint
            try:
                made, _ = signing.create_identity(root, signed(root, "王秘书"), "乙办公室", replace=True)
                outcomes.append("replaced")
            except SPOKEN as error:
                assert isinstance(error, DiskFull) and "磁盘空间不足" in str(error)
                made = None
                outcomes.append("refused")
            finally:
                (disk / "ballast").unlink()
            named, opened, logged = in_use(root)
            assert named == opened == logged == (made.fingerprint if made else before)
            assert not list((root / "signing").glob(".~*")), leave
            assert len(list((root / "signing").glob("*.p12"))) == 1, leave
        assert "refused" in outcomes and outcomes[-1] == "replaced"
    finally:
        close_workspace(root)


def test_letters_on_a_full_disk_are_a_clear_error_and_the_audit_lists_what_was_written(workspace, disk):
    letters = [samples.expert_letter(name=f"专家{i:03d}") for i in range(30)]
    fill(disk, 200_000)
    with pytest.raises(BatchFailed, match="磁盘空间不足") as failed:
        documents.export_documents(workspace, signed(workspace, "王秘书"), letters, disk / "letters", action="documents.letters",
                                   target="t", sign=False)
    written = sorted(p.name for p in (disk / "letters").iterdir())
    assert written and written == sorted(p.name for p in failed.value.done)
    closed = json.loads(entries(workspace.session())[0].after)
    assert closed["outcome"] == "failed" and sorted(closed["files"]) == written


def test_an_import_on_a_full_disk_is_a_clear_error_and_writes_nothing(disk, tmp_path):
    root = disk / "ws"
    try:
        workspace = open_workspace(root, create=True)
        import_files(workspace, [workbook(tmp_path / "small.xlsx", small_pool())], signed(workspace, "王秘书"))
        before = catalogue.counts(workspace, signed(workspace))
        pool = small_pool()
        pool["专家"] += [[f"专家{i}", id_number(i % 1000, born=f"19{40 + i // 1000}0101"), f"139{i:08d}", None, "教授", "山东理工大学",
                         credit_code(2, "12"), "52020", None] for i in range(6_000)]
        big = workbook(tmp_path / "big.xlsx", pool)
        fill(disk, 100_000)
        with pytest.raises(DiskFull, match="磁盘空间不足"):
            import_files(workspace, [big], signed(workspace, "王秘书"))
        (disk / "ballast").unlink()
        assert catalogue.counts(workspace, signed(workspace)) == before
    finally:
        close_workspace(root)
