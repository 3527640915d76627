"""The rendered charter, shown inside the app exactly as it will print."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget


class PreviewWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Charter preview")
        self.setModal(False)
        self.resize(760, 900)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("Charter preview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.message = QLabel("Rendering…")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self._buffer: QBuffer | None = None
        self.pdf = b""

    def show_rendering(self, title: str) -> None:
        self.setWindowTitle(f"Preview — {title}")
        self.message.setText("Rendering the charter…")
        self.message.show()

    def show_pdf(self, title: str, pdf: bytes) -> None:
        self.pdf = pdf
        self.setWindowTitle(f"Preview — {title}")
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        pages = self.document.pageCount()
        self.message.setText(f"{pages} page{'s' if pages != 1 else ''}, as it will print")

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()
