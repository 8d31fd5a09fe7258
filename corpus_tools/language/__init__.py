"""Language identification: codes, backends, the detector, units. No drivers: those are tasks."""
