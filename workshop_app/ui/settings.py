"""UI state that outlives a session: recent files, window geometry, the interface language.
Declared once, typed."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from workshop_app.core.charters.print_options import PrintOptions, ordered
from workshop_app.core.i18n import LANGUAGES, PSEUDO
from workshop_app.core.paths import SETTINGS_NAME, user_data_dir

MAX_RECENT = 8
# The export page's choices, kept per workshop: each a string, "" when never chosen.
EXPORT_CHOICES = ("folder", "format", "packaging", "per_pair")


@dataclass(frozen=True, slots=True)
class RecentFile:
    path: Path
    opened_at: datetime | None  # None for entries kept before the time was noted

    @property
    def exists(self) -> bool:
        return self.path.is_file()


class AppSettings:
    def __init__(self) -> None:
        folder = user_data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(folder / SETTINGS_NAME), QSettings.Format.IniFormat)
        self._content_override: Path | None = None

    def recent_files(self) -> list[Path]:
        raw = self._qs.value("files/recent", [], type=list)
        return [Path(p) for p in raw if isinstance(p, str) and p] if isinstance(raw, list) else []

    def recent(self) -> list[RecentFile]:
        """The recent workshops, newest first, with when each was last opened."""
        opened = self._opened()
        return [RecentFile(p, _parse_time(opened.get(str(p)))) for p in self.recent_files()]

    def add_recent(self, path: Path, *, at: datetime | None = None) -> None:
        resolved = str(path.resolve())
        items = [str(p) for p in self.recent_files() if str(p) != resolved]
        kept = [resolved, *items][:MAX_RECENT]
        self._qs.setValue("files/recent", kept)
        opened = {k: v for k, v in self._opened().items() if k in kept}
        opened[resolved] = (at or datetime.now()).isoformat(timespec="minutes")
        self._qs.setValue("files/opened", opened)

    def remove_recent(self, path: Path) -> None:
        resolved = str(path.resolve())
        self._qs.setValue(
            "files/recent", [str(p) for p in self.recent_files() if str(p) != resolved]
        )

    def _opened(self) -> dict[str, str]:
        raw = self._qs.value("files/opened", {})
        return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}

    def last_file(self) -> Path | None:
        return next((p for p in self.recent_files() if p.exists()), None)

    def content_dirs(self) -> list[Path]:
        """The organisation's own exercise folder: `--content DIR` for this run, else the
        one chosen in the app, if any."""
        if self._content_override is not None:
            return [self._content_override]
        value = self._text("content/folder")
        return [Path(value)] if value else []

    def override_content_dir(self, folder: Path) -> None:
        self._content_override = folder

    def set_content_dir(self, folder: Path | None) -> None:
        self._qs.setValue("content/folder", str(folder.resolve()) if folder else "")

    def geometry(self, key: str) -> QByteArray | None:
        value = self._qs.value(f"window/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{key}", value)

    def export_choices(self, workshop: Path) -> dict[str, str]:
        """What the export page was last set to for `workshop` (see EXPORT_CHOICES)."""
        group = _workshop_key(workshop)
        return {n: self._text(f"export/{group}/{n}") for n in EXPORT_CHOICES}

    def set_export_choices(self, workshop: Path, choices: dict[str, str]) -> None:
        group = _workshop_key(workshop)
        for name in EXPORT_CHOICES:
            self._qs.setValue(f"export/{group}/{name}", choices.get(name, ""))

    def print_options(self) -> PrintOptions:
        """The print options chosen last: double-sided and one plain copy until then."""
        duplex = self._qs.value("print/duplex", True, type=bool)
        try:
            copies = ordered(c for c in self._text("print/copies").split(",") if c)
        except ValueError:  # an edited or damaged settings file: one plain copy
            copies = ()
        return PrintOptions(duplex=bool(duplex), copies=copies)

    def set_print_options(self, options: PrintOptions) -> None:
        self._qs.setValue("print/duplex", options.duplex)
        self._qs.setValue("print/copies", ",".join(options.copies))

    def interface_language(self) -> str:
        """The interface language chosen in the app, "" to follow the system (also for a
        language the app no longer has)."""
        value = self._text("interface/language")
        return value if value in LANGUAGES or value == PSEUDO else ""

    def set_interface_language(self, lang: str) -> None:
        self._qs.setValue("interface/language", lang)

    def _text(self, key: str) -> str:
        """A text setting, "" when never set (QSettings says only "object")."""
        value = self._qs.value(key, "", type=str)
        return value if isinstance(value, str) else ""

    def sync(self) -> None:
        self._qs.sync()


def _workshop_key(workshop: Path) -> str:
    """A settings key for one workshop file, wherever it is (its path has slashes)."""
    return hashlib.sha256(str(workshop.resolve()).encode("utf-8")).hexdigest()[:16]


def _parse_time(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:  # an edited or damaged settings file: just no time shown
        return None
