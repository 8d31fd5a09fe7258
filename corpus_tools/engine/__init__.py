"""Executors: run the unit of work over files (today: one process; -j and Dask build here)."""
