"""After the launch: follow-up records, pair health, reviews, closures, outcomes."""
