"""The colours and text styles the window's pages share, so that an error, a warning or a hint
looks the same on every page (and a change of colour is made once)."""

from __future__ import annotations

ERROR_COLOUR = "#b3261e"  # red that reads on white at 5.9:1
WARNING_COLOUR = "#8a4b00"
DONE_COLOUR = "#1b7a3d"
PENDING_COLOUR = "#a15c00"  # amber: still to do, or time nearly up; not an error

ERROR_STYLE = f"color: {ERROR_COLOUR};"
WARNING_STYLE = f"color: {WARNING_COLOUR};"
HELP_STYLE = "color: palette(placeholder-text);"  # the theme's readable grey
HEADING_STYLE = "font-size: 18pt; font-weight: 600;"  # a page's title
