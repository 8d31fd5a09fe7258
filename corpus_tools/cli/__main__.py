"""``python -m corpus_tools.cli``: the same as the ``corpus-tools`` command."""

from corpus_tools.cli import main

main()
