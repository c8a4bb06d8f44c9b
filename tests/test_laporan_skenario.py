"""The per-scenario report: the package function, and the notebook run by papermill."""

from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
import pytest
from nbconvert import HTMLExporter

from sistemkerja import contoh
from sistemkerja.domain.skenario import PaguDikali, PengaturanSolver, Sapuan, Skenario
from sistemkerja.io.skenario import tulis_sapuan
from sistemkerja.sapuan import NAMA_DASAR, jalankan_sapuan
from sistemkerja.sapuan.laporan import laporan_skenario

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "laporan_skenario.ipynb"
SAPUAN = Sapuan(
    (
        Skenario("Pagu −5 %", "Pagu seluruh unit dipotong 5 %.", (PaguDikali(0.95),)),
        Skenario("Pagu −10 %", perubahan=(PaguDikali(0.9),)),
    ),
    rencana="contoh:kecil",
    pengaturan=PengaturanSolver(batas_waktu=60, celah=0.01),
)


def test_report_takes_what_the_sweep_solved_and_solves_only_what_is_missing(tmp_path):
    out = tmp_path / "hasil"
    first = laporan_skenario(SAPUAN, out, "Pagu −10 %", dokumen=False)
    assert first.dihitung == 2  # base and scenario, written where the sweep puts them
    assert first.hasil.ok and first.dasar.nama == NAMA_DASAR
    assert list(first.banding["skenario"]) == [NAMA_DASAR, "Pagu −10 %"]
    assert first.perubahan == ["Pagu dikali faktor: faktor 0,9 (seluruh unit)"]
    sweep = jalankan_sapuan(contoh.load("kecil"), SAPUAN, out, pekerja=0, dokumen=False)
    assert sweep.dihitung == 1  # only "Pagu −5 %": the report's two results were reused
    again = laporan_skenario(SAPUAN, out, "Pagu −10 %", dokumen=False)
    assert again.dihitung == 0 and again.hasil.as_dict() == first.hasil.as_dict()
    with pytest.raises(KeyError, match="yang ada: Rencana dasar, Pagu −5 %, Pagu −10 %"):
        laporan_skenario(SAPUAN, out, "Tidak ada")


def test_papermill_produces_a_report_for_the_scenario_it_is_given(tmp_path):
    sweep_file = tulis_sapuan(SAPUAN, tmp_path / "sapuan.yaml")
    output = tmp_path / "laporan-pagu.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(output),
        parameters={
            "sapuan": str(sweep_file),
            "keluaran": str(tmp_path / "hasil"),
            "skenario": "Pagu −5 %",
            "dokumen": True,
        },
        kernel_name="python3",
        cwd=str(tmp_path),
        progress_bar=False,
    )
    nb = nbformat.read(output, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and 'skenario = "Pagu \\u22125 %"' in injected[0].source
    errors = [
        o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"
    ]
    assert errors == []
    body, _ = HTMLExporter(exclude_input=True).from_notebook_node(nb)
    assert "Pagu −5 %" in body and "Pagu seluruh unit dipotong 5 %." in body
    assert "Rencana dasar" in body and "EJ tertinggi" in body
    assert body.count("data:image/png;base64") >= 2  # the comparison and the load chart
    folder = tmp_path / "hasil" / "skenario" / "01-pagu-5"
    assert (folder / "hasil.xlsx").is_file() and (folder / "laporan.html").is_file()
