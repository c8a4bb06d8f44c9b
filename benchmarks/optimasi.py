"""Benchmark of the allocation optimiser on synthetic plans, beside a plain PuLP model.

For every plan size and solver, one row: generating the plan, then
``sistemkerja.optimasi.optimasi`` (the domain model: build, hand-over, solve, status,
objective, bound, gaps, size) and ``benchmarks/plain_pulp.py`` (a hand-written PuLP model
of the core assignment with fewer rules). Run with ``make bench`` or::

    .venv/bin/python benchmarks/optimasi.py [--sizes 60 150 400 1000] [--solvers highs cbc]
        [--batas-waktu 30] [--seed 1] [--repeat 1]

``--sizes`` also takes the packaged samples ``unit`` and ``kecil``. Synthetic plans have
``n`` staff, ``2n`` activities and ``n // 10`` teams (``contoh.generate``). Progress goes to
stderr; the table, legend and checks to stdout.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

import plain_pulp

from sistemkerja import contoh
from sistemkerja.domain import Rencana
from sistemkerja.optimasi import Hasil, optimasi

try:  # the allocation checker is new; the benchmark runs without it
    from sistemkerja.optimasi.verifikasi import verifikasi_alokasi
except ImportError:  # pragma: no cover
    verifikasi_alokasi = None

SAMPLES = ("unit", "kecil")
TARGET_SIZE = 400
TARGET_GAP = 0.01  # relative
TARGET_GAP_EJ = 0.01  # EJ points
TARGET_SAMPLE_SECONDS = 1.0
BUILD_SHARE = 0.10  # "a small fraction" of solve time


@dataclass
class Row:
    """One (plan, solver) measurement."""

    label: str
    n_pegawai: int
    n_kegiatan: int
    n_tim: int
    solver: str
    load_seconds: float
    hasil: Hasil
    wall_seconds: float  # whole optimasi() call
    plain: plain_pulp.PlainResult
    warnings: list[str] = field(default_factory=list)
    violations: list[str] | None = None  # verifikasi_alokasi of the returned allocation

    @property
    def handover_seconds(self) -> float:
        """Time inside optimasi() counted neither as build nor as solve (s)."""
        return max(0.0, self.wall_seconds - self.hasil.build_seconds - self.hasil.solve_seconds)


def _size(text: str) -> str | int:
    if text in SAMPLES:
        return text
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"ukuran harus bilangan bulat atau salah satu dari {', '.join(SAMPLES)}"
        ) from None
    if n < 20:
        raise argparse.ArgumentTypeError("ukuran sintetis minimal 20 pegawai")
    return n


def _plan_maker(size: str | int, seed: int) -> Callable[[], Rencana]:
    if isinstance(size, str):
        return lambda: contoh.load(size)
    return lambda: contoh.generate(size, seed=seed, n_kegiatan=2 * size, n_tim=size // 10)


def _silence_highs_banner() -> None:
    """HiGHS prints a banner on stdout when the first ``Highs`` is made: make it now, muted."""
    try:
        import highspy
    except ImportError:
        return
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _run_domain(plan: Rencana, solver: str, args: argparse.Namespace) -> tuple[Hasil, float, list]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        began = time.perf_counter()
        hasil = optimasi(plan, solver=solver, batas_waktu=args.batas_waktu, celah=args.gap)
        wall = time.perf_counter() - began
    seen = sorted(
        {
            f"{w.category.__name__} {os.path.relpath(w.filename)}:{w.lineno}: {w.message}"
            for w in caught
        }
    )
    return hasil, wall, seen


def measure(
    size: str | int, solver: str, args: argparse.Namespace, plan: Rencana, load_s: float
) -> Row:
    """Run both models ``--repeat`` times; keep the run with the median solver seconds."""
    runs = []
    for _ in range(args.repeat):
        hasil, wall, seen = _run_domain(plan, solver, args)
        plain = plain_pulp.solve(plan, solver=solver, time_limit=args.batas_waktu, gap=args.gap)
        runs.append((hasil, wall, seen, plain))
    middle = statistics.median_low([r[0].solve_seconds for r in runs])
    hasil, wall, seen, _ = next(r for r in runs if r[0].solve_seconds == middle)
    middle = statistics.median_low([r[3].solve_seconds for r in runs])
    plain = next(r[3] for r in runs if r[3].solve_seconds == middle)
    violations = None
    if verifikasi_alokasi is not None and hasil.alokasi is not None:
        violations = verifikasi_alokasi(plan, hasil.alokasi)
    return Row(
        str(size),
        len(plan.pegawai),
        len(plan.kegiatan),
        len(plan.tim),
        solver,
        load_s,
        hasil,
        wall,
        plain,
        seen,
        violations,
    )


# ---- the table ------------------------------------------------------------------------

# (header, width, format function) per column, in three groups.
Column = tuple[str, int, Callable[[Row], str]]


def _num(value: float | None, spec: str) -> str:
    if value is None or not math.isfinite(value):
        return "-"
    return format(value, spec)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


COLUMNS: dict[str, list[Column]] = {
    "rencana": [
        ("pegawai", 7, lambda r: r.label if r.label in SAMPLES else str(r.n_pegawai)),
        ("keg", 5, lambda r: str(r.n_kegiatan)),
        ("tim", 4, lambda r: str(r.n_tim)),
        ("solver", 6, lambda r: r.solver),
        ("muat s", 6, lambda r: f"{r.load_seconds:.2f}"),
    ],
    "model sistemkerja.optimasi": [
        ("susun s", 7, lambda r: f"{r.hasil.build_seconds:.2f}"),
        ("serah s", 7, lambda r: f"{r.handover_seconds:.2f}"),
        ("solve s", 7, lambda r: f"{r.hasil.solve_seconds:.2f}"),
        ("status", 11, lambda r: r.hasil.status),
        ("tujuan", 8, lambda r: _num(r.hasil.objective, ".4f")),
        ("batas", 8, lambda r: _num(r.hasil.bound, ".4f")),
        ("celah", 7, lambda r: _pct(r.hasil.gap)),
        ("c.abs", 7, lambda r: _num(r.hasil.gap_absolute, ".4f")),
        ("c.EJ", 7, lambda r: _num(r.hasil.gap_in_units().get("ej_maks"), ".4f")),
        ("EJ maks", 7, lambda r: _num(r.hasil.components.get("ej_maks"), ".4f")),
        ("var", 7, lambda r: str(r.hasil.counts.get("variabel", "-"))),
        ("kendala", 7, lambda r: str(r.hasil.counts.get("kendala", "-"))),
    ],
    "PuLP polos (plain_pulp.py)": [
        ("susun s", 7, lambda r: f"{r.plain.build_seconds:.2f}"),
        ("solve s", 7, lambda r: f"{r.plain.solve_seconds:.2f}"),
        ("status", 12, lambda r: f"{r.plain.status}/{r.plain.sol_status}"),
        ("EJ maks", 7, lambda r: _num(r.plain.ej_maks, ".4f")),
        ("batas", 7, lambda r: _num(r.plain.bound, ".4f")),
        ("var", 7, lambda r: str(r.plain.n_variables)),
        ("kendala", 7, lambda r: str(r.plain.n_constraints)),
    ],
}
SEP = " | "


def header_lines() -> list[str]:
    groups, names = [], []
    for group, cols in COLUMNS.items():
        width = sum(w for _, w, _ in cols) + len(cols) - 1
        groups.append(f"{group:-^{width}}")
        names.append(" ".join(f"{h:>{w}}" for h, w, _ in cols))
    line = SEP.join(names)
    return [SEP.join(groups), line, "-" * len(line)]


def format_row(row: Row) -> str:
    return SEP.join(" ".join(f"{fn(row):>{w}}" for _, w, fn in cols) for cols in COLUMNS.values())


LEGEND = """\
Satuan: semua waktu detik dinding (s). muat = membuat rencana (contoh.generate / contoh.load).
  sistemkerja: susun = Hasil.build_seconds (build_masukan + precheck + greedy + build_model);
  serah = sisa waktu optimasi() di luar susun dan solve: membaca alokasi dan komponen,
  explain() bila tidak layak; solve = Hasil.solve_seconds (termasuk memuat larik model ke
  highspy, dan untuk CBC membuat LpProblem, menulis MPS dan membaca solusinya).
  tujuan, batas = nilai tujuan berbobot dan batas bawah terbukti (satuan tujuan);
  celah = Hasil.gap (relatif); c.abs = Hasil.gap_absolute (satuan tujuan);
  c.EJ = Hasil.gap_in_units()["ej_maks"] (poin EJ: celah ÷ bobot EJ maks);
  EJ maks = komponen ej_maks solusi (poin EJ); var/kendala = Hasil.counts.
  PuLP polos: susun = membangun LpProblem; solve = seluruh prob.solve() (termasuk
  buildSolverModel/tulis MPS); status = LpStatus/sol_status PuLP (1 terbukti optimal,
  2 ada solusi belum terbukti, 0 tidak ada solusi); EJ maks = tujuannya (poin EJ);
  batas = mip_dual_bound HiGHS (CBC lewat COIN_CMD tidak memberi batas)."""

NOTES = """\
Catatan: model PuLP polos sengaja lebih sederhana ("yang akan ditulis pengguna"): hanya
  cakupan, f <= y, satu Ketua per tim yang memerlukan, kapasitas, maks. tim, dan min EJ maks.
  Tanpa pagu/anggaran, penetapan, kebutuhan orang, ukuran tim, kontribusi minimal, aturan
  asal pegawai, biaya/lintas/deviasi/keanggotaan di tujuan; kegiatan individu dibagi seperti
  baris tim. Tujuannya hanya EJ maks, jadi 'tujuan' kedua model tidak sebanding; yang
  sebanding hanya kolom EJ maks. Karena model polos adalah relaksasi, EJ maks optimumnya
  tidak mungkin lebih besar dari EJ maks solusi sistemkerja. Tanpa warm start."""


# ---- targets and consistency checks ---------------------------------------------------


def target_lines(rows: list[Row], batas_waktu: float) -> list[str]:
    out = ["Sasaran (isu):"]
    target_rows = [r for r in rows if r.label == str(TARGET_SIZE)]
    if not target_rows:
        out.append(f"  {TARGET_SIZE} pegawai: tidak diukur (tambahkan {TARGET_SIZE} ke --sizes)")
    for r in target_rows:
        h = r.hasil
        gap_ej = h.gap_in_units().get("ej_maks")
        ok = (
            h.ok
            and h.solve_seconds <= 30.0 + 1.0
            and (
                (h.gap is not None and h.gap <= TARGET_GAP)
                or (gap_ej is not None and gap_ej <= TARGET_GAP_EJ)
            )
        )
        out.append(
            f"  {TARGET_SIZE} pegawai, {r.solver}: dalam 1 % atau 0,01 EJ dari batas dalam 30 s: "
            f"{'YA' if ok else 'TIDAK'} (status {h.status}, celah {_pct(h.gap)}, "
            f"{_num(gap_ej, '.4f')} EJ, solve {h.solve_seconds:.1f} s"
            + ("" if batas_waktu == 30 else f"; batas waktu run ini {batas_waktu:g} s")
            + ")"
        )
    sample = [r for r in rows if r.label == "unit"]
    if not sample:
        out.append("  unit contoh: tidak diukur (tambahkan 'unit' ke --sizes)")
    for r in sample:
        h = r.hasil
        ok = h.status == "optimal" and h.solve_seconds < TARGET_SAMPLE_SECONDS
        out.append(
            f"  unit contoh, {r.solver}: optimal terbukti dalam < 1 s: {'YA' if ok else 'TIDAK'} "
            f"(status {h.status}, solve {h.solve_seconds:.2f} s)"
        )
    shares = []
    for r in rows:
        spent = r.hasil.build_seconds + r.handover_seconds
        share = spent / r.hasil.solve_seconds if r.hasil.solve_seconds > 0 else math.inf
        mark = " (!)" if share > BUILD_SHARE and spent > 1.0 else ""
        shares.append(f"{r.label}/{r.solver} {share:.0%}{mark}")
    out.append(f"  (susun + serah) / solve, sasaran <= {BUILD_SHARE:.0%}: " + ", ".join(shares))
    return out


def check_lines(rows: list[Row], args: argparse.Namespace) -> list[str]:
    """Flag results that look wrong (status vs gap, bound vs objective, relaxation)."""
    out = []
    tol = 1e-6
    for r in rows:
        h, p, name = r.hasil, r.plain, f"{r.label}/{r.solver}"
        if h.status == "optimal" and h.gap is not None and h.gap > args.gap + tol:
            out.append(f"  {name}: status optimal tetapi celah {h.gap:.4%} > gap {args.gap:g}")
        if h.status == "feasible" and h.bound is None:
            out.append(f"  {name}: status feasible tanpa batas bawah (celah tidak diketahui)")
        if h.objective is not None and h.bound is not None and h.bound > h.objective + tol:
            out.append(f"  {name}: batas bawah {h.bound:.6f} > tujuan {h.objective:.6f}")
        if h.gap is not None and h.gap_absolute is not None and h.objective:
            expected = h.gap_absolute / max(abs(h.objective), 1e-9)
            if abs(expected - h.gap) > 1e-9:
                out.append(f"  {name}: Hasil.gap {h.gap} != gap_absolute/|tujuan| {expected}")
        if h.solve_seconds > args.batas_waktu + 5.0:
            out.append(
                f"  {name}: solver sistemkerja {h.solve_seconds:.1f} s, melewati batas waktu "
                f"{args.batas_waktu:g} s (+5 s watchdog)"
            )
        # HiGHS reports its own run time; for CBC only the whole prob.solve() is known.
        ran = p.solver_seconds if p.solver_seconds is not None else p.solve_seconds
        if ran > args.batas_waktu + 5.0:
            what = "HiGHS sendiri" if p.solver_seconds is not None else "prob.solve()"
            out.append(
                f"  {name}: model polos, {what} {ran:.1f} s, melewati timeLimit "
                f"{args.batas_waktu:g} s lebih dari 5 s"
            )
        if h.status in ("no_solution", "infeasible"):
            out.append(f"  {name}: sistemkerja tanpa alokasi ({h.status}: {h.message[:70]})")
        ej = h.components.get("ej_maks")
        plain_lower = p.bound if p.bound is not None else (p.ej_maks if p.sol_status == 1 else None)
        if ej is not None and plain_lower is not None and plain_lower > ej + 1e-6:
            out.append(
                f"  {name}: batas EJ model polos {plain_lower:.4f} > EJ maks sistemkerja "
                f"{ej:.4f}, padahal model polos relaksasinya"
            )
        if r.violations:
            out.append(
                f"  {name}: alokasi sistemkerja melanggar {len(r.violations)} aturan menurut "
                f"verifikasi_alokasi, mis. {r.violations[0][:90]}"
            )
        if p.status == "Optimal" and p.sol_status != 1:
            out.append(
                f"  {name}: PuLP melaporkan 'Optimal' untuk model polos, padahal sol_status "
                f"{p.sol_status} (belum terbukti)"
            )
    warned = sorted({w for r in rows for w in r.warnings})
    if warned:
        out.append("  Peringatan yang dipancarkan selama optimasi():")
        out += [f"    {w}" for w in warned]
    return ["Pemeriksaan:", *(out or ["  tidak ada yang janggal"])]


def _revision() -> str:
    """Commit of the working tree, with a mark when it has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "sistemkerja"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "tidak diketahui"
    return head + (" + perubahan belum di-commit di sistemkerja/" if dirty else "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=_size, nargs="+", default=[60, 150, 400, 1000])
    parser.add_argument("--solvers", nargs="+", choices=["highs", "cbc"], default=["highs", "cbc"])
    parser.add_argument("--batas-waktu", type=float, default=30.0, help="detik per solve")
    parser.add_argument("--gap", type=float, default=1e-4, help="celah relatif untuk berhenti")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)

    _silence_highs_banner()
    began = time.perf_counter()
    print(
        f"Optimasi: batas waktu {args.batas_waktu:g} s per solve, gap {args.gap:g}, "
        f"seed {args.seed}, ulangan {args.repeat}, {os.cpu_count()} CPU, "
        f"Python {sys.version.split()[0]}; sistemkerja {_revision()}"
    )
    for line in header_lines():
        print(line, flush=True)
    rows = []
    for size in args.sizes:
        make = _plan_maker(size, args.seed)
        load_s = math.inf
        for _ in range(args.repeat):
            start = time.perf_counter()
            plan = make()
            load_s = min(load_s, time.perf_counter() - start)
        for solver in args.solvers:
            print(f"  ... {size} pegawai, {solver}", file=sys.stderr, flush=True)
            row = measure(size, solver, args, plan, load_s)
            rows.append(row)
            print(format_row(row), flush=True)
    print()
    print(LEGEND)
    print(NOTES)
    print()
    print("\n".join(target_lines(rows, args.batas_waktu)))
    print("\n".join(check_lines(rows, args)))
    print(f"\nTotal {time.perf_counter() - began:.0f} s.")


if __name__ == "__main__":
    main()
