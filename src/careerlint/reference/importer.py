"""Reading BLS's national OEWS files into careerlint's release format, and checking them.

Three inputs, all as BLS publishes them:
  - the national spreadsheet ``national_MYYYY_dl.xlsx`` (one data sheet with columns OCC_CODE,
    OCC_TITLE, O_GROUP, TOT_EMP, H_MEAN, A_MEAN, H_PCT10 ... A_PCT90, ANNUAL, HOURLY);
  - the same sheet saved as CSV;
  - the time-series pair ``oe.data.0.Current`` (or ``oe.data.1.AllData``) with ``oe.occupation``.
The release (May YYYY) is read from the file: its sheet name, notes, file name or data year.
"""

from __future__ import annotations

import csv
import io
import os
import re

from careerlint.errors import CareerlintError
from careerlint.reference import soc
from careerlint.reference.oews import COLUMNS, FORMAT, NOT_AVAILABLE, TOP_CODED

MIN_DETAILED = 300   # a national release has 500-800 detailed occupations


class DataFileError(CareerlintError):
    """A reference-data file that cannot be imported; str() is the one-line message."""


# "national_M2024_dl.xlsx", "oews-national-2024.csv", "national_M2024_dl" (a sheet name)
_YEAR_IN_NAME = re.compile(r"(?:^|[_\-. ])M?((?:19|20)\d\d)(?=[_\-. ]|$)")
# "May 2024 National Occupational Employment and Wage Estimates"
_MAY_YEAR = re.compile(r"\bMay\s+((?:19|20)\d\d)\b")
# "# = ... equal to or greater than $115.00 per hour or $239,200 per year"
_CAPS = re.compile(r"\$\s*([\d,]+(?:\.\d+)?)\s*(?:per|an|/)\s*hour\s+or\s+\$\s*([\d,]+)\s*(?:per|a|/)\s*year", re.I)

_BLS_WAGES = ("MEAN", "PCT10", "PCT25", "MEDIAN", "PCT75", "PCT90")


def year_from_name(name: str) -> int | None:
    """'national_M2024_dl.xlsx' -> 2024; 'report.xlsx' -> None."""
    base = os.path.basename(name)
    years = {int(y) for y in _YEAR_IN_NAME.findall(os.path.splitext(base)[0])}
    return years.pop() if len(years) == 1 else None


def caps_from_text(texts) -> dict[str, float]:
    for t in texts:
        m = _CAPS.search(t)
        if m:
            return {"hour": float(m.group(1).replace(",", "")), "year": int(m.group(2).replace(",", ""))}
    return {}


def parse_cell(text: str, hourly: bool):
    """A BLS cell: '32.66' -> 32.66, '67,920' -> 67920, '#' -> '#', '*'/'**'/'' -> '*'."""
    t = text.strip().replace(",", "")
    if t == "#":
        return TOP_CODED
    if t in ("", "*", "**", "-", "~"):
        return NOT_AVAILABLE
    try:
        v = float(t)
    except ValueError:
        raise ValueError(f"'{text}' is not a figure") from None
    if v < 0 or v != v:
        raise ValueError(f"'{text}' is not a figure")
    return round(v, 2) if hourly else int(round(v))


def only_flag(hourly: list, annual: list) -> str:
    if all(v == NOT_AVAILABLE for v in hourly) and any(v != NOT_AVAILABLE for v in annual):
        return "annual"
    if all(v == NOT_AVAILABLE for v in annual) and any(v != NOT_AVAILABLE for v in hourly):
        return "hourly"
    return ""


def rows_from_table(header: list[str], rows, where: str) -> list[list]:
    """Release rows from a table with BLS's column names (xlsx sheet or CSV), national cross-industry only."""
    cols = {h.strip().upper(): i for i, h in enumerate(header)}
    need = ["OCC_CODE", "OCC_TITLE", "TOT_EMP"] + [f"{p}_{w}" for p in "HA" for w in _BLS_WAGES]
    missing = [c for c in need if c not in cols]
    if missing:
        raise DataFileError(f"{where}: error: not a national OEWS table: no column {missing[0]}")

    def cell(r: list[str], name: str) -> str:
        i = cols.get(name)
        return r[i] if i is not None and i < len(r) else ""

    out: dict[str, list] = {}
    for n, r in enumerate(rows, 2):
        if not any(c.strip() for c in r):
            continue
        # keep the national, cross-industry, all-ownership estimates when a file holds more
        # (a spreadsheet may store these as numbers: NAICS 000000 as "0", AREA_TYPE 1 as "1.0")
        if _code(cell(r, "AREA_TYPE")) not in ("", "1") or _code(cell(r, "NAICS")).strip("0") != "" \
                or _code(cell(r, "OWN_CODE")) not in ("", "1235"):
            continue
        code = soc.parse_code(cell(r, "OCC_CODE"))
        if code is None:
            raise DataFileError(f"{where}: error: row {n}: '{cell(r, 'OCC_CODE')}' is not a SOC code")
        level = cell(r, "O_GROUP").strip().lower() or soc.LEVELS[soc.nominal_level(code)]
        if level not in soc.LEVELS:
            raise DataFileError(f"{where}: error: row {n}: unknown O_GROUP '{level}'")
        try:
            emp = parse_cell(cell(r, "TOT_EMP"), False)
            hourly = [parse_cell(cell(r, f"H_{w}"), True) for w in _BLS_WAGES]
            annual = [parse_cell(cell(r, f"A_{w}"), False) for w in _BLS_WAGES]
        except ValueError as e:
            raise DataFileError(f"{where}: error: row {n} ({code}): {e}") from None
        only = "annual" if cell(r, "ANNUAL").strip().upper() == "TRUE" else \
               "hourly" if cell(r, "HOURLY").strip().upper() == "TRUE" else only_flag(hourly, annual)
        row = [code, " ".join(cell(r, "OCC_TITLE").split()), level, emp, *hourly, *annual, only]
        prev = out.get(code)
        # BLS repeats a broad group that has a single occupation as a detailed row: keep the detailed one
        if prev is None or soc.LEVELS.index(level) > soc.LEVELS.index(prev[2]):
            out[code] = row
    return list(out.values())


