"""Sinks: where cleaned lines and change records go (output, diff, report, check text, counts)."""
