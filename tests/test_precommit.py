"""The real pre-commit, running careerlint's hook from this repository with `pre-commit try-repo`."""

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(cmd, cwd, env):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def content_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("content")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    run(["git", "init", "-q"], repo, env)
    shutil.copy(SAMPLES / "seed-000-medical-billing-specialist.html", repo / "clean.html")
    shutil.copy(SAMPLES / "seed-002-billing-and-coding.html", repo / "broken.html")
    (repo / "careerlint.yaml").write_text("as-of: 2026-11-22\n")
    run(["git", "add", "."], repo, env)
    return repo, env


def try_repo(repo, env, *files):
    pre_commit = [sys.executable, "-m", "pre_commit"]
    return run([*pre_commit, "try-repo", str(ROOT), "careerlint", "--verbose", "--files", *files], repo, env)


def test_clean_page_passes_the_hook(content_repo):
    repo, env = content_repo
    p = try_repo(repo, env, "clean.html")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "careerlint" in p.stdout and "Passed" in p.stdout


def test_broken_page_fails_the_hook_with_rule_and_line(content_repo):
    repo, env = content_repo
    p = try_repo(repo, env, "clean.html", "broken.html")
    assert p.returncode == 1
    assert "Failed" in p.stdout
    assert "broken.html:39:51: error expired-projection" in p.stdout
    assert "broken.html:33:68: warning stale-source" in p.stdout


def test_a_commit_of_one_page_is_checked_against_the_rest_of_the_site(content_repo, tmp_path_factory):
    """pre-commit passes only the changed page; the cross-page rules compare it with the other pages'
    facts from the cache that a full run (here: the same hook on every file) filled."""
    repo = tmp_path_factory.mktemp("site")
    env = content_repo[1]   # the same PRE_COMMIT_HOME: the hook's environment is installed once
    run(["git", "init", "-q"], repo, env)
    fact = "<h1>{}</h1><p>The median annual wage for electricians was {} in May 2024, according to the BLS.</p>\n"
    (repo / "guides").mkdir()
    (repo / "hubs").mkdir()
    (repo / "guides" / "electrician.html").write_text(fact.format("Electricians", "$62,350"))
    (repo / "guides" / "overview.html").write_text(fact.format("Electrician careers", "$62,350"))
    (repo / "hubs" / "trades.html").write_text(fact.format("Best trade jobs", "$62,350"))
    (repo / "careerlint.yaml").write_text("as-of: 2026-11-22\n")
    run(["git", "add", "."], repo, env)
    pre_commit = [sys.executable, "-m", "pre_commit"]
    full = run([*pre_commit, "try-repo", str(ROOT), "careerlint", "--verbose", "--all-files"], repo, env)
    assert full.returncode == 0, full.stdout + full.stderr
    (repo / "hubs" / "trades.html").write_text(fact.format("Best trade jobs", "$63,350"))
    p = try_repo(repo, env, "hubs/trades.html")
    assert p.returncode == 1, p.stdout + p.stderr
    assert ("hubs/trades.html:1:72: error site-conflicting-figure median annual wage for electricians is $63,350 "
            "here but $62,350 at guides/electrician.html:1 and 1 more page (May 2024)") in p.stdout.splitlines(), \
        [l for l in p.stdout.splitlines() if "site-" in l]
