"""Pay ranges by role and band of experience (salary ladders), as tech-career guides repeat them in two or
three places: compared only when the role and the band are the same."""

from careerlint.document import parse_markdown
from careerlint.extract import extract
from conftest import _RULESET, lint

LADDER = """# DevOps careers

## Salary expectations

### Entry-Level (0-3 years)

| Role | Average Salary | Key Skills |
|------|----------------|------------|
| Junior DevOps Engineer | $85K-125K | Linux, Docker |
| Junior SRE | $90K-130K | Monitoring |

## Career roadmap

#### Junior DevOps Engineer (0-2 years)

**Salary Range:** $80K-$120K

## Salary breakdown by sub-specialty (2025)

| Role | Junior (0-3yr) | Mid-Level (3-5yr) | Principal (8+yr) |
|------|----------------|-------------------|------------------|
| **DevOps Engineer** | {devops} | $130K-180K | $250K-375K+ |
"""


def ranges(text):
    return {c.text: c for c in extract(parse_markdown(text), _RULESET.registry) if c.is_range}


def test_the_same_role_and_band_in_two_tables_must_agree():
    assert lint(LADDER.format(devops="$90K-130K"), path="page.md", select=["conflicting-figure"]) == [
        (22, "conflicting-figure", "salary range $90,000–$130,000 here vs $85,000–$125,000 at line 9 "
                                   "(DevOps Engineer, entry)")]
    assert lint(LADDER.format(devops="$85K-125K"), path="page.md", select=["conflicting-figure"]) == []


def test_junior_and_entry_level_are_one_band_and_years_tell_bands_apart():
    found = ranges(LADDER.format(devops="$90K-130K"))
    junior, roadmap, column = found["$85K-125K"], found["$80K-$120K"], found["$90K-130K"]
    assert (junior.scope.level, junior.band) == ("entry", "0-3")       # the row, under its section's band
    assert (roadmap.scope.level, roadmap.band) == ("entry", "0-2")     # another band: never compared
    assert (column.scope.level, column.band, column.stat) == ("entry", "0-3", "range")
    assert column.scope.other == ""                                    # "(0-3yr)" is no qualifier


def test_a_range_with_no_level_or_no_role_is_not_compared():
    text = ("# Frontend developers\n\n**Salary Range:** $70K-$150K | **Entry Level:** Junior Developer roles\n\n"
            "Most frontend developers earn between $80,000 and $160,000.\n\n"
            "## Frontend\n\n- Staff+ (8+ years): $220K-$350K\n\n## Backend\n\n- Staff+ (8+ years): $240K-$400K\n")
    assert lint(text, path="page.md", select=["conflicting-figure"]) == []
    assert all(c.scope.occupation != "staff" for c in ranges(text).values())
