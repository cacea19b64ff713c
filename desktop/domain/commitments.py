"""Commitments (EXPERT_COMMITMENT) and attendance: what a scan of a signed letter must be, and the panel as it sat
(ENTERPRISE_THIRD is checked again on those present)."""

from __future__ import annotations

from desktop.domain.errors import UserError

SCAN_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
_MAGIC = {"application/pdf": (b"%PDF-",), "image/jpeg": (b"\xff\xd8\xff",), "image/png": (b"\x89PNG\r\n\x1a\n",)}
ATTENDANCE = {"present": "出席", "absent": "缺席", "left_early": "中途离会"}
SAT = frozenset(("present",))  # who counts toward the panel as it sat: an expert who left early did not sit through


class ScanRefused(UserError):
    """A file offered as the scan of a signed commitment that is not a PDF, JPEG or PNG, or not what its name says."""


def scan_type(name: str, head: bytes) -> str:
    """The media type of a scan from its name's suffix, checked against its first bytes."""
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    media = SCAN_TYPES.get(suffix)
    if media is None:
        raise ScanRefused(f"签署的承诺书扫描件应为 PDF、JPEG 或 PNG 文件，不是「{name}」")
    if not head.startswith(_MAGIC[media]):
        raise ScanRefused(f"文件「{name}」的内容不是{media.split('/')[1].upper()}文件（扩展名与内容不符），请重新扫描或拍照")
    return media


def attendance_of(text: str) -> str:
    value = (text or "").strip()
    for code, word in ATTENDANCE.items():
        if value in (code, word):
            return code
    raise UserError(f"出席情况应为 {'、'.join(f'{w}（{c}）' for c, w in ATTENDANCE.items())} 之一，不是「{value}」")
