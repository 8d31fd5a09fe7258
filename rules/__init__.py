"""The default rule files, shipped in the wheel as ``corpus_tools.default_rules``."""
