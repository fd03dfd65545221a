"""Exit codes of ``cer-twin``."""

EXIT_OK, EXIT_INTERNAL, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 3
"""0 success; 1 an internal error (a bug) or sweep variants that failed after their retries;
2 a user error (bad scenario, event or data file, bad argument); 3 the event store failed
verification."""
