"""Step 6: confirmation calls (TRACEABLE) — every invited expert in call order, each call recorded with its outcome,
a decline's reason, a conflict the expert declared and the recording (imported from a phone's file, or recorded from
the laptop's microphone), played back from the record; a member of a confirmed panel who withdraws before scoring is
recorded here too (the panel is then confirmed again); the replacement a decline brings in is the services' choice
(NO_SUBSTITUTE), shown here, never typed. When a panel's reserve is used up, its open seat is drawn again (补抽)
with the draw's own witness dialog. The call list is printed (机密) or exported from here.

The microphone is QtMultimedia's: where the machine has no input device (no audio server, as on many offscreen or
locked-down laptops) the step says so and offers the file import instead. QtMultimedia starts its backend (and
tries the audio server) on first use, a tenth of the time the step takes to build: the step looks for a microphone
just after it is made (and follows the devices from then on: a headset plugged in enables recording), and makes
its player when a recording is first played.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtMultimedia import (QAudioInput, QAudioOutput, QMediaCaptureSession, QMediaDevices, QMediaFormat,
                                  QMediaPlayer, QMediaRecorder)
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton, QSplitter, QVBoxLayout, QWidget)

from desktop.services import call_list, calls, replacements
from desktop.services.confidential import mask_id, mask_phone
from desktop.services.rounds import RoundInfo, RoundRef
from desktop.ui import errors
from desktop.ui.context import Context
from desktop.ui.round.draw import WitnessDialog
from desktop.ui.round.words import CALL_STATUSES
from desktop.ui.shown_load import LoadsWhenShown
from desktop.ui.widgets.text_table import TextTable

translate = QCoreApplication.translate
OUTCOMES = {"accepted": QT_TRANSLATE_NOOP("CallsStep", "接受"), "declined": QT_TRANSLATE_NOOP("CallsStep", "拒绝"),
            "unreachable": QT_TRANSLATE_NOOP("CallsStep", "未接通"), "pending": QT_TRANSLATE_NOOP("CallsStep", "待回复")}
REASONS = (QT_TRANSLATE_NOOP("CallsStep", "时间冲突"), QT_TRANSLATE_NOOP("CallsStep", "需回避"),
           QT_TRANSLATE_NOOP("CallsStep", "身体原因"), QT_TRANSLATE_NOOP("CallsStep", "其他"))
SOURCES = {"draw": QT_TRANSLATE_NOOP("CallsStep", "抽取"), "reserve": QT_TRANSLATE_NOOP("CallsStep", "备选递补"),
           "supplementary": QT_TRANSLATE_NOOP("CallsStep", "第{0}批补抽")}
STATUS_COLOURS = {"accepted": "#1e8449", "declined": "#c0392b", "unreachable": "#c0392b", "replaced": "#888888"}
NAMED_AT_MOST = 10  # experts named in the summary; a 250-panel round may wait for hundreds
MICROPHONE_AFTER_MS = 250  # QtMultimedia starts (~16 ms) apart from the burst of building and showing the step
AUDIO_FILES = "*.wav *.m4a *.aac *.mp3 *.amr *.WAV *.M4A *.AAC *.MP3 *.AMR"


def microphone_missing() -> bool:
    return not QMediaDevices.audioInputs()


def _with_cells(rows: list[calls.CallRow]) -> tuple[list[calls.CallRow], list[tuple]]:
    """The rows and the table's texts of them, made by the worker that read them (1,750 seats in a large round:
    a quarter of the time the GUI thread took to show them; translate is thread-safe)."""
    yes = translate("CallsStep", "是")
    statuses = {key: translate("CallsStep", text) for key, text in CALL_STATUSES.items()}
    return rows, [(row.panel, str(row.seat + 1), row.name, mask_phone(row.mobile), row.organisation,
                   yes if row.enterprise else "", (statuses[row.status], STATUS_COLOURS.get(row.status, "")),
                   str(row.attempts), translate("CallsStep", SOURCES[row.source]).format(row.batch)) for row in rows]


class CallsStep(LoadsWhenShown, QWidget):
    saved = Signal(object)  # the RoundRef of the round whose calls changed

    def __init__(self, ctx: Context, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.info: RoundInfo | None = None
        self.rows: list[calls.CallRow] = []
        self.selected: str | None = None  # the expert chosen, kept while the round is read again after a call
        self.recording: Path | None = None
        self.scratch = tempfile.TemporaryDirectory(prefix="paneldesk-calls-")  # recordings made or played here
        self.summary = QLabel()
        self.summary.setObjectName("calls_summary")
        self.summary.setWordWrap(True)
        self.table = TextTable([self.tr("评审组"), self.tr("席位"), self.tr("姓名"), self.tr("手机"), self.tr("工作单位"),
                                self.tr("企业专家"), self.tr("状态"), self.tr("通话次数"), self.tr("来源")], "calls_table")
        self.table.selected.connect(self._selected)
        self.print_list = QPushButton(self.tr("打印联系名单（PDF，机密）"))
        self.print_list.setObjectName("call_list_print")
        self.print_list.clicked.connect(lambda: self._call_list(".pdf"))
        self.export_list = QPushButton(self.tr("导出联系名单（Excel）"))
        self.export_list.setObjectName("call_list_export")
        self.export_list.clicked.connect(lambda: self._call_list(".xlsx"))
        self.supplement = QPushButton(self.tr("补抽空缺座位…"))
        self.supplement.setObjectName("call_supplement")
        self.supplement.clicked.connect(self.ask_supplement)
        # the call being recorded
        self.expert = QLabel(self.tr("请在上表中选择一位专家"))
        self.expert.setObjectName("call_expert")
        self.outcome = QComboBox()
        self.outcome.setObjectName("call_outcome")
        for code, word in OUTCOMES.items():
            self.outcome.addItem(translate("CallsStep", word), code)
        self.reason_kind = QComboBox()
        self.reason_kind.setObjectName("call_reason_kind")
        for word in REASONS:
            self.reason_kind.addItem(translate("CallsStep", word), word)
        self.reason = QLineEdit()
        self.reason.setObjectName("call_reason")
        self.reason.setPlaceholderText(self.tr("拒绝理由的具体说明（理由为「其他」时必填）"))
        self.declared = QLineEdit()
        self.declared.setObjectName("call_declared")
        self.declared.setPlaceholderText(self.tr("专家在电话中申报回避的本组项目编号，以逗号分隔（记为申报回避，让出座位）"))
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.recording_label = QLabel(self.tr("（无录音）"))
        self.recording_label.setObjectName("call_recording")
        self.import_recording = QPushButton(self.tr("导入录音文件…"))
        self.import_recording.setObjectName("call_import")
        self.import_recording.clicked.connect(self.choose_recording)
        self.microphone = QPushButton(self.tr("用麦克风录音"))
        self.microphone.setObjectName("call_microphone")
        self.microphone.setCheckable(True)
        self.microphone.toggled.connect(self._record_microphone)
        self.no_microphone = QLabel()
        self.no_microphone.setObjectName("call_no_microphone")
        self.no_microphone.setWordWrap(True)
        self.no_microphone.setStyleSheet("color:#a04000")
        self.no_microphone.setMinimumHeight(3 * self.no_microphone.fontMetrics().lineSpacing())  # wraps: room for it
        self.said = QLabel()  # what the last call recorded brought: the replacement, or a seat left open
        self.said.setObjectName("call_said")
        self.said.setWordWrap(True)
        self.save = QPushButton(self.tr("记录这次通话"))
        self.save.setObjectName("call_save")
        self.save.clicked.connect(self.record)
        self.withdraw = QPushButton(self.tr("记录已确认专家退出"))
        self.withdraw.setObjectName("call_withdraw")
        self.withdraw.setToolTip(self.tr("已确认评审组的专家在评分开始前来电拒绝或因病退出：评审组须重新确认，"
                                         "座位按备选顺序递补（理由和录音取自上方）"))
        self.withdraw.clicked.connect(self.record_withdrawal)
        self.history = QListWidget()
        self.history.setObjectName("call_history")
        self.play = QPushButton(self.tr("播放所选录音"))
        self.play.setObjectName("call_play")
        self.play.clicked.connect(self.play_selected)
        self.player: QMediaPlayer | None = None  # made when a recording is first played
        self.session: QMediaCaptureSession | None = None
        self.recorder: QMediaRecorder | None = None

        tools = QHBoxLayout()
        tools.addWidget(self.print_list)
        tools.addWidget(self.export_list)
        tools.addStretch()
        tools.addWidget(self.supplement)
        form_box = QGroupBox(self.tr("记录通话"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("专家"), self.expert)
        form.addRow(self.tr("通话结果"), self.outcome)
        form.addRow(self.tr("拒绝理由"), self.reason_kind)
        form.addRow("", self.reason)
        form.addRow(self.tr("申报回避"), self.declared)
        audio = QHBoxLayout()
        audio.addWidget(self.recording_label, 1)
        audio.addWidget(self.import_recording)
        audio.addWidget(self.microphone)
        form.addRow(self.tr("通话录音"), audio)
        form.addRow("", self.no_microphone)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addWidget(self.withdraw)
        buttons.addStretch()
        form.addRow("", buttons)
        form.addRow("", self.said)
        history_box = QGroupBox(self.tr("该专家的通话记录"))
        history = QVBoxLayout(history_box)
        history.addWidget(self.history)
        history.addWidget(self.play)
        lower = QSplitter()
        lower.addWidget(form_box)
        lower.addWidget(history_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(lower, 1)
        self._outcome_changed()
        QTimer.singleShot(MICROPHONE_AFTER_MS, self, self._watch_microphone)  # see the module docstring

    # --- loading ---------------------------------------------------------------------------------------------

    def set_round(self, info: RoundInfo | None) -> None:
        if info is None or self.info is None or info.ref != self.info.ref:
            self.selected = None
        self.info = info
        self.rows = []
        self.table.set_rows([])
        self.history.clear()
        drawn = bool(info and info.draws)
        for widget in (self.print_list, self.export_list, self.save, self.withdraw):
            widget.setEnabled(drawn)
        self.supplement.setEnabled(False)
        self.summary.setText(self.tr("抽取后在这里逐一电话确认专家。") if not drawn else self.tr("正在读取…"))
        self.load_when_shown(drawn)

    def load(self) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: _with_cells(calls.list_calls(place, actor, ref)),
                            lambda found: self._loaded(ref, *found), lambda e: self.summary.setText(errors.message(e)))

    def _loaded(self, ref: RoundRef, rows: list[calls.CallRow], cells: list[tuple]) -> None:
        if self.info is None or self.info.ref != ref:
            return
        chosen = self.selected
        self.rows = rows
        self.table.set_rows(cells)
        holders = self._holders()
        pending = sum(r.status == "pending" for r in holders)
        accepted = sum(r.status == "accepted" for r in holders)
        open_seats = [r for r in holders if r.status in ("declined", "unreachable")]
        self.supplement.setEnabled(bool(open_seats))
        text = self.tr("{0} 个座位：已接受 {1}，待确认 {2}。").format(len(holders), accepted, pending)
        if open_seats:
            text += self.tr("备选专家已用完的空缺座位 {0} 个（{1}）：请补抽。").format(
                len(open_seats), self.tr("、").join(sorted({r.panel for r in open_seats})))
        elif pending == 0 and holders:
            text += self.tr("全部接受，可以确认评审组。")
        if pending:
            waiting = [r.name for r in holders if r.status == "pending"]
            named = self.tr("、").join(waiting[:NAMED_AT_MOST])
            if len(waiting) > NAMED_AT_MOST:
                named = self.tr("{0} 等 {1} 位").format(named, len(waiting))
            text += self.tr("尚待答复：{0}。").format(named)
        self.summary.setText(text)
        if chosen is not None:
            self._select(chosen)

    def _holders(self) -> list[calls.CallRow]:
        held: dict[tuple[str, int], calls.CallRow] = {}
        for row in self.rows:
            held[(row.panel, row.seat)] = row
        return list(held.values())

    def _chosen(self) -> str | None:
        index = self.table.current_row()
        return self.rows[index].expert if 0 <= index < len(self.rows) else None

    def _select(self, expert: str) -> None:
        for index, row in enumerate(self.rows):
            if row.expert == expert:
                self.table.selectRow(index)
                return

    def _selected(self) -> None:
        expert = self._chosen()
        self.selected = expert or self.selected
        self.history.clear()
        if expert is None:
            return
        row = next(r for r in self.rows if r.expert == expert)
        self.expert.setText(f"{row.name}　{mask_id(row.expert)}　{row.panel}")
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: calls.call_history(place, actor, ref, expert),
                            lambda found: self._show_history(expert, found),
                            lambda e: errors.show(self, self.tr("无法读取通话记录"), e))

    def _show_history(self, expert: str, found: list[dict]) -> None:
        if self._chosen() != expert:
            return
        self.history.clear()
        for call in found:
            outcome = translate("CallsStep", OUTCOMES[call["outcome"]])
            words = f"{call['at'][:16].replace('T', ' ')}　{call['operator']}　{outcome}"
            if call["reason_kind"]:
                kind = translate("CallsStep", call["reason_kind"])
                words += (self.tr("（{0}：{1}）").format(kind, call["reason"]) if call["reason"]
                          else self.tr("（{0}）").format(kind))
            if call["recording"]:
                words += self.tr("　录音 {0:.0f} 秒").format(call["seconds"] or 0)
            item = QListWidgetItem(words)
            item.setData(Qt.ItemDataRole.UserRole, call["recording"])
            self.history.addItem(item)

    # --- recording a call ------------------------------------------------------------------------------------

    def _outcome_changed(self) -> None:
        declined = self.outcome.currentData() == "declined"
        self.reason_kind.setEnabled(declined)
        self.reason.setEnabled(declined)

    def _watch_microphone(self) -> None:
        self.devices = QMediaDevices(self)  # a headset plugged in while the step is open enables the button
        self.devices.audioInputsChanged.connect(self._show_microphone)
        self._show_microphone()

    def _show_microphone(self) -> None:
        missing = microphone_missing()
        self.microphone.setEnabled(not missing)
        self.no_microphone.setVisible(missing)
        self.no_microphone.setText(self.tr("本机没有可用的麦克风（或没有音频服务），不能在本程序中录音："
                                           "请用手机的通话录音，再点「导入录音文件…」。") if missing else "")

    def choose_recording(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入通话录音"), "",
                                              self.tr("通话录音 ({0})").format(AUDIO_FILES))
        if path:
            self.set_recording(Path(path))

    def set_recording(self, path: Path | None) -> None:
        self.recording = path
        self.recording_label.setText(path.name if path else self.tr("（无录音）"))

    def _record_microphone(self, on: bool) -> None:
        """Record from the default microphone into an M4A (AAC) file of the step's scratch folder; the file becomes
        the call's recording once the recorder has finished writing it."""
        if on:
            if microphone_missing():
                self._show_microphone()
                self.microphone.setChecked(False)
                return
            self.session = QMediaCaptureSession(self)
            self.session.setAudioInput(QAudioInput(QMediaDevices.defaultAudioInput(), self))
            self.recorder = QMediaRecorder(self)
            self.session.setRecorder(self.recorder)
            media = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
            media.setAudioCodec(QMediaFormat.AudioCodec.AAC)
            self.recorder.setMediaFormat(media)
            target = Path(self.scratch.name) / f"microphone-{len(list(Path(self.scratch.name).iterdir())) + 1}.m4a"
            self.recorder.setOutputLocation(QUrl.fromLocalFile(str(target)))
            self.recorder.recorderStateChanged.connect(self._recorder_state)
            self.recorder.errorOccurred.connect(self._recorder_error)
            self.recorder.record()
            self.microphone.setText(self.tr("停止录音"))
            self.recording_label.setText(self.tr("正在录音…"))
        elif self.recorder is not None:
            self.recorder.stop()
            self.microphone.setText(self.tr("用麦克风录音"))

    def _recorder_state(self, state) -> None:
        if state == QMediaRecorder.RecorderState.StoppedState and self.recorder is not None:
            made = Path(self.recorder.actualLocation().toLocalFile())
            self.recorder = None
            if made.is_file():
                self.set_recording(made)

    def _recorder_error(self, _error, text: str) -> None:
        self.recording_label.setText(self.tr("录音失败：{0}").format(text))
        self.microphone.setChecked(False)

    def record(self) -> None:
        expert = self._chosen()
        if expert is None:
            QMessageBox.information(self, self.tr("记录通话"), self.tr("请先在表中选择一位专家"))
            return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        outcome, recording = self.outcome.currentData(), self.recording
        declined = outcome == "declined"
        kind, reason = (self.reason_kind.currentData(), self.reason.text()) if declined else ("", "")
        declared = [n.strip() for n in self.declared.text().replace("，", ",").split(",") if n.strip()]
        self.save.setEnabled(False)
        self.ctx.runner.run(lambda job: calls.record_call(place, actor, ref, expert, outcome, reason=reason,
                                                          reason_kind=kind, recording=recording, declared=declared),
                            lambda result: self._recorded(ref, result), self._refused, write=True)

    def record_withdrawal(self) -> None:
        """The selected member of a confirmed panel withdraws: the reason (and recording) as for a decline."""
        expert = self._chosen()
        if expert is None:
            QMessageBox.information(self, self.tr("记录退出"), self.tr("请先在表中选择一位专家"))
            return
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        kind, reason, recording = self.reason_kind.currentData(), self.reason.text(), self.recording
        self.withdraw.setEnabled(False)
        self.ctx.runner.run(lambda job: calls.record_withdrawal(place, actor, ref, expert, reason=reason,
                                                                reason_kind=kind, recording=recording),
                            lambda result: self._recorded(ref, result), self._refused, write=True)

    def _recorded(self, ref: RoundRef, result: dict) -> None:
        self.save.setEnabled(True)
        self.withdraw.setEnabled(True)
        self.set_recording(None)
        self.reason.clear()
        self.declared.clear()
        said = self.tr("已记录：{0} {1}").format(result["call"]["name"],
                                               translate("CallsStep", OUTCOMES[result["call"]["outcome"]]))
        if result["replacement"]:
            said += self.tr("；按备选顺序递补：{0}").format(result["replacement_name"])
        elif result["seat_open"]:
            said += self.tr("；备选专家已用完，请补抽该座位")
        if "round_state" in result:  # a withdrawal: the panel is confirmed no longer
            said += self.tr("；评审组「{0}」须重新确认").format(result["call"]["panel"])
        self.said.setText(said)
        self.ctx.touched("rounds")
        self.saved.emit(ref)  # the round is read again, and with it this step

    def _refused(self, error: BaseException) -> None:
        self.save.setEnabled(True)
        self.withdraw.setEnabled(True)
        errors.show(self, self.tr("通话未记录"), error)

    # --- playback, the call list and the supplementary draw ----------------------------------------------------

    def play_selected(self) -> None:
        item = self.history.currentItem()
        sha256 = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not sha256:
            QMessageBox.information(self, self.tr("播放录音"), self.tr("请选择一条有录音的通话"))
            return
        place, actor, folder = self.ctx.place, self.ctx.actor, Path(self.scratch.name)
        self.ctx.runner.run(lambda job: calls.recording_copy(place, actor, sha256, folder), self._play,
                            lambda e: errors.show(self, self.tr("无法播放录音"), e))

    def _play(self, path: Path) -> None:
        if self.player is None:
            self.player = QMediaPlayer(self)
            self.player.setAudioOutput(QAudioOutput(self.player))
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()

    def _call_list(self, suffix: str) -> None:
        name = self.tr("专家联系名单") + suffix
        default = str(Path(self.ctx.place) / "out" / name)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存专家联系名单"), default, f"*{suffix}")
        if path:
            self.write_call_list(Path(path))

    def write_call_list(self, path: Path) -> None:
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        work = call_list.print_call_list if path.suffix.lower() == ".pdf" else call_list.export_call_list
        self.ctx.runner.run(lambda job: work(place, actor, ref, path),
                            lambda done: self.summary.setText(self.tr("已写出 {0}（{1} 位专家；已记入审计日志）")
                                                              .format(done["out"], done["rows"])),
                            lambda e: errors.show(self, self.tr("名单未写出"), e), write=True)

    def ask_supplement(self) -> None:
        open_panels = sorted({r.panel for r in self._holders() if r.status in ("declined", "unreachable")})
        if not open_panels:
            return
        panel = open_panels[0]
        place, actor, ref = self.ctx.place, self.ctx.actor, self.info.ref
        self.ctx.runner.run(lambda job: replacements.commit_supplementary(place, actor, ref, panel),
                            lambda shown: self._witness(ref, shown),
                            lambda e: errors.show(self, self.tr("不能补抽"), e), write=True)

    def _witness(self, ref: RoundRef, shown: replacements.BatchInfo) -> None:
        dialog = WitnessDialog(self.ctx.actor, shown.commitment, self, self.ctx.runner)
        dialog.setWindowTitle(self.tr("补抽：{0} 第{1}批，{2}个座位").format(shown.panel, shown.batch, shown.seats))
        self.witness_dialog = dialog
        if dialog.exec() and dialog.witness is not None:
            place, actor = self.ctx.place, self.ctx.actor
            witness, digits = dialog.witness, dialog.digits.text()
            self.ctx.runner.run(lambda job: replacements.draw_supplementary(place, actor, ref, shown.panel,
                                                                            witness=witness, witness_digits=digits),
                                lambda made: self._recorded_batch(ref, made),
                                lambda e: errors.show(self, self.tr("补抽未完成"), e), write=True)

    def _recorded_batch(self, ref: RoundRef, made: replacements.BatchInfo) -> None:
        self.summary.setText(self.tr("第{0}批补抽完成：{1}").format(
            made.batch, self.tr("、").join(p["name"] for p in made.picked)))
        self.ctx.touched("rounds")
        if self.info is not None and self.info.ref == ref:
            self.load()
