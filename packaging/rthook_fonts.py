"""Runs first in the frozen app: fontconfig (loaded by WeasyPrint's Pango) reads the bundle's
fonts.conf, which adds the bundled fonts to the desktop's."""

import os
import sys
from pathlib import Path

os.environ["FONTCONFIG_FILE"] = str(Path(sys._MEIPASS) / "fonts" / "fonts.conf")
