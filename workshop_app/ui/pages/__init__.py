"""The pages of the main window, one per entry of its navigation."""
