"""A page's own statement of its occupation, resolved to a SOC code.

    <meta name="careerlint:occupation" content="29-2072">      (HTML)
    soc: 29-2072                                                (Markdown front matter)

The content is a SOC code ('29-2072'; '29-2072.00' as O*NET writes it) or an occupation name that
names exactly one occupation. A declaration is how a page settles a name careerlint records as
ambiguous ("medical billing specialists").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from careerlint.reference import soc as soc_codes

# meta names, most specific first (Markdown front matter 'soc:' and 'occupation:' arrive as meta)
DECLARATION_KEYS = ("careerlint:soc", "careerlint:occupation", "soc")


@dataclass(frozen=True)
class Declaration:
    value: str                 # as the page wrote it
    soc: str | None            # the SOC code, when the declaration resolves
    problem: str | None = None  # why it does not, one line (for a finding or an error)


def page_declaration(meta: Mapping[str, str]) -> Declaration | None:
    """The page's declaration from its meta tags / front matter (lower-cased names), or None."""
    for key in DECLARATION_KEYS:
        v = meta.get(key)
        if v is not None and str(v).strip():
            return resolve_declaration(str(v))
    return None


def resolve_declaration(value: str) -> Declaration:
    from careerlint.reference import match_occupation, occupation_title
    from careerlint.reference.store import default
    from careerlint.reference.titles import Ambiguous

    text = " ".join(value.split())
    code = soc_codes.parse_code(text)
    if code is not None:
        if default().known(code):
            return Declaration(value, code)
        return Declaration(value, None, f"SOC {code} is not an occupation in BLS's OEWS or projections data")
    got = match_occupation(text)
    if isinstance(got, str):
        return Declaration(value, got)
    if isinstance(got, Ambiguous):
        named = ", ".join(f"{c} {occupation_title(c) or ''}".strip() for c in got.candidates[:4])
        more = f" and {len(got.candidates) - 4} more" if len(got.candidates) > 4 else ""
        return Declaration(value, None, f"'{text}' names several occupations ({named}{more}): declare one SOC code, "
                                        f"e.g. content=\"{got.candidates[0]}\"")
    return Declaration(value, None, f"'{text}' is neither a SOC code (like 29-2072) nor an occupation title "
                                    "careerlint knows")
