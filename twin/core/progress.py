"""Progress reporting: the library calls a callback, the command line draws it
(:func:`twin.cli.progress.progress_bar`).

Library code never prints. Long work takes ``progress: Progress | None`` and calls
``progress("what is happening")`` at each phase, and ``progress("what", done, total)`` in
counted loops (member blocks, weather years, candidate sizes, sweep variants), so that a front
end can draw a bar with an ETA where the work is countable and a spinner elsewhere.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def __call__(self, message: str, done: int | None = None, total: int | None = None) -> None:
        """Report a phase (``message``) or a step of a counted loop (``done`` of ``total``)."""


def silent(message: str, done: int | None = None, total: int | None = None) -> None:
    """A :class:`Progress` that reports nothing."""
