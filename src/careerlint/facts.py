"""`careerlint facts`: every claim of a page in words, with how each attribute was decided."""

from __future__ import annotations

from careerlint.claims import Claim
from careerlint.document import Document


def doc_occupation(doc: Document) -> dict:
    from careerlint.extract import grammar as G

    name, how = G.page_occupation(doc.h1, doc.title, doc.meta)
    return {"name": name, "how": how or "none"}


def resolve_soc(c: Claim) -> tuple[str | None, str]:
    """The SOC code a figure's occupation resolves to, and how (see checks._official.resolution)."""
    from careerlint.checks._official import resolution

    return resolution(c)


def as_dict(c: Claim) -> dict:
    return c.to_dict(resolve_soc)


def use_configuration(page: str) -> None:
    """The reference settings (occupations:, reference-data:) of the configuration that applies to
    ``page``, so facts resolve names as a check of that page does. ConfigError when it is broken."""
    from careerlint.config import find_config, load_config

    found = find_config(page)
    if found is None:
        return
    cfg = load_config(found)
    if cfg.soc_occupations or cfg.reference_data is not None:
        from careerlint.reference.store import use

        use(cfg.reference_data, cfg.soc_occupations)


def describe(c: Claim) -> str:
    """One line: kind, text, then each attribute as value[step]; a figure's SOC code as soc=CODE[how]
    ("soc=?[ambiguous: 29-2072 43-3021]" when its name does not resolve)."""
    d = as_dict(c)
    how = d.get("how", {})
    parts = [c.kind, repr(c.text)]
    for k in ("stat", "per", "domain", "vintage", "period", "source", "vkind", "bound"):
        v = d.get(k)
        if v and not (k == "domain" and v == "other" and c.kind not in ("money", "percent", "count")):
            step = how.get(k)
            parts.append(f"{k}={v}" + (f"[{step}]" if step else ""))
    if c.kind in ("money", "percent", "count"):
        sc = d["scope"]
        who = [f"occupation={sc['occupation']}[{how.get('occupation', '-')}]"]
        for k in ("place", "level", "industry", "other"):
            if sc.get(k):
                who.append(f"{k}={sc[k]}[{how.get(k, '-')}]")
        if "soc" in d:
            who.append(f"soc={d['soc'] or '?'}[{how.get('soc', '-')}]")
        parts.extend(who)
    if c.kind == "period":
        parts.append("forecast" if c.forecast else ("past" if c.past else "stated"))
    if c.descriptor:
        parts.append(f"descriptor={c.descriptor[1]!r}")
    return " ".join(parts)
