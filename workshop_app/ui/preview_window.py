"""The rendered charter, shown inside the app exactly as it will print.

A toolbar prints it (through the charters page's one print path), saves the previewed bytes as
a PDF, zooms (Ctrl++ / Ctrl+- / Ctrl+0 fits the width) and pages through it (PgUp / PgDn).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.core.i18n import _, ngettext
from workshop_app.core.store.atomic import write_bytes
from workshop_app.ui.dialogs.ask import CANCEL, ask, show_user_error
from workshop_app.ui.screen_fit import fit_to_screen

# A page of A4 at a readable size, made smaller on a smaller screen.
PREFERRED_SIZE = QSize(760, 900)
ZOOM_STEPS = (0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)


class PreviewWindow(QDialog):
    print_requested = Signal(str)  # the previewed pair's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Charter preview"))
        self.setModal(False)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(_("Charter preview"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page_number)
        self.message = QLabel(_("Rendering…"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setAccessibleName(_("Preview status"))
        self.toolbar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        self._buffer: QBuffer | None = None
        self.pdf = b""
        self.title = ""
        self.pair_id = ""
        self.folder: Path | None = None
        self._update_actions()
        fit_to_screen(self, PREFERRED_SIZE)

    # -- the toolbar -----------------------------------------------------------------------

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(_("Preview"))
        bar.setAccessibleName(_("Preview tools"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.print_action = self._action(
            bar, _("&Print…"), _("Print this charter"), self._print, QKeySequence.StandardKey.Print
        )
        self.save_action = self._action(
            bar, _("&Save as PDF…"), _("Save this charter as a PDF"), self.save_as, "Ctrl+S"
        )
        bar.addSeparator()
        self.zoom_out_action = self._action(
            bar, _("Zoom out"), _("Zoom out (Ctrl+-)"), self.zoom_out, "Ctrl+-"
        )
        self.zoom_label = QLabel()
        self.zoom_label.setAccessibleName(_("Zoom"))
        self.zoom_label.setMinimumWidth(
            self.zoom_label.fontMetrics().horizontalAdvance("400%") + 12
        )
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        self.zoom_in_action = self._action(
            bar, _("Zoom in"), _("Zoom in (Ctrl++)"), self.zoom_in, "Ctrl++", "Ctrl+="
        )
        self.fit_action = self._action(
            bar,
            _("Fit width"),
            _("Fit the page to the window's width (Ctrl+0)"),
            self.fit_width,
            "Ctrl+0",
        )
        bar.addSeparator()
        self.previous_action = self._action(
            bar, _("◀ Previous"), _("Previous page (Page Up)"), self.previous_page, "PgUp"
        )
        self.page_label = QLabel()
        self.page_label.setAccessibleName(_("Page"))
        self.page_label.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.page_label)
        self.next_action = self._action(
            bar, _("Next ▶"), _("Next page (Page Down)"), self.next_page, "PgDown"
        )
        return bar

    def _action(
        self,
        bar: QToolBar,
        text: str,
        tip: str,
        slot: Callable[[], object],
        *keys: str | QKeySequence.StandardKey,
    ) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        bar.addAction(action)
        button = bar.widgetForAction(action)
        button.setAccessibleName(
            text.replace("&", "").rstrip("…").replace("◀ ", "").replace(" ▶", "")
        )
        return action

    def _update_actions(self) -> None:
        pages = self.document.pageCount() if self.pdf else 0
        for action in (
            self.print_action,
            self.save_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
        ):
            action.setEnabled(bool(pages))
        current = self.current_page()
        self.previous_action.setEnabled(current > 0)
        self.next_action.setEnabled(current < pages - 1)
        self.page_label.setText(
            _("Page {page} of {pages}").format(page=current + 1, pages=pages) if pages else ""
        )
        fitting = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        zoom = QLocale().toString(round(self._zoom_now() * 100))
        self.zoom_label.setText(_("{zoom}%").format(zoom=zoom) if pages else "")
        self.fit_action.setEnabled(bool(pages) and not fitting)

    # -- showing a charter ---------------------------------------------------------------------

    def show_rendering(self, title: str, *, pair_id: str = "", folder: Path | None = None) -> None:
        """A charter is being rendered for `pair_id`; `folder` is where Save as PDF starts."""
        self.title, self.pair_id, self.folder = title, pair_id, folder
        self.setWindowTitle(_("Preview — {title}").format(title=title))
        self.message.setText(_("Rendering the charter…"))
        self.message.show()

    def show_pdf(self, title: str, pdf: bytes) -> None:
        self.pdf = pdf
        self.title = title
        self.setWindowTitle(_("Preview — {title}").format(title=title))
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        pages = self.document.pageCount()
        self.message.setText(
            ngettext("{n} page, as it will print", "{n} pages, as it will print", pages).format(
                n=pages
            )
        )
        self._update_actions()

    def show_error(self, message: str) -> None:
        self.message.setText(message)
        self.message.show()

    # -- pages and zoom ----------------------------------------------------------------------

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to_page(self, page: int) -> None:
        last = self.document.pageCount() - 1
        self.view.pageNavigator().jump(max(0, min(page, last)), QPointF(), 0)
        self._update_actions()

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def _show_page_number(self, _page: int) -> None:
        self._update_actions()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_actions()  # fitting the width, the zoom follows the window

    def zoom_in(self) -> None:
        now = self._zoom_now()
        self._set_zoom(next((z for z in ZOOM_STEPS if z > now + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        now = self._zoom_now()
        self._set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < now - 0.01), ZOOM_STEPS[0]))

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_actions()

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_actions()

    def _zoom_now(self) -> float:
        """The zoom shown: when fitting the width, worked out from the page and the window."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or not self.pdf:
            return self.view.zoomFactor()
        page_points = self.document.pagePointSize(0).width()
        margins = self.view.documentMargins()
        room = self.view.viewport().width() - margins.left() - margins.right()
        pixels_per_point = self.view.logicalDpiX() / 72
        return room / (page_points * pixels_per_point) if page_points else 1.0

    # -- print and save ----------------------------------------------------------------------

    def _print(self) -> None:
        if self.pdf and self.pair_id:
            self.print_requested.emit(self.pair_id)

    def save_as(self) -> bool:
        """Write the previewed PDF where the user says; a file there is replaced only if
        the user agrees."""
        if not self.pdf:
            return False
        start = self.folder or Path.home()
        name, _filter = QFileDialog.getSaveFileName(
            self,
            _("Save the charter as PDF"),
            # Translators: the suggested file name of a charter's PDF.
            str(start / _("Charter {title}.pdf").format(title=self.title)),
            _("PDF files (*.pdf)"),
            options=QFileDialog.Option.DontConfirmOverwrite,  # asked below, after the suffix
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if path.exists() and not self._may_replace(path):
            return False
        try:
            write_bytes(path, self.pdf)
        except UserError as exc:
            show_user_error(self, _("The charter was not saved"), exc)
            return False
        self.folder = path.parent
        self.message.setText(_("Saved as {path}").format(path=path))
        return True

    def _may_replace(self, path: Path) -> bool:
        answer = ask(
            self,
            _("Replace the file?"),
            _("{name} already exists in {folder}. Replace it with this charter?").format(
                name=path.name, folder=path.parent
            ),
            answers=[("replace", _("&Replace")), (CANCEL, "")],
            default=CANCEL,
            destructive="replace",
        )
        return answer == "replace"
