"""Staff exports: the tables every format is made from, and CSV, XLSX, JSON, ICS and
the archive."""
