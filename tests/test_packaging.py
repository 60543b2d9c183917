"""The rule pack ships inside the package: an installed careerlint finds it from any directory."""

import subprocess
import sys
from pathlib import Path

import careerlint
from careerlint.resources import rules_dir
from conftest import ROOT


def test_rules_found_from_another_directory(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "careerlint", "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split()[0] == "stale-source"


def test_installed_package_carries_its_own_rule_pack():
    pkg = Path(careerlint.__file__).resolve().parent
    if pkg == (ROOT / "src" / "careerlint").resolve():
        # an editable install reads the checkout's rules/ folder
        assert rules_dir() == (ROOT / "rules").resolve()
    else:
        # a real install (CI installs with a plain 'pip install .'): the wheel holds the pack
        assert rules_dir() == pkg / "bundled_rules"
        assert (pkg / "bundled_rules" / "core.yaml").read_text() == (ROOT / "rules" / "core.yaml").read_text()
        assert (pkg / "bundled_rules" / "sources.yaml").is_file()
