"""The optimiser pipeline.

validate → input → pre-checks → warm start → build (:mod:`.model`, :mod:`.kendala`,
:mod:`.tujuan`) → solve (:mod:`.solver`, :mod:`.heuristik`) → (explain when infeasible,
:mod:`.penjelasan`) → result (:class:`~sistemkerja.optimasi.hasil.Hasil`).
"""

from __future__ import annotations

import math
import os
from typing import Literal

from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.masalah import PlanError
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.cek import Penjelasan, precheck
from sistemkerja.optimasi.greedy import from_alokasi, greedy, open_teams
from sistemkerja.optimasi.hasil import Hasil
from sistemkerja.optimasi.heuristik import plan_from_start
from sistemkerja.optimasi.masukan import Masukan, build_masukan
from sistemkerja.optimasi.model import Model, build_model, value
from sistemkerja.optimasi.penjelasan import explain
from sistemkerja.optimasi.solver import SolveOutcome, SolverName, solve_model
from sistemkerja.optimasi.solver.celah import relative_gap
from sistemkerja.optimasi.status import Status
from sistemkerja.optimasi.tenggat import Progress, Tenggat, TokenBatal

TOL = 1e-6
Prioritas = Literal["pemerataan", "bobot"]
TOLERANSI_EJ = 0.005
"""How far above the lowest highest-EJ the second stage of ``pemerataan`` may go (EJ)."""
TAHAP1_SHARE = 0.5
"""Largest share of the time limit for the first stage of ``pemerataan``."""
MAX_THREADS = os.cpu_count() or 1
"""Most solver threads accepted (the machine's cores)."""


def _check_inputs(batas_waktu: float, celah: float | None, threads: int | None) -> None:
    if not isinstance(batas_waktu, int | float) or not math.isfinite(batas_waktu):
        raise ValueError(f"batas_waktu harus bilangan terhingga (detik), bukan {batas_waktu!r}")
    if batas_waktu <= 0:
        raise ValueError(f"batas_waktu harus lebih dari 0 detik, bukan {batas_waktu!r}")
    if celah is not None and not (isinstance(celah, int | float) and 0 <= celah < 1):
        raise ValueError(f"celah harus pecahan dari 0 sampai kurang dari 1, bukan {celah!r}")
    if threads is not None and (
        not isinstance(threads, int) or isinstance(threads, bool) or threads < 1
    ):
        raise ValueError(f"threads harus bilangan bulat minimal 1, bukan {threads!r}")


def _check_not_empty(plan: Rencana) -> None:
    missing = []
    if not plan.pegawai:
        missing.append("pegawai (lembar Pegawai)")
    if not plan.kegiatan:
        missing.append("kegiatan (lembar Kegiatan)")
    if not plan.beban:
        missing.append("beban kerja kegiatan (lembar Beban)")
    if missing:
        raise ValueError(
            "Rencana kosong: tidak ada " + ", ".join(missing) + "; tidak ada yang dioptimalkan"
        )


