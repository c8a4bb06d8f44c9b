"""The optimiser pipeline.

validate → input → pre-checks → warm start → build → solve → (explain when infeasible)
→ result.
"""

from __future__ import annotations

import time
from collections import defaultdict

import numpy as np

from sistemkerja.domain.alokasi import Alokasi, Keanggotaan, Penugasan
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.masalah import PlanError
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.cek import Penjelasan, precheck
from sistemkerja.optimasi.greedy import greedy
from sistemkerja.optimasi.hasil import Hasil
from sistemkerja.optimasi.masukan import Masukan, build_masukan
from sistemkerja.optimasi.model import (
    Model,
    SolveOutcome,
    SolverName,
    build_model,
    solve_model,
    value,
)

TOL = 1e-6


def optimasi(
    plan: Rencana,
    *,
    solver: SolverName = "highs",
    batas_waktu: float = 60.0,
    threads: int | None = None,
    gap: float = 1e-4,
    log: bool = False,
    warm_start: bool = True,
) -> Hasil:
    """Assign staff to teams, Ketua Tim roles and activities.

    Parameters
    ----------
    plan : Rencana
        A plan without validation errors (warnings are fine).
    solver : {"highs", "cbc"}
        MILP solver.
    batas_waktu : float
        Wall-clock time limit of the solver (seconds).
    threads : int, optional
        Solver threads.
    gap : float
        Relative gap at which the solver may stop.
    log : bool
        Show the solver's log.
    warm_start : bool
        Build starting allocations: the greedy one, and (HiGHS and CBC) the one guided by
        the LP relaxation, relieved, pruned and improved team by team (see
        ``docs/optimasi.md``). ``False`` hands the bare model to the solver.

    Returns
    -------
    Hasil
        Status, objective, bound, gap, the allocation and, when infeasible, the reasons.

    Raises
    ------
    PlanError
        When the plan has validation errors.
    """
    began = time.perf_counter()
    problems = [p for p in plan.validate() if p.is_error]
    if problems:
        raise PlanError(problems)
    m = build_masukan(plan)
    reasons = precheck(m)
    counts = {
        "pegawai": len(m.pegawai),
        "tim": len(m.tim),
        "kegiatan": len(plan.kegiatan),
    }
    if reasons:
        return Hasil(
            plan,
            "infeasible",
            None,
            None,
            None,
            solver=solver,
            build_seconds=time.perf_counter() - began,
            penjelasan=tuple(reasons),
            message="pemeriksaan awal menemukan syarat yang mustahil dipenuhi",
            counts=counts,
            total_seconds=time.perf_counter() - began,
        )
    start = greedy(m) if warm_start else None
    model = build_model(m)
    build_seconds = time.perf_counter() - began
    counts["variabel"] = len(model.columns)
    counts["kendala"] = len(model.rows)
    outcome = solve_model(
        model, solver=solver, time_limit=batas_waktu, threads=threads, gap=gap, msg=log, start=start
    )
    explanation: tuple[Penjelasan, ...] = ()
    if outcome.status == "infeasible":
        explanation = tuple(explain(m, solver=solver, time_limit=batas_waktu, threads=threads))
    alokasi = _alokasi(m, model, outcome) if outcome.x is not None else None
    components = (
        {name: value(terms, outcome.x) for name, terms in model.components.items()}
        if outcome.x is not None
        else {}
    )
    return Hasil(
        plan,
        outcome.status,
        outcome.objective,
        outcome.bound,
        outcome.gap,
        components=components,
        weights=dict(model.weights),
        solver=outcome.solver,
        build_seconds=build_seconds,
        solve_seconds=outcome.solve_seconds,
        alokasi=alokasi,
        penjelasan=explanation,
        message=outcome.message,
        counts=counts,
        families=dict(model.families),
        total_seconds=time.perf_counter() - began,
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


# ---- explaining infeasibility ---------------------------------------------------------


def explain(
    m: Masukan,
    *,
    solver: SolverName = "highs",
    time_limit: float = 60.0,
    threads: int | None = None,
) -> list[Penjelasan]:
    """Explain an infeasible plan by an elastic re-solve.

    Every hard family gets a penalised slack; the solution with the least penalised
    violation shows which rules cannot all hold, and by how much.

    Parameters
    ----------
    m : Masukan
        Model input of the infeasible plan.
    solver : {"highs", "cbc"}
        Solver for the re-solve.
    time_limit : float
        Seconds for the re-solve.
    threads : int, optional
        Solver threads.

    Returns
    -------
    list of Penjelasan
        One entry per violated rule (grouped), largest first within each family.
    """
    found = precheck(m)
    if found:
        return found
    model = build_model(m, elastic=True)
    outcome = solve_model(model, solver=solver, time_limit=time_limit, threads=threads)
    if outcome.x is None:
        return [
            Penjelasan(
                "unexplained",
                "Rencana tidak layak, tetapi penyebabnya tidak dapat diurai dalam batas waktu",
            )
        ]
    return _describe_slacks(m, model, outcome.x)


def _describe_slacks(m: Masukan, model: Model, x: np.ndarray) -> list[Penjelasan]:
    teams = {t.code: t for t in m.plan.tim}
    lines = m.baris_by_index
    out: list[Penjelasan] = []
    capacity_by_jabatan: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (family, *keys), (col, _unit) in model.slack.items():
        amount = float(x[col])
        if amount <= 1e-4:
            continue
        if family == "cakupan":
            line = lines[int(keys[0])]
            out.append(
                Penjelasan(
                    "cover_short",
                    f"{format_angka(amount, 0)} jam {line.beban.jabatan} pada kegiatan "
                    f"{line.kegiatan.code} tidak dapat dikerjakan oleh pegawai yang "
                    "memenuhi syarat",
                    amount,
                    "jam",
                )
            )
        elif family == "kapasitas":
            p = m.pegawai[keys[0]]
            capacity_by_jabatan[p.jabatan].append((p.name, amount))
        elif family == "kapasitas_bulanan":
            p = m.pegawai[keys[0]]
            out.append(
                Penjelasan(
                    "monthly_capacity_short",
                    f"Pada bulan {keys[1]} beban {p.name} melebihi kapasitas bulanannya "
                    f"sebesar {format_angka(amount, 0)} jam",
                    amount,
                    "jam",
                )
            )
        elif family == "ketua":
            out.append(
                Penjelasan(
                    "no_leader",
                    f"{teams[keys[0]].name} tidak dapat diberi Ketua Tim yang memenuhi syarat "
                    "tanpa melanggar aturan lain",
                    amount,
                    "orang",
                )
            )
        elif family in ("ukuran_tim_min", "ukuran_tim_maks"):
            team = teams[keys[0]]
            bound = team.size_min if family == "ukuran_tim_min" else team.size_max
            side = "minimal" if family == "ukuran_tim_min" else "maksimal"
            out.append(
                Penjelasan(
                    "team_size",
                    f"{team.name} tidak dapat memenuhi ukuran {side} {bound} anggota "
                    f"(selisih {format_angka(amount, 0)} orang)",
                    amount,
                    "orang",
                )
            )
        elif family == "kebutuhan_orang":
            out.append(
                Penjelasan(
                    "people_short",
                    f"{teams[keys[0]].name} kekurangan {format_angka(amount, 0)} orang {keys[2]} "
                    f"untuk {keys[1]}",
                    amount,
                    "orang",
                )
            )
        elif family == "kontribusi_minimal":
            p = m.pegawai[keys[0]]
            out.append(
                Penjelasan(
                    "min_contribution",
                    f"{p.name} di {teams[keys[1]].name} tidak dapat memberi jam minimal "
                    f"{format_angka(m.plan.kebijakan.min_jam_anggota, 0)} jam "
                    f"(kurang {format_angka(amount, 0)} jam)",
                    amount,
                    "jam",
                )
            )
        elif family == "maks_tim":
            p = m.pegawai[keys[0]]
            out.append(
                Penjelasan(
                    "too_many_teams",
                    f"{p.name} harus masuk lebih dari {m.plan.kebijakan.max_tim_per_pegawai} tim",
                    amount,
                    "orang",
                )
            )
        elif family in ("anggaran", "anggaran_unit"):
            where = (
                "pagu unit"
                if family == "anggaran_unit"
                else "pagu " + ".".join(k for k in keys if k)
            )
            out.append(
                Penjelasan(
                    "budget_over",
                    f"Biaya melebihi {where} sebesar Rp {format_angka(amount * 1e6, 0)}",
                    amount * 1e6,
                    "Rp",
                )
            )
        elif family == "pembawa":
            out.append(
                Penjelasan(
                    "no_carrier",
                    f"Kegiatan individu {keys[0]} tidak dapat dibawa satu pegawai tanpa "
                    "melampaui kapasitasnya",
                    amount,
                    "orang",
                )
            )
        else:
            out.append(
                Penjelasan(
                    "pin_broken",
                    f"Penetapan {' / '.join(keys)} tidak dapat dipenuhi "
                    f"(selisih {format_angka(amount, 1)})",
                    amount,
                )
            )
    for jabatan, people in capacity_by_jabatan.items():
        total = sum(a for _, a in people)
        names = ", ".join(f"{n} +{format_angka(a, 0)} jam" for n, a in people[:5])
        more = f" dan {len(people) - 5} lainnya" if len(people) > 5 else ""
        out.append(
            Penjelasan(
                "capacity_short",
                f"Kebutuhan jam {jabatan} melebihi kapasitas tersedia sebesar "
                f"{format_angka(total, 0)} jam ({names}{more})",
                total,
                "jam",
            )
        )
    out.sort(key=lambda p: (p.code, -p.kekurangan))
    return out
