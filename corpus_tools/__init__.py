"""corpus-tools: repair multilingual text corpora with composable, streaming filters."""

from corpus_tools.changes import Change
from corpus_tools.filters.fix_encoding import EncodingConfig
from corpus_tools.pipeline import CleanConfig, Cleaned, Pipeline

__version__ = "0.1.0"

__all__ = ["Change", "CleanConfig", "Cleaned", "EncodingConfig", "Pipeline", "__version__"]
