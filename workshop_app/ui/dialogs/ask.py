"""Small dialogs: a question with its answers, and the message for something the user can
fix."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractButton,
    QMessageBox,
    QPushButton,
    QWidget,
)

from workshop_app.core.errors import UserError
from workshop_app.ui.dialogs.modal import deleted_after

CANCEL = "cancel"


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    detail: str = "",
    answers: Sequence[tuple[str, str]],
    default: str,
    safe: str = CANCEL,
    destructive: str | None = None,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> str:
    """Ask `text` with a button per answer, (key, button text), and return the key of the one
    pressed. `safe` is what Esc and closing the box answer (the key `CANCEL` is the standard
    Cancel button, its text ""); `destructive` marks the answer that loses something: it is
    never what Enter does unless it is the `default`. `detail` may be rich text (a list)."""
    box = QMessageBox(icon, title, text, parent=parent)
    if detail:
        box.setInformativeText(detail)  # plain or rich text: Qt tells them apart
    buttons: dict[str, QPushButton] = {}
    for key, label in answers:
        if key == CANCEL:
            buttons[key] = box.addButton(QMessageBox.StandardButton.Cancel)
            continue
        role = (
            QMessageBox.ButtonRole.DestructiveRole
            if key == destructive
            else QMessageBox.ButtonRole.RejectRole
            if key == safe
            else QMessageBox.ButtonRole.AcceptRole
            if not buttons
            else QMessageBox.ButtonRole.ActionRole
        )
        buttons[key] = box.addButton(label, role)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[safe])
    name_buttons(box)
    with deleted_after(box):
        box.exec()
        clicked = box.clickedButton()
        return next((key for key, button in buttons.items() if button is clicked), safe)


def name_buttons(widget: QWidget) -> None:
    """Give the buttons under `widget` their text, without the Alt-key mark or the dots, as
    their accessible name (what tests and screen readers find them by)."""
    for button in widget.findChildren(QAbstractButton):
        if not button.accessibleName():
            button.setAccessibleName(button.text().replace("&", "").rstrip("…").strip())


def show_user_error(parent: QWidget | None, title: str, error: UserError) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, error.message, parent=parent)
    if error.details:
        box.setDetailedText("\n".join(error.details))
    name_buttons(box)
    with deleted_after(box):
        box.exec()
