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
        "soc": None,   # the name is used for two occupations and the page declares neither
        "how": {"domain": "card-label", "occupation": "page", "per": "magnitude", "soc": "ambiguous: 29-2072 43-3021",
                "source": "card", "stat": "card-label", "vintage": "card"},
    }
    growth = next(c for c in doc["claims"] if c["text"] == "7%")
    assert (growth["stat"], growth["period"], growth["line"]) == ("growth", "2022–2032", 92)
    assert growth["how"]["occupation"] == "clause"  # "...specialists, which includes medical billing roles"
    ladder = next(c for c in doc["claims"] if c["text"] == "$38k USD")
    assert (ladder["scope"]["occupation"], ladder["scope"]["level"], ladder["how"]["level"]) == \
        ("(page)", "entry", "row-header")


def test_facts_text_format():
    code, out, _ = facts(str(SAMPLES / "wage-conversion-electrician.html"))
    assert code == 0
    lines = out.splitlines()
    assert (f"{SAMPLES / 'wage-conversion-electrician.html'}:9:23: money '$61,590 per year' stat=median[clause] "
            "per=year[written] domain=salary[clause] vintage=May 2024[source-line] source=bls[source-line] "
            "occupation=(page)[page] soc=47-2111[name 'Electricians']") in lines


def test_facts_of_a_missing_page():
    code, out, err = facts("nope.html")
    assert (code, out, err) == (2, "", "nope.html: error: no such file or directory\n")


def test_facts_show_the_soc_code_each_figure_resolved_to(tmp_path):
    code, out, _ = facts(str(SAMPLES / "official" / "medical-billing-specialist-declared.html"))
    assert code == 0
    assert (f"{SAMPLES / 'official' / 'medical-billing-specialist-declared.html'}:31:69: money '$48,200' "
            "stat=median[phrasing:occupation-earn-statistic] per=year[phrasing:occupation-earn-statistic] "
            "domain=salary[phrasing:occupation-earn-statistic] vintage=May 2024[phrasing:occupation-earn-statistic] "
            "source=bls[clause] occupation=(page)[phrasing:occupation-earn-statistic] soc=29-2072[declared]"
            ) in out.splitlines()
    # the same page without its declaration: the name is ambiguous, and a configuration can settle it
    page = tmp_path / "billing.html"
    page.write_text((SAMPLES / "official" / "medical-billing-specialist-undeclared.html").read_text())
    code, out, _ = facts("--format", "json", str(page))
    median = next(c for c in json.loads(out)["claims"] if c["text"] == "$48,200")
    assert (median["soc"], median["how"]["soc"]) == (None, "ambiguous: 29-2072 43-3021")
    (tmp_path / "careerlint.yaml").write_text("occupations:\n  Medical Billing Specialist: 43-3021\n")
    code, out, _ = facts("--format", "json", str(page))
    median = next(c for c in json.loads(out)["claims"] if c["text"] == "$48,200")
    assert (median["soc"], median["how"]["soc"]) == ("43-3021", "config 'Medical Billing Specialist'")
    (tmp_path / "careerlint.yaml").write_text("occupations:\n  Medical Billing Specialist: 4330\n")
    code, out, err = facts(str(page))
    assert (code, out) == (2, "") and err.startswith(f"{tmp_path / 'careerlint.yaml'}:2: occupations: ")


def test_facts_of_a_page_without_figures_read_no_reference_data(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><h1>Electricians</h1><p>Updated in May 2024.</p></body></html>")
    code = ("import sys\nfrom careerlint.cli import main\n"
            "try:\n    main(['facts', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('careerlint.reference.')))\n")
    out = subprocess.run([sys.executable, "-c", code, str(page)], capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
