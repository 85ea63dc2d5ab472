"""UI language: Simplified Chinese is the source language; English comes from app_en.qm."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from db import vocabulary
from db.storage.resources import resource

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []


def install(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations (buttons like OK/Cancel) for language,
    replacing those of an earlier call."""
    while _installed:
        app.removeTranslator(_installed.pop())
    # The core's words (db.vocabulary) answer in the interface language from now on.
    vocabulary.set_translator(QCoreApplication.translate)
    translators = _installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # Installed later, asked first: our supplement (qt_extra_*) before Qt's own catalogue.
    candidates = [(f"qtbase_{language}", qt_dir), (f"qt_extra_{language}", str(resource("i18n")))]
    if language != "zh_CN":
        candidates.append((f"app_{language}", str(resource("i18n"))))
    for name, directory in candidates:
        translator = QTranslator(app)
        if translator.load(name, directory):
            app.installTranslator(translator)
            translators.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese if language == "zh_CN"
                               else QLocale.Language.English))
    # Qt ends every window title with the display name ("… — 客服台").
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "客服台"))
    return list(translators)


def remembered(data_dir: Path) -> str:
    """The language of the last session, kept beside the database (ui.ini): start-up errors,
    raised before the database can say its language, speak it too."""
    ui = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    language = str(ui.value("language", "zh_CN"))
    return language if language in LANGUAGES else "zh_CN"


def remember(data_dir: Path, language: str) -> None:
    ui = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    ui.setValue("language", language)
    ui.sync()
