"""Rule documentation: `careerlint rule ID`, `careerlint rules`, and docs/rules.md.

docs/rules.md is generated from the bundled rule pack (``python -m careerlint.ruledoc >
docs/rules.md``); SARIF's helpUri points at its sections, and a test keeps it in step."""

from __future__ import annotations

import re
import textwrap

_SECTIONS = (("checks", "What it checks"), ("why", "Why it matters"),
             ("fail", "Fails (as of 2026-11-22)"), ("pass", "Passes"))

# what an option left at null means, for kinds whose rules do not say it in doc.options
NULL_MEANING = {
    ("stale-source", "max-age-years"): "not set: each source's own max-age-years from the source "
                                       "registry (rules/sources.yaml; 2 years for the BLS) applies",
    ("figure-limit", "min"): "not set: no lower limit",
    ("figure-limit", "max"): "not set: no upper limit",
}
_NULL_DEFAULT = "not set: the check's built-in behaviour applies"


# "<!-- page: hubs/trades.html -->": an example of a cross-page rule is several pages, each after one
_PAGE_MARK = re.compile(r"^\s*<!--\s*page:\s*(\S+)\s*-->\s*$", re.M)


def example_pages(text: str) -> list[tuple[str, str]] | None:
    """The pages of a multi-page example as (name, text), or None for a one-page example."""
    marks = list(_PAGE_MARK.finditer(text or ""))
    if not marks:
        return None
    return [(m.group(1), text[m.end():marks[k + 1].start() if k + 1 < len(marks) else len(text)].strip("\n") + "\n")
            for k, m in enumerate(marks)]


def option_notes(rule) -> list[tuple[str, str]]:
    """(option, what its null value means) for every option left at null."""
    said = (rule.doc or {}).get("options") or {}
    out = []
    for name, value in rule.options.items():
        if value is None:
            note = said.get(name) if isinstance(said, dict) else None
            out.append((name, str(note or NULL_MEANING.get((rule.kind, name), _NULL_DEFAULT))))
    return out


def _plain(v):
    """Loaded YAML (dict subclasses that remember lines) as plain dicts and lists, for dumping."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def _options_yaml(rule) -> list[str]:
    import yaml

    dumped = yaml.safe_dump(_plain(rule.options), sort_keys=False, allow_unicode=True, default_flow_style=False)
    return dumped.rstrip().splitlines()


def render_text(rule) -> str:
    """`careerlint rule ID`."""
    out = [f"{rule.id} ({rule.severity}; check kind {rule.kind})", f"  {rule.summary}", ""]
    for key, title in _SECTIONS:
        text = str((rule.doc or {}).get(key) or "").rstrip()
        if text:
            out.append(title)
            if key in ("checks", "why"):
                out.extend(textwrap.wrap(" ".join(text.split()), 92, initial_indent="  ", subsequent_indent="  "))
            else:
                out.extend("  " + line for line in text.splitlines())
            out.append("")
    out.append("Options (with their values here)")
    if rule.options:
        out.extend("  " + line for line in _options_yaml(rule))
        notes = option_notes(rule)
        if notes:
            out.append("")
            out.append("  null means the option is not set:")
            for name, note in notes:
                out.extend(textwrap.wrap(f"{name}: {note}", 92, initial_indent="    ", subsequent_indent="      "))
    else:
        out.append("  none")
    out.append("")
    out.append(f"Message: {rule.message}")
    return "\n".join(out) + "\n"


def render_list(ruleset, enabled: set[str], config_name: str | None) -> str:
    """`careerlint rules`: id, severity, on/off under the configuration in force, summary."""
    width = max(len(r) for r in ruleset.rules)
    lines = [f"{r.id:<{width}}  {r.severity:<7}  {'on ' if r.id in enabled else 'off'}  {r.summary}"
             for r in ruleset.rules.values()]
    n = len(ruleset.rules)
    where = f"under {config_name}" if config_name else "with no configuration file"
    lines.append(f"{len(enabled)} of {n} rules enabled {where}.")
    return "\n".join(lines) + "\n"


def render_markdown(ruleset) -> str:
    """docs/rules.md: one section per rule, anchored by its id."""
    out = ["# careerlint rules", "",
           "Generated from `rules/core.yaml` by `python -m careerlint.ruledoc > docs/rules.md`;",
           "`careerlint rule RULE-ID` prints the same for the configuration in force.", ""]
    out.append("| id | default severity | summary |")
    out.append("|---|---|---|")
    for r in ruleset.rules.values():
        out.append(f"| [`{r.id}`](#{r.id}) | {r.severity} | {r.summary} |")
    for r in ruleset.rules.values():
        out += ["", f'<a id="{r.id}"></a>', "", f"## {r.id}", "",
                f"Default severity **{r.severity}**, check kind `{r.kind}`. {r.summary}", ""]
        for key, title in _SECTIONS:
            text = str((r.doc or {}).get(key) or "").rstrip()
            if not text:
                continue
            out.append(f"### {title}")
            out.append("")
            if key in ("checks", "why"):
                out.append(" ".join(text.split()))
            else:
                out += ["```html", text, "```"]
            out.append("")
        out.append("### Options")
        out.append("")
        if r.options:
            out += ["```yaml", *_options_yaml(r), "```"]
            for name, note in option_notes(r):
                out += ["", f"`{name}: null` means {note}."]
        else:
            out.append("None.")
        out += ["", f"Message: `{r.message}`"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # python -m careerlint.ruledoc > docs/rules.md
    import sys

    from careerlint.ruleset import load_ruleset

    sys.stdout.write(render_markdown(load_ruleset()))
