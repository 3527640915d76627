"""Where the shipped content and templates are, in a source checkout and in a wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """The folder `exercises` or `report_templates`.

    A wheel carries them inside the package (`workshop_app/_shipped/NAME`); a source
    checkout or an editable install has them at the top of the repository.
    """
    inside = _PACKAGE / "_shipped" / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name
