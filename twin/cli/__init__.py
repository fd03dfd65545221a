"""The ``cer-twin`` command line: thin, it parses, calls the library and prints.

Exit codes: 0 success; 2 user error (bad scenario, data file or argument: a message naming the
file and field, no traceback); 3 the event store failed verification; 1 an unexpected internal
error (a bug: one line, the traceback with ``--debug``; please report it) or sweep variants that
failed after their retries.

Each command lives in its own module, imported only when it runs, so that ``--help`` and
argument errors import no scientific stack.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape

from twin.cli.codes import EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, EXIT_VERIFY
from twin.cli.parser import build_parser, requested_lang, speaking
from twin.core.locale import LANGUAGES, Say
from twin.errors import SweepError, TamperError, TwinError

__all__ = ["EXIT_INTERNAL", "EXIT_OK", "EXIT_USAGE", "EXIT_VERIFY", "build_parser", "main"]

COMMANDS = {
    "run": ("run", "run"),
    "explain": ("run", "explain"),
    "member": ("member", "member"),
    "events": ("store", "events"),
    "branch": ("store", "branch"),
    "state": ("store", "state"),
    "meters": ("store", "meters"),
    "expand": ("studies", "expand"),
    "compare": ("studies", "compare"),
    "sweep": ("studies", "sweep"),
    "weather": ("weather", "run"),
    "calibrate": ("studies", "calibrate"),
}
"""Command → (module of twin.cli, function taking ``(args, console, err)``)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``cer-twin`` console script."""
    env_lang = os.environ.get("CER_TWIN_LANG") or None
    if env_lang is not None and env_lang not in LANGUAGES:  # refused, not read as English
        say = Say("en")
        Console(stderr=True).print(f"[bold red]{say('cli.error')}[/] " + escape(say(
            "cli.bad_lang", expected=", ".join(LANGUAGES), found=env_lang)), highlight=False)
        return EXIT_USAGE
    argv = sys.argv[1:] if argv is None else list(argv)
    lang = requested_lang(argv)
    with speaking(lang):
        parser = build_parser(lang)
        args = parser.parse_args(argv)
        args.lang = lang  # before or after the command (`cer-twin --lang it run`)
        if args.command is None:
            parser.print_help()
            return EXIT_USAGE
    console = Console()
    err = Console(stderr=True)
    say = Say(lang)
    try:
        module, function = COMMANDS[args.command]
        handler = getattr(importlib.import_module(f"twin.cli.{module}"), function)
        return handler(args, console, err)
    except TwinError as error:
        # soft_wrap: one line per message (a path stays whole to copy; the terminal wraps it)
        err.print(f"[bold red]{say('cli.error')}[/] {escape(say.message(error))}",
                  highlight=False, markup=True, soft_wrap=True)
        if isinstance(error, TamperError):
            return EXIT_VERIFY
        return EXIT_INTERNAL if isinstance(error, SweepError) else EXIT_USAGE
    except KeyboardInterrupt:
        err.print(say("cli.interrupted"))
        return 130
    except Exception as error:  # a bug: one line here, the traceback with --debug
        if args.debug:
            raise
        err.print(f"[bold red]{say('cli.internal')}[/] {type(error).__name__}: "
                  f"{escape(str(error))}\n{say('cli.bug')}", highlight=False, markup=True)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
