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
    assert doc["version"] == 2
    assert doc["page_occupation"] == {"name": "Medical Billing Specialist", "how": "h1"}
    median = next(c for c in doc["claims"] if c["text"] == "$47,190 USD")
    assert median == {
        "kind": "money", "text": "$47,190 USD", "line": 19, "column": 24, "value": 47190.0, "currency": "USD",
        "per": "year", "stat": "median", "source": "bls", "domain": "salary",
        "scope": {"occupation": "(page)", "place": "", "level": "", "industry": "", "other": "",
                  "name": "Medical Billing Specialist"},
        "vintage": "May 2023",
        "how": {"domain": "card-label", "occupation": "page", "per": "magnitude", "source": "card",
                "stat": "card-label", "vintage": "card"},
    }
    growth = next(c for c in doc["claims"] if c["text"] == "7%")
    assert (growth["stat"], growth["period"], growth["line"]) == ("growth", "2022–2032", 92)
    assert growth["how"]["occupation"] == "clause"  # "...specialists, which includes medical billing roles"
    ladder = next(c for c in doc["claims"] if c["text"] == "$38k USD")
    assert (ladder["scope"]["occupation"], ladder["scope"]["level"], ladder["how"]["level"]) == \
        ("(page)", "junior", "row-header")


def test_facts_text_format():
    code, out, _ = facts(str(SAMPLES / "wage-conversion-electrician.html"))
    assert code == 0
    lines = out.splitlines()
    assert (f"{SAMPLES / 'wage-conversion-electrician.html'}:9:23: money '$61,590 per year' stat=median[clause] "
            "per=year[written] domain=salary[clause] vintage=May 2024[source-line] source=bls[source-line] "
            "occupation=(page)[page]") in lines


def test_facts_of_a_missing_page():
    code, out, err = facts("nope.html")
    assert (code, out, err) == (2, "", "nope.html: error: no such file or directory\n")