def optimasi(
    plan: Rencana,
    *,
    solver: SolverName = "highs",
    batas_waktu: float = 60.0,
    celah: float | None = None,
    prioritas: Prioritas | None = None,
    toleransi_ej: float = TOLERANSI_EJ,
    threads: int | None = None,
    log: bool = False,
    warm_start: bool = True,
    progress: Progress | None = None,
    batal: TokenBatal | None = None,
    acuan: Alokasi | None = None,
    jelaskan: bool = True,
) -> Hasil:
    """Assign staff to teams, Ketua Tim roles and activities.

    Parameters
    ----------
    plan : Rencana
        A plan without validation errors (warnings are fine).
    solver : {"highs", "cbc"}
        MILP solver.
    batas_waktu : float
        Wall-clock time limit of the whole solve, every stage included (s); finite, > 0.
    celah : float, optional
        Relative gap at which to stop (fraction, 0 ≤ celah < 1); default the Kebijakan's
        ``celah`` [0,01 = 1 %]. The run stops at this proven gap or at the time limit,
        whichever comes first.
    prioritas : {"pemerataan", "bobot"}, optional
        Default the Kebijakan's ``prioritas``. ``pemerataan``: first minimise the highest
        EJ (and prove it when time allows), then the weighted objective with the highest
        EJ held within ``toleransi_ej`` of that value; ``bobot``: the weighted objective
        alone.
    toleransi_ej : float
        How far above the stage-1 highest EJ the second stage may go (EJ) [0,005].
    threads : int, optional
        Solver threads (≥ 1; more than the machine's cores are capped to that number).
    log : bool
        Show the solver's log.
    warm_start : bool
        Build starting allocations (greedy, and guided by the LP relaxation; see
        ``docs/optimasi.md``). ``False`` hands the bare model to the solver.
    progress : callable, optional
        Called with a :class:`~sistemkerja.optimasi.tenggat.Kemajuan` at least once a
        second while solving (from the calling thread).
    batal : Batal or threading.Event, optional
        Cancel token: after ``batal.set()`` the call returns within about a second with
        the best plan so far and its honest status.
    acuan : Alokasi, optional
        A reference allocation, typically the result of the same plan before a pin
        (:func:`~sistemkerja.optimasi.harga.harga_penetapan`). The objective gets the
        component ``perubahan`` (the (person, team) memberships and Ketua roles that
        differ from it) with a small weight
        (:func:`~sistemkerja.optimasi.tujuan.bobot_perubahan`), so ties and near-ties
        are broken towards the acuan; with ``warm_start`` the acuan, with the plan's
        pins applied and its hours fitted, is also a starting plan. ``None`` (default):
        no such component, the run is exactly as without it.
    jelaskan : bool
        When the solver proves the plan infeasible, explain why by the elastic re-solve
        (:func:`~sistemkerja.optimasi.penjelasan.explain`) in the time left [True].
        ``False`` returns at once with the status ``infeasible`` and only the
        pre-checks' reasons, for callers that solve many variants and explain only the
        ones that stay infeasible (the ministry's repair rounds).

    Returns
    -------
    Hasil
        Status, objective, bound, gap, the allocation and, when infeasible, the reasons.

    Raises
    ------
    PlanError
        When the plan has validation errors.
    ValueError
        When an argument is out of range or the plan is empty (Indonesian message).
    """
    _check_inputs(batas_waktu, celah, threads)
    if acuan is not None and not isinstance(acuan, Alokasi):
        raise ValueError(f"acuan harus berupa Alokasi (hasil optimasi), bukan {acuan!r}")
    if threads is not None:
        threads = min(threads, MAX_THREADS)  # more threads than cores only slow HiGHS down
    tenggat = Tenggat(float(batas_waktu), batal=batal, progress=progress)
    tenggat.tahap("persiapan")
    problems = [p for p in plan.validate() if p.is_error]
    if problems:  # an empty plan is refused here with located problems (no_pegawai, ...)
        raise PlanError(problems)
    _check_not_empty(plan)  # what validation accepts but leaves nothing to optimise
    k = plan.kebijakan
    celah = k.celah if celah is None else float(celah)
    prioritas = k.prioritas if prioritas is None else prioritas
    if prioritas not in ("pemerataan", "bobot"):
        raise ValueError(f"prioritas harus 'pemerataan' atau 'bobot', bukan {prioritas!r}")
    m = build_masukan(plan)
    reasons = precheck(m)
    counts = {"pegawai": len(m.pegawai), "tim": len(m.tim), "kegiatan": len(plan.kegiatan)}
    common = {"celah_diminta": celah, "prioritas": prioritas}
    if reasons:
        tenggat.tahap("selesai")
        return Hasil(
            plan,
            Status.INFEASIBLE,
            None,
            None,
            None,
            solver=solver,
            build_seconds=tenggat.elapsed(),
            penjelasan=tuple(reasons),
            message="pemeriksaan awal menemukan syarat yang mustahil dipenuhi",
            counts=counts,
            total_seconds=tenggat.elapsed(),
            **common,
        )
    start = greedy(m) if warm_start else None
    prep_seconds = tenggat.elapsed()  # validation, input, pre-checks, greedy
    ej_terbukti: float | None = None
    ej_paling: float | None = None
    first: SolveOutcome | None = None
    if prioritas == "pemerataan" and k.bobot_ej_maks > 0:
        stage1 = build_model(m, bobot={"ej_maks": 1.0})
        tahap1 = tenggat.share(TAHAP1_SHARE, sabar=True)  # no plan yet: may go on
        tenggat.bagian("ej_maks")
        first = solve_model(
            stage1,
            tahap1,
            solver=solver,
            celah=min(celah, toleransi_ej / 2),
            threads=threads,
            log=log,
            start=start,
        )
        if first.status is Status.INFEASIBLE:
            return _result(
                plan, m, stage1, first, tenggat, solver, threads, counts, common, jelaskan
            )
        if first.objective is not None:
            ej_paling = first.objective + toleransi_ej
            if first.bound is not None and first.objective - first.bound <= toleransi_ej + TOL:
                ej_terbukti = max(0.0, first.bound)
    tenggat.bagian("tujuan")
    model = build_model(m, ej_maks_paling=ej_paling, acuan=acuan)
    awal = first.x if first is not None else None
    if acuan is not None and warm_start:
        near = from_alokasi(m, acuan)
        known = plan_from_start(model, near, tenggat, open_teams(m, acuan, near))
        if known is not None and (
            awal is None or value(model.objective, known) < value(model.objective, awal)
        ):
            awal = known
    counts["variabel"] = len(model.columns)
    counts["kendala"] = len(model.rows)
    build_seconds = prep_seconds + model.build_seconds
    if tenggat.cancelled() and first is not None and first.x is not None:
        outcome = _rescored(first, model)
        outcome.berhenti = "batal"
    else:
        outcome = solve_model(
            model,
            tenggat,
            solver=solver,
            celah=celah,
            threads=threads,
            log=log,
            start=start,
            awal=awal,
        )
        if first is not None and first.x is not None:
            fallback = _rescored(first, model)
            if outcome.objective is None or (
                fallback.objective is not None and fallback.objective < outcome.objective - TOL
            ):
                outcome = _merge(fallback, outcome)
    return _result(
        plan,
        m,
        model,
        outcome,
        tenggat,
        solver,
        threads,
        counts,
        common,
        jelaskan,
        build_seconds=build_seconds,
        ej_terbukti=ej_terbukti,
    )


