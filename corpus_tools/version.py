"""The package's version, apart from the public API so any layer may read it."""

__version__ = "0.1.0"
