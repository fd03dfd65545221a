"""The worked examples in the docstrings of the catalogue, the messages and the clock run as
written."""

from __future__ import annotations

import doctest

import pytest

import twin.core.locale
import twin.core.time
import twin.errors


@pytest.mark.parametrize("module", [twin.core.locale, twin.core.time, twin.errors])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
