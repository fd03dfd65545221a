"""The shape of the package (issue 13): light entry points, modules and functions a reader can
hold in mind. The import contracts themselves are checked by ``lint-imports`` in .ci/run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted([*ROOT.joinpath("twin").rglob("*.py"), *ROOT.joinpath("weather").glob("*.py")])
HEAVY = {"pvlib", "scipy", "xarray", "dask", "distributed", "matplotlib", "pandas", "numpy"}


def imported_by(statement: str) -> set[str]:
    """Top-level packages in ``sys.modules`` after running ``statement`` in a fresh process."""
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    return {name.split(".")[0] for name in out.split()}


@pytest.mark.parametrize("statement", [
    "import twin.cli",
    "from twin.cli.parser import build_parser; build_parser().format_help()",
    "import twin.events, twin.events.store",
])
def test_light_entry_points_import_no_scientific_stack(statement):
    assert imported_by(statement) & HEAVY == set()


def test_help_and_argument_errors_import_no_scientific_stack():
    for argv in (["--help"], ["run", "--years", "x"], ["--version"]):
        code = ("import sys\nfrom twin.cli import main\ntry:\n    main(%r)\nexcept SystemExit:\n"
                "    pass\nprint('MODULES', ' '.join(sys.modules))" % argv)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=ROOT).stdout
        modules = out[out.rindex("MODULES"):].split()[1:]  # after what the command printed
        assert {m.split(".")[0] for m in modules} & HEAVY == set(), argv


def test_the_report_leaves_matplotlibs_backend_alone():
    code = ("import matplotlib; matplotlib.use('svg'); import twin.report; "
            "print(matplotlib.get_backend())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout.strip()
    assert out == "svg"


def test_no_module_over_500_lines():
    long = {str(p.relative_to(ROOT)): n for p in SOURCES
            if (n := p.read_text(encoding="utf-8").count("\n")) > 500}
    assert long == {}


def test_no_function_over_80_lines():
    long = {}
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > 80:
                    long[f"{path.relative_to(ROOT)}:{node.name}"] = lines
    assert long == {}


def test_the_top_level_of_twin_holds_only_the_entry_modules():
    top = {p.name for p in ROOT.joinpath("twin").glob("*.py")}
    assert top == {"__init__.py", "__main__.py", "_version.py", "errors.py"}
