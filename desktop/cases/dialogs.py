"""Small dialogs for case steps: advance/skip, close, reopen, remedy, promise.

Each one calls its db.cases function on OK and stays open with the Chinese message shown
when the rules refuse; nothing is written then.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QMessageBox, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget,
)

from db import clock
from db.cases import settings as case_settings, workflow as wf, records as cases, deadlines
from db.cases.records import CaseError
from db.errors import SAVE, StaleEdit
from db.cases.vocabulary import AMOUNT_TYPES, amount as plain_amount, parse_money
from db.cases.workflow import WorkflowError
from db.models import Case, Remedy, Staff
from db.orders.placeholders import order_of_case
from desktop.cases import labels
from desktop.cases.satisfaction import SatisfactionChoice
from desktop.errors import guarded, said


class StepDialog(QDialog):
    """Form + error line + OK/Cancel; subclasses implement _save() (raising ValueError)."""

    # A stage move on a case someone changed meanwhile is never merged: the dialog says so
    # and closes. A remedy dialog stays open instead, so the user can cancel and reopen.
    CLOSES_WHEN_STALE = True

    def __init__(self, title: str, by: Staff | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.by = by
        self.stale = False  # set when the save was refused because the case moved on
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        # Ctrl+Enter confirms even from a multi-line note, where Enter is a new line.
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @guarded(SAVE)
    def accept(self) -> None:
        try:
            self._save()
        except StaleEdit as exc:
            if not self.CLOSES_WHEN_STALE:
                self.error.setText(said(exc))
                self.error.show()
                return
            # Say what happened and close; the page shows the case as it is now.
            self.stale = True
            QMessageBox.warning(self, self.windowTitle(), said(exc))
            self.reject()
            return
        except (WorkflowError, CaseError, ValueError) as exc:  # worded in the interface language
            self.error.setText(said(exc))
            self.error.show()
            return
        super().accept()

    def _save(self) -> None:
        raise NotImplementedError

    @staticmethod
    def text_box(height: int = 64) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setFixedHeight(height)
        return box


class AdvanceDialog(StepDialog):
    """Move to the next stage, or further (a skip, which needs a reason)."""

    def __init__(self, case: Case, by: Staff | None, parent: QWidget | None = None):
        super().__init__(self.tr("推进阶段"), by, parent)
        self.case_id, self.version = case.id, case.version
        self.target = QComboBox()
        after = wf.STAGES[wf.STAGES.index(case.stage) + 1:-1]
        for code in after:
            self.target.addItem(labels.stage(code), code)
        self.note = self.text_box()
        self.note.setPlaceholderText(self.tr("这一步做了什么，例如：已向买家复述问题并得到确认"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("跳过阶段时必填"))
        self.form.addRow(self.tr("当前阶段"), QLabel(labels.stage(case.stage)))
        self.form.addRow(self.tr("推进到"), self.target)
        self.form.addRow(self.tr("备注"), self.note)
        self.form.addRow(self.tr("跳过原因"), self.reason)
        self.target.currentIndexChanged.connect(self._update_reason)
        self._update_reason()

    def _update_reason(self) -> None:
        self.reason.setEnabled(self.target.currentIndex() > 0)

    def _save(self) -> None:
        cases.advance(self.case_id, self.by, self.note.toPlainText(), self.target.currentData(),
                      self.reason.text() if self.reason.isEnabled() else "",
                      expected_version=self.version)


class CloseDialog(StepDialog):
    def __init__(self, case: Case, by: Staff | None, parent: QWidget | None = None):
        super().__init__(self.tr("结案"), by, parent)
        self.case_id, self.version = case.id, case.version
        self.satisfaction = SatisfactionChoice()
        self.root_cause = self.text_box(52)
        self.root_cause.setPlaceholderText(self.tr("例如：快递途中挤压"))
        self.improvement = self.text_box(52)
        self.improvement.setPlaceholderText(self.tr("例如：易碎品改用加厚纸箱"))
        self.note = self.text_box(52)
        self.reason = QLineEdit()
        self.visit_days = QSpinBox()
        self.visit_days.setRange(0, 365)
        self.visit_days.setValue(case_settings.return_visit_setting())
        self.visit_days.setSuffix(self.tr(" 天后回访（0 = 不回访）"))
        self.form.addRow(self.tr("买家满意度 *"), self.satisfaction)
        self.form.addRow(self.tr("问题原因"), self.root_cause)
        self.form.addRow(self.tr("改善措施"), self.improvement)
        self.form.addRow(self.tr("备注"), self.note)
        if case.stage != "followup":
            self.reason.setPlaceholderText(self.tr("提前结案会跳过后面的阶段，请写明原因"))
            self.form.addRow(self.tr("跳过原因 *"), self.reason)
        self.form.addRow(self.tr("回访"), self.visit_days)

    def _save(self) -> None:
        value = self.satisfaction.value()
        cases.close(self.case_id, self.by, value, self.root_cause.toPlainText(),
                    self.improvement.toPlainText(), self.note.toPlainText(), self.reason.text(),
                    self.visit_days.value(), expected_version=self.version)


class ReopenDialog(StepDialog):
    def __init__(self, case: Case, by: Staff | None, parent: QWidget | None = None):
        super().__init__(self.tr("重新打开工单"), by, parent)
        self.case_id, self.version = case.id, case.version
        self.target = QComboBox()
        for code in wf.OPEN_STAGES:
            self.target.addItem(labels.stage(code), code)
        self.target.setCurrentIndex(self.target.findData("followup"))
        self.reason = self.text_box()
        self.reason.setPlaceholderText(self.tr("例如：买家反馈补发的商品也有问题"))
        self.form.addRow(self.tr("回到阶段"), self.target)
        self.form.addRow(self.tr("原因 *"), self.reason)

    def _save(self) -> None:
        cases.reopen(self.case_id, self.by, self.reason.toPlainText(), self.target.currentData(),
                     expected_version=self.version)


class RemedyDialog(StepDialog):
    """A new remedy, or a change of status/amount/notes of an existing one."""

    CLOSES_WHEN_STALE = False

    def __init__(self, case_id: int, by: Staff | None, remedy: Remedy | None = None,
                 parent: QWidget | None = None):
        super().__init__(self.tr("修改补救方案") if remedy else self.tr("添加补救方案"), by, parent)
        self.case_id, self.remedy = case_id, remedy
        self.type = QComboBox()
        for code, name in labels.remedy_types():
            self.type.addItem(name, code)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("例如 20 或 12.50（元）"))
        # What the buyer paid for the case's order, as a hint (refunds are often partial).
        order = order_of_case(Case.get_by_id(case_id))
        if order is not None and order.amount_cents is not None:
            self.amount.setPlaceholderText(self.tr("订单实付 %1 元").replace(
                "%1", plain_amount(order.amount_cents)))
        self.status = QComboBox()
        for code, name in labels.remedy_statuses():
            self.status.addItem(name, code)
        self.notes = self.text_box(52)
        self.form.addRow(self.tr("补救方式"), self.type)
        self.form.addRow(self.tr("金额"), self.amount)
        self.form.addRow(self.tr("状态"), self.status)
        self.form.addRow(self.tr("说明"), self.notes)
        self.type.currentIndexChanged.connect(self._update_amount)
        if remedy is not None:
            self.type.setCurrentIndex(self.type.findData(remedy.type))
            self.type.setEnabled(False)
            self.amount.setText(plain_amount(remedy.amount_cents) if remedy.amount_cents is not None
                                else "")
            self.status.setCurrentIndex(self.status.findData(remedy.status))
            self.notes.setPlainText(remedy.notes)
        self._update_amount()

    def _update_amount(self) -> None:
        self.amount.setEnabled(self.type.currentData() in AMOUNT_TYPES)

    def _save(self) -> None:
        amount = parse_money(self.amount.text()) if self.amount.isEnabled() else None
        if self.remedy is None:
            cases.add_remedy(self.case_id, self.by, self.type.currentData(), amount,
                             self.status.currentData(), self.notes.toPlainText())
        else:
            cases.update_remedy(self.remedy.id, self.by, self.status.currentData(), amount,
                                self.notes.toPlainText(),
                                expected_version=self.remedy.version)


class PromiseDialog(StepDialog):
    """A time promised to the buyer; the case is due for follow-up then."""

    def __init__(self, case_id: int, by: Staff | None, parent: QWidget | None = None):
        super().__init__(self.tr("约定跟进时间"), by, parent)
        self.case_id = case_id
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        tomorrow = clock.to_local(clock.now()).date() + dt.timedelta(days=1)
        self.when.setDateTime(QDateTime(tomorrow, QTime(10, 0)))
        self.promise = QLineEdit()
        self.promise.setPlaceholderText(self.tr("答应买家的事，例如：明天上午给您补发"))
        self.form.addRow(self.tr("跟进时间"), self.when)
        self.form.addRow(self.tr("约定内容 *"), self.promise)

    def _save(self) -> None:
        local = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        cases.add_promise(self.case_id, self.by, deadlines.to_utc(local), self.promise.text())
