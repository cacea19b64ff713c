"""The main window: File and 账户 menus, the side bar of pages, and the status bar naming the open workspace and
the account signed in to it.

It owns no data; each page reads through the services when shown and reloads when ``Context.changed`` names what
it shows. Opening a workspace (or building the demo one) runs in a worker behind a progress dialog, and shows
nothing of it before an account signed in (desktop.ui.sign_in). The side bar offers only the pages the account's
roles may use — a convenience: the services refuse on their own. After the idle time the window locks
(desktop.ui.idle_lock).
"""

from __future__ import annotations

import datetime as dt

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QProgressDialog, QStackedWidget, QWidget)

from desktop import __version__
from desktop.services import accounts, workspaces
from desktop.services.accounts import Operator
from desktop.ui import errors, listings, sign_in
from desktop.ui.account_dialogs import ChangePasswordDialog, roles_text
from desktop.ui.pages.accounts_page import AccountsPage
from desktop.ui.pages.audit_page import AuditPage
from desktop.ui.pages.catalogue_page import CataloguePage
from desktop.ui.context import POOL, Context
from desktop.ui.pages.dashboard_page import DashboardPage
from desktop.ui.idle_lock import IdleLock
from desktop.ui.pages.calendar_page import CalendarPage
from desktop.ui.pages.appeals_page import AppealsPage
from desktop.ui.pages.limits_page import LimitsPage
from desktop.ui.pages.misconduct_page import MisconductPage
from desktop.ui.pages.rounds_page import RoundsPage
from desktop.ui.pages.archive_page import ArchivePage
from desktop.ui.pages.settings_page import SettingsPage

(DASHBOARD, EXPERTS, ORGANISATIONS, APPLICATIONS, ROUNDS, LIMITS, INTEGRITY, MISCONDUCT, APPEALS, CALENDAR, AUDIT,
 ACCOUNTS, ARCHIVE, SETTINGS) = range(14)
# what a page's account needs to be offered it (None: everyone); the services check again, whatever is shown
PAGE_PERMISSIONS = {DASHBOARD: "draws.read", EXPERTS: "experts.read", ORGANISATIONS: "experts.read",
                    APPLICATIONS: "experts.read", ROUNDS: "rounds.read", LIMITS: "conflicts.read",
                    INTEGRITY: "experts.read", MISCONDUCT: "experts.read", APPEALS: "results.read",
                    CALENDAR: "calendar.read",
                    AUDIT: "audit.read", ACCOUNTS: "accounts.manage", ARCHIVE: None, SETTINGS: None}


