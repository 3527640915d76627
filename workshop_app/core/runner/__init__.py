"""The live agenda: the segments chosen for a workshop, the clock, the runner that
times them and what it records, and the text shown to the room."""
