"""Configuration files, user rule packs and sources; errors as file:line with exit 2."""

import subprocess
import sys
import textwrap

import pytest

from conftest import SAMPLES

# farriers: an occupation BLS publishes no figures for, so the reference rules stay out of these tests
STALE_PAGE = ("<html><body><h1>Farriers</h1>\n"
              "<p>The median annual wage for farriers was $47,190 in May 2023, says the BLS.</p>\n"
              "</body></html>\n")


def careerlint(*args, cwd=None):
    p = subprocess.run([sys.executable, "-m", "careerlint", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def site(tmp_path, config_name="careerlint.yaml", config="", pages=None):
    if config is not None:
        (tmp_path / config_name).write_text(textwrap.dedent(config))
    for name, text in (pages or {"page.html": STALE_PAGE}).items():
        f = tmp_path / name
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(text)
    return tmp_path


def test_configured_sample_site():
    code, out, err = careerlint("check", str(SAMPLES / "site-configured"))
    assert (code, err) == (1, "")
    assert [l.split(" ")[2] for l in out.splitlines()[:-1]] == ["newer-release", "newer-release", "newer-release",
                                                                "oews-strict", "median-floor"]


def test_config_found_by_walking_up_sets_as_of_severity_and_ignores(tmp_path):
    site(tmp_path, config="""
        as-of: 2026-11-22
        rules:
          stale-source: {severity: error}
        """, pages={"deep/er/page.html": STALE_PAGE})
    code, out, _ = careerlint("check", str(tmp_path / "deep"))
    assert code == 1
    assert out.splitlines()[0] == (f"{tmp_path}/deep/er/page.html:2:55: error stale-source May 2023 wage data from "
                                   "U.S. Bureau of Labor Statistics is 3 years old in 2026 (policy: at most 2); "
                                   "May 2025 was released 2026-05-15")


def test_rule_option_in_config(tmp_path):
    site(tmp_path, config="""
        rules:
          stale-source:
            options: {max-age-years: 5}
        """)
    assert careerlint("check", "--as-of", "2026-11-22", str(tmp_path))[:2] == (0, "No problems found in 1 file.\n")


def test_dot_config_and_pyproject_section(tmp_path):
    site(tmp_path, ".careerlint.yaml", "ignore: [stale-source]\n")
    assert careerlint("check", "--as-of", "2026-11-22", str(tmp_path))[0] == 0
    other = tmp_path / "p"
    other.mkdir()
    site(other, "pyproject.toml", '[project]\nname = "x"\n\n[tool.careerlint]\nignore = ["stale-source"]\n')
    assert careerlint("check", "--as-of", "2026-11-22", str(other / "page.html"))[0] == 0


def test_explicit_config_overrides_discovery(tmp_path):
    site(tmp_path, config="ignore: [stale-source]\n")
    strict = tmp_path / "strict.yaml"
    strict.write_text("select: [stale-source]\n")
    assert careerlint("check", "--as-of", "2026-11-22", str(tmp_path))[0] == 0
    assert careerlint("check", "--as-of", "2026-11-22", "--config", str(strict), str(tmp_path))[0] == 1


def test_exclude_and_per_file_ignores(tmp_path):
    site(tmp_path, config="""
        exclude: ["drafts/**"]
        per-file-ignores:
          "archive/*.html": [stale-source]
        """, pages={"drafts/a.html": STALE_PAGE, "archive/b.html": STALE_PAGE, "c.html": STALE_PAGE})
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", str(tmp_path))
    assert code == 1
    assert [l.split(":")[0] for l in out.splitlines()[:-1]] == [f"{tmp_path}/c.html"]
    assert out.splitlines()[-1] == "Found 1 problem (1 warning) in 2 files."


def test_cli_as_of_beats_config(tmp_path):
    site(tmp_path, config="as-of: 2024-06-01\n")
    assert careerlint("check", str(tmp_path))[0] == 0
    assert careerlint("check", "--as-of", "2026-11-22", str(tmp_path))[0] == 1


@pytest.mark.parametrize("config,message", [
    ("select: [stale-sorce]\n", "careerlint.yaml:1: unknown rule id 'stale-sorce'"),
    ("ignore:\n  - x\nfoo: 1\n", "careerlint.yaml:3: unknown key 'foo' (known: as-of, exclude, ignore, occupations, per-file-ignores, reference-data, rule-packs, rules, select, show-source, site-root, sources)"),
    ("rules:\n  stale-source:\n    options:\n      max-age-years: two\n",
     "careerlint.yaml:4: option 'max-age-years' must be a whole number, not a string"),
    ("rules:\n  my-rule:\n    kind: no-such-kind\n", "careerlint.yaml:3: rule 'my-rule': unknown check kind 'no-such-kind'"),
    ("rules:\n  stale-source:\n    severity: fatal\n",
     "careerlint.yaml:3: rule 'stale-source': severity must be one of error, warning, info, not 'fatal'"),
    ("rules: [\n  oops\n", "careerlint.yaml:3: invalid YAML"),
    ("as-of: yesterday\n", "careerlint.yaml:1: as-of must be a date as YYYY-MM-DD, not 'yesterday'"),
    ("rules:\n  new-thing: {severity: error}\n", "careerlint.yaml:2: unknown rule id 'new-thing' (a new rule needs a 'kind')"),
])
def test_config_errors_are_one_line_with_file_and_line_and_exit_2(tmp_path, config, message):
    site(tmp_path, config=config)
    code, out, err = careerlint("check", str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"{tmp_path}/{message}"), err


def test_rule_pack_errors_name_the_pack(tmp_path):
    site(tmp_path, config="rule-packs: [pack.yaml]\n")
    (tmp_path / "pack.yaml").write_text("rules:\n  mine:\n    kind: stale-source\n    options:\n      sources: 3\n")
    code, _, err = careerlint("check", str(tmp_path))
    assert code == 2
    assert err == f"{tmp_path}/pack.yaml:5: option 'sources' must be a list, not a whole number\n"


def test_user_source_with_its_own_policy(tmp_path):
    site(tmp_path, config="""
        sources:
          acme-survey:
            title: ACME Salary Survey
            names: [ACME Salary Survey]
            kinds: [wage]
            max-age-years: 0
        """, pages={"p.html": "<h1>Welders</h1><p>The ACME Salary Survey puts the median salary at $52,000 "
                              "(May 2025).</p>"})
    code, out, _ = careerlint("check", "--as-of", "2026-11-22", str(tmp_path))
    assert code == 1
    assert "May 2025 wage data from ACME Salary Survey is 1 years old in 2026 (policy: at most 0)" in out


def test_dotted_rule_keys(tmp_path):
    site(tmp_path, config="stale-source.max-age-years: 5\nexpired-projection.severity: warning\n")
    assert careerlint("check", "--as-of", "2026-11-22", str(tmp_path))[:2] == (0, "No problems found in 1 file.\n")
    bad = tmp_path / "bad"
    bad.mkdir()
    site(bad, config="ignore: []\nstale-source.max-age: 5\n")
    code, _, err = careerlint("check", str(bad))
    assert code == 2 and err.startswith(f"{bad}/careerlint.yaml:2: unknown option 'max-age' for kind 'stale-source'")


@pytest.mark.parametrize("scales, problem", [
    ('{"2024-2034": "bogus"}', "option 'scales': cycle '2024-2034' must be a mapping of band -> {min, max}, "
                               "not a string"),
    ("5", "option 'scales' must be a mapping, not a whole number"),
    ('{"2024-2034": {"quick": {"min": 8}}}', "option 'scales': cycle '2024-2034': unknown band 'quick' (known: "
                                           "much faster, faster, as fast, slower, little or no change, decline)"),
    ('{"2024-2034": {"much faster": {"min": "x"}}}', "option 'scales': cycle '2024-2034': band 'much faster': "
                                                   "min must be a number, not a string"),
])
def test_a_malformed_growth_scale_is_a_config_error_at_its_line(tmp_path, scales, problem):
    site(tmp_path, config=f"rules:\n  growth-descriptor:\n    options:\n      scales: {scales}\n")
    code, out, err = careerlint("check", str(tmp_path))
    assert (code, err) == (2, f"{tmp_path / 'careerlint.yaml'}:4: {problem}\n")


def test_a_configured_growth_scale_is_used(tmp_path):
    page = "<p>Employment of nurses is projected to grow 7 percent from 2024 to 2034, much faster than average.</p>\n"
    site(tmp_path, config='rules:\n  growth-descriptor:\n    options:\n      scales: {"2024-2034": {"much faster": '
                          '{"min": 8}, "faster": {"min": 5, "max": 7}}}\n', pages={"g.html": page})
    code, out, _ = careerlint("check", "--select", "growth-descriptor", "--as-of", "2026-11-22", str(tmp_path))
    assert out.splitlines()[0].endswith("growth-descriptor 7% for 2024–2034 is 'faster than average' (5–7%), "
                                        "not 'much faster than average'")
