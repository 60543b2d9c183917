"""Before a check run starts: refuse write targets that would overwrite an input, and say which
configuration is in force (-v, --show-settings)."""

from __future__ import annotations

import os


def refuse_overwrites(output_file, write_baseline, baseline_path, pages, used) -> None:
    """careerlint never writes over what it reads: a report or baseline target that is a page,
    a configuration or rule file in use, or (for a report) the baseline, is an error before
    anything is checked. (Rewriting the baseline that was read is allowed: that is its update.)"""
    from careerlint.errors import ConfigError

    def real(p):
        return os.path.realpath(p)

    inputs = {real(p): "a page being checked" for p in pages}
    for cfg_path, (cfg, ruleset) in used.get("configs", {}).items():
        for f in [cfg_path, *ruleset.files] if cfg_path else ruleset.files:
            inputs.setdefault(real(str(f)), "a configuration or rule file in use")
    targets = [("--output-file", output_file), ("--write-baseline", write_baseline)]
    if output_file and baseline_path:
        inputs.setdefault(real(baseline_path), "the baseline being read")
    if output_file and write_baseline and real(output_file) == real(write_baseline):
        raise ConfigError(f"{output_file}: error: --output-file and --write-baseline name the same file")
    for option, target in targets:
        if target and real(target) in inputs:
            raise ConfigError(f"{target}: error: {option} would overwrite {inputs[real(target)]}; "
                              "choose another file")
        if target and os.path.isdir(target):
            raise ConfigError(f"{target}: error: {option} names a folder")
    for _, target in targets:
        if target:
            from careerlint.cache_folder import remove_stale_temp

            remove_stale_temp(os.path.dirname(os.path.abspath(target)))


def tell_settings(used, pages, full: bool, named: bool) -> None:
    """-v: which configuration applies to how many pages, and any ignored above the repository
    root (on stderr). --show-settings: every setting in force (on stdout)."""
    import click

    from careerlint.config import config_above_root
    from careerlint.errors import printable

    counts = used.get("pages", {})
    for cfg_path, (cfg, ruleset) in used.get("configs", {}).items():
        if full:
            for line in cfg.describe() + [f"  pages: {counts.get(cfg_path, 0)}"]:
                click.echo(printable(line))
        else:
            click.echo(printable(f"careerlint: {cfg_path or 'no configuration file (defaults)'} applies to "
                                 f"{counts.get(cfg_path, 0)} page(s)"), err=True)
    if named:
        return
    above = {str(p) for p in (config_above_root(os.path.dirname(os.path.abspath(x)) or ".")
                              for x in (pages or ["."])) if p}
    for p in sorted(above):
        line = f"careerlint: {p} is above the repository root: not applied (name it with --config to use it)"
        click.echo(printable(line), err=not full)
