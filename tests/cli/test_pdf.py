"""`run --pdf`: the report printed by headless Chromium (installed by .ci/run)."""

from __future__ import annotations

import os
import shutil

import pytest

from tests.conftest import TESTS
from twin.cli import main


def test_the_report_prints_to_a_pdf(tmp_path):
    if not shutil.which("chromium"):
        reason = "chromium not installed (.ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    out = tmp_path / "out"
    assert main(["run", str(TESTS / "data" / "scenarios" / "tiny.toml"), "--pdf", "--lang", "it",
                 "--out", str(out), "--quiet"]) == 0
    pdf = (out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) > 20_000
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 2  # summary, then detail
    assert (out / "report.html").is_file()
