"""Briefing-site generator: news articles about diplomatic meetings → a MkDocs briefing site."""

__version__ = "0.1.0"
