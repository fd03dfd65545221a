"""Physical assets of the community: PV plants (pvlib) and consumers (load profiles)."""
