"""Exercise Markdown as plain blocks a template lays out: headings, paragraphs, lists, tables
and quotes, their text in runs of plain, bold and italic.

The handouts print the library's own text. It arrives here as Markdown with the program's
facts filled in (escaped by `fill_placeholders`); it leaves as nested dicts and strings only,
so the template escapes every character and no HTML ever comes from a content file. Only the
Markdown the exercise files use is read; anything else prints as the text it is.
"""

from __future__ import annotations

import re

Run = dict[str, str | bool]
Block = dict[str, object]

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_TABLE_DIVIDER = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def blocks(markdown: str) -> list[Block]:
    """The blocks of `markdown`, in order."""
    return _blocks(markdown.split("\n"))


def _blocks(lines: list[str]) -> list[Block]:
    out: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
        elif heading := _HEADING.match(line):
            out.append(
                {"type": "heading", "level": len(heading.group(1)), "runs": runs(heading[2])}
            )
            i += 1
        elif _RULE.match(line):
            out.append({"type": "rule"})
            i += 1
        elif line.lstrip().startswith(">"):
            quoted = []
            while i < len(lines) and lines[i].lstrip().startswith(">"):
                quoted.append(re.sub(r"^\s*>\s?", "", lines[i]))
                i += 1
            out.append({"type": "quote", "blocks": _blocks(quoted)})
        elif (
            line.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _TABLE_DIVIDER.match(lines[i + 1])
        ):
            rows = [line]
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(lines[i])
                i += 1
            cells = [_cells(row) for row in rows]
            out.append({"type": "table", "head": cells[0], "rows": cells[1:]})
        elif _ITEM.match(line):
            i = _list(lines, i, out)
        else:
            text = [line]
            i += 1
            while i < len(lines) and lines[i].strip() and not _starts_block(lines[i]):
                text.append(lines[i])
                i += 1
            out.append({"type": "paragraph", "runs": runs(_join(text))})
    return out


def _starts_block(line: str) -> bool:
    return bool(
        _HEADING.match(line)
        or _ITEM.match(line)
        or _RULE.match(line)
        or line.lstrip().startswith((">", "|"))
    )


def _list(lines: list[str], i: int, out: list[Block]) -> int:
    """A list from line `i`: each item's text, with the items indented under it as its own
    list (one level, as the exercise files nest them). Returns the line after the list."""
    first = _ITEM.match(lines[i])
    assert first is not None
    indent = len(first.group(1))
    ordered = first.group(0).lstrip()[0].isdigit()
    items: list[dict[str, object]] = []
    while i < len(lines):
        item = _ITEM.match(lines[i])
        if item is None or len(item.group(1)) < indent:
            break
        if len(item.group(1)) > indent and items:
            nested: list[Block] = []
            i = _list(lines, i, nested)
            items[-1]["children"] = nested
            continue
        text = [item.group(2)]
        i += 1
        while (
            i < len(lines)
            and lines[i].strip()
            and not _ITEM.match(lines[i])
            and not _starts_block(lines[i].strip())
        ):
            text.append(lines[i])
            i += 1
        items.append({"runs": runs(_join(text)), "children": []})
        if i < len(lines) and not lines[i].strip():
            following = next((ln for ln in lines[i:] if ln.strip()), "")
            match = _ITEM.match(following)
            if match is None or len(match.group(1)) < indent:
                break  # a blank line, then something else: the list ends
            i += 1
    out.append({"type": "list", "ordered": ordered, "items": items})
    return i


def _join(lines: list[str]) -> str:
    """Lines of one paragraph as one text; a line ending in a backslash keeps its break."""
    text = ""
    for n, line in enumerate(lines):
        if n:
            hard = text.endswith("\\") and not text.endswith("\\\\")
            text = text[:-1] + "\n" if hard else text + " "
        text += line.strip()
    return text


def _cells(row: str) -> list[list[Run]]:
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [runs(cell.strip()) for cell in re.split(r"(?<!\\)\|", inner)]


def runs(text: str) -> list[Run]:
    """`text` as runs of {"text", "bold", "italic"}: `**bold**` and `*italic*` (or `_..._`)
    where their markers pair up, backslash escapes undone, inline code as plain text."""
    out: list[Run] = []
    bold = italic = False
    buffer = ""
    i = 0

    def flush() -> None:
        nonlocal buffer
        if buffer:
            out.append({"text": buffer, "bold": bold, "italic": italic})
            buffer = ""

    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and not text[i + 1].isalnum():
            buffer += text[i + 1]
            i += 2
        elif text.startswith("**", i) and (bold or "**" in text[i + 2 :]):
            flush()
            bold = not bold
            i += 2
        elif ch in "*_" and (italic or _closes(text, i, ch)) and _may_toggle(text, i, ch):
            flush()
            italic = not italic
            i += 1
        elif ch == "`":
            i += 1
        else:
            buffer += ch
            i += 1
    flush()
    return out


def _closes(text: str, i: int, marker: str) -> bool:
    rest = text[i + 1 :]
    return bool(re.search(rf"(?<![\\\s]){re.escape(marker)}(?!{re.escape(marker)})", rest))


def _may_toggle(text: str, i: int, marker: str) -> bool:
    """An underscore inside a word (snake_case) is a letter, not emphasis."""
    if marker == "*":
        return True
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def plain_text(markdown: str) -> str:
    """The words of `markdown` without its markup (for a PDF's title or a test)."""
    return "".join(str(r["text"]) for r in runs(markdown))


def subsection(markdown: str, title: str) -> str:
    """The text under the `### title` heading of a part (capitals ignored) up to the next
    heading of that level or above; '' when the part has no such heading."""
    lines = markdown.split("\n")
    wanted = title.strip().casefold()
    for n, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 3 and _words(heading[2]) == wanted:
            end = n + 1
            while end < len(lines):
                later = _HEADING.match(lines[end])
                if later and len(later.group(1)) <= 3:
                    break
                end += 1
            return "\n".join(lines[n + 1 : end]).strip()
    return ""


def _words(heading: str) -> str:
    """A heading without what a minutes placeholder or a note adds after its name:
    "Input ({{ step_1_minutes }})" and "Input (5 min)" are both "input"."""
    return re.sub(r"\s*\(.*\)\s*$", "", heading).strip().casefold()
