"""The encoding wing, split as ftfy splits badness, data and fixes: the step
(``fix_encoding``: ftfy's configuration and the two repair orders), the screens
(``ftfy_triggers``, ``pair_screen``), the oddness measure (``oddness``), the code
pages and byte tables (``code_pages``), span repair (``span_repair``, which runs
``strategies`` over a line), and its results as change records (``findings``)."""
