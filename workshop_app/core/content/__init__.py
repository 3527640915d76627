"""The exercise library: exercises and agendas as Markdown and YAML files, read,
checked and filled with the program's facts."""
