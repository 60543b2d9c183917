"""Errors that stop careerlint from checking something, each with a one-line message."""


class CareerlintError(Exception):
    """Base class: str(error) is the one-line message shown to the user."""


class InputError(CareerlintError):
    """A page could not be read (missing, unreadable, not a page)."""


class ConfigError(CareerlintError):
    """A rule pack or configuration file is invalid."""
