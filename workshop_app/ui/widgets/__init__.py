"""The widgets the pages are built from."""
