"""Operator accounts: signing in, and what a signed-in account may do (SEPARATION, CONFIDENTIAL).

Every action in PanelDesk is the act of an ``Operator``: an account that signed in to one workspace with its own
password. Every service entry point calls ``require(op, permission, place)`` first, so the window and the command
line cannot differ; the roles come from ``desktop.domain.roles.PERMISSIONS``. Passwords are kept as Argon2id hashes
(argon2-cffi) and never written to the audit log; account changes are the administrator's only, each one audited
with its before and after. A wrong password costs a delay that doubles with each failure since the last sign-in
(``SLEEP`` and ``CLOCK`` are the module's to replace in tests), and writes an audit entry.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import select

from desktop.domain.draw_checks import canonical_name, check_witness as check_witness_names
from desktop.domain.errors import NotFound, RuleError, UserError
from desktop.domain.roles import Role, allowed, needed, parse_roles, role_names
from desktop.services import workspace_keys
from desktop.services.uow import ReadOnlyWorkspace, change, reading, workspace_of
from desktop.services.workspaces import open_or_create
from desktop.store import keyslots
from desktop.store.account_tables import Account
from desktop.store.cipher import WrongKey
from desktop.store.workspace import Workspace

Place = Path | Workspace

MIN_PASSWORD = 8
MAX_DELAY = 30.0  # seconds: the delay doubles with each wrong password up to this
HASHER = PasswordHasher()  # Argon2id, RFC 9106's low-memory profile
SLEEP: Callable[[float], None] = time.sleep
CLOCK: Callable[[], dt.datetime] = lambda: dt.datetime.now().astimezone()  # noqa: E731
WRONG = "账户名或口令不正确"


class SignInFailed(UserError):
    """The name or the password is wrong; one message for both, so a failure does not tell which names exist."""


class AccountDisabled(UserError):
    """The account was disabled by the administrator."""


class Forbidden(UserError):
    """The signed-in account lacks the role an action needs, or signed in to another workspace."""


@dataclass(frozen=True)
class Operator:
    """A signed-in account. Only ``sign_in``, ``init_workspace`` (and, once the workspace is encrypted, the unlock
    that gives ``key``) make one; services take it where they took an operator's typed name."""
    name: str
    display_name: str
    roles: frozenset[Role]
    root: Path
    key: bytes | None = field(default=None, repr=False)

    def may(self, permission: str) -> bool:
        return allowed(self.roles, permission)

    @property
    def role_text(self) -> str:
        return role_names(self.roles)


@dataclass(frozen=True)
class AccountInfo:
    name: str
    display_name: str
    roles: tuple[str, ...]
    created: str
    disabled: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "display_name": self.display_name, "roles": list(self.roles),
                "created": self.created, "disabled": self.disabled}


def _now() -> str:
    return CLOCK().isoformat(timespec="seconds")


def _root(place: Place) -> Path:
    return place.root if isinstance(place, Workspace) else Path(place).resolve()


def require(op: Operator, permission: str, place: Place) -> None:
    """Refuse unless ``op`` signed in to ``place`` and holds a role that may do ``permission``; the refusal names
    the roles needed."""
    if not isinstance(op, Operator):
        raise Forbidden("请先登录：每项操作须由已登录的账户进行")
    if op.root != _root(place):
        raise Forbidden(f"账户 {op.name} 登录的是工作区 {op.root}，不是 {_root(place)}；请在该工作区重新登录")
    if not op.may(permission):
        raise Forbidden(f"需要 {role_names(needed(permission))} 角色才能进行此项操作"
                        f"（账户 {op.name} 的角色为 {op.role_text}）")


def _name(text: str) -> str:
    name = canonical_name(text or "")
    if not name:
        raise UserError("请填写账户名")
    return name


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"口令至少须有 {MIN_PASSWORD} 个字符")


def _roles_of(row: Account) -> frozenset[Role]:
    return frozenset(Role(r) for r in row.roles.split(",") if r)


def _stored(roles: Iterable[Role]) -> str:
    held = set(roles)
    return ",".join(role.value for role in Role if role in held)


def _info(row: Account) -> AccountInfo:
    return AccountInfo(row.name, row.display_name, tuple(_stored(_roles_of(row)).split(",")), row.created,
                       row.disabled)


def _facts(row: Account) -> dict[str, Any]:
    """What the audit keeps of an account: never its hash."""
    info = _info(row).to_dict()
    return {k: info[k] for k in ("name", "display_name", "roles", "disabled")}


def _operator(row: Account, root: Path) -> Operator:
    return Operator(row.name, row.display_name, _roles_of(row), root, workspace_of(root).key)


def _find(session, name: str) -> Account | None:
    return session.exec(select(Account).where(Account.name == name)).first()


def _get(session, name: str) -> Account:
    row = _find(session, _name(name))
    if row is None:
        raise NotFound(f"没有账户「{name}」")
    return row


