"""Folder walks: hidden, build and dependency folders skipped, .gitignore and .ignore respected,
--force-exclude for files named on the command line."""

import subprocess
import sys

import pytest

from careerlint import ignore
from careerlint.loader import discover

PAGE = "<h1>Nurses</h1><p>The median annual wage for nurses was $93,600 in May 2023, says the BLS.</p>"


def careerlint(*args, cwd):
    p = subprocess.run([sys.executable, "-m", "careerlint", "check", "--no-cache", "--as-of", "2026-11-22", *args],
                       capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


@pytest.fixture
def repo(tmp_path):
    (tmp_path / ".git").mkdir()
    files = ["site/a.html", "site/drafts/d.html", "site/node_modules/pkg/n.html", "site/build/b.html",
             "site/dist/c.html", "site/.cache/h.html", "site/sub/s.md", "site/x.tmp.html", "site/keep.tmp.html",
             "site/own/k.html", "site/own/k2.html", "site/build.html", "site/deep/er/drafts/e.html"]
    for f in files:
        (tmp_path / f).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f).write_text(PAGE)
    (tmp_path / ".gitignore").write_text("# comment\n/site/drafts/\n*.tmp.html\n!keep.tmp.html\n")
    (tmp_path / ".git" / "info").mkdir()
    (tmp_path / ".git" / "info" / "exclude").write_text("er/\n")
    (tmp_path / "site" / "own" / ".ignore").write_text("k2.html\n")
    return tmp_path


def test_walk_skips_ignored_and_build_folders(repo):
    pages, errors, warnings = discover([str(repo / "site")])
    assert [p[len(str(repo)) + 1:] for p in pages] == [
        "site/a.html", "site/build.html", "site/keep.tmp.html", "site/own/k.html", "site/sub/s.md"]
    assert errors == warnings == []


def test_a_folder_named_on_the_command_line_is_walked(repo):
    code, out, err = careerlint("site/build", "site/drafts", cwd=repo)
    assert (code, err) == (1, "") and out.endswith("in 2 files.\n")


def test_files_named_are_checked_unless_force_exclude(repo):
    named = ["site/drafts/d.html", "site/node_modules/pkg/n.html", "site/x.tmp.html", "site/a.html"]
    code, out, _ = careerlint(*named, cwd=repo)
    assert code == 1 and out.endswith("in 4 files.\n")
    code, out, _ = careerlint("--force-exclude", *named, cwd=repo)
    assert code == 1 and out.endswith("in 1 file.\n") and out.startswith("site/a.html:1:")


def test_force_exclude_applies_the_config_exclude(repo):
    (repo / "careerlint.yaml").write_text('exclude: ["site/sub/**"]\n')
    assert careerlint("site/sub/s.md", cwd=repo)[1].endswith("in 1 file.\n")
    assert careerlint("--force-exclude", "site/sub/s.md", cwd=repo)[1] == "No problems found in 0 files.\n"


def test_the_hook_passes_force_exclude():
    from conftest import ROOT

    assert "entry: careerlint check --force-exclude\n" in (ROOT / ".pre-commit-hooks.yaml").read_text()


@pytest.mark.parametrize("pattern,path,is_dir,expected", [
    ("*.html", "a/b/c.html", False, True),
    ("*.html", "c.htm", False, False),
    ("/top.html", "top.html", False, True),
    ("/top.html", "a/top.html", False, False),
    ("a/*.html", "a/x.html", False, True),
    ("a/*.html", "a/b/x.html", False, False),
    ("**/drafts", "x/y/drafts", True, True),
    ("a/**/b", "a/b", True, True),
    ("a/**/b", "a/x/y/b", True, True),
    ("a/**", "a/x/y.html", False, True),
    ("drafts/", "drafts", False, False),          # a folder-only pattern does not match a file
    ("drafts/", "x/drafts", True, True),
    ("page?.html", "page1.html", False, True),
    ("page[0-9].html", "page7.html", False, True),
    ("page[!0-9].html", "page7.html", False, False),
    ("\\#hash.html", "#hash.html", False, True),
    ("trailing.html   ", "trailing.html", False, True),
])
def test_gitignore_patterns(tmp_path, pattern, path, is_dir, expected):
    (tmp_path / ".gitignore").write_text(pattern + "\n")
    rules = ignore.Rules().enter(str(tmp_path))
    assert rules.ignored(str(tmp_path / path), is_dir) is expected


def test_negation_and_last_match_wins(tmp_path):
    (tmp_path / ".gitignore").write_text("*.html\n!keep.html\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".gitignore").write_text("keep.html\n")
    top = ignore.Rules().enter(str(tmp_path))
    assert top.ignored(str(tmp_path / "keep.html"), False) is False
    assert top.ignored(str(tmp_path / "x.html"), False) is True
    assert top.enter(str(tmp_path / "sub")).ignored(str(tmp_path / "sub" / "keep.html"), False) is True
