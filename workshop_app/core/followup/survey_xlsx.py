"""Read the first sheet of an .xlsx survey export straight from its XML.

openpyxl (read-only) makes a dict and a cell object for each of the 160,000 cells of a
10,000-row Microsoft Forms export and takes seconds; this streams the sheet's rows with
ElementTree and makes only the values, the same values openpyxl gives (a test compares them on
every workbook the tests hold): shared and inline strings (rich text runs joined), numbers,
booleans, errors as their text, dates and times from the cell's number format in the 1900 or
1904 date system, a formula as its own text ("=1+1", never evaluated), cells and rows without
an `r` attribute placed after the one before, the sheet's declared size respected.

Safety is the caller's archive check (`roster.read.check_xlsx_archive`: parts, sizes and
ratios, before anything is unpacked) and, here, no DTD: a part that declares a DOCTYPE is
refused before it is parsed, as defusedxml refuses one, so no entity is ever defined, expanded
or fetched.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import datetime, time, timedelta
from typing import IO, Any
from xml.etree.ElementTree import Element, ParseError, iterparse
from xml.parsers import expat

from workshop_app.core.errors import UserError, one_line

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ROW, _V, _F, _IS, _T, _R = (MAIN + t for t in ("row", "v", "f", "is", "t", "r"))
_LETTERS = re.compile(r"[A-Z]{1,3}")
_PLAIN = frozenset({"s", None, "n"})  # a shared string, a number (the default type)
_DIMENSION = re.compile(r"[A-Z]{1,3}\d+(?::([A-Z]{1,3})(\d+))?")


class _Damaged(Exception):
    """The workbook is not what an .xlsx is; the message says how."""


# What a damaged or hostile workbook raises while it is read: XML that does not parse, a part
# missing (KeyError) or cut short (zlib, EOF), a value that is not what its cell type says.
_DAMAGE = (_Damaged, ParseError, KeyError, ValueError, IndexError, zipfile.BadZipFile,
           zlib.error, EOFError, OSError)  # fmt: skip


def xlsx_sheet_rows(
    name: str, data: bytes, *, max_columns: int
) -> Iterator[tuple[int, list[object]]]:
    """(row number, values) for each row the first sheet holds, in order, rows without cells
    left out; a row's values stop at its last cell (at most `max_columns`, or the sheet's
    declared width if that is less), None where a cell is missing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            book = _Book(archive)
            with archive.open(book.sheet) as source:
                yield from _rows(source, book, max_columns)
    # The archive was checked already: what is left is damage (a part missing or cut short,
    # XML that does not parse, a value that is not what its cell type says).
    except _DAMAGE as exc:
        reason = one_line(str(exc)) or type(exc).__name__
        raise UserError(f"{name} is not a readable Excel workbook ({reason}).") from exc


