"""Precision on real pages: the OOH reference corpus must give no error or warning."""

import json
import subprocess
import sys

import pytest

from conftest import CORPUS

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/ooh is not present")


def test_ooh_pages_give_no_errors_or_warnings():
    proc = subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--format", "json",
                           str(CORPUS)], capture_output=True, text=True)
    doc = json.loads(proc.stdout)
    assert doc["files"] == len(list(CORPUS.glob("*.html")))
    serious = [f"{f['path']}:{f['line']}: {f['rule']} {f['message']}" for f in doc["findings"]
               if f["severity"] in ("error", "warning")]
    assert serious == []
    assert proc.returncode == 0 and proc.stderr == ""


def test_ooh_facts_read_the_quick_facts_and_the_prose_alike():
    # recall on real pages: the quick-facts median, the prose median and the chart agree and are all read
    page = CORPUS / "carpenters.html"
    proc = subprocess.run([sys.executable, "-m", "careerlint", "facts", "--format", "json", str(page)],
                          capture_output=True, text=True)
    claims = json.loads(proc.stdout)["claims"]
    def plain(c):  # the page's own occupation, with no place, level, industry or other qualifier
        s = c["scope"]
        return s["occupation"] == "(page)" and not (s["place"] or s["level"] or s["industry"] or s["other"])

    medians = [(c["value"], c.get("per")) for c in claims
               if c["kind"] == "money" and c.get("stat") == "median" and plain(c)]
    assert (59310, "year") in medians and (28.51, "hour") in medians
    assert medians.count((59310, "year")) >= 3
    growth = [c["value"] for c in claims if c.get("stat") == "growth" and plain(c)]
    assert growth and set(growth) == {4}
