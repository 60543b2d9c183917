"""Cross-page rules: a site's pages compared with each other (facts, roots, rules, phase)."""