class _Book:
    """What the sheet's values depend on: where its part is, the shared strings, which styles
    are dates or durations, the date system."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        names = set(archive.namelist())
        root = _targets(archive, "_rels/.rels", "", names)
        workbook = root.get("officeDocument", "xl/workbook.xml")
        rels = _targets(
            archive,
            posixpath.join(posixpath.dirname(workbook), "_rels", posixpath.basename(workbook))
            + ".rels",
            posixpath.dirname(workbook),
            names,
            by_id=True,
        )
        self.sheet = ""
        self.epoch_1904 = False
        for element in _elements(archive, workbook):
            if element.tag == MAIN + "workbookPr":
                self.epoch_1904 = element.get("date1904", "").lower() in ("1", "true")
            elif element.tag == MAIN + "sheet" and not self.sheet:
                kind, _, part = rels.get(element.get(_R_ID, ""), "|").partition("|")
                if kind == "worksheet" and part in names:
                    self.sheet = part
        if not self.sheet:
            raise _Damaged("it has no worksheet")
        strings = next(
            (t.partition("|")[2] for t in rels.values() if t.startswith("sharedStrings|")), ""
        )
        self.strings = _shared_strings(archive, strings) if strings in names else []
        self.dates, self.durations = _date_styles(archive, "xl/styles.xml", names)


def _targets(
    archive: zipfile.ZipFile, part: str, base: str, names: set[str], *, by_id: bool = False
) -> dict[str, str]:
    """A relationships part: {type's last word: target part} (or {id: "type|target"})."""
    if part not in names:
        return {}
    found: dict[str, str] = {}
    for element in _elements(archive, part):
        if element.tag != _PACKAGE_RELS:
            continue
        target = element.get("Target", "")
        target = target[1:] if target.startswith("/") else posixpath.join(base, target)
        target = posixpath.normpath(target)
        kind = element.get("Type", "").rsplit("/", 1)[-1]
        if by_id:
            found[element.get("Id", "")] = f"{kind}|{target}"
        else:
            found.setdefault(kind, target)
    return found


def _elements(archive: zipfile.ZipFile, part: str) -> Iterator[Element]:
    with archive.open(part) as source:
        yield from (element for _, element in _parse(source))


def _parse(source: IO[bytes]) -> Iterator[tuple[str, Element]]:
    """The part's elements as they end, after its prolog was found free of a DOCTYPE."""
    head = _no_doctype(source)
    return iterparse(_Rejoined(head, source))


def _no_doctype(source: IO[bytes]) -> bytes:
    """Read the part up to its first element with expat, which knows every encoding XML may be
    in; refuse a DOCTYPE (the only place entities can be declared). The bytes read are
    returned, to be parsed again with the rest."""

    class _Root(Exception):
        pass

    def doctype(*_: object) -> None:
        raise _Damaged("it declares a DOCTYPE, which a workbook never does")

    def root(*_: object) -> None:
        raise _Root

    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = root
    head = b""
    while True:
        chunk = source.read(16384)
        head += chunk
        try:
            parser.Parse(chunk, not chunk)
        except _Root:
            return head
        except expat.ExpatError as exc:
            raise _Damaged(str(exc)) from exc
        if not chunk:
            return head


class _Rejoined:
    """The bytes already read, then the rest of the part, as one file for iterparse."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def read(self, size: int = -1) -> bytes:
        if self.head:
            head, self.head = self.head, b""
            return head
        return self.rest.read(size)


def _text(element: Element) -> str:
    """A string item's text, as Excel shows it: its own <t>, then each rich text run's <t>
    (phonetic runs are not part of it)."""
    own = element.find(_T)
    parts = [own.text or ""] if own is not None else []
    parts.extend(run.findtext(_T) or "" for run in element.iterfind(_R))
    return "".join(parts)


def _shared_strings(archive: zipfile.ZipFile, part: str) -> list[str]:
    strings = []
    with archive.open(part) as source:
        for _, element in _parse(source):
            if element.tag == MAIN + "si":
                # Excel escapes an underscore that looks like an escape as _x005F_; openpyxl
                # reads it back so, and so does this.
                strings.append(_text(element).replace("x005F_", ""))
                element.clear()
    return strings


def _date_styles(
    archive: zipfile.ZipFile, part: str, names: set[str]
) -> tuple[frozenset[int], frozenset[int]]:
    """The cell styles (their index in cellXfs) whose number format is a date, and those that
    are a duration ([h]:mm), by openpyxl's own rules for telling them."""
    if part not in names:
        return frozenset(), frozenset()
    custom: dict[int, str] = {}
    formats: list[str | None] = []  # each cell style's number format
    in_cell_xfs = False
    with archive.open(part) as source:
        for event, element in iterparse(_Rejoined(_no_doctype(source), source), ("start", "end")):
            if element.tag == MAIN + "cellXfs":
                in_cell_xfs = event == "start"
            elif event == "end" and element.tag == MAIN + "numFmt":
                custom[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
            elif event == "end" and element.tag == MAIN + "xf" and in_cell_xfs:
                number = int(element.get("numFmtId", "0"))
                formats.append(custom.get(number, _BUILTIN.get(number)))
    dates = frozenset(i for i, f in enumerate(formats) if f is not None and _is_date(f))
    return dates, frozenset(i for i, f in enumerate(formats) if f and _DURATION.search(f))


# Excel's built-in number formats that are dates, times or durations (ECMA-376 18.8.30, as
# openpyxl lists them): a cell with one of the others is a number.
_BUILTIN = {
    14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm", 45: "mm:ss",
    46: "[h]:mm:ss", 47: "mmss.0",
}  # fmt: skip
# openpyxl's rules (styles.numbers): a format's first section, quoted text and [locale] or
# [colour] parts left out, holds a d, m, y, h or s; a duration is [h], [m] or [s].
_NOT_DATE_PARTS = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_LETTER = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_WINDOWS_EPOCH = datetime(1899, 12, 30)
_MAC_EPOCH = datetime(1904, 1, 1)


def _is_date(fmt: str) -> bool:
    return _DATE_LETTER.search(_NOT_DATE_PARTS.sub("", fmt.split(";")[0])) is not None


def _from_serial(serial: float, epoch: datetime, *, duration: bool) -> object:
    """A date serial number as openpyxl's from_excel reads it: a duration to the millisecond,
    a time alone for a serial under 1, the 1900 system's phantom 29 February 1900 skipped."""
    if duration:
        span = timedelta(days=serial)
        if span.microseconds:
            span = timedelta(
                seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3)
            )
        return span
    day, fraction = divmod(serial, 1)
    diff = timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= serial < 1 and diff.days == 0:
        minutes, seconds = divmod(diff.seconds, 60)
        return time(minutes // 60, minutes % 60, seconds, diff.microseconds)
    if 0 < serial < 60 and epoch == _WINDOWS_EPOCH:
        day += 1
    return epoch + timedelta(days=day) + diff


def _column(letters: str, ref: str) -> int:
    if not _LETTERS.fullmatch(letters):
        raise _Damaged(f"{one_line(ref, limit=20)!r} is not a cell reference")
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _rows(source: IO[bytes], book: _Book, max_columns: int) -> Iterator[tuple[int, list[object]]]:
    epoch = _MAC_EPOCH if book.epoch_1904 else _WINDOWS_EPOCH
    width, last_row = max_columns, None
    shared_formulas: dict[str, Any] = {}
    strings = book.strings
    columns: dict[str, int] = {}  # a reference's letters -> its column, as they come
    number = 0
    for _, element in _parse(source):
        tag = element.tag
        if tag == MAIN + "dimension":
            # The size the sheet declares bounds what is read, as openpyxl bounds it.
            if m := _DIMENSION.fullmatch(element.get("ref", "").replace("$", "")):
                letters, row = m.groups()
                width = min(width, _column(letters, letters) if letters else 1)
                last_row = int(row) if row else 1
            continue
        if tag != _ROW:
            continue
        r = element.get("r")
        number = _whole(r) if r is not None else number + 1
        if last_row is not None and number > last_row:
            break
        values = _plain_row(element, columns, width, strings, book, epoch)
        if values is None:
            values = _any_row(element, columns, width, book, epoch, shared_formulas)
        element.clear()
        if values:
            yield number, values


def _plain_row(
    row: Element,
    columns: dict[str, int],
    width: int,
    strings: list[str],
    book: _Book,
    epoch: datetime,
) -> list[object] | None:
    """The values of a row as Excel writes a survey export's (every cell with its reference,
    a shared string or a number, no formula, no inline string), a column at a time at C speed;
    None for any other row, which `_any_row` reads cell by cell."""
    refs = [cell.get("r") for cell in row]
    kinds = [cell.get("t") for cell in row]
    # One child each (a formula cell has its <f> beside its <v>).
    if None in refs or not _PLAIN.issuperset(kinds) or sum(map(len, row)) != len(refs):
        return None
    try:
        places = [columns[ref.rstrip("0123456789")] for ref in refs]  # type: ignore[union-attr]
    except KeyError:  # letters not seen yet: learnt here, used from the next row on
        return None
    values: list[object] = [None] * min(max(places, default=0), width)
    dates = book.dates
    for place, kind, cell in zip(places, kinds, row, strict=True):
        child = cell[0]
        if child.tag != _V:  # a formula without its last value
            return None
        text = child.text
        if not text or place > width:
            continue
        if kind == "s":
            values[place - 1] = strings[int(text)]
            continue
        number: float = float(text) if "." in text or "e" in text or "E" in text else int(text)
        style = cell.get("s")
        values[place - 1] = (
            _date(number, int(style), book, epoch) if style and int(style) in dates else number
        )
    while values and values[-1] is None:
        values.pop()
    return values


def _any_row(
    row: Element,
    columns: dict[str, int],
    width: int,
    book: _Book,
    epoch: datetime,
    shared_formulas: dict[str, Any],
) -> list[object]:
    values: list[object] = []
    column = 0
    for cell in row:
        ref = cell.get("r")
        if ref is None:
            column += 1  # placed after the cell before it, as Excel reads it
        else:
            letters = ref.rstrip("0123456789")
            column = columns.get(letters) or _column(letters, ref)
            columns[letters] = column
        if column > width:
            continue
        value = _value(cell, ref, book, epoch, shared_formulas)
        if value is None:
            continue
        if column > len(values):
            values.extend([None] * (column - len(values)))
        values[column - 1] = value
    return values


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(value)


def _value(
    cell: Element,
    ref: str | None,
    book: _Book,
    epoch: datetime,
    shared_formulas: dict[str, Any],
) -> object:
    kind = cell.get("t", "n")
    formula = cell.find(_F)
    if formula is not None:
        return _formula(formula, ref, shared_formulas)
    if kind == "inlineStr":
        inline = cell.find(_IS)
        return _text(inline) if inline is not None else None
    text = cell.findtext(_V)
    if not text:
        return None
    if kind == "n":
        value: float = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
        style = int(cell.get("s") or 0)
        return _date(value, style, book, epoch) if style in book.dates else value
    if kind == "s":
        return book.strings[int(text)]
    if kind == "b":
        return bool(int(text))
    if kind == "d":
        from openpyxl.utils.datetime import from_ISO8601

        return from_ISO8601(text)
    return text  # "str" (a formula's cached text), "e" (an error such as #N/A)


def _date(serial: float, style: int, book: _Book, epoch: datetime) -> object:
    try:
        return _from_serial(serial, epoch, duration=style in book.durations)
    except (OverflowError, ValueError):
        return "#VALUE!"  # a date out of range: what openpyxl makes of it


def _formula(formula: Element, ref: str | None, shared: dict[str, Any]) -> object:
    """A formula as its own text, never evaluated. A shared formula's other cells carry no text:
    theirs is the first cell's, moved to where they are (as openpyxl translates it)."""
    text = "=" + (formula.text or "")
    kind = formula.get("t")
    if kind == "shared":
        from openpyxl.formula.translate import Translator

        index = formula.get("si", "")
        if index in shared:
            return shared[index].translate_formula(ref)
        if text != "=":
            shared[index] = Translator(text, ref)
    elif kind == "dataTable":
        return None  # a what-if table's cell: no formula text of its own to show
    return text
