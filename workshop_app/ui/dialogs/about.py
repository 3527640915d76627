"""Help ▸ About: the app's version, where its data lives, and what it runs on, with each
component's version and licence (`core.about`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.about import components, data_places, version_line
from workshop_app.core.i18n import _
from workshop_app.ui.app_icon import app_icon
from workshop_app.ui.dialogs.modal import deleted_after
from workshop_app.ui.pages.base import page_heading
from workshop_app.ui.screen_fit import fit_to_screen


class AboutDialog(QDialog):
    def __init__(self, workshop: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Mentoring workshop"))
        self.setAccessibleName(_("About Mentoring workshop"))
        layout = QVBoxLayout(self)
        # The icon beside the name and version, not above them: on a 1.5x laptop the height
        # it saves goes to where the data lives (long paths wrap onto several lines).
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        names = QVBoxLayout()
        names.addStretch(1)
        names.addWidget(page_heading(_("Mentoring workshop")))
        names.addWidget(QLabel(version_line()))
        names.addStretch(1)
        head = QHBoxLayout()
        head.addStretch(1)
        head.addWidget(icon)
        head.addSpacing(12)
        head.addLayout(names)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(
            _wrapped(
                _(
                    "Runs the launch workshop of a mentoring program, prints the charters "
                    "pairs sign, and follows the pairs afterwards."
                )
            )
        )
        places = QLabel(
            "<br>".join(
                f"<b>{_escape(place.what)}:</b> {_escape(str(place.path))}"
                for place in data_places(workshop)
            )
        )
        places.setTextFormat(Qt.TextFormat.RichText)
        places.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        places.setWordWrap(True)
        places.setAccessibleName(_("Where the data lives"))
        layout.addWidget(places)
        layout.addWidget(QLabel(_("It runs on these components, each under its own licence:")))
        found = components(qVersion())
        self.components = QTableWidget(len(found), 3)
        self.components.setAccessibleName(_("Components and their licences"))
        self.components.setHorizontalHeaderLabels([_("Component"), _("Version"), _("Licence")])
        self.components.verticalHeader().hide()
        self.components.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, component in enumerate(found):
            version = component.version or _("not known")
            for column, text in enumerate((component.name, version, component.licence)):
                self.components.setItem(row, column, QTableWidgetItem(text))
        header = self.components.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.components, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        width = self.fontMetrics().averageCharWidth() * 90
        fit_to_screen(self, QSize(width, 640))


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def show_about(workshop: Path | None, parent: QWidget | None) -> None:
    with deleted_after(AboutDialog(workshop, parent)) as dialog:
        dialog.exec()
