"""The encoding wing: ftfy behind a screen, and span repair beyond it."""
