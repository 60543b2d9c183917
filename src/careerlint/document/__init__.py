"""A page as careerlint sees it: visible text blocks and tables, each with its source line."""

from careerlint.document.directives import Directive, parse_directive
from careerlint.document.html import parse_html
from careerlint.document.markdown import parse_markdown
from careerlint.document.model import Block, Document, Table

__all__ = ["Block", "Directive", "Document", "Table", "parse_directive", "parse_html", "parse_markdown"]
