"""corpus-tools: repair multilingual text corpora with composable, streaming filters."""

from corpus_tools.changes import Change
from corpus_tools.filters.encoding.fix_encoding import EncodingConfig
from corpus_tools.pipeline import CleanConfig, Cleaned, Pipeline
from corpus_tools.version import __version__

__all__ = ["Change", "CleanConfig", "Cleaned", "EncodingConfig", "Pipeline", "__version__"]
