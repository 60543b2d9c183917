"""path:line:col: severity rule-id message, then one summary line."""

from __future__ import annotations

from careerlint.findings import Finding


def render(findings: list[Finding], files: int) -> str:
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in findings]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    noun = "file" if files == 1 else "files"
    if findings:
        parts = [f"{n} {s}{'' if n == 1 else 's'}" for s, n in counts.items() if n]
        total = len(findings)
        lines.append(f"Found {total} problem{'' if total == 1 else 's'} ({', '.join(parts)}) in {files} {noun}.")
    else:
        lines.append(f"No problems found in {files} {noun}.")
    return "\n".join(lines) + "\n"
