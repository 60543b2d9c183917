"""path:line:col: severity rule-id message, then one summary line."""

from __future__ import annotations


def render(report) -> str:
    findings = report.findings
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in findings]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    noun = "file" if report.files == 1 else "files"
    if findings:
        parts = [f"{n} {s}{'' if n == 1 else 's'}" for s, n in counts.items() if n]
        total = len(findings)
        summary = f"Found {total} problem{'' if total == 1 else 's'} ({', '.join(parts)}) in {report.files} {noun}."
    else:
        summary = f"No problems found in {report.files} {noun}."
    if report.baseline_matched or report.baseline_stale:
        summary = summary[:-1] + (f"; {report.baseline_matched} known from the baseline, "
                                  f"{report.baseline_stale} baseline entries no longer found.")
    lines.append(summary)
    return "\n".join(lines) + "\n"
