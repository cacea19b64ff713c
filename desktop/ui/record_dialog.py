"""Correcting an expert's or an organisation's record (CORRECTIONS): a small form of what may be corrected, sent
as one audited change with only the values that differ.

The phone number is shown masked and left empty (CONFIDENTIAL): typing one replaces it, leaving it empty keeps it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from desktop.services import catalogue
from desktop.services.confidential import mask_phone
from desktop.services.importing.columns import ORG_KINDS
from desktop.ui import errors
from desktop.ui.context import POOL, Context
from desktop.ui.listings import STATUS, status_text

_SPLIT = str.maketrans({"；": ",", ";": ",", "、": ",", "，": ",", " ": ","})


class RecordDialog(QDialog):
    """One record of ``kind`` ("experts" or "organisations") as the listing shows it, to be corrected."""

    def __init__(self, ctx: Context, kind: str, row: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.kind, self.row = ctx, kind, row
        self.setWindowTitle(self.tr("修改记录：{0}").format(row["name"]))
        form = QFormLayout(self)
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#c0392b")
        self.problem.setWordWrap(True)
        if kind == "experts":
            self.mobile = QLineEdit()
            self.mobile.setObjectName("record_mobile")
            self.mobile.setPlaceholderText(self.tr("现为 {0}；不改请留空").format(mask_phone(row["mobile"]) or self.tr("（无）")))
            self.email = QLineEdit(row.get("email", ""))
            self.title = QLineEdit(row["title"])
            self.fields = QLineEdit("；".join(row["fields"]))
            self.status = QComboBox()
            for key in STATUS:
                self.status.addItem(status_text(key), key)
            self.status.setCurrentIndex(max(0, self.status.findData(row["status"])))
            form.addRow(self.tr("手机"), self.mobile)
            form.addRow(self.tr("电子邮箱"), self.email)
            form.addRow(self.tr("职称"), self.title)
            form.addRow(self.tr("学科代码"), self.fields)
            form.addRow(self.tr("状态"), self.status)
        else:
            self.name = QLineEdit(row["name"])
            self.org_kind = QComboBox()
            self.org_kind.addItems(ORG_KINDS)
            self.org_kind.setCurrentText(row["kind"])
            form.addRow(self.tr("单位名称"), self.name)
            form.addRow(self.tr("单位类型"), self.org_kind)
        form.addRow(QLabel(self.tr("修改记入审计日志，保留修改前后的内容。")))
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def changes(self) -> dict:
        """Only what differs from the record as shown."""
        row = self.row
        if self.kind == "experts":
            fields = [f for f in self.fields.text().translate(_SPLIT).split(",") if f]
            wanted = {"mobile": self.mobile.text().strip() or None, "email": self.email.text().strip(),
                      "title": self.title.text().strip(), "fields": fields, "status": self.status.currentData()}
            current = {"mobile": None, "email": row.get("email", ""), "title": row["title"],
                       "fields": list(row["fields"]), "status": row["status"]}
        else:
            wanted = {"name": self.name.text().strip(), "kind": self.org_kind.currentText()}
            current = {"name": row["name"], "kind": row["kind"]}
        return {key: value for key, value in wanted.items() if value != current[key]}

    def save(self) -> None:
        changes, place, actor = self.changes(), self.ctx.place, self.ctx.actor
        if not changes:
            self.reject()
            return
        if self.kind == "experts":
            key = self.row["id_number"]

            def work(job):
                return catalogue.edit_expert(place, actor, key, **changes)
        else:
            key = self.row["credit_code"]

            def work(job):
                return catalogue.edit_organisation(place, actor, key, **changes)

        def saved(_record) -> None:
            self.ctx.touched(POOL)
            self.accept()

        self.ctx.runner.run(work, saved, lambda e: self.problem.setText(errors.message(e)), write=True)
