"""`careerlint data`: the BLS reference data careerlint checks pages against.

    careerlint data import national_M2025_dl.xlsx          # or its CSV export
    careerlint data import oe.data.0.Current oe.occupation  # BLS's time-series files
    careerlint data status [--as-of YYYY-MM-DD]

Imported releases go to the user's data folder ($XDG_DATA_HOME/careerlint/reference or the
platform's equivalent), or to the ``reference-data:`` folder of the configuration.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_ERROR = 0, 2
DOWNLOAD = "https://www.bls.gov/oes/tables.htm"


def _target_dir(data_dir: str | None, config_path: str | None) -> Path:
    """--data-dir, else the configuration's reference-data (--config, or the nearest one), else the
    user's data folder."""
    from careerlint.config import find_config, load_config
    from careerlint.reference.store import default_user_dir

    if data_dir:
        return Path(data_dir)
    path = config_path or find_config(".")
    if path:
        cfg = load_config(path)
        if cfg.reference_data is not None:
            return cfg.reference_data
    return default_user_dir()


@click.group("data")
def data() -> None:
    """The BLS reference data (OEWS wages, Employment Projections) careerlint checks pages against."""


@data.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--release", type=click.IntRange(1990, 2099), metavar="YEAR",
              help="The May reference year, when the file does not say (e.g. a renamed CSV).")
@click.option("--config", "config_path", metavar="FILE", help="Install into this configuration's reference-data folder.")
@click.option("--data-dir", "data_dir", metavar="DIR", help="Install into DIR.")
def import_cmd(files, release, config_path, data_dir) -> int:
    """Install an OEWS national release from BLS's files: national_MYYYY_dl.xlsx, its CSV export,
    or oe.data.0.Current with oe.occupation. Each file is checked first; a bad one changes nothing."""
    from careerlint.errors import CareerlintError
    from careerlint.reference import importer, store
    from careerlint.reference.calendar import Calendar

    try:
        target = _target_dir(data_dir, config_path)
    except CareerlintError as e:
        click.echo(_line(e), err=True)
        return EXIT_ERROR
    failed = False
    paths = list(files)
    occ = [p for p in paths if Path(p).name.lower().startswith("oe.occupation")]
    if len(occ) > 1:
        click.echo(f"{occ[1]}: error: give one oe.occupation file per import", err=True)
        return EXIT_ERROR
    calendar: Calendar | None = None
    for p in paths:
        if p in occ:
            continue
        try:
            pair = occ[0] if Path(p).name.lower().startswith("oe.data") and occ else None
            rec, sources = importer.read_file(p, pair, release)
        except CareerlintError as e:
            click.echo(_line(e), err=True)
            failed = True
            continue
        if calendar is None:
            calendar = store.default().calendar()
        entry = calendar.get("oews", rec["release"])
        if entry is not None and entry.verified:
            rec["released"] = entry.date.isoformat()
            rec["caps"] = rec["caps"] or dict(entry.caps)   # a CSV does not state BLS's top-coding cap
        dest = target / store.release_file("oews", rec["release"])
        existed = dest.is_file()
        try:
            store.write_atomic(dest, store.encode(rec))
        except OSError as e:
            click.echo(f"{dest}: error: cannot write: {e.strerror or e}", err=True)
            failed = True
            continue
        detailed = sum(1 for r in rec["rows"] if r[2] == "detailed")
        click.echo(f"{'Replaced' if existed else 'Installed'} OEWS {rec['label']} ({len(rec['rows'])} occupations, "
                   f"{detailed} detailed) from {', '.join(sources)} in {dest}")
    if occ and not any(Path(p).name.lower().startswith("oe.data") for p in paths):
        click.echo(f"{occ[0]}: error: an oe.occupation file needs its oe.data file (oe.data.0.Current)", err=True)
        failed = True
    return EXIT_ERROR if failed else EXIT_OK


