"""Unicode and letter knowledge with no I/O and no steps."""
