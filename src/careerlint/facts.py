"""`careerlint facts`: every claim of a page in words, with how each attribute was decided."""

from __future__ import annotations

from careerlint.claims import Claim
from careerlint.document import Document


def doc_occupation(doc: Document) -> dict:
    from careerlint.extract import grammar as G

    name, how = G.page_occupation(doc.h1, doc.title, doc.meta)
    return {"name": name, "how": how or "none"}


def describe(c: Claim) -> str:
    """One line: kind, text, then each attribute as value[step]."""
    d = c.to_dict()
    how = c.how
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
        parts.extend(who)
    if c.kind == "period":
        parts.append("forecast" if c.forecast else ("past" if c.past else "stated"))
    if c.descriptor:
        parts.append(f"descriptor={c.descriptor[1]!r}")
    return " ".join(parts)
