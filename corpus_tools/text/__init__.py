"""Unicode and letter knowledge with no I/O and no steps: scripts (``scripts``), the
letters national alphabets write every day (``letters``), and the regex compiler the
screens are built with (``regex``)."""
