"""The people and their pairs: the roster store, reading and importing roster files,
and attendance (check-in and the sign-in sheet)."""
