"""The recovery key: printed once for the unit head's safe, it opens a workspace whose passwords are all forgotten.

``init_workspace`` prints the first sheet with the first administrator; ``issue_recovery_key`` (the administrator)
makes a new code, prints it on a PDF sheet (reports.recovery_sheet) and
only then wraps the data key with it, replacing any earlier code: the sheet is the code's only copy, so a code is
never made that nobody holds. ``recover`` opens the workspace with the code and lets a named administrator set a new
password, which re-wraps their slot; both are audited (the code never is).
"""

from __future__ import annotations

from pathlib import Path

from desktop.domain.errors import UserError
from desktop.services import accounts
from desktop.services.accounts import Operator, require
from desktop.services.uow import change
from desktop.services.workspaces import open_or_create
from desktop.store import keyslots
from reports.files import write_atomically

RECOVER_COMMAND = "paneldesk --workspace 工作区文件夹 recover --admin 管理员账户 --code 恢复密钥"


def default_sheet_path(root: Path) -> Path:
    """Beside the workspace folder, not in it: the sheet is printed and then kept apart from the data."""
    root = Path(root).resolve()
    return root.parent / f"{root.name}-恢复密钥.pdf"


def init_workspace(root: Path, admin: str, password: str, display_name: str | None = None,
                   sheet: Path | None = None) -> tuple[Operator, Path | None]:
    """A new workspace and its first administrator, with the first recovery sheet written at once (to ``sheet`` or
    beside the workspace): until the sheet exists, forgetting that one password loses the workspace."""
    admin_op = accounts.init_workspace(root, admin, password, display_name)
    return admin_op, issue_recovery_key(admin_op, sheet) if admin_op.key is not None else None


def issue_recovery_key(op: Operator, path: Path | None = None) -> Path:
    """Make a new recovery code, write its sheet to ``path`` (0600) and wrap the data key with it."""
    require(op, "accounts.manage", op.root)
    if op.key is None:
        raise UserError(f"工作区 {op.root} 未加密，没有可恢复的密钥")
    path = Path(path) if path else default_sheet_path(op.root)
    from reports.recovery_sheet import RecoverySheet, render_recovery_sheet  # reportlab: not at the window's start
    code = keyslots.new_code()
    with change(op.root, op.name, "recovery.issue") as unit:
        unit.before = {"recovery": keyslots.has_recovery(op.root)}
        write_atomically(path, render_recovery_sheet(RecoverySheet(
            op.root.name, str(op.root), code, accounts.CLOCK().strftime("%Y-%m-%d %H:%M"),
            f"{op.display_name}（{op.name}）", RECOVER_COMMAND)))
        keyslots.add_recovery(op.root, op.key, code)
        unit.after = {"recovery": True, "sheet": str(path)}
    return path


def recover(root: Path, code: str, admin: str, new_password: str) -> Operator:
    """Open the workspace with the recovery code and give the administrator ``admin`` the password ``new_password``
    (their slot re-wrapped); the administrator, signed in."""
    key = keyslots.unlock_recovery(Path(root).resolve(), code)
    workspace = open_or_create(root, key=key)
    op = accounts.unlocked(workspace, admin)
    accounts.reset_password(op, op.name, new_password)
    with change(workspace, op.name, "recovery.use", f"account:{op.name}") as unit:
        unit.after = {"account": op.name, "password": "reset"}
    return op
