"""The shop's time limits per step and severity, and the return-visit delay."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QDoubleSpinBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout,
    QWidget,
)

from db.cases import settings as case_settings
from db.cases.records import CaseError
from desktop.cases import labels
from desktop.cases.busy import busy
from desktop.errors import said


class LimitsDialog(QDialog):
    def __init__(self, by=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._by = by
        self.setWindowTitle(self.tr("售后时限"))
        self.updated = 0
        names = {"apology_hours": self.tr("接待并道歉（小时）"),
                 "first_answer_hours": self.tr("明确答复、提出补救方案（小时）"),
                 "solution_days": self.tr("告知处理结果（天）")}
        grid = QGridLayout()
        severities = labels.severities()
        for column, (_code, name) in enumerate(severities, start=1):
            grid.addWidget(QLabel(name), 0, column, Qt.AlignmentFlag.AlignCenter)
        self.spins: dict[tuple[str, str], QDoubleSpinBox] = {}
        current = case_settings.configured_limits()
        for row, (key, name) in enumerate(names.items(), start=1):
            grid.addWidget(QLabel(name), row, 0)
            low, high = case_settings.LIMIT_RANGES[key]
            for column, (code, _name) in enumerate(severities, start=1):
                spin = QDoubleSpinBox()
                spin.setDecimals(2 if key == "apology_hours" else 0)
                spin.setRange(low, high)
                spin.setValue(float(current[key][code]))
                self.spins[(key, code)] = spin
                grid.addWidget(spin, row, column)
        self.visit_days = QSpinBox()
        self.visit_days.setRange(0, 365)
        self.visit_days.setValue(case_settings.return_visit_setting())
        grid.addWidget(QLabel(self.tr("结案后几天回访")), len(names) + 1, 0)
        grid.addWidget(self.visit_days, len(names) + 1, 1)
        hint = QLabel(self.tr("保存后，所有未结案工单的时限会按新设置重新计算。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def accept(self) -> None:
        values: dict[str, dict[str, float]] = {}
        for (key, code), spin in self.spins.items():
            value = spin.value()
            values.setdefault(key, {})[code] = int(value) if value == int(value) else value
        try:
            with busy(self, self.tr("正在按新时限重新计算未结案工单…")):
                self.updated = case_settings.save_limits(values, self.visit_days.value(),
                                                         self._by)
        except CaseError as exc:
            self.error.setText(said(exc))
            self.error.show()
            return
        super().accept()
