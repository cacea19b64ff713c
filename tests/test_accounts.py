"""Accounts on a real workspace: the administrator made by init, sign-in with its growing delay and audited failures,
account changes by the administrator only (audited, never with the hash), SEPARATION between roles, the witness."""

import json

import pytest
from sqlmodel import select

from desktop.domain.errors import RuleError, UserError
from desktop.domain.roles import PERMISSIONS, Role, check_roles, parse_roles
from desktop.services import accounts
from desktop.services.accounts import AccountDisabled, Forbidden, SignInFailed
from desktop.services.audit_log import verify_log
from desktop.services.uow import reading
from desktop.store.tables import AuditEntry
from tests.conftest import TEST_PASSWORD, signed

PASSWORD = TEST_PASSWORD  # the administrator's, as every test account's (tests/conftest.py)


@pytest.fixture
def admin(tmp_path):
    return accounts.init_workspace(tmp_path / "ws", "管理员", PASSWORD)


def _entries(root) -> list[AuditEntry]:
    with reading(root) as session:
        found = list(session.exec(select(AuditEntry).order_by(AuditEntry.id)))
        session.expunge_all()
    return found


def test_init_makes_the_administrator_who_can_sign_in(admin):
    assert admin.roles == {Role.ADMIN} and admin.key is not None  # the workspace is encrypted from init on
    again = accounts.sign_in(admin.root, "管理员", PASSWORD)
    assert again == admin
    assert [e.action for e in _entries(admin.root)] == ["account.create"]


def test_init_twice_is_refused(admin):
    with pytest.raises(UserError, match="已有账户"):
        accounts.init_workspace(admin.root, "另一人", PASSWORD)


def test_wrong_password_waits_longer_each_time_and_is_audited(admin, quick_accounts):
    for _ in range(4):
        with pytest.raises(SignInFailed, match="账户名或口令不正确"):
            accounts.sign_in(admin.root, "管理员", "wrong-password")
    assert quick_accounts == [1.0, 2.0, 4.0, 8.0]
    failed = [e for e in _entries(admin.root) if e.action == "account.sign_in.failed"]
    assert [json.loads(e.after)["failures"] for e in failed] == [1, 2, 3, 4]
    accounts.sign_in(admin.root, "管理员", PASSWORD)  # the right password clears the count
    with pytest.raises(SignInFailed):
        accounts.sign_in(admin.root, "管理员", "wrong-password")
    assert quick_accounts[-1] == 1.0
    assert verify_log(admin.root, signed(admin.root, "审计员")).intact


def test_unknown_name_gets_the_same_message_and_a_delay(admin, quick_accounts):
    with pytest.raises(SignInFailed, match="^账户名或口令不正确$"):
        accounts.sign_in(admin.root, "无此人", PASSWORD)
    assert quick_accounts == [1.0]
    assert _entries(admin.root)[-1].target == "account:无此人"


def test_delay_has_a_ceiling():
    assert accounts.delay(1) == 1 and accounts.delay(50) == accounts.MAX_DELAY


def test_names_are_one_account_in_canonical_form(admin):
    accounts.add_account(admin, "李监督", roles="监督员", password="supervise-1")
    with pytest.raises(UserError, match="已有账户"):
        accounts.add_account(admin, "李\u200b监督", roles="监督员", password="supervise-1")
    assert accounts.sign_in(admin.root, " 李监督\u200d", "supervise-1").name == "李监督"


def test_account_changes_are_audited_with_before_and_after_never_the_hash(admin):
    accounts.add_account(admin, "王秘书", display_name="王芳", roles=[Role.SECRETARY], password="secret-1234")
    accounts.set_roles(admin, "王秘书", "秘书,监督员")
    accounts.reset_password(admin, "王秘书", "another-5678")
    accounts.disable_account(admin, "王秘书")
    entries = _entries(admin.root)
    assert [e.action for e in entries[1:]] == ["account.create", "account.roles", "account.password.reset",
                                              "account.disable"]
    roles = entries[2]
    assert json.loads(roles.before)["roles"] == ["秘书"] and json.loads(roles.after)["roles"] == ["秘书", "监督员"]
    assert all(e.actor == "管理员" for e in entries)
    text = " ".join(e.before + e.after for e in entries)
    assert "argon2" not in text and "another-5678" not in text and "secret-1234" not in text
    with pytest.raises(AccountDisabled):
        accounts.sign_in(admin.root, "王秘书", "another-5678")


def test_list_accounts(admin):
    accounts.add_account(admin, "钱审计", roles="审计员", password="audit-1234")
    listed = [a.to_dict() for a in accounts.list_accounts(admin)]
    assert [(a["name"], a["roles"]) for a in listed] == [("管理员", ["管理员"]), ("钱审计", ["审计员"])]
    assert "password_hash" not in listed[0]


def test_short_passwords_are_refused(admin, tmp_path):
    with pytest.raises(UserError, match="至少须有 8 个字符"):
        accounts.add_account(admin, "王秘书", roles="秘书", password="1234567")
    with pytest.raises(UserError, match="至少须有 8 个字符"):
        accounts.init_workspace(tmp_path / "other", "管理员", "short")


