"""BLS's OE time-series files: ``oe.data.0.Current`` (or ``oe.data.1.AllData``) with ``oe.occupation``.

Only the national, cross-industry series are read; the newest year in the file is the release.
"""

from __future__ import annotations

import csv
import io
import os

from careerlint.reference import soc
from careerlint.reference.importer import DataFileError, only_flag, parse_cell, read_text
from careerlint.reference.oews import NOT_AVAILABLE, TOP_CODED

# OE series ids: "OEU" + "N" (national) + area "0000000" + industry "000000" + SOC "111011" + datatype "04"
_NATIONAL = "OEUN0000000000000"
# datatype -> column: 01 employment, 03/04 hourly/annual mean, 06-10 hourly percentiles, 11-15 annual ones
_DATATYPES = {"01": 3, "03": 4, "06": 5, "07": 6, "08": 7, "09": 8, "10": 9,
              "04": 10, "11": 11, "12": 12, "13": 13, "14": 14, "15": 15}


def read_timeseries(data_path: str, occ_path: str) -> tuple[list[list], int | None, dict]:
    """The national cross-industry rows of BLS's OE time-series files (oe.data.* with oe.occupation)."""
    occ_rows = list(csv.reader(io.StringIO(read_text(occ_path)), delimiter="\t"))
    if not occ_rows:
        raise DataFileError(f"{occ_path}: error: the file is empty")
    head = [h.strip() for h in occ_rows[0]]
    try:
        ci, ni, li = head.index("occupation_code"), head.index("occupation_name"), head.index("display_level")
    except ValueError:
        raise DataFileError(f"{occ_path}: error: not an oe.occupation file (no occupation_code, "
                            "occupation_name and display_level columns)") from None
    titles: dict[str, tuple[str, str]] = {}
    for r in occ_rows[1:]:
        if len(r) <= max(ci, ni, li):
            continue
        code = soc.parse_code(r[ci])
        if code is None:
            continue
        lv = r[li].strip()
        level = "total" if code == "00-0000" else {"0": "major", "1": "minor", "2": "broad", "3": "detailed"}.get(lv)
        if level is None:
            raise DataFileError(f"{occ_path}: error: {code}: unknown display_level '{lv}'")
        titles[code] = (" ".join(r[ni].split()), level)
    cells: dict[tuple[int, str], dict[int, object]] = {}
    caps: dict[str, float] = {}
    try:
        with open(data_path, encoding="utf-8", errors="replace") as f:
            first = f.readline()
            if not first.lower().startswith("series_id"):
                raise DataFileError(f"{data_path}: error: not an oe.data file (no series_id header)")
            for n, line in enumerate(f, 2):
                if not line.startswith(_NATIONAL):
                    continue
                parts = [p.strip() for p in line.split("\t")]
                if len(parts) < 4 or len(parts[0]) != 25:
                    raise DataFileError(f"{data_path}: error: line {n}: not a series line")
                col = _DATATYPES.get(parts[0][23:25])
                if col is None:
                    continue
                code = soc.parse_code(parts[0][17:23])
                try:
                    year = int(parts[1])
                except ValueError:
                    raise DataFileError(f"{data_path}: error: line {n}: '{parts[1]}' is not a year") from None
                notes = set(parts[4].replace(",", " ").split()) if len(parts) > 4 else set()
                try:
                    v = parse_cell(parts[3], 4 <= col <= 9)
                except ValueError as e:
                    raise DataFileError(f"{data_path}: error: line {n}: {e}") from None
                if "5" in notes and col >= 4:     # footnote 5: at or above the top-coding cap
                    if v != NOT_AVAILABLE:
                        caps["hour" if col <= 9 else "year"] = v
                    v = TOP_CODED
                cells.setdefault((year, code), {})[col] = v
    except OSError as e:
        raise DataFileError(f"{data_path}: error: cannot read: {e.strerror or e}") from None
    if not cells:
        raise DataFileError(f"{data_path}: error: no national cross-industry series (OEUN0000000000000...)")
    year = max(y for y, _ in cells)
    out = []
    for (y, code), vals in sorted(cells.items()):
        if y != year:
            continue
        title, level = titles.get(code, (None, None))
        if title is None:
            raise DataFileError(f"{occ_path}: error: has no title for {code}, which {os.path.basename(data_path)} "
                                "has figures for: are the two files from the same release?")
        row = [code, title, level] + [vals.get(i, NOT_AVAILABLE) for i in range(3, 16)]
        row.append(only_flag(row[4:10], row[10:16]))
        out.append(row)
    return out, year, caps
