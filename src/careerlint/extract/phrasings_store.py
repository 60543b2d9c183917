"""The bundled phrasings (rules/phrasings.yaml), compiled on first use and shared."""

from __future__ import annotations

from careerlint.extract.phrasings import Phrasing, compile_phrasings

_STORE: list[list[Phrasing]] = []


def phrasings() -> list[Phrasing]:
    if not _STORE:
        from careerlint import yamlfile
        from careerlint.extract.lexicon import lexicon
        from careerlint.resources import rules_dir

        path = rules_dir() / "phrasings.yaml"
        # compiled shape by shape on first use (tests/test_phrasings.py compiles every one)
        _STORE.append(compile_phrasings(dict(yamlfile.load_remembered(path)), lexicon().cues, str(path), eager=False))
    return _STORE[0]
