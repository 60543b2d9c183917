import atexit
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from careerlint.pipeline import check_text
from careerlint.ruleset import load_ruleset

# Results must not depend on releases a developer imported (careerlint data import): every test, and
# every careerlint the tests start, sees an empty user data folder unless it sets one itself.
# Nor on the developer's own cache folder (the results-cache key, the start cache) or a check server
# they started: every careerlint the tests start runs by itself (tests/test_server.py starts its own).
# The folders are made once, by the test run itself: a process that imports this module again (a
# Dask worker unpickling a test's function) finds them in its environment, and leaves no folder behind.
_MINE = "CAREERLINT_TEST_FOLDERS"


def _test_folder(variable: str, prefix: str) -> str:
    if os.environ.get(_MINE) == str(os.getpid()) or _MINE not in os.environ:
        folder = tempfile.mkdtemp(prefix=prefix, dir="/tmp" if os.path.isdir("/tmp") else None)
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ[variable] = folder
    return os.environ[variable]


_DATA_HOME = _test_folder("XDG_DATA_HOME", "careerlint-test-data-")
_CACHE_HOME = _test_folder("XDG_CACHE_HOME", "cl-cache-")
os.environ[_MINE] = os.environ.get(_MINE, str(os.getpid()))
os.environ["CAREERLINT_NO_SERVER"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "ooh"
SCHEMAS = ROOT.parent / "shared" / "schemas"
AS_OF = dt.date(2026, 11, 22)

_RULESET = load_ruleset()
REFERENCE_RULES = ["official-figure", "official-statistic", "official-growth", "newer-release"]


def lint(html: str, as_of: dt.date = AS_OF, select=None, path: str = "page.html"):
    """Findings for an HTML string, as (line, rule, message) tuples.

    Test snippets leave sources out for brevity, so unsourced-figure runs only when selected; and they
    make figures up, so the rules that compare figures with BLS's published ones run only when selected."""
    rules = _RULESET.select(select, None if select else ["unsourced-figure", *REFERENCE_RULES])
    found = check_text(html, path, rules, _RULESET.registry, as_of, set(_RULESET.rules))
    return [(f.line, f.rule, f.message) for f in found]


def page(body: str, title: str = "Career guide", h1: str | None = None) -> str:
    """A page whose <body> starts on line 3, so a body line n is page line n + 2."""
    head = f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n<body>"
    h = f"<h1>{h1}</h1>" if h1 else ""
    return f"{head}{h}{body}\n</body></html>\n"


@pytest.fixture
def ruleset():
    return _RULESET
