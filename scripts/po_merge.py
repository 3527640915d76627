"""A git merge driver for the .po catalogues: two branches that each translated their own
new strings merge without a conflict (the union of their entries), instead of colliding in
the sorted file. Where both translated the same string differently, ours is kept and the
string is named, and the driver exits 1 so that git reports the file as conflicted.

Set it up once per clone (`.gitattributes` names it for `*.po`):
    git config merge.po.driver ".venv/bin/python scripts/po_merge.py %O %A %B"
"""

from __future__ import annotations

import os
import sys

from babel.messages.pofile import read_po, write_po


def main(base: str, ours: str, theirs: str) -> int:
    with open(ours, "rb") as handle:
        merged = read_po(handle)
    with open(theirs, "rb") as handle:
        other = read_po(handle)
    with open(base, "rb") as handle:
        original = read_po(handle)
    clashes, reshaped = [], []
    for message in other:
        if not message.id:
            continue
        mine = merged.get(message.id, message.context)
        if mine is None:
            if original.get(message.id, message.context) is None:
                merged[message.id] = message  # new on their side
            continue
        if isinstance(mine.string, tuple) != isinstance(message.string, tuple):
            # One side made it a plural (or a singular): the message changed shape; theirs is
            # taken whole, and `make messages` then matches it to the code.
            merged.delete(message.id, message.context)
            merged[message.id] = message
            reshaped.append(message.id)
            continue
        if not _translated(mine) and _translated(message):
            mine.string, mine.flags = message.string, message.flags
        elif _translated(mine) and _translated(message) and mine.string != message.string:
            was = original.get(message.id, message.context)
            if was is not None and was.string == mine.string:
                mine.string, mine.flags = message.string, message.flags  # only they changed it
            elif was is None or was.string != message.string:
                clashes.append(message.id)
    # Written beside it, then put in its place: a failure leaves our file whole.
    written = ours + ".merging"
    with open(written, "wb") as handle:
        write_po(handle, merged, omit_header=False, sort_output=True, no_location=True)
    os.replace(written, ours)
    for msgid in clashes:
        print(f"po_merge: both sides translated {msgid!r} differently; ours kept", file=sys.stderr)
    for msgid in reshaped:
        print(
            f"po_merge: {msgid!r} changed between singular and plural; theirs taken",
            file=sys.stderr,
        )
    return 1 if clashes or reshaped else 0


def _translated(message: object) -> bool:
    string = getattr(message, "string", "")
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
