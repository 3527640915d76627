"""The workshop file: its schema and migrations, the writer's lock, backups, the
file check, and writing files so that a crash never leaves half of one."""
