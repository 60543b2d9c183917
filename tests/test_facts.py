"""careerlint facts: every claim of a page, as careerlint understood it."""

import json
import subprocess
import sys

from conftest import SAMPLES


def facts(*args):
    p = subprocess.run([sys.executable, "-m", "careerlint", "facts", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def test_facts_json_lists_each_claim_with_its_meaning():
    code, out, err = facts("--format", "json", str(SAMPLES / "seed-001-medical-billing-career-guide.html"))
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["version"] == 1
    median = next(c for c in doc["claims"] if c["text"] == "$47,190 USD")
    assert median == {
        "kind": "money", "text": "$47,190 USD", "line": 19, "column": 24, "value": 47190.0, "currency": "USD",
        "per": "year", "stat": "median", "source": "bls", "domain": "salary", "label": "Median Salary",
        "scope": {"occupation": "(page)", "qualifier": ""}, "vintage": "May 2023",
    }
    growth = next(c for c in doc["claims"] if c["text"] == "7%")
    assert (growth["stat"], growth["period"], growth["line"]) == ("growth", "2022–2032", 92)
    ladder = [c["scope"]["qualifier"] for c in doc["claims"] if c["text"] == "$38k USD"]
    assert ladder == ["experience:junior medical billing specialist"]


def test_facts_text_format():
    code, out, _ = facts(str(SAMPLES / "wage-conversion-electrician.html"))
    assert code == 0
    lines = out.splitlines()
    assert f"{SAMPLES / 'wage-conversion-electrician.html'}:9:23: money '$61,590 per year' stat=median domain=salary per=year vintage=May 2024" in lines


def test_facts_of_a_missing_page():
    code, out, err = facts("nope.html")
    assert (code, out, err) == (2, "", "nope.html: error: no such file or directory\n")
