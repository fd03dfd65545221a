"""Progress bars (rich) for the :class:`twin.core.progress.Progress` callbacks of the library."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console

from twin.core.locale import Say
from twin.core.progress import Progress, silent
from twin.errors import Text


@contextmanager
def progress_bar(console: Console, title: str, enabled: bool = True,
                 say: Say | None = None) -> Iterator[Progress]:
    """A :class:`Progress` drawn on ``console`` (stderr) as a bar; removed when the work ends.
    The library's phase messages are shown in the language of ``say`` (``phase.<message>`` in
    the catalogue; a message it lacks as written).

    Counted steps move the bar and show the ETA; a phase message without a count shows a pulsing
    bar. Disabled (``--quiet``, ``--json``, or not a terminal in CI logs) it reports nothing.
    """
    if not enabled:
        yield silent
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import Progress as RichProgress

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    with RichProgress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(title, total=None)

        def report(message: str, done: int | None = None, total: int | None = None) -> None:
            if say is not None:  # a Text by its template, a plain phase by its name
                message = (say.message(message) if isinstance(message, Text)
                           else say.text.get(f"phase.{message}", message))
            if total:
                bar.update(task, description=f"{title}: {message}", completed=done, total=total)
            else:
                bar.update(task, description=f"{title}: {message}", completed=0, total=None)

        yield report
