"""Credit repair (RULES.md CREDIT_REPAIR): each application for repair of a misconduct record, the four conditions
of 002 第二十五条 as they were found, and the approver's decision. The record itself is kept either way."""

from __future__ import annotations

from typing import Optional

from sqlmodel import Field, SQLModel

from desktop.store.tables import _ref


class CreditRepair(SQLModel, table=True):
    __tablename__ = "credit_repair"
    id: Optional[int] = Field(default=None, primary_key=True)
    record_id: int = Field(sa_column=_ref("integrity_record.id"))
    applied_on: str  # ISO date
    corrected: str  # how the misconduct was corrected (empty: not shown)
    commitment: str  # the written commitment (empty: none)
    commendation_date: Optional[str] = None
    commendation_level: str = ""  # 国家级 / 省级 / 市级 / 县级及以下
    commendation: str = ""
    checks: str  # JSON: the four conditions, each met or not with its facts, as judged when recorded
    recorded_by: str
    state: str = "待审批"  # 待审批 / 同意修复 / 不予修复
    decided_by: str = ""
    decided_on: Optional[str] = None
    reason: str = ""
