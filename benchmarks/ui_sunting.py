"""Interactive speed of a grid edit in the widget suite, headless, on the sample unit.

Target (issue 10): a grid edit validated and shown in under 100 ms on the sample unit. The
benchmark opens the whole app (``sistemkerja.ui.aplikasi.Aplikasi``) on a fresh copy of the
sample unit with every tab built, so every view that follows the plan redraws on each edit
(stage summaries, totals against pagu, the MPH "outdated" mark, the workload tab), and
edits grid cells as a user does (``DataGrid.set_cell_value_by_index``: the same callback a
browser edit reaches). Each edit is timed from the cell change to the grid, the message
line and every observer done, the autosave (atomic write of the workbook) included.

Rows: the edit, before and after an optimiser result is on screen (after it, the workload
tab re-checks its allocation on every edit), and the plan model alone with autosave off
(the check without the write). The Gantt is redrawn only when its tab is shown and months
or names changed, in the background: a month edit is shown first, the chart follows (two
rows: the edit shown, and until the chart is drawn). Prints one
table, median / fastest / slowest of ``--repeat`` edits (milliseconds). Run with::

    .venv/bin/python benchmarks/ui_sunting.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sistemkerja.domain import skema
from sistemkerja.ui.aplikasi import TAB, Aplikasi
from sistemkerja.ui.rencana import ModelRencana


def _ms(
    fn: Callable[[int], object], repeat: int, before: Callable[[], object] = lambda: None
) -> tuple[float, float, float]:
    times = []
    for i in range(repeat):
        before()  # not timed: e.g. the previous edit's chart still drawing
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times), max(times)


def _column(sheet: str, header: str) -> str:
    lembar = skema.lembar_of(sheet)
    assert any(k.header == header for k in lembar.columns), header
    return header


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    rows: list[tuple[str, tuple[float, float, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        model = ModelRencana.buka(Path(tmp) / "rencana.xlsx", contoh="unit")
        app = Aplikasi(model)
        for title, _make in TAB:
            app.buka_tab(title)
        pk, strategi, kegiatan = (
            app.panel[t] for t in ("1 PK", "2 Strategi", "3 Kegiatan & Anggaran")
        )
        plan = model.rencana
        ind = pk.editor["Indikator"]
        peg = strategi.editor["Pegawai"]
        beban = kegiatan.editor["Beban Kegiatan"]
        keg = kegiatan.editor["Kegiatan"]
        target = _column("Indikator", "Target")
        terikat = _column("Pegawai", "Jam terikat")
        volume = _column("Beban Kegiatan", "Volume")
        selesai = _column("Kegiatan", "Bulan selesai")
        base_volume = plan.beban[0].volume
        base_terikat = plan.pegawai[5].committed_hours

        def edits(label: str) -> None:
            # Each edit is made on its own tab, as a user makes it.
            app.buka_tab("1 PK")
            rows.append(
                (
                    f"Target indikator (PK) {label}",
                    _ms(
                        lambda i: ind.grid.set_cell_value_by_index(target, 0, f"{90 + i % 2} %"),
                        args.repeat,
                    ),
                )
            )
            app.buka_tab("2 Strategi")
            rows.append(
                (
                    f"Jam terikat pegawai (Strategi) {label}",
                    _ms(
                        lambda i: peg.grid.set_cell_value_by_index(
                            terikat, 5, f"{base_terikat + 10 * (i % 2 + 1):g}"
                        ),
                        args.repeat,
                    ),
                )
            )
            app.buka_tab("3 Kegiatan & Anggaran")
            rows.append(
                (
                    f"Volume beban kegiatan (Kegiatan) {label}",
                    _ms(
                        lambda i: beban.grid.set_cell_value_by_index(
                            volume, 0, f"{base_volume + i % 2 + 1:g}"
                        ),
                        args.repeat,
                    ),
                )
            )

        edits("— sebelum optimasi")
        mph = app.buka_tab("4 MPH")
        mph.panel_optimasi.mulai()
        app.model_optimasi.tunggu()
        assert app.model_optimasi.hasil is not None
        edits("— hasil optimasi tampil")

        app.buka_tab("3 Kegiatan & Anggaran")
        kegiatan.hasil.selected_index = 0  # the Gantt tab shown: month edits redraw it
        rows.append(
            (
                "Bulan selesai kegiatan, Gantt tampil (gambar menyusul)",
                _ms(
                    lambda i: keg.grid.set_cell_value_by_index(selesai, 0, str(5 + i % 2)),
                    args.repeat,
                    kegiatan.tunggu_gantt,
                ),
            )
        )

        def month_and_gantt(i: int) -> None:
            keg.grid.set_cell_value_by_index(selesai, 0, str(7 + i % 2))
            kegiatan.tunggu_gantt()

        rows.append(
            (
                "Bulan selesai kegiatan, sampai Gantt tergambar ulang",
                _ms(month_and_gantt, args.repeat),
            )
        )
        model.simpan_otomatis = False
        rows.append(
            (
                "Model rencana saja, tanpa simpan otomatis",
                _ms(
                    lambda i: model.sunting("Indikator", "IK-1.1", "Target", f"{90 + i % 2} %"),
                    args.repeat,
                ),
            )
        )

    width = max(len(label) for label, _ in rows)
    print(f"Penyuntingan sel pada unit contoh ({args.repeat} kali per baris; milidetik)")
    print(f"{'Suntingan':<{width}}  {'median':>7}  {'tercepat':>8}  {'terlambat':>9}")
    for label, (med, lo, hi) in rows:
        print(f"{label:<{width}}  {med:>7.0f}  {lo:>8.0f}  {hi:>9.0f}")


if __name__ == "__main__":
    main()
