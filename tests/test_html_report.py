"""The HTML report (--format html): self-contained, escaped, and working in a real browser.

The browser tests drive Debian's Chromium with Selenium and its chromedriver; they skip, saying
how to install them, where either is missing. CI installs both (.ci/run)."""

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import ROOT, SAMPLES

AS_OF = ("--as-of", "2026-11-22")
# a page whose text, source lines and file name try to run code in the report
HOSTILE_PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Nurses</title></head><body><h1>Registered Nurses</h1>\n"
    "<h2>2025 Market Reality &lt;script&gt;window.pwned=1&lt;/script&gt;</h2>\n"
    "<!-- careerlint-disable-next-line <img/src=x/onerror=window.pwned=2> -->\n"
    "<p>The median annual wage was $81,220 in May 2013, says the BLS.</p><script>window.pwned=3</script>\n"
    "</body></html>\n"
)


def careerlint(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "careerlint", *args], capture_output=True, text=True, cwd=cwd)


def report(tmp_path, *paths, cwd=ROOT):
    out = tmp_path / "report.html"
    p = careerlint("check", *AS_OF, "--format", "html", "--output-file", str(out), *paths, cwd=cwd)
    assert p.stdout == "" and p.returncode in (1, 2), p.stderr
    return out


@pytest.fixture
def hostile_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "hostile-<img src=x onerror=window.pwned=4>.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    shutil.copy(SAMPLES / "seed-001-medical-billing-career-guide.html", site / "guide.html")
    shutil.copy(SAMPLES / "trap-history-table.html", site / "clean.html")
    return site