def _digits(x: float | None) -> float | None:
    """Keep 15 significant digits (what a result workbook keeps, so it reads back equal)."""
    return None if x is None else float(f"{x:.15g}")


def _rescored(first: SolveOutcome, model: Model) -> SolveOutcome:
    """Return the stage-1 plan as an answer of stage 2 (same columns; objective recomputed)."""
    assert first.x is not None
    objective = value(model.objective, first.x)
    return SolveOutcome(
        Status.FEASIBLE,
        objective,
        None,
        None,
        first.solve_seconds,
        first.solver,
        "rencana dari tahap 1 (EJ tertinggi terendah)",
        first.x,
        berhenti=first.berhenti,
        pesan_solver=first.pesan_solver,
    )


def _merge(plan_from: SolveOutcome, bound_from: SolveOutcome) -> SolveOutcome:
    """Return a plan with the (valid) bound of another run of the same model."""
    from sistemkerja.optimasi.solver.celah import proven_status

    assert plan_from.objective is not None
    bound = bound_from.bound
    if bound is not None and bound > plan_from.objective:
        bound = None
    plan_from.bound = bound
    plan_from.gap = relative_gap(plan_from.objective, bound)
    plan_from.status = proven_status(plan_from.objective, bound, None)
    plan_from.berhenti = bound_from.berhenti
    return plan_from


