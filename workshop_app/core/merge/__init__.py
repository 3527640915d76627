"""Merging the workshop files of several rooms into one: reading the sources,
matching records, field-level merging, pair codes, the report and writing the result."""
