"""The stream: reading lines and records byte-exactly, and writing them back.

Nothing here knows about filters; the runner joins the two.
"""

from corpus_tools.stream.formats import JsonlFormat, RecordFormat, TextFormat, TsvFormat
from corpus_tools.stream.lines import RawLine, split_lines
from corpus_tools.stream.opener import open_input, open_output

__all__ = [
    "JsonlFormat",
    "RawLine",
    "RecordFormat",
    "TextFormat",
    "TsvFormat",
    "open_input",
    "open_output",
    "split_lines",
]
