"""Interactive speed of the stage 4 panel (``sistemkerja.ui.mph.PanelMPH``), headless.

Target (issue 10): the "Optimasi" click to the MPH on screen, with the default settings,
under 5 s on the sample unit. For each of ``--repeat`` runs the benchmark writes the sample
plan to a fresh workbook, opens it with ``ModelRencana``, builds the panel, clicks
Optimasi (``button.click()``) and measures, from the click, when

- the MPH level 1 table widget was filled (the target),
- the workload and budget charts were drawn (the worker thread ended),
- the state left ``berjalan`` (the panel renders the result before the state turns
  ``selesai``, so a browser test waiting on ``sk-keadaan-selesai`` finds it drawn),

then the one-click export (result and document workbooks, HTML report) and a dialog
kinerja price ("Hitung harga": a re-solve with one Ketua pin) to the cost shown. Prints
one table: median, fastest and slowest of the runs (wall-clock seconds). Run with::

    .venv/bin/python benchmarks/ui_mph.py [--contoh unit] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from pathlib import Path

from sistemkerja import contoh
from sistemkerja.domain.enums import Peran
from sistemkerja.io import write_plan
from sistemkerja.ui.mph import PanelMPH
from sistemkerja.ui.rencana import ModelRencana


def _once(name: str, folder: Path, i: int) -> dict[str, float]:
    path = folder / f"rencana_{i}.xlsx"
    write_plan(contoh.load(name), path)
    t0 = time.perf_counter()
    model = ModelRencana.buka(path)
    t_open = time.perf_counter() - t0
    t0 = time.perf_counter()
    panel = PanelMPH(model)
    t_build = time.perf_counter() - t0

    marks: dict[str, float] = {}
    mph_filled = threading.Event()

    def on_mph(change: dict) -> None:
        if "<table" in change["new"] and "mph" not in marks:
            marks["mph"] = time.perf_counter()
            mph_filled.set()

    def on_state(change: dict) -> None:
        if change["old"] == "berjalan":
            marks["solve"] = time.perf_counter()

    panel.mph1.observe(on_mph, names="value")
    panel.optimasi.observe(on_state, names="keadaan")
    click = time.perf_counter()
    panel.panel_optimasi.tombol_optimasi.click()
    assert mph_filled.wait(600), panel.panel_optimasi.status.value
    assert panel.optimasi.tunggu(600)
    done = time.perf_counter()
    hasil = panel.optimasi.hasil
    assert hasil is not None and hasil.ok, panel.panel_optimasi.status.value

    t0 = time.perf_counter()
    files = panel.ekspor()
    t_export = time.perf_counter() - t0
    assert len(files) == 3, panel.pesan_ekspor.value

    # price one pin: the second team's Ketua leads the first team too
    alokasi = hasil.alokasi
    assert alokasi is not None
    teams = [t.code for t in model.rencana.tim]
    panel.pilih_pegawai.value = alokasi.ketua()[teams[1]]
    panel.pilih_peran.value = Peran.KETUA
    panel.pilih_tim_pin.value = teams[0]
    t0 = time.perf_counter()
    assert panel.hitung_harga(), panel.pesan_dialog.value
    assert panel.harga.tunggu(600)
    t_harga = time.perf_counter() - t0
    assert panel.harga.keadaan == "selesai", panel.harga.pesan
    return {
        "buka": t_open,
        "panel": t_build,
        "solve": marks["solve"] - click,
        "mph": marks["mph"] - click,
        "grafik": done - click,
        "optimasi": hasil.total_seconds,
        "ekspor": t_export,
        "harga": t_harga,
    }


LABELS = {
    "buka": "buka rencana (ModelRencana.buka)",
    "panel": "bangun PanelMPH",
    "mph": "klik Optimasi → tabel MPH terisi (target < 5 s)",
    "grafik": "klik Optimasi → thread pengoptimal selesai (grafik: saat tabnya dibuka)",
    "solve": "klik Optimasi → keadaan 'selesai'",
    "optimasi": "  di antaranya optimasi() sendiri (Hasil.total_seconds)",
    "ekspor": "Ekspor (hasil.xlsx, dokumen.xlsx, laporan.html)",
    "harga": "Hitung harga (optimasi ulang dengan 1 penetapan Ketua)",
}


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--contoh", default="unit", help="sample plan: unit or kecil")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            runs.append(_once(args.contoh, Path(tmp), i))
    plan = contoh.load(args.contoh)
    print(
        f"PanelMPH, contoh '{args.contoh}' ({len(plan.pegawai)} pegawai, {len(plan.tim)} tim, "
        f"{len(plan.kegiatan)} kegiatan), pengaturan bawaan, {args.repeat} kali; detik"
    )
    width = max(len(v) for v in LABELS.values())
    header = f"{'langkah':<{width}} {'median':>8} {'min':>8} {'maks':>8}"
    print(header)
    print("-" * len(header))
    for key, label in LABELS.items():
        values = [r[key] for r in runs]
        print(
            f"{label:<{width}} {statistics.median(values):>8.2f} {min(values):>8.2f} "
            f"{max(values):>8.2f}"
        )


if __name__ == "__main__":
    main()