class _Parsed(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.ids, self.hrefs, self.scripts, self.data = [], set(), [], 0, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if "id" in a:
            assert a["id"] not in self.ids, f"duplicate id {a['id']}"
            self.ids.add(a["id"])
        if tag == "a":
            self.hrefs.append(a.get("href"))
        self.scripts += tag == "script"

    def handle_data(self, data):
        self.data.append(data)


def _parse(path):
    p = _Parsed()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_report_is_self_contained_and_its_links_resolve(tmp_path):
    html = report(tmp_path, "samples")
    text = html.read_text(encoding="utf-8")
    parsed = _parse(html)
    # nothing is fetched: no external URL in any attribute, no <link>, <img>, <iframe> or <object>
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:|//|file:)""", text)
    assert not {t for t, _ in parsed.tags} & {"link", "img", "iframe", "object", "embed", "base"}
    csp = next(a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none'; style-src 'sha256-") and "script-src 'sha256-" in csp
    assert parsed.scripts == 1
    # every link points into the report
    assert parsed.hrefs and all(h.startswith("#") and h[1:] in parsed.ids for h in parsed.hrefs)
    # the conflict on the guide links to the line it conflicts with
    assert any(h.endswith("-L25") for h in parsed.hrefs)


def test_summary_and_ranking(tmp_path):
    html = report(tmp_path, "samples/seed-000-medical-billing-specialist.html",
                  "samples/seed-001-medical-billing-career-guide.html", "samples/seed-002-billing-and-coding.html")
    text = html.read_text(encoding="utf-8")
    assert "<title>careerlint report: 8 problems in 3 pages</title>" in text
    assert '<div class="card"><b>3</b>pages checked</div>' in text
    assert ('<tr><td>U.S. Bureau of Labor Statistics</td><td class="v">2022–2032</td><td class="n">2</td>'
            '<td class="n">1</td></tr>') in text
    assert ('<tr><td><code>stale-source</code></td><td class="sev warning">warning</td><td class="n">4</td>'
            '<td class="n">2</td></tr>') in text
    # pages ranked by their number of problems: 6, then 2; the clean page is listed apart
    order = re.findall(r'<article class="page" id="(p\d+)" data-problems="(\d+)">\n<header><h3><a href="#p\d+">([^<]+)',
                       text)
    assert order == [("p1", "6", "samples/seed-001-medical-billing-career-guide.html"),
                     ("p2", "2", "samples/seed-002-billing-and-coding.html")]
    assert "<summary>1 page without problems</summary>" in text
    # the figure is highlighted in its source line
    assert '<pre class="src"><span class="ln">25</span>&lt;p class=&quot;value&quot;&gt;<mark>6%</mark>' in text


def test_everything_from_pages_is_escaped(tmp_path, hostile_site):
    html = report(tmp_path, str(hostile_site))
    text = html.read_text(encoding="utf-8")
    parsed = _parse(html)
    assert parsed.scripts == 1                                  # only the report's own script
    assert not [t for t, _ in parsed.tags if t == "img"]
    assert "window.pwned" not in "".join(m.group(0) for m in re.finditer(r"<script>.*?</script>", text, re.S))
    joined = "".join(parsed.data)
    assert "hostile-<img src=x onerror=window.pwned=4>.html" in joined                 # the file name, as text
    assert "<script>window.pwned=3</script>" in joined          # the page's source line, as text
    assert "names unknown rule '<img/src=x/onerror=window.pwned=2>'" in joined   # page text in a message
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in joined            # a source line, as written


def test_related_locations_in_other_pages_link_within_the_report(tmp_path):
    """Cross-page findings (made by hand here: the cross-page rules come later) link to the other
    page's line, which gets an anchor even when it has no problem of its own."""
    from careerlint.findings import Finding, Related
    from careerlint.reporters import Report, get

    a, b = tmp_path / "guide.html", tmp_path / "hub.html"
    a.write_text("<p>x</p>\n<p>Median $61,590 (May 2024)</p>\n", encoding="utf-8")
    b.write_text("<p>y</p>\n<p>z</p>\n<p>Median pay $60,240 in May 2024</p>\n", encoding="utf-8")
    f = Finding(str(a), 2, 11, "site-conflicting-figure", "error", "median $61,590 here vs $60,240 in hub.html:3",
                (Related(3, "$60,240", str(b)),), "$61,590")
    text = get("html")(Report([f], [str(a), str(b)]))
    assert (f'<p class="rel">Conflicts with <a href="#p2-L3">{b}:3 (<code>$60,240</code>)</a></p>') in text
    assert ('<div class="ref" id="p2-L3"><span class="loc">line 3, compared by</span> '
            f'<a href="#p1-L2">site-conflicting-figure at {a}:2</a>'
            '<pre class="src"><span class="ln">3</span>&lt;p&gt;Median pay <mark>$60,240</mark> in May 2024&lt;/p&gt;</pre>'
            "</div>") in text


def test_html_goes_to_stdout_without_output_file():
    p = careerlint("check", *AS_OF, "--format", "html", "samples/seed-002-billing-and-coding.html")
    assert p.returncode == 1 and p.stdout.startswith("<!DOCTYPE html>") and p.stdout.endswith("</html>\n")


# --- in a real browser ------------------------------------------------------------------------------

_INSTALL = ("needs Chromium and chromedriver from the system packages (apt-get install chromium chromium-driver) "
            "and selenium (pip install '.[test]')")


def _browser_missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return _INSTALL
    if not (shutil.which("chromium") or shutil.which("chromium-browser")) or not shutil.which("chromedriver"):
        return _INSTALL
    return None


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    reason = _browser_missing()
    if reason and os.environ.get("CAREERLINT_REQUIRE_BROWSER"):
        pytest.fail(reason)   # CI installs the browser: a missing one is a failure there, not a skip
    if reason:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", f"--user-data-dir={profile}", "--window-size=1280,1000"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver")))
    yield driver
    driver.quit()


def _open(browser, path):
    browser.get(path.as_uri())
    browser.get_log("browser")  # (the log is per call: what was logged while loading is returned here)


