"""Reporters turn Findings into text. They never check anything."""

from __future__ import annotations


def get(name: str):
    if name == "text":
        from careerlint.reporters import text
        return text.render
    if name == "json":
        from careerlint.reporters import json as json_reporter
        return json_reporter.render
    raise KeyError(name)


FORMATS = ("text", "json")
