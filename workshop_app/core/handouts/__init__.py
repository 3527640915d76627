"""Printable handouts for the room (scenario cards, observer sheet, GROW and SBI cards, the
SMART worksheet, a blank paper charter, the sign-in sheet), from the content library."""
