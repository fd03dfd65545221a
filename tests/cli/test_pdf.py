"""`run --pdf`: the report printed by headless Chromium (installed by .ci/run)."""

from __future__ import annotations

import os
import re
import shutil
import unicodedata

import pandas as pd
import pytest
from pypdf import PdfReader

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
    text = [unicodedata.normalize("NFKC", page.extract_text())  # "ﬁ" ligatures to "fi"
            for page in PdfReader(out / "report.pdf").pages]
    first, rest = text[0], "\n".join(text[1:])
    assert "In sintesi" in first and "La risposta, in tre numeri" in first  # page 1: summary
    assert "Fondo solidale all'anno (€)" in first
    assert "Per configurazione" not in first and "Per configurazione" in rest
    summary = pd.read_csv(out / "summary.csv", index_col="configuration").loc["community"]
    for label, column in (("Energia condivisa (MWh)", "shared_mwh"),
                          ("Fondo solidale (€)", "fund_eur")):
        figure = re.search(re.escape(label) + r"\s*([\d.]+(?:,\d+)?)\n", rest)
        assert figure, f"{label} not in the PDF"
        written = float(figure[1].replace(".", "").replace(",", "."))  # Italian: 4.822 = 4822
        assert written == pytest.approx(summary[column], abs=0.5 if column == "fund_eur" else 0.05)