STEPS_AFTER_MS = 1000  # the round steps' code loads this long after the pool's rows are shown


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("PanelDesk 评审组织工作台"))
        self.dashboard = DashboardPage(ctx)
        self.experts = CataloguePage(ctx, listings.EXPERTS)
        self.rounds = RoundsPage(ctx)
        self.accounts_page = AccountsPage(ctx)
        self.settings_page = SettingsPage(ctx)
        self.archive_page = ArchivePage(ctx)
        pages = [(self.tr("工作台"), self.dashboard), (self.tr("专家库"), self.experts),
                 (self.tr("单位"), CataloguePage(ctx, listings.ORGANISATIONS)),
                 (self.tr("项目"), CataloguePage(ctx, listings.APPLICATIONS)), (self.tr("评审轮次"), self.rounds),
                 (self.tr("限项与资格"), LimitsPage(ctx)),
                 (self.tr("诚信记录"), CataloguePage(ctx, listings.INTEGRITY)),
                 (self.tr("失信与修复"), MisconductPage(ctx)), (self.tr("申诉与复核"), AppealsPage(ctx)),
                 (self.tr("工作日历"), CalendarPage(ctx)),
                 (self.tr("审计日志"), AuditPage(ctx)), (self.tr("账户管理"), self.accounts_page),
                 (self.tr("归档与备份"), self.archive_page), (self.tr("设置"), self.settings_page)]
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(132)
        self.nav.setStyleSheet("QListWidget{background:#f2f4f7;border:none;font-size:11pt}"
                               "QListWidget::item{padding:9px 14px}"
                               "QListWidget::item:selected{background:#3b73b9;color:white}")
        self.stack = QStackedWidget()
        for title, page in pages:
            QListWidgetItem(title, self.nav)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.dashboard.open_round.connect(self.show_round)
        self.archive_page.restored.connect(self.reopen)
        self.dashboard.shown.connect(self._dashboard_shown)
        pages_view = QWidget()
        layout = QHBoxLayout(pages_view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack)
        self.signed_out_note = QLabel()
        self.signed_out_note.setObjectName("signed_out")
        self.signed_out_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signed_out_note.setWordWrap(True)
        self.body = QStackedWidget()  # the pages only while an account is signed in
        self.body.addWidget(self.signed_out_note)
        self.body.addWidget(pages_view)
        self.setCentralWidget(self.body)
        self.place_label = QLabel()
        self.account_label = QLabel()
        self.account_label.setObjectName("account")
        self.account_label.setContentsMargins(0, 0, 16, 0)
        self.statusBar().addPermanentWidget(self.account_label)
        self.statusBar().addPermanentWidget(self.place_label)
        self.idle = IdleLock(ctx, self, ctx.settings.idle_minutes)
        self.idle.unlocked.connect(self._unlocked)
        self.settings_page.saved.connect(lambda: self.idle.set_minutes(ctx.settings.idle_minutes))
        self._build_menu()
        self._show_account()
        geometry = ctx.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.nav.setCurrentRow(DASHBOARD)
        self._backup_offered = False

    def _build_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        for text, shortcut, slot in ((self.tr("新建工作区…"), QKeySequence.StandardKey.New, self.new_workspace),
                                     (self.tr("打开工作区…"), QKeySequence.StandardKey.Open, self.choose_workspace)):
            action = QAction(text, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            menu.addAction(action)
        self.recent_menu = menu.addMenu(self.tr("最近打开"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        menu.addSeparator()
        self.import_action = QAction(self.tr("导入表格…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_spreadsheets)
        menu.addAction(self.import_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        account_menu = self.menuBar().addMenu(self.tr("账户(&A)"))
        self.change_password_action = account_menu.addAction(self.tr("修改我的口令…"), self.change_password)
        self.manage_accounts_action = account_menu.addAction(self.tr("账户管理"),
                                                             lambda: self.nav.setCurrentRow(ACCOUNTS))
        account_menu.addSeparator()
        self.lock_action = account_menu.addAction(self.tr("锁定"), self.idle.lock)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.sign_out_action = account_menu.addAction(self.tr("注销"), self.sign_out)
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        log_action = help_menu.addAction(self.tr("打开工作区文件夹（含日志）"))
        log_action.triggered.connect(self.open_workspace_folder)
        help_menu.addAction(self.tr("关于 PanelDesk"), self.about)

    def open_workspace_folder(self) -> None:
        if self.ctx.place is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.place)))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于 PanelDesk"), self.tr(
            "PanelDesk 评审组织工作台 {0}\n\n科技计划项目专家评审的组织工具：专家库与项目导入、回避审查、"
            "专家抽取、承诺书与会议材料的签名生成。全部数据保存在本机工作区，无需联网。\n\n"
            "工作区：{1}\n出错时的详细信息记入工作区中的 paneldesk.log。").format(
                __version__, self.ctx.place or self.tr("（未打开）")))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.ctx.settings.recent_workspaces:
            action = self.recent_menu.addAction(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open_workspace(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("（无）")).setEnabled(False)

    # --- workspaces ---------------------------------------------------------------------------------------------
    def choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("打开工作区"))
        if folder:
            self.open_workspace(Path(folder))

    def new_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("选择（或新建）一个空文件夹作为工作区"))
        if folder:
            self.open_workspace(Path(folder), create=True)

    def open_workspace(self, path: Path, create: bool = False) -> None:
        """Open (or, with ``create``, make) the workspace at ``path``: it shows once an account signed in to it;
        a workspace without accounts asks for its first one, the administrator."""
        if not create and not workspaces.is_workspace(path):
            QMessageBox.warning(self, self.tr("无法打开工作区"), self.tr(
                "“{0}”不是 PanelDesk 工作区（其中没有 paneldesk.db）。请选择已有的工作区文件夹，"
                "或用「文件 › 新建工作区…」在空文件夹中新建一个。").format(path))
            return
        root = Path(path).resolve()
        self.ctx.runner.run(lambda job: create and not workspaces.is_workspace(root) or not accounts.has_accounts(root),
                            lambda first: self._sign_in_to(root, first),
                            lambda e: errors.show(self, self.tr("无法打开工作区"), e), write=True)

    def _sign_in_to(self, root: Path, first: bool) -> None:
        if self.ctx.sign_in is not None:
            operator = self.ctx.sign_in(root)
        else:
            operator = sign_in.ask(root, self.ctx.runner, self, first=first,
                                   suggest="" if first else self.ctx.settings.operator)
        if operator is not None:
            self.signed_in(operator)
        # not signed in: the workspace open before (if any) stays as it was

    def signed_in(self, operator: Operator) -> None:
        """``operator`` signed in: its workspace shows, with the pages its roles may use."""
        self._opened(operator.root, operator)

    def sign_out(self, ask: bool = True) -> None:
        """Back to the sign-in dialog of the same workspace; nothing of it stays on screen meanwhile."""
        if ask and self.ctx.runner.busy():
            answer = QMessageBox.question(self, self.tr("注销"), self.tr(
                "有操作正在进行（如抽取专家、生成文书或导入），注销后它仍将完成。仍要注销？"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.ctx.actor = None
        self.idle.arm()
        self._show_account()
        if ask and self.ctx.place is not None:
            self._sign_in_to(self.ctx.place, False)

    def reopen(self, path: Path) -> None:
        """The workspace at ``path`` was replaced (restored from a backup): nothing of the old one stays on screen
        or signed in, and the restored one opens as File › 打开 opens any, every page reading it afresh."""
        self.sign_out(ask=False)
        self.open_workspace(path)

    def open_or_build(self, path: Path) -> None:
        """Open ``path``; when it holds no workspace yet, build the demo workspace there first."""
        if workspaces.is_workspace(path):
            self.open_workspace(path)
            return
        dialog = QProgressDialog(self.tr("正在生成示例工作区（合成的专家库、项目和一个评审轮次）…"), "", 0, 0, self)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()

        def done(_result) -> None:
            dialog.close()
            self.open_workspace(path)

        def failed(error: BaseException) -> None:
            dialog.close()
            errors.show(self, self.tr("无法生成示例工作区"), error)

        def build(job):
            from desktop.services.demo import build_demo  # the generator's imports cost a second; only needed here
            return build_demo(Path(path))

        self.ctx.runner.run(build, done, failed, write=True)

    def _dashboard_shown(self) -> None:
        """The pool is what staff open most: read once the dashboard's counts are up, before the dashboard's own
        later figures (read alongside, each delayed the other by a second) and the round steps' code (so the first
        round opened only builds its step on the GUI thread). The steps' code loads a second after the rows, while
        the pool's search keys are still being built beside the window: loading it is a tenth of a second of Python
        in a worker, which the GUI thread waits for at each call into Python, so it should be over before search
        works and the first keystrokes come (three seconds after the start, as it was, it met them)."""
        if self.ctx.actor is not None and self.ctx.actor.may("experts.read"):
            self.experts.prefetch(then=self._pool_shown)
        else:
            self._pool_shown()

    def _pool_shown(self) -> None:
        self.dashboard.read_later()
        QTimer.singleShot(STEPS_AFTER_MS, self.rounds.workspace.preload)

    def _opened(self, root: Path, actor: Operator) -> None:
        errors.log_to(root)
        self.place_label.setText(self.tr("工作区：{0}").format(root))
        self.setWindowTitle(self.tr("PanelDesk 评审组织工作台 — {0}").format(root.name))
        self._offer_pages(actor)
        self.ctx.set_workspace(root, actor)
        self._show_account()
        self.idle.arm()

    def _unlocked(self, operator: Operator) -> None:
        """Signed in again at the lock: its roles as they are now (changed meanwhile, they take effect here), and
        nothing reloaded."""
        self.ctx.actor = operator
        self._offer_pages(operator)
        self._show_account()

    def _offer_pages(self, actor: Operator) -> None:
        for index, permission in PAGE_PERMISSIONS.items():
            self.nav.item(index).setHidden(permission is not None and not actor.may(permission))
        self.import_action.setVisible(actor.may("import"))
        self.manage_accounts_action.setVisible(actor.may("accounts.manage"))
        if self.nav.item(self.nav.currentRow()).isHidden():
            self.nav.setCurrentRow(next(i for i in range(self.nav.count()) if not self.nav.item(i).isHidden()))

    def _show_account(self) -> None:
        actor = self.ctx.actor
        for action in (self.change_password_action, self.lock_action, self.sign_out_action):
            action.setEnabled(actor is not None)
        if actor is None:
            self.account_label.setText(self.tr("未登录"))
            self.signed_out_note.setText(self.tr("未登录。请用「文件」菜单打开或新建工作区，并用本人的账户登录。")
                                         if self.ctx.place is None else
                                         self.tr("已注销。请用「文件 › 最近打开」重新登录工作区 {0}。").format(self.ctx.place))
            self.body.setCurrentIndex(0)
            return
        self.account_label.setText(self.tr("{0}（{1}）｜{2}").format(actor.display_name, actor.name,
                                                                   roles_text(actor.roles)))
        self.body.setCurrentIndex(1)

    def change_password(self) -> None:
        if self.ctx.actor is not None:
            ChangePasswordDialog(self.ctx, self).open()

    # --- pages --------------------------------------------------------------------------------------------------
    def show_round(self, ref) -> None:
        """Show round ``ref`` (a RoundRef) of the open workspace."""
        self.nav.setCurrentRow(ROUNDS)
        self.rounds.select(ref)

    def import_spreadsheets(self) -> None:
        if self.ctx.place is None:
            QMessageBox.information(self, self.tr("导入表格"), self.tr("请先打开或新建一个工作区"))
            return
        from desktop.ui.import_wizard import ImportWizard  # openpyxl loads with it; most sessions never import
        wizard = ImportWizard(self.ctx, self)
        wizard.imported.connect(lambda: self.ctx.touched(POOL))
        wizard.open()

    def closeEvent(self, event) -> None:
        if self.ctx.runner.busy():
            answer = QMessageBox.question(self, self.tr("退出"), self.tr(
                "有操作正在进行（如抽取专家、生成文书或导入）。现在退出将中断它：未完成的部分不会保存。仍要退出？"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self._offer_backup():
            event.ignore()
            return
        self.ctx.settings.geometry = self.saveGeometry()
        self.ctx.settings.sync()
        super().closeEvent(event)

    def _backup_answered(self, result: int) -> None:
        if result:
            self.close()  # backed up, or declined: the offer is not made again today
        else:
            self._backup_offered = False  # the user stays: the offer comes again at the next close

    def _offer_backup(self) -> bool:
        """Once a day, on close, offer a backup and say when the last one was; True while the offer is open (the
        window closes once it is answered)."""
        actor, today = self.ctx.actor, dt.date.today().isoformat()
        if actor is None or not actor.may("backup") or self.ctx.settings.last_backup == today or self._backup_offered:
            return False
        self._backup_offered = True
        from desktop.ui.backup_offer import BackupOffer
        offer = BackupOffer(self.ctx, self)
        offer.finished.connect(self._backup_answered)
        offer.open()
        return True
