"""Build careerlint's bundled reference data (rules/reference/) from BLS's official files.

    python tools/build_reference.py                      # ../shared/reference and ../shared/corpus/ooh
    python tools/build_reference.py --source DIR --corpus DIR
    python tools/build_reference.py --check              # exit 1 if the shipped files differ from a rebuild

Inputs (see the source folder's README.md):
  oews-national-YYYY.csv   BLS's national_MYYYY_dl.xlsx saved as CSV (BLS column names); read with
                           careerlint's own importer, exactly as `careerlint data import` reads it
  oews-national-YYYY.csv   or the national rows of BLS's OE time-series files, as columns
                           soc,title,level,emp,...,notes (a time-series export)
  ep-YYYY-YY.csv           Employment Projections as printed in the OOH: soc,title,emp_YYYY,emp_YYYY,pct,change,ooh_slug
  corpus/ooh/*.html        optional, build time only: OOH profile titles (<h1>), and a check of the
                           2024–34 growth wording on each page
Outputs: oews-YYYY.json.gz, ep-YYYY.json.gz, names.json.gz. calendar.json, scales.json and aliases.json
in the same folder are maintained by hand; this script checks them against the data and the README.
Files are rewritten only when their bytes change (gzip without timestamps: a rebuild is byte-identical).
"""

from __future__ import annotations

import argparse
import csv
import glob
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerlint.reference import importer, soc, store  # noqa: E402
from careerlint.reference.names import name_key, slug_name  # noqa: E402
from careerlint.reference.oews import OewsRelease  # noqa: E402
from careerlint.reference.projections import COLUMNS as EP_COLUMNS, cycle_label  # noqa: E402
from careerlint.reference.titles import KEY_VERSION, TitleIndex, profile_target, same_occupations  # noqa: E402

OUT = ROOT / "rules" / "reference"


def shared(name: str) -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):
        p = base / "shared" / name
        if p.is_dir():
            return p
    return None


# "(…$115.00/hour or $239,200/year in 2024)"
_README_CAPS = re.compile(r"\$([\d.]+)/hour or \$([\d,]+)/year in (\d{4})")
# "OEWS May 2022 → 2023-03-31", "2024–34 → 2025-08-28"
_README_DATES = re.compile(r"(May (\d{4})|(\d{4})–\d\d) → (?:about )?(\d{4}-\d\d-\d\d)")


def readme_facts(source: Path) -> tuple[dict[int, dict], dict[tuple[str, int], str]]:
    text = (source / "README.md").read_text(encoding="utf-8") if (source / "README.md").is_file() else ""
    caps = {int(m.group(3)): {"hour": float(m.group(1)), "year": int(m.group(2).replace(",", ""))}
            for m in _README_CAPS.finditer(text)}
    dates = {}
    for m in _README_DATES.finditer(text):
        key = ("oews", int(m.group(2))) if m.group(2) else ("ep", int(m.group(3)))
        dates[key] = m.group(4)
    return caps, dates


def read_oews(path: Path, caps: dict, released: str | None) -> dict:
    with open(path, encoding="utf-8-sig", newline="") as f:
        header = next(csv.reader(f))
    if "OCC_CODE" in [h.strip().upper() for h in header]:
        rows, year, _ = importer.read_csv(str(path))
        source = f"national_M{year}_dl.xlsx (BLS), saved as CSV"
    else:
        rows, year = read_timeseries_export(path)
        source = "oe.data.0.Current and oe.occupation (BLS time series)"
    importer.check(rows, str(path))
    return importer.record(rows, year, source, caps.get(year, {}), released)


def read_timeseries_export(path: Path) -> tuple[list[list], int]:
    """soc,title,level,emp,emp_rse,h_mean,a_mean,wage_rse,h_p10..h_p90,a_p10..a_p90,notes (level 0 major .. 3
    detailed; notes: 4 hourly or annual only, 5 top-coded, 8 not released; '-' not available)."""
    year = importer.year_from_name(str(path))
    levels = {"0": "major", "1": "minor", "2": "broad", "3": "detailed"}
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            code = soc.parse_code(r["soc"])
            notes = set(r.get("notes", "").split())
            hourly = [importer.parse_cell(r[k], True) for k in ("h_mean", "h_p10", "h_p25", "h_median", "h_p75", "h_p90")]
            annual = [importer.parse_cell(r[k], False) for k in ("a_mean", "a_p10", "a_p25", "a_median", "a_p75", "a_p90")]
            if "5" in notes:
                raise SystemExit(f"{path}: {code}: top-coded values (note 5) need their cap: not supported yet")
            level = "total" if code == "00-0000" else levels[r["level"]]
            row = [code, " ".join(r["title"].split()), level, importer.parse_cell(r["emp"], False),
                   *hourly, *annual, importer.only_flag(hourly, annual)]
            rows.append(row)
    return rows, year


