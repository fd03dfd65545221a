"""The bottom layer: one clock (UTC inside, Europe/Rome helpers, day types), seeded randomness,
the glossary of result variables and the progress protocol. Imports nothing else of the twin.

Modules are imported one by one (``from twin.core.time import ...``): this package imports none of
them, so a light caller (the command line's parser) pays for nothing it does not use.
"""
