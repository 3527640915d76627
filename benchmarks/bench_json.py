"""Issue 13 figure: the JSON export's writer, orjson against the hand-written writer it replaced.

Builds a 2,000-pair workshop with every charter filled in (as bench_exports.py does), reads its
export document once, and times in the same run, best of five:

- orjson, as `export_json.document_bytes` writes the document now;
- the hand-written indenting writer the app used before issue 13, kept here only as the
  baseline (it wrote the text of `json.dumps(..., indent=2)`, about twice as fast);
- `json.dumps(..., ensure_ascii=False, sort_keys=True, indent=2)`, the standard library;
- the whole `workshop-app export --format json` path (read, filter, write the file atomically),
  with orjson and, for the before figure, with the old writer in its place.

It also checks that orjson's bytes are the old writer's bytes for this document.

    .venv/bin/python benchmarks/bench_json.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from _common import best_of, make_workshop

from workshop_app.core.exports import json_document as export_json
from workshop_app.core.exports.formats import export_workshop
from workshop_app.core.exports.json_document import document_bytes, json_document
from workshop_app.core.exports.tables import read_export_data
from workshop_app.core.store.workshop_file import WorkshopFile

PAIRS = 2000
RUNS = 5


# -- the writer of workshop_app/core/export_json.py before issue 13, as it was -------------


def indented_json(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2)`, the same text, about
    twice as fast: the standard library indents in pure Python, one generator step per
    token, which took a third of a second for a 2,000-pair workshop. Strings and numbers are
    still written by the json module's own functions."""
    chunks: list[str] = []
    _write(value, "\n", chunks.append)
    return "".join(chunks)


def _write(value: Any, newline: str, out: Any) -> None:
    if isinstance(value, str):
        out(_string(value))
    elif value is None or value is True or value is False:
        out(_CONSTANTS[value])
    elif isinstance(value, int):
        out(int.__repr__(value))
    elif isinstance(value, float):
        out(json.dumps(value))
    elif isinstance(value, dict):
        if not value:
            out("{}")
            return
        inner = newline + "  "
        out("{")
        first = True
        for key in sorted(value):
            if not isinstance(key, str):
                raise TypeError(f"JSON keys must be text, not {key!r}")
            out((inner if first else "," + inner) + _string(key) + ": ")
            first = False
            _write(value[key], inner, out)
        out(newline + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out("[]")
            return
        inner = newline + "  "
        out("[")
        for i, item in enumerate(value):
            out(inner if i == 0 else "," + inner)
            _write(item, inner, out)
        out(newline + "]")
    else:
        raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


_string = json.encoder.encode_basestring
_CONSTANTS = {None: "null", True: "true", False: "false"}


def old_writer_bytes(document: dict[str, Any]) -> bytes:
    return (indented_json(document) + "\n").encode("utf-8")


# -- the run -------------------------------------------------------------------------------


def standard_library_bytes(document: dict[str, Any]) -> bytes:
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2)
    return (text + "\n").encode("utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-json-") as scratch:
        folder = Path(scratch)
        path = make_workshop(folder, PAIRS, filled_every=1)
        with WorkshopFile.open(path, readonly=True) as wf:
            document = json_document(read_export_data(wf, include_confidential=False))
            n = iter(range(10_000))

            def whole_export() -> None:
                export_workshop(wf, format="json", out=folder / f"export-{next(n)}.json")

            writers: list[tuple[str, Callable[[], object]]] = [
                ("orjson (the app now)", lambda: document_bytes(document)),
                ("hand-written writer (the app before)", lambda: old_writer_bytes(document)),
                ("json.dumps, indent=2", lambda: standard_library_bytes(document)),
            ]
            same = document_bytes(document) == old_writer_bytes(document)
            size = len(document_bytes(document))
            print(
                f"JSON document of a {PAIRS:,}-pair workshop, every charter filled in "
                f"({size / 1e6:.1f} MB); best of {RUNS}:"
            )
            times = {name: best_of(RUNS, fn) for name, fn in writers}
            base = times["hand-written writer (the app before)"]
            for name, seconds in times.items():
                print(f"  {name}: {seconds * 1000:.1f} ms ({seconds / base:.2f}x the old writer)")
            print(f"  orjson's bytes are the old writer's bytes: {'yes' if same else 'NO'}")
            export_now = best_of(RUNS, whole_export)
            # The same path with the old writer in the place of orjson, for the before figure.
            export_json.document_bytes = old_writer_bytes
            try:
                export_before = best_of(RUNS, whole_export)
            finally:
                export_json.document_bytes = document_bytes
            print(
                f"  the whole JSON export (read, filter, write the file): {export_now:.3f} s; "
                f"with the old writer: {export_before:.3f} s"
            )


if __name__ == "__main__":
    main()