def read_ep(path: Path, released: str | None) -> dict:
    m = re.search(r"(\d{4})-(\d\d)", path.name)   # "ep-2024-34.csv" -> 2024, 34
    cycle = int(m.group(1))
    rows = []
    with open(path, encoding="utf-8-sig", newline="") as f:
        for r in csv.DictReader(f):
            base, target = r[f"emp_{cycle}"], r[f"emp_{cycle + 10}"]
            rows.append([soc.parse_code(r["soc"]), r["title"].strip(), int(base), int(target), int(r["pct"]),
                         int(r["change"]), r["ooh_slug"].strip()])
    return {"format": 1, "kind": "ep", "cycle": cycle, "label": cycle_label(cycle), "released": released,
            "source": f"Employment Projections {cycle_label(cycle)} (BLS), as printed in the OOH",
            "columns": list(EP_COLUMNS), "rows": sorted(rows)}


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# <h1>    Agricultural Workers</h1>
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S | re.I)
# "Job Outlook, 2024–34 7% (Much faster than average)"
_OUTLOOK = re.compile(r"Job Outlook, (\d{4})[–-](\d\d) (-?\d+)% \(([^)]*)\)")


def read_corpus(corpus: Path | None) -> dict[str, str]:
    """slug -> the page's text (tags stripped), for the OOH pages present."""
    if corpus is None:
        return {}
    out = {}
    for f in sorted(glob.glob(str(corpus / "*.html"))):
        raw = Path(f).read_text(encoding="utf-8", errors="replace")
        m = _H1.search(raw)
        out[Path(f).stem] = (_text(m.group(1)) if m else "", _text(raw))
    return out


def build(source: Path, corpus: Path | None, report: list[str]) -> dict[str, bytes]:
    caps, readme_dates = readme_facts(source)
    calendar = store.read_json(OUT / "calendar.json")
    dates = {(k, e["key"]): e["date"] for k in ("oews", "ep") for e in calendar[k] if e["verified"]}
    cal_caps = {e["key"]: e["caps"] for e in calendar["oews"] if e.get("caps")}
    for year, c in caps.items():
        if cal_caps.get(year) != c:
            raise SystemExit(f"calendar.json's top-coding cap for May {year} disagrees with the README: {c}")
    for key, date in readme_dates.items():
        cal = next((e for e in calendar[key[0]] if e["key"] == key[1]), None)
        if cal is None or cal["date"] != date:
            raise SystemExit(f"calendar.json disagrees with {source / 'README.md'}: {key} -> {date}")
    files: dict[str, bytes] = {}
    releases = {}
    for path in sorted(source.glob("oews-national-*.csv")):
        year = importer.year_from_name(str(path))
        rec = read_oews(path, cal_caps, dates.get(("oews", year)))
        releases[rec["release"]] = OewsRelease(rec)
        files[store.release_file("oews", rec["release"])] = store.encode(rec)
        report.append(f"OEWS {rec['label']}: {len(rec['rows'])} occupations from {path.name}")
    eps = {}
    for path in sorted(source.glob("ep-*.csv")):
        rec = read_ep(path, None)
        rec["released"] = dates.get(("ep", rec["cycle"]))
        eps[rec["cycle"]] = rec
        files[store.release_file("ep", rec["cycle"])] = store.encode(rec)
        report.append(f"EP {rec['label']}: {len(rec['rows'])} occupations from {path.name}")
    pages = read_corpus(corpus)
    files["names.json.gz"] = store.encode(build_names(releases, eps, pages, report))
    if pages:
        check_scale(pages, report)
    return files


