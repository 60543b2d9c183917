"""Regenerate docs/report.png: the HTML report on samples/, as headless Chromium shows it.

    python docs/make_screenshot.py      (needs: apt-get install chromium chromium-driver; pip install '.[test]')
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "careerlint", "check", "--as-of", "2026-11-22", "--format", "html",
                        "--output-file", str(report), "samples"], cwd=ROOT, check=False)
        opts = webdriver.ChromeOptions()
        opts.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--no-first-run", "--hide-scrollbars", f"--user-data-dir={tmp}/profile",
                     "--window-size=1200,1500"):
            opts.add_argument(flag)
        driver = webdriver.Chrome(options=opts, service=Service(shutil.which("chromedriver")))
        try:
            driver.get(report.as_uri())
            # show the filters at work: info findings hidden
            driver.find_element("css selector", 'input[data-filter="severity"][value="info"]').click()
            driver.save_screenshot(str(ROOT / "docs" / "report.png"))
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