def test_only_the_administrator_changes_accounts(admin):
    accounts.add_account(admin, "王秘书", roles="秘书", password="secret-1234")
    secretary = accounts.sign_in(admin.root, "王秘书", "secret-1234")
    for call in (lambda: accounts.add_account(secretary, "x", roles="秘书", password="12345678"),
                 lambda: accounts.list_accounts(secretary),
                 lambda: accounts.disable_account(secretary, "管理员"),
                 lambda: accounts.set_roles(secretary, "王秘书", "秘书,审批人"),
                 lambda: accounts.reset_password(secretary, "管理员", "12345678")):
        with pytest.raises(Forbidden, match="需要 管理员 角色"):
            call()


def test_change_my_password_needs_the_old_one(admin):
    with pytest.raises(SignInFailed, match="原口令不正确"):
        accounts.change_password(admin, "not-it-at-all", "new-password-1")
    accounts.change_password(admin, PASSWORD, "new-password-1")
    assert accounts.sign_in(admin.root, "管理员", "new-password-1").name == "管理员"
    with pytest.raises(SignInFailed):
        accounts.sign_in(admin.root, "管理员", PASSWORD)


def test_the_last_administrator_stays(admin):
    with pytest.raises(RuleError, match="唯一可用的管理员"):
        accounts.disable_account(admin, "管理员")
    with pytest.raises(RuleError, match="唯一可用的管理员"):
        accounts.set_roles(admin, "管理员", "秘书")


@pytest.mark.parametrize("roles, ok", [
    ("秘书", True), ("秘书,监督员", True), ("秘书,监督员,审批人", True), ("审批人", True),
    ("审计员", True), ("管理员", True),
    ("审计员,秘书", False), ("审计员,管理员", False), ("管理员,秘书", False), ("管理员,监督员", False),
    ("管理员,审批人", False), ("", False),
])
def test_separation_of_roles(roles, ok):
    if ok:
        assert parse_roles(roles) == check_roles(Role(r) for r in roles.split(","))
    else:
        with pytest.raises(RuleError) as refused:
            parse_roles(roles)
        assert refused.value.code == "SEPARATION"


def test_unknown_role_is_named():
    with pytest.raises(RuleError, match="没有「组长」这个角色"):
        parse_roles("秘书,组长")


def test_separation_holds_in_set_roles(admin):
    accounts.add_account(admin, "钱审计", roles="审计员", password="audit-1234")
    with pytest.raises(RuleError, match="审计员不能同时担任其他角色"):
        accounts.set_roles(admin, "钱审计", "审计员,秘书")


def test_an_operator_of_another_workspace_is_refused(admin, tmp_path):
    other = accounts.init_workspace(tmp_path / "other", "管理员", PASSWORD)
    with pytest.raises(Forbidden, match="登录的是工作区"):
        accounts.require(other, "accounts.manage", admin.root)
    with pytest.raises(Forbidden, match="请先登录"):
        accounts.require("管理员", "accounts.manage", admin.root)


def test_every_permission_names_roles_and_the_administrator_only_manages_accounts():
    assert all(PERMISSIONS.values())
    assert {p for p, roles in PERMISSIONS.items() if Role.ADMIN in roles} == {"accounts.manage", "summary"}
    assert PERMISSIONS["accounts.manage"] == {Role.ADMIN}


@pytest.fixture
def draw_people(admin):
    accounts.add_account(admin, "王秘书", roles="秘书", password="secret-1234")
    accounts.add_account(admin, "李监督", roles="监督员", password="supervise-1")
    accounts.add_account(admin, "张双岗", roles="秘书,监督员", password="both-roles-1")
    accounts.add_account(admin, "赵审批", roles="审批人", password="approve-123")
    return accounts.sign_in(admin.root, "王秘书", "secret-1234")


def test_witness_signs_in_with_own_password(draw_people, quick_accounts):
    witness = accounts.witness_sign_in(draw_people, "李监督", "supervise-1")
    assert witness.name == "李监督" and Role.SUPERVISOR in witness.roles
    with pytest.raises(SignInFailed):
        accounts.witness_sign_in(draw_people, "李监督", "wrong-password")
    assert quick_accounts == [1.0]


def test_witness_must_be_a_supervisor(draw_people):
    with pytest.raises(RuleError, match="见证人须为监督员"):
        accounts.witness_sign_in(draw_people, "赵审批", "approve-123")


def test_operator_cannot_witness_own_draw(admin, draw_people):
    both = accounts.sign_in(admin.root, "张双岗", "both-roles-1")
    with pytest.raises(RuleError, match="不能同时担任见证监督员"):
        accounts.witness_sign_in(both, "张双岗", "both-roles-1")
    with pytest.raises(RuleError, match="不能同时担任见证监督员"):
        accounts.check_witness(both, both)


def test_witness_of_another_workspace_is_refused(draw_people, tmp_path):
    stranger = accounts.init_workspace(tmp_path / "other", "李监督", PASSWORD)
    with pytest.raises(RuleError, match="本工作区"):
        accounts.check_witness(draw_people, stranger)