def _code(text: str) -> str:
    """'1.0' -> '1', ' 1235 ' -> '1235', '000000' stays."""
    t = text.strip()
    return t[:-2] if t.endswith(".0") else t


def read_xlsx(path: str) -> tuple[list[list], int | None, dict]:
    from careerlint.reference.xlsx import Workbook, XlsxError

    try:
        with Workbook(path) as book:
            for name in book.sheets:
                rows = book.rows(name)
                for header in rows:
                    if any(c.strip().upper() == "OCC_CODE" for c in header):
                        data = rows_from_table(header, rows, path)
                        year = year_from_name(name) or _year_in_texts(book.text()) or year_from_name(path)
                        return data, year, caps_from_text(book.text())
                    if not any(c.strip() for c in header):
                        continue
                    break   # the header is on the first non-empty row, or this is not the data sheet
    except XlsxError as e:
        raise DataFileError(f"{path}: error: {e}") from None
    raise DataFileError(f"{path}: error: no sheet with an OCC_CODE column: not a national OEWS spreadsheet")


def _year_in_texts(texts) -> int | None:
    years = {int(m) for t in texts for m in _MAY_YEAR.findall(t)}
    return years.pop() if len(years) == 1 else None


def read_text(path: str) -> str:
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        raise DataFileError(f"{path}: error: cannot read: {e.strerror or e}") from None
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise DataFileError(f"{path}: error: not a text file")  # pragma: no cover - cp1252 decodes nearly anything


def read_csv(path: str) -> tuple[list[list], int | None, dict]:
    text = read_text(path)
    if "\0" in text[:4096]:
        raise DataFileError(f"{path}: error: not a CSV file")
    try:
        rows = csv.reader(io.StringIO(text))
        header = next(rows, None)
        if header is None:
            raise DataFileError(f"{path}: error: the file is empty")
        return rows_from_table(header, rows, path), year_from_name(path), {}
    except csv.Error as e:
        raise DataFileError(f"{path}: error: not a readable CSV file: {e}") from None


def check(rows: list[list], where: str) -> None:
    """A complete national release: the All Occupations row and several hundred detailed occupations."""
    by = {r[0]: r for r in rows}
    total = by.get("00-0000")
    if total is None:
        raise DataFileError(f"{where}: error: no All Occupations row (00-0000): not a national OEWS file, "
                            "or a partial one")
    if not isinstance(total[3], int) or total[3] <= 0:
        raise DataFileError(f"{where}: error: the All Occupations row (00-0000) has no employment figure")
    detailed = [r for r in rows if r[2] == "detailed"]
    if len(detailed) < MIN_DETAILED:
        raise DataFileError(f"{where}: error: only {len(detailed)} detailed occupations (a national release has "
                            "several hundred): a partial file?")
    no_wage = [r[0] for r in detailed if all(v == NOT_AVAILABLE for v in r[4:16])]
    if len(no_wage) > len(detailed) // 10:
        raise DataFileError(f"{where}: error: {len(no_wage)} of {len(detailed)} detailed occupations have no wage "
                            "figures: a damaged file?")


def record(rows: list[list], year: int, source: str, caps: dict, released: str | None = None) -> dict:
    """The release in careerlint's file format (see oews.OewsRelease)."""
    return {"format": FORMAT, "kind": "oews", "release": year, "label": f"May {year}", "released": released,
            "source": source, "caps": caps, "columns": list(COLUMNS),
            "rows": sorted(rows, key=lambda r: r[0])}


def read_file(path: str, occupation_file: str | None = None, release: int | None = None) -> tuple[dict, list[str]]:
    """One release from one file (or an oe.data file with its oe.occupation file), checked."""
    base = os.path.basename(path).lower()
    if base.startswith("oe.data"):
        if occupation_file is None:
            raise DataFileError(f"{path}: error: a time-series data file needs its oe.occupation file "
                                "(give both: careerlint data import oe.data.0.Current oe.occupation)")
        from careerlint.reference.timeseries import read_timeseries

        rows, year, caps = read_timeseries(path, occupation_file)
        sources = [path, occupation_file]
    elif base.endswith((".xlsx", ".xlsm")):
        rows, year, caps = read_xlsx(path)
        sources = [path]
    elif base.endswith((".csv", ".txt")):
        rows, year, caps = read_csv(path)
        sources = [path]
    elif base.endswith(".xls"):
        raise DataFileError(f"{path}: error: an old-style .xls workbook: open it and save it as .xlsx or CSV")
    else:
        raise DataFileError(f"{path}: error: not a file careerlint can import (national_MYYYY_dl.xlsx, its CSV "
                            "export, or oe.data.0.Current with oe.occupation)")
    if release is not None and year is not None and release != year:
        raise DataFileError(f"{path}: error: the file holds May {year}, not May {release}")
    year = year or release
    if year is None:
        raise DataFileError(f"{path}: error: cannot tell which release this is (no year in its name or sheets); "
                            "name it with --release YEAR")
    check(rows, path)
    return record(rows, year, ", ".join(os.path.basename(s) for s in sources), caps), sources
