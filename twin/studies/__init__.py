"""Questions asked of the twin: comparisons, expansion (candidates and sizing curves), Monte Carlo
over weather years, and sweeps of many variants on dask.distributed."""
