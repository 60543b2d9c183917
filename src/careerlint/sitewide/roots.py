"""Which pages form one site, and which occupation keys name the same occupation across it.

A site is the set of pages that share a site root: the ``site-root`` of their configuration file,
by default the folder holding that file. Pages with no configuration file share the root of
their git repository (the current folder outside one). ``site-root: false`` says a folder's
pages are unrelated (careerlint's own samples/): they are never compared with each other.
"""

from __future__ import annotations

import os

NOT_A_SITE = None


class Sites:
    def __init__(self, config_path: str | None = None, cwd: str | None = None) -> None:
        self.config_path = config_path
        self.cwd = os.path.abspath(cwd or os.getcwd())
        self._by_dir: dict[str, str | None] = {}
        self._configs: dict[str, object] = {}
        self.aliases: dict[str, dict[str, str]] = {}   # site root -> occupations: of its configurations

    def _config(self, path: str):
        if path not in self._configs:
            from careerlint.config import load_config

            self._configs[path] = load_config(path)
        return self._configs[path]

    def root_of(self, page: str) -> str | None:
        """The site root (an absolute folder) of a page, or None when its pages are not one site."""
        from careerlint.config import find_config

        d = os.path.dirname(os.path.abspath(page))
        if d not in self._by_dir:
            cfg_path = self.config_path or (str(find_config(d) or "") or None)
            if cfg_path is None:
                from careerlint.ignore import repository_root

                self._by_dir[d] = repository_root(d) or self.cwd
            else:
                cfg = self._config(cfg_path)
                if not cfg.is_site:
                    self._by_dir[d] = NOT_A_SITE
                else:
                    root = str(cfg.site_root.resolve() if cfg.site_root else cfg.root)
                    self._by_dir[d] = root
                    self.aliases.setdefault(root, {}).update(
                        {k: v for k, v in cfg.occupations.items() if isinstance(v, str)})
        return self._by_dir[d]


def occupation_key(name: str) -> str:
    """The key extraction gives an occupation's name ('Bus Drivers, School' -> 'bus driver school')."""
    from careerlint.extract.grammar import occupation_key as key
    from careerlint.extract.lexicon import lexicon

    return key(name, frozenset(lexicon().data.get("occupation_noise") or ()))


class Occupations:
    """Union-find over occupation keys and SOC codes: a page's own occupation is the SOC code it
    declares, and a configuration's ``occupations:`` maps a name to another name or a SOC code."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def _find(self, x: str) -> str:
        p = self._parent.setdefault(x, x)
        while p != self._parent.setdefault(p, p):
            self._parent[p] = self._parent[self._parent[p]]
            p = self._parent[p]
        self._parent[x] = p
        return p

    def same(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))   # the smaller node names the class: independent of order
            self._parent[hi] = lo

    def canon(self, key: str) -> str:
        return self._find("k:" + key)

    @classmethod
    def of(cls, records, aliases: dict[str, str]) -> "Occupations":
        from careerlint.reference.soc import parse_code

        occ = cls()
        for r in records:
            if r.occupation and r.soc:
                occ.same("k:" + r.occupation, "soc:" + r.soc)
        for name, target in sorted(aliases.items()):
            code = parse_code(target)
            occ.same("k:" + occupation_key(name), "soc:" + code if code else "k:" + occupation_key(target))
        return occ
