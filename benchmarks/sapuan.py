"""Wall time of a scenario sweep of the sample unit: 1 and 2 Dask workers, then warm cache.

The sweep: ``--jumlah`` scenarios (default 100), each the sample unit with the whole
unit's pagu scaled by its own factor (0,800 … 0,999, all distinct, so every scenario has
its own cache key), plus the base plan, solved with HiGHS (one thread per solve, 60 s
limit, 1 % gap) against the base plan's allocation, as ``sistemkerja skenario`` does.

Runs, each in a fresh output folder except the last, and each in a fresh Python
process (so every cold run pays the same start-up: interpreter, imports, the local
cluster's forkserver):

1. cold, a LocalCluster of 1 worker;
2. cold, a LocalCluster of 2 workers;
3. warm: run 2 again on its folder (every scenario from the cache, no worker started).

Prints one table: wall seconds, scenarios solved, seconds per scenario, speed-up against
1 worker and the warm run as a share of the cold one. ``--dokumen`` also renders each
scenario's result workbook and report on the workers (as the CLI does by default). Run::

    .venv/bin/python benchmarks/sapuan.py [--jumlah 100] [--dokumen]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from sistemkerja import contoh
from sistemkerja.domain.skenario import PaguDikali, PengaturanSolver, Sapuan, Skenario
from sistemkerja.sapuan import jalankan_sapuan


def sweep(n: int) -> Sapuan:
    factors = [round(0.8 + 0.199 * i / max(1, n - 1), 4) for i in range(n)]
    assert len(set(factors)) == n
    return Sapuan(
        tuple(Skenario(f"Pagu × {f:.4f}", perubahan=(PaguDikali(f),)) for f in factors),
        pengaturan=PengaturanSolver(batas_waktu=60, celah=0.01),
    )


def run(plan, s: Sapuan, out: Path, workers: int, dokumen: bool) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    result = jalankan_sapuan(plan, s, out, pekerja=workers, dokumen=dokumen)
    wall = time.perf_counter() - t0
    bad = sum(not h.ok for h in result.hasil)
    return wall, result.dihitung, bad


def _one(args: argparse.Namespace) -> None:
    """Child process: one run, its figures as JSON on the last line of stdout."""
    import json

    wall, solved, bad = run(
        contoh.load("unit"), sweep(args.jumlah), Path(args.keluaran), args.pekerja, args.dokumen
    )
    print(json.dumps([wall, solved, bad]))


def _fresh(args: argparse.Namespace, out: Path, workers: int) -> tuple[float, int, int]:
    """Run one sweep in a new Python process; return (wall s, solved, without a plan)."""
    import json
    import subprocess
    import sys

    cmd = [sys.executable, __file__, "--jumlah", str(args.jumlah), "--pekerja", str(workers)]
    cmd += ["--keluaran", str(out)] + (["--dokumen"] if args.dokumen else [])
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    wall, solved, bad = json.loads(done.stdout.strip().splitlines()[-1])
    return float(wall), int(solved), int(bad)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jumlah", type=int, default=100)
    parser.add_argument("--dokumen", action="store_true")
    parser.add_argument("--pekerja", type=int, help=argparse.SUPPRESS)  # child process
    parser.add_argument("--keluaran", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.keluaran:
        _one(args)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        one = _fresh(args, Path(tmp) / "satu", 1)
        two = _fresh(args, Path(tmp) / "dua", 2)
        warm = _fresh(args, Path(tmp) / "dua", 2)
    total = args.jumlah + 1
    rows.append(("dingin, 1 pekerja", *one, "1,00×", ""))
    rows.append(("dingin, 2 pekerja", *two, f"{one[0] / two[0]:.2f}×".replace(".", ","), ""))
    share = f"{100 * warm[0] / two[0]:.1f} %".replace(".", ",")
    rows.append(("hangat (tembolok), 2 pekerja", *warm, "", share))
    docs = "dengan" if args.dokumen else "tanpa"
    print(f"\nSapuan {total} skenario unit contoh (rencana dasar termasuk), {docs} dokumen")
    head = (
        f"{'run':<30} {'detik':>8} {'dihitung':>9} {'tanpa rencana':>14} "
        f"{'detik/skenario':>15} {'percepatan':>11} {'vs dingin':>10}"
    )
    print(head)
    print("-" * len(head))
    for name, wall, solved, bad, speed, share in rows:
        per = f"{wall / total:.2f}"
        print(f"{name:<30} {wall:>8.1f} {solved:>9} {bad:>14} {per:>15} {speed:>11} {share:>10}")


if __name__ == "__main__":
    main()
