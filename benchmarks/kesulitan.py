"""Why the sample unit is hard to *prove* optimal: rule-by-rule ablation and the LP bound.

The optimiser finds a plan within 1 % of the bound on the sample unit in about a second
but does not prove the optimum in 30 s (``benchmarks/optimasi.py``). This benchmark
measures where the difficulty lies, so the speed targets can be judged on evidence:

* the **LP relaxation** of the full model (every binary made continuous): its optimum is
  the weakest valid lower bound; the distance from it to the best plan found is the
  integrality gap the solver has to close by cuts and branching;
* the same plan solved with one rule or weight switched off at a time (each row states
  which), with status, gap and seconds.

Run with::

    .venv/bin/python benchmarks/kesulitan.py [--batas-waktu 10] [--rencana unit]

Prints one table to stdout. Nothing here is a test: it only measures.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from collections.abc import Callable

from sistemkerja import contoh
from sistemkerja.domain import Rencana
from sistemkerja.optimasi import optimasi
from sistemkerja.optimasi.masukan import build_masukan
from sistemkerja.optimasi.model import build_model
from sistemkerja.optimasi.solver import solve_model
from sistemkerja.optimasi.tenggat import Tenggat

Variant = tuple[str, Callable[[Rencana], Rencana]]


def _policy(**changes: float) -> Callable[[Rencana], Rencana]:
    return lambda plan: plan.with_changes(kebijakan=dataclasses.replace(plan.kebijakan, **changes))


def _no_size_max(plan: Rencana) -> Rencana:
    return plan.with_changes(tim=[dataclasses.replace(t, size_max=None) for t in plan.tim])


def _free(plan: Rencana) -> Rencana:
    plan = _no_size_max(plan)
    return _policy(max_tim_per_pegawai=99, min_jam_anggota=0.0, bobot_keanggotaan=0.0)(plan)


WEIGHTS = ("bobot_ej_maks", "bobot_ej_jabatan", "bobot_deviasi", "bobot_biaya", "bobot_lintas")

VARIANTS: list[Variant] = [
    ("bawaan (semua aturan, bobot bawaan)", lambda plan: plan),
    ("tanpa ukuran tim maksimal", _no_size_max),
    ("tanpa kontribusi minimal anggota", _policy(min_jam_anggota=0.0)),
    ("maks. tim per pegawai 99", _policy(max_tim_per_pegawai=99)),
    ("bobot_keanggotaan = 0", _policy(bobot_keanggotaan=0.0)),
    ("bobot_ej_jabatan = 0", _policy(bobot_ej_jabatan=0.0)),
    ("bobot_deviasi = 0", _policy(bobot_deviasi=0.0)),
    ("hanya EJ maks", _policy(**{w: 0.0 for w in WEIGHTS[1:]}, bobot_keanggotaan=0.0)),
    ("hanya biaya", _policy(**{w: 0.0 for w in WEIGHTS if w != "bobot_biaya"})),
    ("tanpa ukuran maks., kontribusi min., maks. tim, keanggotaan", _free),
    (
        "... lalu ukuran tim maksimal dikembalikan",
        _policy(max_tim_per_pegawai=99, min_jam_anggota=0.0, bobot_keanggotaan=0.0),
    ),
]


def valid_rows_effect(plan: Rencana, seconds: float, celah: float) -> None:
    """Print the LP bound and the solve with and without the valid rows of ``kendala``."""
    from sistemkerja.optimasi import kendala

    print("\nBaris sah tambahan (kendala.VALID_ROWS): dengan vs tanpa")
    for flag in (True, False):
        kendala.VALID_ROWS = flag
        try:
            relaxed, _ = lp_bound(plan)
            h = optimasi(plan, batas_waktu=seconds, celah=celah, prioritas="bobot")
        finally:
            kendala.VALID_ROWS = True
        gap = "-" if h.gap is None else f"{h.gap:.2%}"
        print(
            f"  {'dengan' if flag else 'tanpa '}: relaksasi LP {relaxed:.4f}; rencana "
            f"{h.objective:.4f}, batas {h.bound:.4f}, celah {gap}, {h.total_seconds:.1f} s"
        )


def lp_bound(plan: Rencana) -> tuple[float | None, float]:
    """Optimum of the LP relaxation of the full model, and its seconds (HiGHS)."""
    model = build_model(build_masukan(plan))
    model.relax()
    began = time.perf_counter()
    outcome = solve_model(model, Tenggat(60.0), solver="highs")
    return outcome.objective, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--batas-waktu", type=float, default=10.0, help="detik per varian")
    parser.add_argument("--rencana", default="unit", help="unit, kecil, atau jumlah pegawai")
    parser.add_argument("--celah", type=float, default=1e-4, help="celah berhenti (pecahan)")
    parser.add_argument("--prioritas", default="bobot", choices=("bobot", "pemerataan"))
    parser.add_argument(
        "--baris-sah", action="store_true", help="hanya ukur baris sah tambahan (dengan/tanpa)"
    )
    args = parser.parse_args()
    base = (
        contoh.load(args.rencana)
        if args.rencana in ("unit", "kecil")
        else contoh.generate(int(args.rencana), seed=1)
    )
    if args.baris_sah:
        valid_rows_effect(base, args.batas_waktu, args.celah)
        return
    head = f"{'varian':60s} {'status':10s} {'tujuan':>9s} {'batas':>9s} {'celah':>7s} {'detik':>6s}"
    print(f"Rencana: {args.rencana}; batas waktu {args.batas_waktu:g} s per varian; HiGHS\n")
    print(head)
    print("-" * len(head))
    best = None
    for label, change in VARIANTS:
        plan = change(base)
        began = time.perf_counter()
        hasil = optimasi(
            plan, batas_waktu=args.batas_waktu, celah=args.celah, prioritas=args.prioritas
        )
        seconds = time.perf_counter() - began
        if best is None:
            best = hasil
        gap = "-" if hasil.gap is None else f"{hasil.gap:.2%}"
        objective = "-" if hasil.objective is None else f"{hasil.objective:.4f}"
        bound = "-" if hasil.bound is None else f"{hasil.bound:.4f}"
        print(
            f"{label:60s} {hasil.status:10s} {objective:>9s} {bound:>9s} {gap:>7s} {seconds:6.2f}"
        )
    relaxed, lp_seconds = lp_bound(base)
    print()
    if best is None or best.objective is None or best.bound is None or relaxed is None:
        print(f"Relaksasi LP (aturan bawaan): {relaxed} dalam {lp_seconds:.2f} s")
        return
    print(
        f"Relaksasi LP (aturan bawaan): {relaxed:.4f} dalam {lp_seconds:.2f} s.\n"
        f"Optimum terletak di [{best.bound:.4f}, {best.objective:.4f}], jadi celah "
        f"integralitas ≥ {best.bound - relaxed:.4f} "
        f"(≥ {(best.bound - relaxed) / best.objective:.2%} dari rencana terbaik): "
        "sebanyak itu batas bawah harus dinaikkan oleh potongan dan pencabangan\n"
        "sebelum optimum terbukti."
    )


if __name__ == "__main__":
    main()
