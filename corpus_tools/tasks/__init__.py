"""Jobs above the pipeline: ``check`` (the CI gate) and its configuration and baseline."""
