"""The command line's help and argparse's own words in Italian, and English left as it was."""

from __future__ import annotations

import argparse
import inspect

import pytest

from twin.cli import main
from twin.cli.parser import build_parser, requested_lang
from twin.core.locale.help import ARGPARSE_IT, HELP_IT


def _help_texts(parser: argparse.ArgumentParser) -> set[str]:
    texts = {t for t in (parser.description, parser.epilog) if t}
    for action in parser._actions:  # noqa: SLF001
        if action.help and action.help is not argparse.SUPPRESS:
            texts.add(action.help)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            texts |= {c.help for c in action._choices_actions if c.help}  # noqa: SLF001
            for command in action.choices.values():
                texts |= _help_texts(command)
    return texts - {"show this help message and exit", "show program's version number and exit"}


def test_every_help_text_has_its_italian_and_none_is_left_over():
    texts = _help_texts(build_parser())
    assert sorted(texts - set(HELP_IT)) == []
    assert sorted(set(HELP_IT) - texts) == []


def test_argparse_still_says_each_phrase_we_translate():
    source = inspect.getsource(argparse)
    for english in ARGPARSE_IT:
        assert f"_({english!r})" in source or f'_("{english}")' in source \
            or repr(english)[1:-1] in source, english


def test_help_in_italian(capsys):
    with pytest.raises(SystemExit) as done:
        main(["run", "--lang", "it", "--help"])
    assert done.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith("uso: cer-twin run")
    assert "opzioni:" in out and "Simula il periodo, stampa una tabella" in out
    assert "output folder" not in out and "show this help" not in out


def test_argument_errors_in_italian_and_english_afterwards(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--lang", "it", "run", "--years", "x"])
    assert done.value.code == 2
    assert "cer-twin run: errore: argomento --years: valore int non valido: 'x'" in \
        capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["run", "--years", "x"])
    assert "cer-twin run: error: argument --years: invalid int value: 'x'" in \
        capsys.readouterr().err


@pytest.mark.parametrize(("argv", "lang"), [
    (["run"], "en"), (["run", "--lang", "it"], "it"), (["--lang=it", "run"], "it"),
    (["--lang", "it", "run", "--lang", "en"], "en"), (["run", "--lang", "fr"], "en"),
])
def test_the_language_is_read_before_parsing(argv, lang, monkeypatch):
    monkeypatch.delenv("CER_TWIN_LANG", raising=False)
    assert requested_lang(argv) == lang
