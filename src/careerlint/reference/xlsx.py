"""Just enough of the xlsx format to read BLS's spreadsheets: an xlsx file is a zip of XML parts.

Reads cell values (shared strings, inline strings, numbers) sheet by sheet, with the standard
library only. Formulas, styles and dates are not interpreted: BLS's data sheets hold plain values.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from xml.etree import ElementTree as ET


class XlsxError(ValueError):
    """The file is not a readable xlsx workbook; str() is a short reason."""


# "AB12" -> column letters "AB"
_COLUMN = re.compile(r"[A-Z]+")


def _local(tag: str) -> str:
    """'{http://schemas.openxmlformats.org/spreadsheetml/2006/main}row' -> 'row' (transitional or strict)."""
    return tag.rsplit("}", 1)[-1]


def _column_index(ref: str) -> int:
    m = _COLUMN.match(ref)
    n = 0
    for ch in m.group(0) if m else "":
        n = n * 26 + ord(ch) - 64
    return n - 1


class Workbook:
    def __init__(self, path: str) -> None:
        try:
            self._zip = zipfile.ZipFile(path)
        except zipfile.BadZipFile:
            raise XlsxError("not an xlsx workbook (not a zip archive, or a truncated one)") from None
        except OSError as e:
            raise XlsxError(f"cannot read: {e.strerror or e}") from None
        self.sheets = self._sheet_parts()
        self._strings: list[str] | None = None

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> "Workbook":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _xml(self, part: str) -> ET.Element:
        try:
            data = self._zip.read(part)
        except KeyError:
            raise XlsxError(f"not an xlsx workbook: it has no {part}") from None
        except (zipfile.BadZipFile, OSError, EOFError, zipfile.LargeZipFile) as e:
            raise XlsxError(f"damaged workbook: {part}: {e}") from None
        try:
            return ET.fromstring(data)
        except ET.ParseError as e:
            raise XlsxError(f"damaged workbook: {part}: {e}") from None

    def _sheet_parts(self) -> dict[str, str]:
        """Sheet name -> zip part, in workbook order."""
        book = self._xml("xl/workbook.xml")
        rels = {}
        try:
            rel_root = self._xml("xl/_rels/workbook.xml.rels")
            for r in rel_root:
                target = r.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else "xl/" + target
                rels[r.get("Id")] = target
        except XlsxError:
            pass
        out: dict[str, str] = {}
        n = 0
        for el in book.iter():
            if _local(el.tag) != "sheet":
                continue
            n += 1
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), None)
            out[el.get("name", f"Sheet{n}")] = rels.get(rid, f"xl/worksheets/sheet{n}.xml")
        if not out:
            raise XlsxError("not an xlsx workbook: it has no sheets")
        return out

    def _shared(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if "xl/sharedStrings.xml" in self._zip.namelist():
                for si in self._xml("xl/sharedStrings.xml"):
                    if _local(si.tag) == "si":
                        self._strings.append("".join(t.text or "" for t in si.iter() if _local(t.tag) == "t"))
        return self._strings

    def rows(self, sheet: str) -> Iterator[list[str]]:
        """The sheet's rows as lists of cell texts (missing cells are ''), top to bottom."""
        strings = self._shared()
        try:
            fh = self._zip.open(self.sheets[sheet])
        except (KeyError, zipfile.BadZipFile, OSError) as e:
            raise XlsxError(f"damaged workbook: sheet '{sheet}': {e}") from None
        try:
            with fh:
                for _, el in ET.iterparse(fh, events=("end",)):
                    if _local(el.tag) != "row":
                        continue
                    row: list[str] = []
                    for c in el:
                        if _local(c.tag) != "c":
                            continue
                        col = _column_index(c.get("r", "")) if c.get("r") else len(row)
                        row.extend([""] * (col - len(row) + 1))
                        row[col] = self._value(c, strings)
                    el.clear()
                    yield row
        except ET.ParseError as e:
            raise XlsxError(f"damaged workbook: sheet '{sheet}': {e}") from None
        except (zipfile.BadZipFile, OSError, EOFError) as e:
            raise XlsxError(f"damaged workbook: sheet '{sheet}': {e}") from None

    @staticmethod
    def _value(c: ET.Element, strings: list[str]) -> str:
        kind = c.get("t", "n")
        if kind == "inlineStr":
            return "".join(t.text or "" for t in c.iter() if _local(t.tag) == "t")
        v = next((x.text or "" for x in c if _local(x.tag) == "v"), "")
        if kind == "s":
            try:
                return strings[int(v)]
            except (ValueError, IndexError):
                raise XlsxError(f"damaged workbook: cell {c.get('r', '?')} names a missing string") from None
        return v

    def text(self, limit: int = 200) -> Iterator[str]:
        """The non-empty cell texts of the first ``limit`` rows of every sheet: titles and notes
        ('May 2024', the top-coding cap) for telling which release a workbook holds."""
        for name in self.sheets:
            for i, row in enumerate(self.rows(name)):
                if i >= limit:
                    break
                yield from (c for c in row if c)

