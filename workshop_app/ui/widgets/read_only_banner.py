"""The band across the top of a workshop opened read-only: why, and a way to edit after all."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from workshop_app.core.i18n import _

STYLE = (
    "#readOnlyBanner { background: #fff4d6; border-bottom: 1px solid #e0c16c; }"
    "#readOnlyBanner QLabel { color: #4a3800; }"
)


class ReadOnlyBanner(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(STYLE)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAccessibleName(_("Read-only"))
        self.retry = QPushButton(_("Open for &editing"))
        self.retry.setAccessibleName(_("Open for editing"))
        self.retry.setToolTip(_("Once the other window has closed the workshop"))
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.text, 1)
        row.addWidget(self.retry)
        self.hide()

    def show_reason(self, name: str, holder: str) -> None:
        self.text.setText(
            _(
                "<b>Read-only:</b> {file} is open for writing in {holder}. You can look at "
                "everything, preview, print and export; nothing can be changed here until it "
                "is closed there."
            ).format(file=_escape(name), holder=_escape(holder))
        )
        self.show()


def _escape(text: str) -> str:
    return escape(text, quote=False)
