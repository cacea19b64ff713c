"""Step 8: commitments (EXPERT_COMMITMENT) and attendance — every member of the confirmed panels with their signed
commitment (a scan or photo imported, or signed on site as a supervisor, signed in, confirms) and whether they sat on
the review day; each panel as it sat is checked again against ENTERPRISE_THIRD and flagged when below."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout,
                               QWidget)

from desktop.services import commitments
from desktop.services.confidential import mask_id
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.round.supervisor import SupervisorDialog
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.widgets.text_table import TextTable

translate = QCoreApplication.translate
ATTENDANCE = {"present": QT_TRANSLATE_NOOP("CommitmentsStep", "出席"),
              "absent": QT_TRANSLATE_NOOP("CommitmentsStep", "缺席"),
              "left_early": QT_TRANSLATE_NOOP("CommitmentsStep", "中途离会")}
KINDS = {"scan": QT_TRANSLATE_NOOP("CommitmentsStep", "扫描件"), "on_site": QT_TRANSLATE_NOOP("CommitmentsStep", "现场签署")}


class CommitmentsStep(LoadsWhenShown, QWidget):
    saved = Signal(object)

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.rows: list[dict] = []
        self.summary = QLabel()
        self.summary.setObjectName("commitments_summary")
        self.summary.setWordWrap(True)
        self.sat = QLabel()
        self.sat.setObjectName("commitments_as_sat")
        self.sat.setWordWrap(True)
        self.table = TextTable([self.tr("评审组"), self.tr("姓名"), self.tr("身份证号"), self.tr("企业专家"),
                                self.tr("承诺书"), self.tr("出席")], "commitments_table")
        self.scan = QPushButton(self.tr("导入签署的承诺书扫描件…"))
        self.scan.setObjectName("commitment_scan")
        self.scan.clicked.connect(self.choose_scan)
        self.on_site = QPushButton(self.tr("现场签署（监督员确认）…"))
        self.on_site.setObjectName("commitment_on_site")
        self.on_site.clicked.connect(self.confirm_on_site)
        self.attendance = QComboBox()
        self.attendance.setObjectName("attendance_status")
        for code, word in ATTENDANCE.items():
            self.attendance.addItem(translate("CommitmentsStep", word), code)
        self.mark = QPushButton(self.tr("记录出席情况"))
        self.mark.setObjectName("attendance_record")
        self.mark.clicked.connect(self.record_attendance)
        buttons = QHBoxLayout()
        buttons.addWidget(self.scan)
        buttons.addWidget(self.on_site)
        buttons.addStretch()
        buttons.addWidget(self.attendance)
        buttons.addWidget(self.mark)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.sat)

    def set_round(self, info: RoundInfo | None) -> None:
        self.info = info
        self.rows = []
        self.table.set_rows([])
        self.sat.clear()
        drawn = bool(info and info.draws)
        for widget in (self.scan, self.on_site, self.mark):
            widget.setEnabled(drawn)
        self.summary.setText(self.tr("评审组确认后在这里记录承诺书和出席情况。"))
        self.load_when_shown(drawn)

    def load(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: commitments.commitments_status(place, actor, ref),
                            lambda rows: self._loaded(ref, rows), lambda e: self.summary.setText(errors.message(e)))

    def _loaded(self, ref: RoundRef, rows: list[dict]) -> None:
        if self.info is None or self.info.ref != ref:
            return
        chosen = self._chosen()
        self.rows = rows
        cells = []
        for row in rows:
            made = row["commitment"]
            kind = translate("CommitmentsStep", KINDS[made["kind"]]) if made else self.tr("未记录")
            if made and made["confirmed_by"]:
                kind += self.tr("（{0} 确认）").format(made["confirmed_by"])
            attended = translate("CommitmentsStep", ATTENDANCE[row["attendance"]]) if row["attendance"] \
                else self.tr("未记录")
            cells.append((row["panel"], row["name"], mask_id(row["expert"]), self.tr("是") if row["enterprise"] else "",
                          (kind, "#1e8449" if made else "#a04000"), attended))
        self.table.set_rows(cells)
        missing = sum(r["commitment"] is None for r in rows)
        self.summary.setText(self.tr("尚无已确认的评审组。") if not rows else
                             self.tr("{0} 位评审专家，尚缺承诺书 {1} 份（没有承诺书的专家的评分不被接受）。")
                             .format(len(rows), missing))
        panels: dict[str, dict] = {r["panel"]: r["as_sat"] for r in rows}
        lines = []
        for panel, sat in panels.items():
            if sat["marked"]:
                flag = self.tr("✘ 低于比例，已标记") if sat["flagged"] else self.tr("✔")
                lines.append(self.tr("{0} 实到 {1} 人，企业专家 {2} 人（至少 {3} 人）{4}").format(
                    panel, sat["sat"], sat["enterprise_count"], sat["enterprise_required"], flag))
        flagged = any(s["flagged"] for s in panels.values())
        self.sat.setStyleSheet("color:#c0392b" if flagged else "")
        self.sat.setText("\n".join(lines))
        if chosen is not None:
            for index, row in enumerate(rows):
                if row["expert"] == chosen:
                    self.table.selectRow(index)

    def _chosen(self) -> str | None:
        index = self.table.current_row()
        return self.rows[index]["expert"] if 0 <= index < len(self.rows) else None

    def _need_choice(self) -> str | None:
        expert = self._chosen()
        if expert is None:
            QMessageBox.information(self, self.tr("承诺书与出席"), self.tr("请先在表中选择一位评审专家"))
        return expert

    def choose_scan(self) -> None:
        expert = self._need_choice()
        if expert is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入签署的承诺书"), "",
                                              self.tr("扫描件或照片 (*.pdf *.jpg *.jpeg *.png *.PDF *.JPG *.JPEG *.PNG)"))
        if path:
            self.record_scan(expert, Path(path))

    def record_scan(self, expert: str, path: Path) -> None:
        self._write(lambda place, actor, ref: commitments.record_commitment(place, actor, ref, expert, scan=path),
                    self.tr("承诺书未记录"))

    def confirm_on_site(self) -> None:
        expert = self._need_choice()
        if expert is None:
            return
        name = next(r["name"] for r in self.rows if r["expert"] == expert)
        dialog = SupervisorDialog(self.ctx.actor, self.tr("确认 {0} 已在现场签署承诺书。").format(name),
                                  ask_reason=False, parent=self, runner=self.ctx.runner)
        self.dialog = dialog
        if dialog.exec() and dialog.supervisor is not None:
            supervisor = dialog.supervisor
            self._write(lambda place, actor, ref: commitments.record_commitment(place, actor, ref, expert,
                                                                                on_site_by=supervisor),
                        self.tr("承诺书未记录"))

    def record_attendance(self) -> None:
        expert = self._need_choice()
        if expert is None:
            return
        status = self.attendance.currentData()
        self._write(lambda place, actor, ref: commitments.record_attendance(place, actor, ref, expert, status),
                    self.tr("出席情况未记录"))

    def _write(self, work, title: str) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: work(place, actor, ref), lambda _done: self._written(ref),
                            lambda e: errors.show(self, title, e), write=True)

    def _written(self, ref: RoundRef) -> None:
        self.ctx.touched("rounds")
        if self.info is not None and self.info.ref == ref:
            self.load()
