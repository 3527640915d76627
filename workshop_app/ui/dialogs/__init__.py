"""The dialogs the pages open."""
