"""careerlint: a content-consistency linter for career-guide web pages."""

__version__ = "0.1.0"