def _result(
    plan: Rencana,
    m: Masukan,
    model: Model,
    outcome: SolveOutcome,
    tenggat: Tenggat,
    solver: str,
    threads: int | None,
    counts: dict[str, int],
    common: dict,
    jelaskan: bool,
    *,
    build_seconds: float | None = None,
    ej_terbukti: float | None = None,
) -> Hasil:
    explanation: tuple[Penjelasan, ...] = ()
    if outcome.status is Status.INFEASIBLE and jelaskan:
        explanation = tuple(explain(m, tenggat.share(1.0), solver=solver, threads=threads))
    alokasi = _alokasi(m, model, outcome) if outcome.x is not None else None
    components = (
        {
            name: value(terms, outcome.x) + model.constants.get(name, 0.0)
            for name, terms in model.components.items()
        }
        if outcome.x is not None
        else {}
    )
    objective, bound, gap = outcome.objective, outcome.bound, outcome.gap
    if model.offset and objective is not None:
        # The constant of ``perubahan`` the solver did not see: reported objective and
        # bound are Σ weight × component; the absolute gap is unchanged.
        objective += model.offset
        bound = None if bound is None else bound + model.offset
        gap = relative_gap(objective, bound)
    tenggat.tahap("selesai")
    return Hasil(
        plan,
        outcome.status,
        _digits(objective),
        _digits(bound),
        gap,
        components=components,
        weights=dict(model.weights),
        solver=outcome.solver,
        build_seconds=build_seconds if build_seconds is not None else model.build_seconds,
        solve_seconds=outcome.solve_seconds,
        alokasi=alokasi,
        penjelasan=explanation,
        message=outcome.message,
        counts=counts,
        families=dict(model.families),
        total_seconds=tenggat.elapsed(),
        berhenti=outcome.berhenti,
        pesan_solver=outcome.pesan_solver,
        ej_maks_terbukti=ej_terbukti,
        **common,
    )


def _alokasi(m: Masukan, model: Model, outcome: SolveOutcome) -> Alokasi:
    x = outcome.x
    assert x is not None
    lines = m.baris_by_index
    tasks: list[Penugasan] = []
    for (nip, r), col in model.f.items():
        share = min(float(x[col]), 1.0)
        if share > TOL:
            b = lines[r].beban
            tasks.append(
                Penugasan(
                    nip,
                    b.kegiatan,
                    b.jabatan,
                    b.jenjang_min,
                    share * m.jam[(nip, r)],
                    share,
                    share * m.biaya[(nip, r)],
                )
            )
    for (nip, code), col in model.u.items():
        if x[col] > 0.5:
            for r in m.kegiatan_individu[code]:
                b = lines[r].beban
                tasks.append(
                    Penugasan(
                        nip, code, b.jabatan, b.jenjang_min, m.jam[(nip, r)], 1.0, m.biaya[(nip, r)]
                    )
                )
    members = [
        Keanggotaan(
            t,
            nip,
            ketua=(nip, t) in model.z and bool(x[model.z[(nip, t)]] > 0.5),
        )
        for (nip, t), col in model.y.items()
        if x[col] > 0.5
    ]
    order = {nip: i for i, nip in enumerate(m.pegawai)}
    team_order = {t: i for i, t in enumerate(m.tim)}
    kegiatan_order = {k.code: i for i, k in enumerate(m.plan.kegiatan)}
    tasks.sort(key=lambda t: (kegiatan_order[t.kegiatan], t.jabatan, order[t.nip]))
    members.sort(key=lambda k: (team_order[k.tim], not k.ketua, order[k.nip]))
    return Alokasi(tuple(tasks), tuple(members))