def delay(failures: int) -> float:
    """Seconds to wait after the ``failures``-th wrong password in a row: 1, 2, 4, … up to MAX_DELAY."""
    return min(MAX_DELAY, 2.0 ** max(0, failures - 1))


def init_workspace(root: Path, admin: str, password: str, display_name: str | None = None, *,
                   encrypt: bool = True) -> Operator:
    """Create the workspace (or open one made before accounts existed) and its first account, the administrator;
    encrypted unless ``encrypt`` is False (the benchmarks' plain workspaces, measured against encrypted ones)."""
    name = _name(admin)
    _check_password(password)
    if (Path(root) / "paneldesk.db").exists() and has_accounts(open_or_create(root, key=workspace_keys.for_sign_in(
            root, name, password))):  # before any key is made: such a workspace is not initialised again
        raise UserError(f"工作区 {Path(root).resolve()} 已有账户：请由管理员登录后添加账户")
    key = workspace_keys.for_init(root, name, password) if encrypt else None
    workspace = open_or_create(root, create=True, key=key)
    with change(workspace, name, "account.create", f"account:{name}") as unit:
        if unit.session.exec(select(func.count()).select_from(Account)).one():
            raise UserError(f"工作区 {workspace.root} 已有账户：请由管理员登录后添加账户")
        row = Account(name=name, display_name=(display_name or "").strip() or name, roles=_stored({Role.ADMIN}),
                      password_hash=HASHER.hash(password), created=_now())
        unit.session.add(row)
        unit.after = _facts(row)
    return _operator(row, workspace.root)


def has_accounts(root: Place) -> bool:
    """Whether anyone can sign in yet: a workspace made before accounts, or just created, has none. An encrypted
    one has them without reading it (its key is wrapped by their passwords, and reading it needs one of them)."""
    if keyslots.encrypted(_root(root)):
        return True
    with reading(root) as session:
        return bool(session.exec(select(func.count()).select_from(Account)).one())


def _verified(row: Account | None, password: str) -> bool:
    if row is None:
        return False
    try:
        return HASHER.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _record_failure(workspace: Workspace, name: str) -> int:
    """One audit entry for a wrong name or password; the account's count of failures in a row, as now stored."""
    try:
        with change(workspace, name, "account.sign_in.failed", f"account:{name}") as unit:
            row = _find(unit.session, name)
            failures = 1
            if row is not None:
                row.failures += 1
                row.last_failure = _now()
                unit.session.add(row)
                failures = row.failures
            unit.after = {"failures": failures}
            return failures
    except ReadOnlyWorkspace:  # an archived copy keeps no count; the delay still applies
        return 1


def sign_in(root: Place, name: str, password: str) -> Operator:
    """The account ``name`` of the workspace at ``root``, if ``password`` is its password."""
    typed = canonical_name(name or "")
    if not isinstance(root, Workspace):
        try:
            key = workspace_keys.for_sign_in(root, typed, password)
        except WrongKey:  # the password opens no slot: recorded if the keyring can open the workspace without it
            key = workspace_keys.without_password(root)
            if key is None:
                SLEEP(delay(1))
                raise SignInFailed(WRONG) from None
        root = open_or_create(root, key=key)
    workspace = workspace_of(root)
    if not has_accounts(workspace):
        raise SignInFailed(f"工作区 {workspace.root} 尚无账户：请先用 paneldesk --workspace 文件夹 init --admin 姓名 "
                           "创建管理员")
    with reading(workspace) as session:
        row = _find(session, typed) if typed else None
        if row is not None:
            session.expunge(row)  # kept as read: the reading session's rollback would expire it
    if not _verified(row, password):
        SLEEP(delay(_record_failure(workspace, typed or "（空）")))
        raise SignInFailed(WRONG)
    if row.disabled:
        raise AccountDisabled(f"账户 {row.name} 已于 {row.disabled[:10]} 停用，请联系管理员")
    if row.failures:
        _clear_failures(workspace, row.name)
    return _operator(row, workspace.root)


def _clear_failures(workspace: Workspace, name: str) -> None:
    """A sign-in after wrong passwords clears their count (audited: the count is data)."""
    try:
        with change(workspace, name, "account.sign_in", f"account:{name}") as unit:
            row = _find(unit.session, name)
            unit.before = {"failures": row.failures}
            row.failures, row.last_failure = 0, None
            unit.session.add(row)
            unit.after = {"failures": 0}
    except ReadOnlyWorkspace:
        pass


def unlocked(root: Place, name: str) -> Operator:
    """The administrator ``name`` of a workspace that the recovery key opened (desktop.services.recovery), so that
    they can set a new password: the one way to an Operator without the account's password."""
    with reading(root) as session:
        row = _get(session, name)
        session.expunge(row)
    if row.disabled or Role.ADMIN not in _roles_of(row):
        raise Forbidden(f"恢复密钥只能为可用的管理员账户设置新口令（账户 {row.name} 的角色为 "
                        f"{role_names(_roles_of(row))}{'，已停用' if row.disabled else ''}）")
    return _operator(row, _root(root))