@data.command("status")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Judge what is due as of this date (default: today).")
@click.option("--config", "config_path", metavar="FILE", help="Use this configuration's reference-data folder.")
@click.option("--data-dir", "data_dir", metavar="DIR", help="Use DIR as the user's data folder.")
@click.option("--format", "fmt", default="text", metavar="text|json", help="Output format.")
def status_cmd(as_of, config_path, data_dir, fmt) -> int:
    """The releases in use, and whether a newer one is out or due by BLS's release calendar."""
    from careerlint.errors import CareerlintError
    from careerlint.reference.store import Reference

    if fmt not in ("text", "json"):
        raise click.UsageError(f"unknown --format '{fmt}' (choose from text, json)")
    try:
        day = _dt.date.fromisoformat(as_of.strip()) if as_of else _dt.date.today()
    except ValueError:
        raise click.UsageError(f"--as-of must be a date as YYYY-MM-DD, not '{as_of}'") from None
    try:
        ref = Reference(_target_dir(data_dir, config_path))
        report = _status(ref, day)
    except CareerlintError as e:
        click.echo(_line(e), err=True)
        return EXIT_ERROR
    if fmt == "json":
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    click.echo(f"Reference data in use (as of {day.isoformat()}):")
    rows = [(f"{'OEWS' if r['kind'] == 'oews' else 'EP'} {r['label']}",
             f"published {r['released']}" if r["released"] else "publication date unknown", r) for r in report["releases"]]
    width = max([22] + [len(when) for _, when, _ in rows])   # columns stay aligned whatever the dates say
    for name, when, r in rows:
        click.echo(f"  {name:<15} {when:<{width}} {r['occupations']:>5,} occupations   {r['origin']}")
    user = [r for r in report["releases"] if r["origin"] != "bundled"]
    click.echo(f"User data folder: {report['user_dir']}" + ("" if user else " (nothing installed)"))
    for d in report["due"]:
        click.echo(_due_line(d))
    return EXIT_OK


def _status(ref, day: _dt.date) -> dict:
    cal = ref.calendar()
    releases, due = [], []
    for kind, keys, load in (("oews", ref.oews_years(), ref.oews), ("ep", ref.ep_cycles(), ref.ep)):
        for key in sorted(keys, reverse=True):
            rel = load(key)
            path = ref.files(kind)[key]
            releases.append({"kind": kind, "key": key, "label": rel.label,
                             "released": rel.released.isoformat() if rel.released else None,
                             "occupations": len(rel.rows), "origin": "user" if ref.is_user_file(path) else "bundled",
                             "path": str(path)})
        have = max(keys) if keys else None
        d = cal.due(kind, day, have)
        nxt = cal.next_after(kind, have)
        entry = {"kind": kind, "have": have, "due": d is not None}
        if d is not None:
            entry.update(key=d.release.key, label=d.release.label, date=d.release.date.isoformat(), out=d.out,
                         verified=d.release.verified)
        elif nxt is not None:
            entry.update(key=nxt.key, label=nxt.label, date=nxt.date.isoformat(), out=False, verified=nxt.verified)
        due.append(entry)
    return {"as_of": day.isoformat(), "user_dir": str(ref.user_dir), "releases": releases, "due": due}


def _due_line(d: dict) -> str:
    kind = "OEWS" if d["kind"] == "oews" else "EP"
    if "key" not in d:
        return f"{kind}: no release known"
    name = f"{kind} {d['label']}"
    if not d["due"]:
        when = d["date"] if d["verified"] else f"about {d['date']}"
        return f"{kind}: up to date; the next release, {d['label']}, is expected {when}"
    if d["out"]:
        how = (f"download national_M{d['key']}_dl.xlsx from {DOWNLOAD} and run careerlint data import"
               if d["kind"] == "oews" else "a newer careerlint ships it")
        return f"{name} is out (released {d['date']}) and not in use: {how}"
    how = (f"when it is out, download it from {DOWNLOAD} and run careerlint data import"
           if d["kind"] == "oews" else "when it is out, a newer careerlint ships it")
    return f"{name} is due: expected about {d['date']} (date not verified); {how}"


def _line(e) -> str:
    msg = str(e)
    return msg if ":" in msg.split(" ", 1)[0] else f"careerlint: error: {msg}"
