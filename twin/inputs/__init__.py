"""Exogenous inputs of a run: weather (the ``weather`` library's readers and generator, on the
run's grid), zonal prices (the built-in NORD model or a file) and measured meter data."""
