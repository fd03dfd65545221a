"""The simulation: the SimPy timeline of events, the energy flows between events (arrays), the
stochastic future, the settlement of a run into an xarray Dataset, summaries and explanations.

``twin.sim.run`` is the library entry point (``twin.load(...).run()``).
"""
