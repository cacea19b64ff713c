"""Use cases over the audit log: verifying it against the chain, the data and the signed checkpoints."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.domain.errors import RuleError
from desktop.services.accounts import Operator, require
from desktop.services import audit, checkpoints, signing
from desktop.services.uow import reading, workspace_of
from desktop.store import digests
from desktop.store.workspace import Workspace


@dataclass(frozen=True)
class Verification:
    entries: int
    first_broken: int | None  # id of the first entry whose link or content does not check
    reason: str
    problems: tuple[dict, ...]  # data or checkpoints that do not match the chain: {table, rows, ..., message}
    checkpoint: checkpoints.CheckpointStatus | None

    @property
    def intact(self) -> bool:
        return self.first_broken is None and not self.problems

    @property
    def signed(self) -> bool:
        return self.checkpoint is not None and self.checkpoint.signed_entries is not None

    def to_dict(self) -> dict:
        return {"intact": self.intact, "entries": self.entries, "first_broken": self.first_broken,
                "reason": self.reason, "problems": list(self.problems),
                "checkpoint": self.checkpoint.to_dict() if self.checkpoint else None}

    def summary(self) -> str:
        """The verdict in one paragraph, for the command line and the window."""
        if self.first_broken is not None:
            return f"审计日志在第{self.first_broken}条处断开：{self.reason}"
        if self.problems:
            return "审计日志与数据不符：\n" + "\n".join(f"  {p['message']}" for p in self.problems)
        status = self.checkpoint
        if self.signed:
            tail = f"，其后 {status.after} 条仅由哈希链保护" if status.after else ""
            return (f"审计日志完整，共{self.entries}条，数据与日志一致；最近的签名检查点覆盖前{status.signed_entries}条"
                    f"（{status.at}，签名者指纹 {status.fingerprint}）{tail}")
        return (f"审计日志完整，共{self.entries}条，数据与日志一致；没有签名检查点（{status.note}），"
                "日志被截断或整体改写时无法发现")


def verify_log(place: Path | Workspace, op: Operator) -> Verification:
    require(op, "audit.verify", place)
    workspace = workspace_of(place)
    with reading(workspace) as session:
        chain = audit.walk(session)
        if chain.first_broken is not None:
            return Verification(chain.entries, chain.first_broken, chain.reason, (), None)
        problems = [{"table": "", "rows": "", "message": m} for m in chain.problems]
        problems += _named(session, chain, audit.compare(chain.expected, digests.compute(session)))
        status = checkpoints.check(session, chain.hashes, chain.demanded,
                                   signing.logged_certificates(session, workspace.root))
    problems += [{"table": "audit_checkpoint", "rows": "", "message": m} for m in status.problems]
    return Verification(chain.entries, None, "", tuple(problems), status)


def require_intact(place: Path | Workspace, tables: tuple[str, ...], what: str,
                   groups: dict[str, tuple[str, str]] | None = None, parameters: dict | None = None) -> None:
    """Refuse to make ``what`` from records that do not check: the chain must hold and ``tables`` must be what it
    says they are (TAMPER_EVIDENT). ``groups`` narrows some tables to the groups one thing is kept in ({table: (SQL
    condition on alias t selecting its rows, SQL giving its group key columns)}, with ``parameters``; a round's
    draws and panels: desktop.store.digests.GROUP_KEYS): those groups are checked whole, the rows left in them and
    any missing, and the table's other groups not at all."""
    with reading(place) as session:
        check_intact(session, tables, what, groups, parameters)


def check_intact(session, tables: tuple[str, ...], what: str, groups: dict[str, tuple[str, str]] | None = None,
                 parameters: dict | None = None) -> audit.Chain:
    """``require_intact`` in the caller's read transaction; the chain as walked, for ``require_digested`` in the
    same transaction later (the whole log is walked once)."""
    chain = _walked(session, what)
    expected = {t: chain.expected.get(t, {}) for t in tables}
    for table, (_condition, keys) in (groups or {}).items():
        wanted = digests.group_keys(session, table, keys, parameters or {})
        expected[table] = {group: sealed for group, sealed in expected[table].items() if group in wanted}
    found = digests.compute(session, tables, {table: (condition, parameters or {})
                                              for table, (condition, _keys) in (groups or {}).items()})
    _refuse(_named(session, chain, audit.compare(expected, found)), what)
    return chain


def require_digested(session, found: dict[str, dict[str, str]], what: str, chain: audit.Chain | None = None) -> None:
    """``require_intact`` for tables the caller has digested itself from the rows it read in ``session``
    ({table: {group: sealed digest}}, as ``digests.compute`` gives them): an export digests the rows it writes, so
    what it checks is what it wrote, without reading the tables a second time. ``chain``: as ``check_intact``
    walked it in this transaction."""
    chain = chain or _walked(session, what)
    _refuse(_named(session, chain, audit.compare({t: chain.expected.get(t, {}) for t in found}, found)), what)


def _walked(session, what: str) -> audit.Chain:
    chain = audit.walk(session)
    if chain.first_broken is not None:
        raise RuleError("TAMPER_EVIDENT", f"审计日志在第{chain.first_broken}条处断开（{chain.reason}），"
                                          f"记录不可信，不能生成{what}")
    return chain


def _refuse(problems: list[dict], what: str) -> None:
    if problems:
        raise RuleError("TAMPER_EVIDENT", f"记录在 PanelDesk 之外被改动，不能生成{what}：" +
                        "；".join(p["message"] for p in problems))


def _named(session, chain: audit.Chain, problems: list[dict]) -> list[dict]:
    """Each group that does not match the chain, with the rows in it that differ where they can be told."""
    rows: dict[tuple[str, str], tuple] = {}
    for table in {p["table"] for p in problems}:
        found = digests.group_rows(session, table, [p["rows"] for p in problems if p["table"] == table])
        rows.update(((table, group), kept) for group, kept in found.items())
    return [audit.name_rows(p, p["rows"] in chain.expected.get(p["table"], {}),
                            chain.rows.get(p["table"], {}).get(p["rows"]), *rows[(p["table"], p["rows"])])
            for p in problems]


def recent(place: Path | Workspace, op: Operator, limit: int = 500) -> list[dict]:
    require(op, "audit.read", place)
    with reading(place) as session:
        return [e.model_dump(exclude={"digests"}) for e in audit.entries(session, limit)]
