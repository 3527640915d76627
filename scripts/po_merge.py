"""A git merge driver for the .po catalogues: two branches that each translated their own
new strings merge without a conflict (the union of their entries), instead of colliding in
the sorted file. Where both translated the same string differently, ours is kept and the
string is named, and the driver exits 1 so that git reports the file as conflicted.

Set it up once per clone (`.gitattributes` names it for `*.po`):
    git config merge.po.driver ".venv/bin/python scripts/po_merge.py %O %A %B"
"""

from __future__ import annotations

import sys

from babel.messages.pofile import read_po, write_po


def main(base: str, ours: str, theirs: str) -> int:
    with open(ours, "rb") as handle:
        merged = read_po(handle)
    with open(theirs, "rb") as handle:
        other = read_po(handle)
    with open(base, "rb") as handle:
        original = read_po(handle)
    clashes = []
    for message in other:
        if not message.id:
            continue
        mine = merged.get(message.id, message.context)
        if mine is None:
            if original.get(message.id, message.context) is None:
                merged[message.id] = message  # new on their side
            continue
        if not _translated(mine) and _translated(message):
            mine.string, mine.flags = message.string, message.flags
        elif _translated(mine) and _translated(message) and mine.string != message.string:
            was = original.get(message.id, message.context)
            if was is not None and was.string == mine.string:
                mine.string, mine.flags = message.string, message.flags  # only they changed it
            elif was is None or was.string != message.string:
                clashes.append(message.id)
    with open(ours, "wb") as handle:
        write_po(handle, merged, omit_header=False, sort_output=True, no_location=True)
    for msgid in clashes:
        print(f"po_merge: both sides translated {msgid!r} differently; ours kept", file=sys.stderr)
    return 1 if clashes else 0


def _translated(message: object) -> bool:
    string = getattr(message, "string", "")
    return all(string) if isinstance(string, tuple) else bool(string)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