def _console(browser, path):
    browser.get(path.as_uri())
    return [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def _expected(tmp_path):
    """What the report must show, from the JSON report of the same pages (so the test follows the
    samples' findings instead of restating them)."""
    p = careerlint("check", *AS_OF, "--format", "json", "samples", cwd=ROOT)
    data = json.loads(p.stdout)
    findings = data["findings"]
    by_page: dict = {}
    for f in findings:
        by_page.setdefault(f["path"], []).append(f)
    def weight(kv):  # the report's ranking: errors, then warnings, then infos
        return tuple(-sum(1 for f in kv[1] if f["severity"] == s) for s in ("error", "warning", "info")), kv[0]

    first = sorted(by_page.items(), key=weight)[0][1]
    return findings, data["files"], first


def test_report_loads_with_no_console_errors(browser, tmp_path):
    findings, files, _ = _expected(tmp_path)
    html = report(tmp_path, "samples")
    assert _console(browser, html) == []
    assert browser.title == f"careerlint report: {len(findings)} problems in {files} pages"
    shown = browser.find_element("id", "shown").text
    assert shown == f"Showing {len(findings)} of {len(findings)} problems"  # the script ran (its CSP hash is right)


def test_filters_change_what_is_shown(browser, tmp_path):
    from selenium.webdriver.common.by import By

    findings, _, first = _expected(tmp_path)
    total = len(findings)
    no_warnings = sum(1 for f in findings if f["severity"] != "warning")
    neither = sum(1 for f in findings if f["severity"] != "warning" and f["rule"] != "salary-order")
    assert total > no_warnings > neither > 0  # the samples hold warnings and salary-order errors
    html = report(tmp_path, "samples")
    _open(browser, html)

    def visible(selector):
        return [e for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]

    assert len(visible("li.problem")) == total
    browser.find_element(By.CSS_SELECTOR, 'input[data-filter="severity"][value="warning"]').click()
    assert len(visible("li.problem")) == no_warnings and not visible('li.problem[data-severity="warning"]')
    assert browser.find_element("id", "shown").text == f"Showing {no_warnings} of {total} problems"
    browser.find_element(By.CSS_SELECTOR, 'input[data-filter="rule"][value="salary-order"]').click()
    assert len(visible("li.problem")) == neither and not visible('li.problem[data-rule="salary-order"]')
    # a page whose problems are all filtered out is hidden, the others count what is left
    pages = {e.get_attribute("id"): e for e in browser.find_elements(By.CSS_SELECTOR, "article.page")}
    hidden = [i for i, e in pages.items() if not e.is_displayed()]
    assert hidden and all(not visible(f"#{i} li.problem") for i in hidden)
    left = sum(1 for f in first if f["severity"] != "warning" and f["rule"] != "salary-order")
    guide = browser.find_element(By.CSS_SELECTOR, "#p1 .count").text
    if left:   # all shown: "14 problems"; some filtered out: "3 of 14 problems"
        assert guide == (f"{left} of {len(first)} problems" if left < len(first) else f"{len(first)} problems")
    browser.find_element("id", "show-all").click()
    assert len(visible("li.problem")) == total
    assert browser.find_element(By.CSS_SELECTOR, "#p1 .count").text == f"{len(first)} problems"
    assert _console(browser, html) == []


def test_hostile_page_text_shows_as_text(browser, tmp_path, hostile_site):
    from selenium.webdriver.common.by import By

    html = report(tmp_path, str(hostile_site))
    assert _console(browser, html) == []
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert browser.find_elements(By.CSS_SELECTOR, "main img, main script") == []
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "hostile-<img src=x onerror=window.pwned=4>.html" in body
    assert "<script>window.pwned=3</script>" in body
    assert "names unknown rule '<img/src=x/onerror=window.pwned=2>'" in body
    assert "2025 Market Reality &lt;script&gt;window.pwned=1&lt;/script&gt;" in body


def test_conflict_link_jumps_to_the_other_line(browser, tmp_path):
    from selenium.webdriver.common.by import By

    html = report(tmp_path, "samples/seed-001-medical-billing-career-guide.html")
    _open(browser, html)
    link = browser.find_element(By.CSS_SELECTOR, "p.rel a")
    assert link.text == "line 25 (6%)"
    link.click()
    assert browser.execute_script("return location.hash") == "#p1-L25"
    target = browser.find_element(By.ID, "p1-L25")   # no problem of its own: the line, linked back
    assert target.get_attribute("class") == "ref" and "6%" in target.text and "conflicting-growth" in target.text


def test_pages_are_ranked_by_errors_then_warnings_then_infos(tmp_path):
    # 11 'newer-release' notes on the clean anesthetist page do not outrank 1 error and 4 warnings
    html = report(tmp_path, "samples/official/nurse-anesthetist-clean.html", "samples/stale-dental-hygienist.html")
    order = re.findall(r'<article class="page" id="p\d+" data-problems="(\d+)">\n<header><h3><a href="#p\d+">([^<]+)',
                       html.read_text(encoding="utf-8"))
    assert order == [("9", "samples/stale-dental-hygienist.html"), ("11", "samples/official/nurse-anesthetist-clean.html")]
