"""Columns written run by run of consecutive indices equal numpy's scatter by an index array."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from twin.assets.loads import put_columns


@settings(max_examples=80, deadline=None)
@given(n=st.integers(1, 12), data=st.data())
def test_put_columns_equals_fancy_assignment(n, data):
    cols = np.array(data.draw(st.lists(st.integers(0, n - 1), unique=True, min_size=1)))
    values = np.arange(3 * len(cols), dtype=float).reshape(3, len(cols)) + 1.0
    expected, out = np.zeros((3, n)), np.zeros((3, n))
    expected[:, cols] = values
    put_columns(out, cols, values)
    np.testing.assert_array_equal(out, expected)
