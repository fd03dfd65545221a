"""The coursework notebooks in examples/ execute from top to bottom (their asserts included)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).parent.parent / "examples"
NOTEBOOKS = sorted(EXAMPLES.glob("*.ipynb"))


def test_the_coursework_notebooks_are_there():
    names = [p.stem for p in NOTEBOOKS]
    assert names == ["01-rules-worked-examples", "02-add-a-plant-sizing-curve",
                     "03-monte-carlo-weather", "04-import-meter-data",
                     "05-coursework-grid"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_executes(path: Path):
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        f"{path.name}: clear the outputs before committing"
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    errors = [o for cell in notebook.cells if cell.cell_type == "code"
              for o in cell.outputs if o.output_type == "error"]
    assert errors == []
