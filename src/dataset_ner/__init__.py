"""Find dataset mentions in scientific text with spaCy."""

__version__ = "0.1.0"
