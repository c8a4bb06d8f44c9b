"""Benchmarks of the plan layer: generate, validate, write and read plan workbooks.

Run with ``make bench`` (or ``.venv/bin/python benchmarks/run.py [--sizes 60 150 ...]``);
prints one table. Times are wall-clock seconds, best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sistemkerja import contoh
from sistemkerja.io import read_plan, write_plan


def _best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    best = float("inf")
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 150, 400, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    header = (
        f"{'pegawai':>8} {'kegiatan':>9} {'baris':>7} {'buat s':>8} {'validasi s':>11} "
        f"{'tulis s':>8} {'baca s':>8} {'KB':>7}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            t_gen, plan = _best(lambda n=n: contoh.generate(n, seed=1), args.repeat)
            t_val, problems = _best(plan.validate, args.repeat)
            assert not [p for p in problems if p.is_error]
            path = Path(tmp) / f"rencana_{n}.xlsx"
            t_write, _ = _best(lambda p=plan, f=path: write_plan(p, f), args.repeat)
            t_read, back = _best(lambda f=path: read_plan(f), args.repeat)
            assert back == plan
            rows = sum(
                len(getattr(plan, a))
                for a in ("pegawai", "kegiatan", "beban", "anggaran", "kebutuhan_peran")
            )
            size_kb = path.stat().st_size / 1024
            print(
                f"{n:>8} {len(plan.kegiatan):>9} {rows:>7} {t_gen:>8.3f} {t_val:>11.3f} "
                f"{t_write:>8.3f} {t_read:>8.3f} {size_kb:>7.0f}"
            )


if __name__ == "__main__":
    main()