def check_witness(op: Operator, witness: Operator) -> Operator:
    """SEPARATION: the witness of a draw signed in to the same workspace, holds 监督员 and is not the operator."""
    if not isinstance(witness, Operator) or witness.root != op.root:
        raise RuleError("SEPARATION", "SEPARATION 见证监督员须在本工作区用自己的账户和口令登录")
    check_witness_names(op.name, witness.name)
    if Role.SUPERVISOR not in witness.roles:
        raise RuleError("SEPARATION", f"SEPARATION 见证人须为监督员（账户 {witness.name} 的角色为 {witness.role_text}）")
    return witness


def witness_sign_in(op: Operator, name: str, password: str) -> Operator:
    """The second account of a draw: a supervisor other than the operator, signed in with their own password."""
    require(op, "draw.operate", op.root)
    check_witness_names(op.name, name)  # before asking anything of the accounts: the operator cannot witness
    return check_witness(op, sign_in(op.root, name, password))


def add_account(op: Operator, name: str, *, display_name: str = "", roles: Iterable[Role] | str,
                password: str) -> AccountInfo:
    require(op, "accounts.manage", op.root)
    account = _name(name)
    held = parse_roles(roles)
    _check_password(password)
    with change(op.root, op.name, "account.create", f"account:{account}") as unit:
        if _find(unit.session, account) is not None:
            raise UserError(f"已有账户「{account}」")
        row = Account(name=account, display_name=(display_name or "").strip() or account, roles=_stored(held),
                      password_hash=HASHER.hash(password), created=_now())
        unit.session.add(row)
        unit.after = _facts(row)
        workspace_keys.wrap(op.root, op.key, account, password)
    return _info(row)


def list_accounts(op: Operator) -> list[AccountInfo]:
    require(op, "accounts.manage", op.root)
    with reading(op.root) as session:
        listed = [_info(row) for row in session.exec(select(Account).order_by(Account.id))]
    return listed


def _still_administered(session, changed: Account) -> None:
    """Someone must be left who can manage accounts."""
    others = [row for row in session.exec(select(Account).where(Account.disabled.is_(None)))
              if Role.ADMIN in _roles_of(row) and row.id != changed.id]
    if not others:
        raise RuleError("SEPARATION", f"SEPARATION 账户 {changed.name} 是唯一可用的管理员：请先设另一名管理员")


def _edit(op: Operator, name: str, action: str, edit: Callable[[Any, Account], None]) -> AccountInfo:
    require(op, "accounts.manage", op.root)
    with change(op.root, op.name, action, f"account:{_name(name)}") as unit:
        row = _get(unit.session, name)
        unit.before = _facts(row)
        edit(unit.session, row)
        unit.session.add(row)
        unit.after = _facts(row)
    return _info(row)


def disable_account(op: Operator, name: str) -> AccountInfo:
    def disable(session, row: Account) -> None:
        if row.disabled:
            raise UserError(f"账户 {row.name} 已停用")
        if Role.ADMIN in _roles_of(row):
            _still_administered(session, row)
        row.disabled = _now()
        workspace_keys.drop(op.root, op.key, row.name)  # a disabled account no longer opens the workspace
    return _edit(op, name, "account.disable", disable)


def set_roles(op: Operator, name: str, roles: Iterable[Role] | str) -> AccountInfo:
    held = parse_roles(roles)

    def assign(session, row: Account) -> None:
        if Role.ADMIN in _roles_of(row) and Role.ADMIN not in held:
            _still_administered(session, row)
        row.roles = _stored(held)
    return _edit(op, name, "account.roles", assign)


def reset_password(op: Operator, name: str, new: str) -> AccountInfo:
    """The administrator sets a forgotten password; the audit says it was reset, never what to."""
    _check_password(new)

    def reset(_session, row: Account) -> None:
        row.password_hash, row.failures, row.last_failure = HASHER.hash(new), 0, None
        workspace_keys.wrap(op.root, op.key, row.name, new)
    info = _edit(op, name, "account.password.reset", reset)
    return info


def change_password(op: Operator, old: str, new: str) -> None:
    """One's own password, given the current one."""
    if not isinstance(op, Operator):
        raise Forbidden("请先登录：每项操作须由已登录的账户进行")
    _check_password(new)
    with change(op.root, op.name, "account.password.change", f"account:{op.name}") as unit:
        row = _get(unit.session, op.name)
        if not _verified(row, old):
            raise SignInFailed("原口令不正确")
        row.password_hash = HASHER.hash(new)
        unit.session.add(row)
        unit.after = {"name": row.name, "password": "changed"}
        workspace_keys.wrap(op.root, op.key, op.name, new)
