"""README.md tells the truth: its quick start, its CI snippets, its sample output and its options."""

import json
import re
import shlex
import shutil
import subprocess
import sys

import yaml

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang):
    """The fenced code blocks of one language, in README order."""
    return re.findall(r"^```" + lang + r"\n(.*?)^```$", README, re.M | re.S)


def section(title):
    start = README.index(title)
    return README[start:README.index("\n## ", start + 1)]


def careerlint(args, cwd):
    p = subprocess.run([sys.executable, "-m", "careerlint", *args], capture_output=True, text=True, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def test_quick_start_is_the_two_commands_ci_runs():
    block = re.search(r"```sh\n(.*?)```", section("## Quick start"), re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["pip install . && careerlint check --exit-zero samples/",
                        "pip install '.[test]' && pytest"]
    ci = (ROOT / ".ci" / "run").read_text()
    assert "## Quick start" in ci and "fresh" in ci  # CI reads these commands and runs them in a fresh copy too


def _snippet(key):
    found = [yaml.safe_load(b) for b in blocks("yaml")]
    return next(d for d in found if isinstance(d, dict) and key in d)


def test_github_actions_snippet_installs_from_the_repository_and_runs_check():
    wf = _snippet("jobs")
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare 'on' as true
    assert "pull_request" in on and on["schedule"][0]["cron"]
    steps = wf["jobs"]["careerlint"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    install = [r for r in runs if r.startswith("pip install")]
    assert len(install) == 1
    assert re.fullmatch(r'pip install "careerlint @ git\+https://\S+/careerlint@[0-9a-f]{40}"', install[0]) \
        or re.fullmatch(r"pip install \./\S+", install[0])
    check = [r for r in runs if r.startswith("careerlint check")]
    assert len(check) == 1 and "--format sarif --output-file careerlint.sarif" in check[0]
    assert "schedule" in check[0] and '--as-of "$(date -u +%F)"' in check[0]
    upload = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload and upload[0]["with"]["sarif_file"] == "careerlint.sarif"


def test_pre_commit_snippet_pins_a_commit_and_names_a_real_hook():
    config = _snippet("repos")
    hook_ids = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    (repo,) = config["repos"]
    assert re.fullmatch(r"https://\S+/careerlint", repo["repo"])
    assert re.fullmatch(r"[0-9a-f]{40}", str(repo["rev"]))
    assert [h["id"] for h in repo["hooks"]] == ["careerlint"] and "careerlint" in hook_ids


def _sample():
    text = re.search(r"```text\n(.*?)```", section("### Sample output"), re.S).group(1)
    first, *output = text.splitlines()
    assert first.startswith("$ careerlint ")
    return shlex.split(first[2:])[1:], output


def test_sample_output_is_what_careerlint_prints(tmp_path):
    """README's sample command, run on a copy of the sample, prints README's output (compared,
    never regenerated: refresh README when the output changes on purpose)."""
    args, expected = _sample()
    page = next(a for a in args if a.startswith("samples/"))
    (tmp_path / "samples").mkdir()
    shutil.copy(ROOT / page, tmp_path / page)
    code, out, err = careerlint(args, tmp_path)
    assert (out.splitlines(), err) == (expected, "")
    assert code == 1


def test_json_sample_is_one_of_the_findings_careerlint_prints(tmp_path):
    args, _ = _sample()
    page = next(a for a in args if a.startswith("samples/"))
    (tmp_path / "samples").mkdir()
    shutil.copy(ROOT / page, tmp_path / page)
    shown = json.loads(blocks("json")[0])
    _, out, _ = careerlint(["check", "--no-cache", "--format", "json", *args[1:]], tmp_path)
    live = json.loads(out)
    assert live["version"] == shown["version"] and live["files"] == shown["files"]
    for f in shown["findings"]:
        assert dict(f, path=page) in live["findings"]


def test_every_option_shown_exists():
    helps = {}
    for block in blocks("sh"):
        for line in block.splitlines():
            words = line.split("#")[0].split()
            if len(words) < 2 or words[0] != "careerlint" or words[1].startswith("-"):
                continue
            sub = words[1]
            if len(words) > 2 and sub == "data" and not words[2].startswith("-"):
                sub = f"data {words[2]}"  # a command of the 'data' group
            if sub not in helps:
                code, out, _ = careerlint([*sub.split(), "--help"], ROOT)
                assert code == 0, sub
                helps[sub] = out
            for w in words[len(sub.split()) + 1:]:
                if w.startswith("--"):
                    assert w.split("=")[0] in helps[sub], f"{line}: {w} is not an option of 'careerlint {sub}'"
    assert {"check", "rules", "rule", "facts"} <= set(helps)


def test_check_help_names_every_page_type():
    _, out, _ = careerlint(["check", "--help"], ROOT)
    assert "folders searched for .html, .htm, .md and .markdown" in " ".join(out.split())


def test_site_rules_output_is_what_careerlint_prints(tmp_path):
    """README's cross-page example, run on copies of the two sample sites, prints README's output."""
    text = re.search(r"```text\n(.*?)```", section("## A whole site"), re.S).group(1)
    first, *expected = text.splitlines()
    args = shlex.split(first[2:])[1:]
    for folder in (a for a in args if a.startswith("samples/")):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    code, out, err = careerlint(args, tmp_path)
    assert (out.splitlines(), err, code) == (expected, "", 1)
