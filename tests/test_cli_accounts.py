"""The command line's account shapes, as scripts rely on them: init --admin, account add|list|disable|roles|password,
--operator with PANELDESK_PASSWORD on every other command, --witness with PANELDESK_WITNESS_PASSWORD on the draw."""

import json

import pytest

from desktop.cli import main
from desktop.services import accounts
from desktop.services.demo import DEMO_ACCOUNTS
from desktop.store.workspace import close_workspace
from tests.conftest import ADMIN, TEST_PASSWORD


@pytest.fixture
def cli(tmp_path, capsys):
    root = tmp_path / "ws"

    def run(*argv: str, env: dict[str, str] | None = None, monkeypatch=None) -> tuple[int, str, str]:
        code = main(["--workspace", str(root), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    run.root = root
    yield run
    close_workspace(root)


def test_init_makes_the_administrator_from_the_environment(cli):
    code, out, _ = cli("init", "--admin", ADMIN, "--json")
    assert code == 0 and json.loads(out)["admin"] == ADMIN
    assert accounts.sign_in(cli.root, ADMIN, TEST_PASSWORD).roles == {"管理员"}
    code, _, err = cli("init", "--admin", "另一人")
    assert code != 0 and "已有账户" in err


def test_init_needs_a_password_of_eight_characters(cli, monkeypatch):
    monkeypatch.setenv("PANELDESK_PASSWORD", "short")
    code, _, err = cli("init", "--admin", ADMIN)
    assert code != 0 and "至少须有 8 个字符" in err


def test_account_add_list_roles_disable_and_password(cli, monkeypatch):
    cli("init", "--admin", ADMIN)
    admin = ["--operator", ADMIN]
    code, out, _ = cli(*admin, "account", "add", "王秘书", "--roles", "秘书,监督员", "--display-name", "王芳", "--json")
    assert code == 0 and json.loads(out) | {"created": ""} == {
        "name": "王秘书", "display_name": "王芳", "roles": ["秘书", "监督员"], "created": "", "disabled": None}
    code, out, _ = cli(*admin, "account", "roles", "王秘书", "--roles", "秘书", "--json")
    assert code == 0 and json.loads(out)["roles"] == ["秘书"]
    code, out, _ = cli(*admin, "account", "list", "--json")
    assert [a["name"] for a in json.loads(out)] == [ADMIN, "王秘书"]
    monkeypatch.setenv("PANELDESK_NEW_PASSWORD", "reset-by-admin")
    assert cli(*admin, "account", "password", "王秘书")[0] == 0
    monkeypatch.setenv("PANELDESK_PASSWORD", "reset-by-admin")
    monkeypatch.setenv("PANELDESK_NEW_PASSWORD", "my-own-choice")
    code, out, _ = cli("--operator", "王秘书", "account", "password")
    assert code == 0 and "已修改" in out
    monkeypatch.setenv("PANELDESK_PASSWORD", TEST_PASSWORD)
    code, out, _ = cli(*admin, "account", "disable", "王秘书", "--json")
    assert code == 0 and json.loads(out)["disabled"]
    monkeypatch.setenv("PANELDESK_PASSWORD", "my-own-choice")
    code, _, err = cli("--operator", "王秘书", "round", "list")
    assert code != 0 and "已" in err and "停用" in err


def test_separation_is_refused_on_the_command_line(cli):
    cli("init", "--admin", ADMIN)
    code, _, err = cli("--operator", ADMIN, "account", "add", "钱审计", "--roles", "审计员,秘书")
    assert code != 0 and "SEPARATION" in err and "审计员不能同时担任其他角色" in err


def test_wrong_password_missing_role_and_no_operator_exit_non_zero_with_the_reason(cli, monkeypatch, quick_accounts):
    cli("init", "--admin", ADMIN)
    assert cli("--operator", ADMIN, "account", "add", "王秘书", "--roles", "秘书")[0] == 0
    code, _, err = cli("--operator", ADMIN, "list", "experts")
    assert code != 0 and "需要 秘书、监督员、审批人 角色" in err
    code, _, err = cli("--operator", "王秘书", "account", "list")
    assert code != 0 and "需要 管理员 角色" in err
    code, _, err = cli("list", "experts")
    assert code != 0 and "--operator" in err
    monkeypatch.setenv("PANELDESK_PASSWORD", "wrong-password")
    code, out, err = cli("--operator", "王秘书", "list", "experts")
    assert code != 0 and out == "" and "账户名或口令不正确" in err
    assert quick_accounts == [1.0]


def test_the_draw_needs_the_witness_password(demo_workspace, capsys, monkeypatch, quick_accounts):
    def draw(*extra):
        code = main(["--workspace", str(demo_workspace), "--operator", "王秘书", "draw", "--round", "1",
                     "--witness-digits", "123456", "--json", *extra])
        return code, *capsys.readouterr()

    monkeypatch.setenv("PANELDESK_WITNESS_PASSWORD", "not-the-witness")
    code, _, err = draw("--witness", "李监督")
    assert code != 0 and "账户名或口令不正确" in err
    monkeypatch.setenv("PANELDESK_WITNESS_PASSWORD", TEST_PASSWORD)
    code, _, err = draw("--witness", "王秘书")
    assert code != 0 and "SEPARATION" in err and "不能同时担任见证监督员" in err
    code, _, err = draw("--witness", "赵审批")
    assert code != 0 and "见证人须为监督员" in err
    code, out, _ = draw("--witness", "李监督")
    assert code == 0 and json.loads(out)["witness"] == "李监督" and json.loads(out)["operator"] == "王秘书"


def test_the_demo_accounts_sign_in_with_the_passwords_the_readme_lists(tmp_path, capsys):
    root = tmp_path / "demo"
    assert main(["--workspace", str(root), "demo", "--experts", "40", "--applications", "6", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["accounts"]
    assert [(a["name"], a["roles"], a["password"]) for a in listed] == [
        (name, [role.value], password) for name, _, role, password in DEMO_ACCOUNTS]
    readme = (__import__("pathlib").Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for name, _, role, password in DEMO_ACCOUNTS:
        assert accounts.sign_in(root, name, password).roles == {role}
        assert name in readme and password in readme
    close_workspace(root)
