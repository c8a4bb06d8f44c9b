"""Time to the official documents (issue 11) of the sample unit, from a fixed allocation.

For each of ``--repeat`` runs: compute every result table of the plan under the stored
allocation of the tests (``tests/data/alokasi_unit.json``: the MPH in both forms, RHK with
their IKI and RHK tambahan, the checks, the ABK per jabatan and jenjang…), then write the
document workbook (MPH, long SKP sheet, ABK recap and forms, budget, schedule), the SKP
workbook (one sheet per person and the unit head's, evidence plans per team) and the
result workbook. Prints one table: median, fastest and slowest (wall-clock seconds), and
the sheets and size of each workbook. Run with::

    .venv/bin/python benchmarks/dokumen.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from alokasi_tetap import load as alokasi_tetap  # noqa: E402

from sistemkerja import contoh  # noqa: E402
from sistemkerja.io import new_workbook, save_atomic  # noqa: E402
from sistemkerja.laporan.skp import write_skp_tabel  # noqa: E402
from sistemkerja.laporan.tabel import hitung_tabel_alokasi  # noqa: E402
from sistemkerja.laporan.xlsx import tulis_dokumen, write_result_workbook  # noqa: E402


def _once(folder: Path, i: int) -> dict[str, float]:
    plan, alokasi = contoh.load("unit"), alokasi_tetap()
    times = {}
    t0 = time.perf_counter()
    tabel = hitung_tabel_alokasi(plan, alokasi)
    times["tabel hasil (MPH, RHK/IKI, ABK…)"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    wb = new_workbook()
    tulis_dokumen(wb, tabel)
    save_atomic(wb, folder / f"dokumen_{i}.xlsx")
    times["dokumen.xlsx"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_skp_tabel(tabel, folder / f"skp_{i}.xlsx")
    times["skp.xlsx"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_result_workbook(tabel, folder / f"hasil_{i}.xlsx")
    times["hasil.xlsx (tabel + dokumen + rencana)"] = time.perf_counter() - t0
    return times


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        runs = [_once(folder, i) for i in range(args.repeat)]
        print(f"Dokumen resmi unit contoh (65 pegawai), {args.repeat} kali; detik")
        print(f"{'Langkah':<40} {'median':>7} {'tercepat':>9} {'terlambat':>10}")
        for key in runs[0]:
            xs = [r[key] for r in runs]
            print(f"{key:<40} {statistics.median(xs):>7.2f} {min(xs):>9.2f} {max(xs):>10.2f}")
        for name in ("dokumen_0", "skp_0", "hasil_0"):
            path = folder / f"{name}.xlsx"
            sheets = len(openpyxl.load_workbook(path, read_only=True).sheetnames)
            print(f"{path.name:<16} {sheets:>4} lembar {path.stat().st_size / 1024:>8.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