def build_names(releases: dict, eps: dict, pages: dict, report: list[str]) -> dict:
    """The name table: every official title, OOH profile title, reviewed alias and single-occupation
    slug, resolved once here so a run only loads the result."""
    official: dict[tuple[str, str], str] = {}
    for year in sorted(releases, reverse=True):
        for code, row in releases[year].rows.items():
            official.setdefault((name_key(row[1]), code), row[1])
    for cycle in sorted(eps, reverse=True):
        for row in eps[cycle]["rows"]:
            official.setdefault((name_key(row[1]), row[0]), row[1])
    known = {c for _, c in official}
    previous = {}
    try:
        previous = {p[0]: p for p in store.read_json(OUT / "names.json.gz")["profiles"]}
    except (store.ReferenceDataError, KeyError):
        pass
    by_slug: dict[str, list[str]] = {}
    for cycle in sorted(eps):
        for row in eps[cycle]["rows"]:
            if row[6]:
                by_slug.setdefault(row[6], []).append(row[0])
    same = same_occupations(list(releases.values()), [(c, k) for k, c in official])
    index = TitleIndex(same)
    for (key, code) in official:
        index.add(key, (code,), "official")
    profiles = []
    for slug, codes in sorted(by_slug.items()):
        target = profile_target(codes, known)
        # the page's <h1>; with no corpus at hand, what the last build read from it
        title = pages[slug][0] if slug in pages else previous.get(slug, [slug, None])[1]
        profiles.append([slug, title, sorted(set(codes)), list(target)])
        if title:
            index.add_name(title, target, "ooh")
        if len(set(codes)) == 1:
            index.add_name(slug_name(slug), target, "slug")
    for a in store.read_json(OUT / "aliases.json")["aliases"]:
        index.add_name(a["name"], tuple(a["soc"]), "alias")
    resolved = index.names()
    ambiguous = sum(1 for v in resolved.values() if not isinstance(v, str))
    report.append(f"names: {len(resolved)} keys, {ambiguous} ambiguous; "
                  f"{len(profiles)} OOH profiles ({sum(1 for p in profiles if p[1])} with titles)")
    report.append(f"  {len(same)} group codes are one occupation with the code inside them (same title and employment)")
    return {"format": 1, "key-version": KEY_VERSION,
            "index": {k: (v if isinstance(v, str) else list(v)) for k, v in sorted(resolved.items())},
            "weak": sorted(index.weak()), "same": sorted([a, b] for a, b in same), "profiles": profiles}


def check_scale(pages: dict, report: list[str]) -> None:
    scales = store.read_json(OUT / "scales.json")
    words = {"much faster than average": "much faster", "faster than average": "faster",
             "as fast as average": "as fast", "slower than average": "slower",
             "little or no change": "little or no change", "decline": "decline"}
    from careerlint.reference.scales import scales_from

    table = scales_from(scales)
    n = 0
    for slug, (_, text) in sorted(pages.items()):
        for m in _OUTLOOK.finditer(text):
            scale = table.get(int(m.group(1)))
            if scale is None:
                continue
            said = words.get(m.group(4).strip().lower())
            band = scale.band(int(m.group(3)))
            if said is None or band is None or band.words != said:
                raise SystemExit(f"{slug}: {m.group(0)}: scale {m.group(1)} says "
                                 f"'{band.words if band else None}'")
            n += 1
    report.append(f"growth wording: {n} OOH quick-facts outlooks agree with scales.json")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", type=Path, default=shared("reference"), help="folder with BLS's files")
    ap.add_argument("--corpus", type=Path, default=(shared("corpus") or Path("/nonexistent")) / "ooh",
                    help="folder of OOH profile pages (optional)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped files; write nothing")
    args = ap.parse_args(argv)
    if args.source is None or not args.source.is_dir():
        ap.error("no source folder: give --source DIR")
    corpus = args.corpus if args.corpus and args.corpus.is_dir() else None
    report: list[str] = []
    files = build(args.source, corpus, report)
    if corpus is None:
        report.append("no OOH corpus: profile titles kept from the shipped names.json.gz")
    changed = []
    for name, data in files.items():
        path = OUT / name
        old = path.read_bytes() if path.is_file() else None
        if old != data:
            changed.append(name)
            if not args.check:
                store.write_atomic(path, data)
        report.append(f"  {name}: {len(data) / 1024:.1f} KB{' (changed)' if old != data else ''}")
    print("\n".join(report))
    if args.check and changed:
        print(f"out of date: {', '.join(changed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
