"""Optimiser tests in three layers: structure (no solve), known optima (every solver),
regression (the sample unit), plus properties and infeasibility explanations.
"""

from __future__ import annotations

import itertools
import json
import math
import threading
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from optimasi_kit import ONLY_COST, ONLY_EJ, allow, nip, person, plan

from sistemkerja import contoh
from sistemkerja.cli import main
from sistemkerja.domain import Asal, Jenjang, Penetapan, Penyesuaian, Peran, PlanError, TimKerja
from sistemkerja.io import write_plan
from sistemkerja.optimasi import (
    Batal,
    Kemajuan,
    Status,
    Tenggat,
    build_masukan,
    explain,
    heuristik,
    kendala,
    optimasi,
    precheck,
)
from sistemkerja.optimasi.model import build_model
from sistemkerja.optimasi.solve import _alokasi
from sistemkerja.optimasi.solver import SolveOutcome, available_solvers, solve_model
from sistemkerja.optimasi.solver._highspy import interior_point, load_highs
from sistemkerja.optimasi.verifikasi import verifikasi_alokasi

SOLVERS = ["highs", "cbc"]
EXACT = {"celah": 0.0, "batas_waktu": 300}
"""Prove the optimum; a limit that never binds on these plans, whatever the load."""


def test_both_solvers_are_installed():
    assert available_solvers() == SOLVERS


def _hours(hasil, who: str) -> float:
    return sum(t.jam for t in hasil.alokasi.penugasan if t.nip == who)


# ---- structure: the right families and sizes for the tiny plan, without solving -------


def test_structure_of_tiny_plan():
    m = build_masukan(contoh.load("kecil"))
    model = build_model(m)
    # Team lines K-1..K-4 (7 lines) with 2+2+1+1+1+2+1 eligible people; K-5 is individual.
    assert len(model.f) == 10
    assert len(model.u) == 2  # Perencana Budi and Sari may carry K-5
    assert len(model.y) == 9  # TIM-A: 5 candidates, TIM-B: 4
    assert len(model.z) == 3  # Ahli Muda: Budi/Dewi lead TIM-A, Dewi TIM-B
    assert len(model.v) == 1  # Eko comes from another unit
    assert model.families["cakupan"] == 7
    assert model.families["pembawa"] == 1
    assert model.families["ketua"] == 2
    assert model.families["anggota"] == len(model.f)
    assert model.families["kontribusi_minimal"] == len(model.y)
    assert model.families["anggaran"] == 1 and model.families["anggaran_unit"] == 1
    assert "kapasitas_bulanan" not in model.families


@pytest.mark.parametrize("elastic", [False, True])
@pytest.mark.parametrize("name", ["unit", "synthetic"])
def test_rows_are_well_formed(name, elastic):
    """Each row names existing columns, each at most once; families count every row."""
    p = contoh.load("unit") if name == "unit" else contoh.generate(60, seed=3)
    model = build_model(build_masukan(p), elastic=elastic)
    starts, cols, vals, lower, upper = model.rows.arrays()
    ends = [*starts[1:], len(cols)]
    assert all(len(set(cols[a:b])) == b - a for a, b in zip(starts, ends, strict=True))
    assert cols.min() >= 0 and cols.max() < len(model.columns)
    assert (vals != 0).all() and (lower <= upper).all()
    assert sum(model.families.values()) == len(model.rows)
    if elastic:
        slack_columns = [i for i, n in enumerate(model.columns.names) if n.startswith("s_")]
        assert sorted(col for col, _ in model.slack.values()) == slack_columns
        penalised = {col for col, coef in model.objective if coef >= 1.0}
        assert set(slack_columns) <= penalised  # every slack costs something
        assert len(set(model.columns.names)) == len(model.columns)


def test_pulp_problem_is_the_same_model():
    """The PuLP problem made from the arrays, solved through PuLP's own HiGHS interface,
    has the optimum our highspy path proves."""
    import pulp

    m = build_masukan(contoh.load("kecil"))
    model = build_model(m)
    prob, variables = model.as_pulp()
    assert prob.numVariables() == len(model.columns) == len(variables)
    assert prob.numConstraints() == len(model.rows)
    assert sum(v.cat == pulp.LpInteger for v in variables) == sum(model.columns.integer)
    prob.solve(pulp.HiGHS(msg=False, gapRel=0.0))
    assert prob.sol_status == pulp.LpSolutionOptimal
    ours = optimasi(contoh.load("kecil"), **EXACT)
    assert ours.status == "optimal"
    assert pulp.value(prob.objective) == pytest.approx(ours.objective, abs=1e-6)


def test_relaxed_model_bounds_the_optimum():
    model = build_model(build_masukan(contoh.load("kecil")))
    model.relax()
    assert not any(model.columns.integer)
    lp = solve_model(model, Tenggat(300))
    assert lp.status == "optimal"
    assert lp.objective <= optimasi(contoh.load("kecil"), **EXACT).objective + 1e-9


def test_model_does_not_mutate_plan():
    p = contoh.load("kecil")
    before = repr(p)
    optimasi(p, batas_waktu=10)
    assert repr(p) == before


def test_invalid_plan_raises_plan_error():
    p = contoh.load("kecil")
    broken = p.with_changes(kegiatan=(*p.kegiatan, p.kegiatan[0]))
    with pytest.raises(PlanError, match="ganda"):
        optimasi(broken)


# ---- known optima, every solver -------------------------------------------------------


@pytest.mark.parametrize("solver", SOLVERS)
def test_min_max_load_splits_in_proportion_to_capacity(solver):
    staff = [person(1, capacity=1250), person(2, capacity=750)]
    p = plan(staff, [("K1", "T1", [("Analis", None, 1000)])], policy=ONLY_EJ)
    hasil = optimasi(p, solver=solver, **EXACT)
    assert hasil.status == "optimal"
    assert hasil.components["ej_maks"] == pytest.approx(0.5, abs=1e-6)
    assert _hours(hasil, nip(1)) == pytest.approx(625, abs=1e-3)
    assert _hours(hasil, nip(2)) == pytest.approx(375, abs=1e-3)
    assert hasil.gap == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize("solver", SOLVERS)
def test_generalised_assignment_with_overrides(solver):
    """Agents with capacities, jobs with agent-dependent size and cost (docs example)."""
    a, b = person(1, capacity=250), person(2, capacity=150)
    jobs = [(k, None, [("Analis", None, 100)]) for k in ("K1", "K2", "K3")]
    cost = {
        ("K1", 1): 10,
        ("K2", 1): 30,
        ("K3", 1): 20,
        ("K1", 2): 20,
        ("K2", 2): 10,
        ("K3", 2): 40,
    }
    overrides = tuple(
        Penyesuaian(nip(i), k, jam=120.0 if (k, i) == ("K3", 1) else None, biaya=c * 1e6)
        for (k, i), c in cost.items()
    )
    p = plan([a, b], jobs, policy=ONLY_COST, penyesuaian=overrides)
    hasil = optimasi(p, solver=solver, **EXACT)
    assert hasil.status == "optimal"
    carried = {t.kegiatan: t.nip for t in hasil.alokasi.penugasan}
    assert carried == {"K1": nip(1), "K2": nip(2), "K3": nip(1)}
    assert hasil.components["biaya"] == pytest.approx(40e6)
    assert _hours(hasil, nip(1)) == pytest.approx(220)  # the override: 120 jam for K3


@pytest.mark.parametrize("solver", SOLVERS)
def test_only_eligible_jenjang_leads(solver):
    staff = [person(1), person(2, jenjang=Jenjang.AHLI_MUDA), person(3)]
    p = plan(staff, [("K1", "T1", [("Analis", None, 900)])], leader=True)
    hasil = optimasi(p, solver=solver, **EXACT)
    assert hasil.ok
    assert hasil.alokasi.ketua() == {"T1": nip(2)}


@pytest.mark.parametrize("solver", SOLVERS)
def test_outside_staff_only_where_strategy_allows(solver):
    staff = [person(1, capacity=600), person(2, unit="L", hourly=100_000, involvement=1e6)]
    jobs = [("K1", "T1", [("Analis", None, 1000)])]
    closed = optimasi(plan(staff, jobs), solver=solver, batas_waktu=20)
    assert closed.status == "infeasible"
    assert any("1.000 jam Analis" in p.message for p in closed.penjelasan)
    # An agency that uses its own staff first: a high cost weight (Rp 1 juta = 1 point),
    # weighed against balance ("bobot"; "pemerataan" would first lower the own staff's EJ
    # by giving the outsider everything the strategy allows).
    own_first = {"bobot_biaya": 1.0, "prioritas": "bobot"}
    opened = plan(staff, jobs, needs=[allow("K1", "Analis", Asal.LINTAS_UNIT)], policy=own_first)
    hasil = optimasi(opened, solver=solver, batas_waktu=20)
    assert hasil.ok
    assert _hours(hasil, nip(2)) == pytest.approx(400, abs=1e-3)
    assert hasil.components["biaya"] == pytest.approx(400 * 100_000 + 1e6)
    assert hasil.components["lintas"] == pytest.approx(1)


@pytest.mark.parametrize("solver", SOLVERS)
def test_pure_minimum_cost_when_other_weights_are_zero(solver):
    cheap, dear = person(1, unit="L", hourly=10_000), person(2, unit="L", hourly=90_000)
    jobs = [("K1", "T1", [("Analis", None, 500)])]
    p = plan([cheap, dear], jobs, policy=ONLY_COST, needs=[allow("K1", "Analis", Asal.LINTAS_UNIT)])
    hasil = optimasi(p, solver=solver, **EXACT)
    assert hasil.status == "optimal"
    assert _hours(hasil, nip(1)) == pytest.approx(500)
    assert hasil.components["biaya"] == pytest.approx(5e6)


@pytest.mark.parametrize("solver", SOLVERS)
def test_fixed_hours_pin(solver):
    staff = [person(1), person(2)]
    pin = (Penetapan(nip(1), Peran.JAM_TETAP, kegiatan="K1", jam=700.0),)
    p = plan(staff, [("K1", "T1", [("Analis", None, 1000)])], policy=ONLY_EJ, penetapan=pin)
    hasil = optimasi(p, solver=solver, **EXACT)
    assert hasil.status == "optimal"
    assert _hours(hasil, nip(1)) == pytest.approx(700, abs=1e-3)
    assert hasil.components["ej_maks"] == pytest.approx(700 / 1250, abs=1e-6)


def test_forbid_and_leader_pins():
    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2, jenjang=Jenjang.AHLI_MUDA)]
    pins = (
        Penetapan(nip(2), Peran.KETUA, tim="T1"),
        Penetapan(nip(1), Peran.DILARANG, kegiatan="K2"),
    )
    jobs = [("K1", "T1", [("Analis", None, 400)]), ("K2", "T1", [("Analis", None, 400)])]
    hasil = optimasi(plan(staff, jobs, leader=True, penetapan=pins), batas_waktu=20)
    assert hasil.ok
    assert hasil.alokasi.ketua() == {"T1": nip(2)}
    assert all(t.nip == nip(2) for t in hasil.alokasi.penugasan if t.kegiatan == "K2")


def test_monthly_capacity():
    staff = [person(1)]
    jobs = [("K1", "T1", [("Analis", None, 300)])]
    assert optimasi(plan(staff, jobs), batas_waktu=20).ok
    p = plan(staff, jobs, policy={"kapasitas_bulanan": True})
    months = p.kegiatan[0].__class__(**{**_fields(p.kegiatan[0]), "bulan_selesai": 2})
    tight = p.with_changes(kegiatan=(months,))
    hasil = optimasi(tight, batas_waktu=20)
    assert hasil.status == "infeasible"
    messages = [r.message for r in hasil.penjelasan]
    assert any(m.startswith("Pada bulan") and "kapasitas bulanannya" in m for m in messages)


def _fields(obj):
    return {f: getattr(obj, f) for f in obj.__dataclass_fields__}


# ---- infeasible plans explain themselves ---------------------------------------------


def test_no_leader_candidate_is_explained():
    staff = [person(1), person(2)]
    team = TimKerja("T1", "Tim Data")
    p = plan(staff, [("K1", "T1", [("Analis", None, 500)])], teams=[team], leader=True)
    hasil = optimasi(p)
    assert hasil.status == "infeasible" and hasil.alokasi is None
    assert hasil.penjelasan[0].code == "no_leader_candidate"
    assert hasil.penjelasan[0].message.startswith(
        "Tim Data membutuhkan Ketua Tim berjenjang Ahli Muda"
    )
    assert "tidak ada calon yang memenuhi" in hasil.penjelasan[0].message


def test_capacity_shortfall_is_explained_in_hours():
    staff = [person(1, "Analis Kebijakan"), person(2, "Analis Kebijakan")]
    jobs = [
        ("K1", "T1", [("Analis Kebijakan", None, 1700)]),
        ("K2", "T1", [("Analis Kebijakan", None, 1700)]),
    ]
    hasil = optimasi(plan(staff, jobs))
    assert hasil.status == "infeasible"
    messages = [r.message for r in hasil.penjelasan]
    assert (
        "Kebutuhan 3.400 jam Analis Kebijakan melebihi kapasitas tersedia 2.500 jam "
        "(2 pegawai yang memenuhi syarat)" in messages
    )
    assert hasil.penjelasan[0].kekurangan == pytest.approx(900)


def test_budget_shortfall_names_activity_and_pagu():
    staff = [person(1, unit="L", hourly=112_000, capacity=1250)]
    p = plan(
        staff,
        [("K-07", "T1", [("Analis", None, 1000)])],
        needs=[allow("K-07", "Analis", Asal.LINTAS_UNIT)],
        pagu=350_000_000,
        lines=[("K-07", 300_000_000)],
    )
    hasil = optimasi(p)
    assert hasil.status == "infeasible"
    assert "Biaya kegiatan K-07 Rp 412.000.000 melebihi pagu Kegiatan WA.1000 Rp 350.000.000" in [
        r.message for r in hasil.penjelasan
    ]


def test_elastic_resolve_explains_what_prechecks_cannot():
    """One eligible leader for two teams, but at most one team per person."""
    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2), person(3)]
    teams = [TimKerja("T1", "Tim Satu"), TimKerja("T2", "Tim Dua")]
    jobs = [("K1", "T1", [("Analis", None, 300)]), ("K2", "T2", [("Analis", None, 300)])]
    p = plan(staff, jobs, teams=teams, leader=True, policy={"max_tim_per_pegawai": 1})
    assert precheck(build_masukan(p)) == []
    hasil = optimasi(p)
    assert hasil.status == "infeasible"
    codes = {r.code for r in hasil.penjelasan}
    assert codes & {"no_leader", "too_many_teams"}, hasil.penjelasan
    assert all(r.message for r in hasil.penjelasan)
    # jelaskan=False: the same proven status, no elastic re-solve; explain() gives it later
    quiet = optimasi(p, jelaskan=False)
    assert quiet.status == "infeasible" and quiet.penjelasan == ()
    later = explain(build_masukan(p))
    assert {r.code for r in later} == codes


def test_a_persons_own_team_limit_holds_below_the_policys():
    """Pegawai.maks_tim: the lower of the person's and the policy's limit applies."""
    import dataclasses

    staff = [person(1, capacity=2000), person(2, capacity=100), person(3, capacity=100)]
    teams = [TimKerja("T1", "Tim Satu"), TimKerja("T2", "Tim Dua")]
    jobs = [("K1", "T1", [("Analis", None, 300)]), ("K2", "T2", [("Analis", None, 300)])]
    free = plan(staff, jobs, teams=teams)
    hasil = optimasi(free)  # only person 1 has the hours for both teams
    assert {k.tim for k in hasil.alokasi.keanggotaan if k.nip == nip(1)} == {"T1", "T2"}
    one = dataclasses.replace(staff[0], maks_tim=1)
    limited = dataclasses.replace(free, pegawai=(one, *staff[1:]))
    hasil = optimasi(limited)
    assert hasil.status == "infeasible"  # 600 jam, but person 1 may serve one team only
    assert hasil.penjelasan and all(r.message for r in hasil.penjelasan)
    # the checker applies it too: the first allocation breaks person 1's own limit
    first = optimasi(free).alokasi
    assert f"{nip(1)} di 2 tim (> 1)" in verifikasi_alokasi(limited, first)


# ---- properties: every rule holds in every returned solution -------------------------


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(min_value=4, max_value=30), seed=st.integers(0, 10_000))
# Found by Hypothesis: HiGHS reported objective 15.898 (and status optimal) for a solution
# whose objective is 16.456, after the team search; the bound 16.446 was above it.
@example(n=30, seed=5409)
def test_every_rule_holds_in_returned_solutions(n, seed):
    p = contoh.generate(n, seed=seed)
    hasil = optimasi(p, batas_waktu=10, celah=1e-3)
    assert hasil.status in ("optimal", "feasible"), hasil.describe()
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert hasil.bound is None or hasil.bound <= hasil.objective + 1e-6
    weighted = sum(hasil.weights[k] * v for k, v in hasil.components.items())
    assert hasil.objective == pytest.approx(weighted, rel=1e-9, abs=1e-9)


# ---- regression: aggregates of the sample unit ----------------------------------------


def test_sample_unit_regression():
    p = contoh.load("unit")
    hasil = optimasi(p, batas_waktu=300)
    assert hasil.status in ("optimal", "feasible")
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert 0.95 <= hasil.components["ej_maks"] <= 1.0
    assert hasil.components["lintas"] <= 5
    leaders = hasil.alokasi.ketua()
    assert len(leaders) == sum(p.tim_perlu_ketua().values()) == 7
    assert hasil.gap is not None and hasil.gap <= 0.011


# ---- CLI --------------------------------------------------------------------------------


def test_cli_optimasi_json_and_workbook(tmp_path, capsys):
    src = tmp_path / "kecil.xlsx"
    write_plan(contoh.load("kecil"), src)
    out = tmp_path / "hasil.xlsx"
    code = main(
        [
            "optimasi",
            str(src),
            "--keluaran",
            str(out),
            "--json",
            "--batas-waktu",
            "300",
            "--celah",
            "0",
        ]
    )
    summary = json.loads(capsys.readouterr().out)
    assert code == 0
    assert summary["status"] == "optimal"
    for key in ("objective", "bound", "gap", "build_seconds", "solve_seconds", "solver"):
        assert key in summary
    assert (summary["n_pegawai"], summary["n_tim"], summary["n_kegiatan"]) == (6, 2, 5)
    import openpyxl

    sheets = openpyxl.load_workbook(out, read_only=True).sheetnames
    assert {"Ringkasan", "Penugasan", "Tim", "MPH Level 1", "MPH Level 2", "RHK"} <= set(sheets)


def test_cli_optimasi_exit_codes(tmp_path, capsys):
    staff = [person(1), person(2)]
    infeasible = plan(staff, [("K1", "T1", [("Analis", None, 500)])], leader=True)
    path = tmp_path / "mustahil.xlsx"
    write_plan(infeasible, path)
    assert main(["optimasi", str(path)]) == 1
    assert "membutuhkan Ketua Tim" in capsys.readouterr().out
    bad = tmp_path / "rusak.xlsx"
    bad.write_text("bukan xlsx", encoding="utf-8")
    assert main(["optimasi", str(bad), "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["status"] == "bad_input"


# ---- the time limit is a wall-clock promise -------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("solver", SOLVERS)
def test_watchdog_stops_a_solver_that_overruns(solver, monkeypatch):
    """Simulate a solver ignoring its limit: the hard end is 29 s early and stops it."""
    import sistemkerja.optimasi.tenggat as tenggat_module

    monkeypatch.setattr(tenggat_module, "GRACE", -29.0)
    m = build_masukan(contoh.generate(150, seed=1))
    out = solve_model(build_model(m), Tenggat(30), solver=solver, celah=0.0)
    assert out.solve_seconds < 25  # stopped near 1 s, before the solver's own 30 s
    assert out.status in ("feasible", "no_solution")
    if out.status == "no_solution":
        assert out.x is None


def test_aggregated_membership_link_has_the_same_optimum(monkeypatch):
    """Large models aggregate f ≤ y per membership: fewer rows, same integer optimum."""
    p = contoh.load("kecil")
    strong = optimasi(p, **EXACT)
    monkeypatch.setattr(kendala, "STRONG_LINK_LIMIT", 0)
    m = build_masukan(p)
    aggregated_model = build_model(m)
    pairs = {(nip, m.baris_by_index[r].tim) for nip, r in aggregated_model.f}
    assert aggregated_model.families["anggota"] == len(pairs) < len(aggregated_model.f)
    aggregated = optimasi(p, **EXACT)
    assert strong.status == aggregated.status == "optimal"
    assert aggregated.objective == pytest.approx(strong.objective, rel=1e-6)
    assert verifikasi_alokasi(p, aggregated.alokasi) == []


# ---- the allocation built from the LP relaxation (what large plans rely on) -----------


def _loaded_relaxation(p):
    m = build_masukan(p)
    model = build_model(m)
    loaded = load_highs(model, None, False)
    relaxed = heuristik.relax_and_fix(model, loaded, Tenggat(300))
    return m, model, loaded, relaxed


def _as_allocation(m, model, loaded, candidate):
    outcome = SolveOutcome(
        "feasible", candidate.objective, None, None, 0.0, "highs", "", candidate.start
    )
    return _alokasi(m, model, outcome)


@pytest.mark.parametrize(("n", "seed"), [(20, 1), (60, 2), (120, 7), (150, 1)])
def test_allocation_from_relaxation_keeps_every_rule(n, seed):
    """Relaxation → memberships by its hours → hours re-optimised → memberships pruned →
    teams re-chosen one at a time: each step gives an allocation that keeps every rule,
    no worse than the one before and above the relaxation's bound."""
    p = contoh.generate(n, seed=seed)
    m, model, loaded, relaxed = _loaded_relaxation(p)
    assert relaxed.status == "optimal" and relaxed.start is not None
    assert relaxed.bound <= relaxed.objective + 1e-6
    # Relieving the busiest people's teams never makes the allocation worse.
    from sistemkerja.optimasi.greedy import greedy

    guide = heuristik.guide(model, m, relaxed.relaxation)
    plain = heuristik.solve_fixed(model, loaded, greedy(m, guide), Tenggat(300))
    assert plain is not None and relaxed.objective <= plain[1] + 1e-9
    loaded.make_integer()
    pruned = heuristik.prune(model, loaded, relaxed, Tenggat(300))
    assert pruned.objective <= relaxed.objective
    improved = heuristik.improve_by_team(model, loaded, pruned, Tenggat(3))
    assert improved.objective <= pruned.objective
    for candidate in (relaxed, pruned, improved):
        assert loaded.violation(candidate.start) <= heuristik.START_TOLERANCE
        assert verifikasi_alokasi(p, _as_allocation(m, model, loaded, candidate)) == []


def test_violation_measures_rows_and_bounds():
    p = contoh.generate(20, seed=1)
    _, _, loaded, relaxed = _loaded_relaxation(p)
    assert loaded.violation(relaxed.start) <= 1e-9
    broken = relaxed.start.copy()
    broken[loaded.integer[0]] = 3.0  # a binary at 3: its upper bound (and rows) broken
    assert loaded.violation(broken) >= 2.0


@pytest.mark.slow
def test_relaxation_allocation_is_the_answer_when_branch_and_bound_finds_none(monkeypatch):
    """Give every MIP run no time: the plan still gets a valid allocation with its gap.

    Only MIP runs are starved (LP runs keep a 300 s limit that never binds), so the
    outcome does not depend on the machine's speed.
    """
    import sistemkerja.optimasi.solver.highs as highs_module

    run = highs_module.run_highs

    def starved(h, tenggat, *, lp=False, **kwargs):
        run(h, tenggat if lp else tenggat.until(0.0), lp=lp, **kwargs)

    monkeypatch.setattr(highs_module, "run_highs", starved)
    monkeypatch.setattr(heuristik, "run_highs", starved)
    p = contoh.generate(150, seed=1)
    hasil = optimasi(p, batas_waktu=300, celah=0.0, prioritas="bobot")
    assert hasil.status == "feasible", hasil.describe()
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert hasil.bound is not None and hasil.bound <= hasil.objective
    assert hasil.gap is not None and 0 < hasil.gap < 0.2


def test_infeasible_relaxation_proves_the_plan_infeasible():
    """One leader candidate for two teams, one team per person: even the LP has no answer."""
    from sistemkerja.optimasi.greedy import greedy
    from sistemkerja.optimasi.solver.highs import RELAX_INFEASIBLE

    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2), person(3)]
    teams = [TimKerja("T1", "Tim Satu"), TimKerja("T2", "Tim Dua")]
    jobs = [("K1", "T1", [("Analis", None, 300)]), ("K2", "T2", [("Analis", None, 300)])]
    p = plan(staff, jobs, teams=teams, leader=True, policy={"max_tim_per_pegawai": 1})
    m = build_masukan(p)
    out = solve_model(build_model(m), Tenggat(300), start=greedy(m))
    assert out.status == "infeasible"
    assert out.message == RELAX_INFEASIBLE
    assert out.x is None


def test_repair_adds_members_until_the_hours_fit():
    """On this plan the plain greedy's memberships cannot carry the hours (people over
    capacity); the repair adds members until they can, and every rule then holds."""
    from sistemkerja.optimasi.greedy import greedy

    p = contoh.generate(60, seed=2)
    m = build_masukan(p)
    model = build_model(m)
    loaded = load_highs(model, None, False)
    chosen = greedy(m)
    before = set(chosen.y)
    with interior_point(loaded):
        assert heuristik.solve_fixed(model, loaded, chosen, Tenggat(300)) is None
        assert heuristik.repair(m, chosen, loaded, Tenggat(300))
        found = heuristik.solve_fixed(model, loaded, chosen, Tenggat(300))
    assert found is not None and chosen.y > before  # only additions
    assert loaded.violation(found[0]) <= heuristik.START_TOLERANCE
    outcome = SolveOutcome("feasible", found[1], None, None, 0.0, "highs", "", found[0])
    assert verifikasi_alokasi(p, _alokasi(m, model, outcome)) == []


@pytest.mark.parametrize("solver", SOLVERS)
def test_unfinished_relaxation_skips_branch_and_bound(solver, monkeypatch):
    """When the LP relaxation does not finish in its share of the time, branch-and-bound
    (whose root is that LP) is skipped: the greedy allocation, fitted, is returned with
    no proven bound, or no solution, and says why."""
    from sistemkerja.optimasi.solver.highs import RELAX_STOPPED

    monkeypatch.setattr(heuristik, "RELAX_SHARE", 0.0)  # no time: the LP is not even started
    p = contoh.generate(60, seed=4)  # its plain greedy memberships carry the hours
    hasil = optimasi(p, solver=solver, batas_waktu=300, prioritas="bobot")
    assert hasil.status == "feasible"
    assert hasil.bound is None and hasil.gap is None
    assert RELAX_STOPPED in hasil.message and "greedy" in hasil.message
    assert hasil.keterangan == "layak — jarak ke optimum belum diketahui"
    assert verifikasi_alokasi(p, hasil.alokasi) == []


@pytest.mark.parametrize(("n", "seed"), [(60, 1), (100, 3), (150, 1), (400, 1)])
def test_greedy_keeps_the_people_each_role_needs(n, seed):
    """Dropping idle members never takes a team below a role's people count."""
    from sistemkerja.optimasi import greedy as greedy_module

    m = build_masukan(contoh.generate(n, seed=seed))
    s = greedy_module._State(m)
    greedy_module._memberships(s)

    def met() -> set[int]:
        return {
            i
            for i, k in enumerate(m.kebutuhan)
            if sum((nip, k.tim) in s.start.y for nip in k.calon) >= k.orang
        }

    before = met()
    greedy_module._individuals(s)
    greedy_module._lines(s)
    assert before <= met()


@pytest.mark.slow
def test_cbc_starts_from_the_relaxation_allocation():
    """CBC gets the same LP-guided start (as its MIP start): a valid allocation within
    the requested gap (a 300 s limit that never binds here)."""
    p = contoh.generate(150, seed=1)
    hasil = optimasi(p, solver="cbc", batas_waktu=300, celah=0.02, prioritas="bobot")
    assert hasil.status in ("optimal", "feasible"), hasil.describe()
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert hasil.bound is not None and hasil.bound <= hasil.objective + 1e-9
    assert hasil.gap <= 0.02
    assert hasil.solver == "cbc" and hasil.berhenti == "celah"


@pytest.mark.slow
def test_short_time_limit_holds_on_a_large_plan():
    """400 staff with 3 s: the relaxation (≈9 s when left alone) is cut off in time too."""
    from sistemkerja.optimasi.tenggat import GRACE

    p = contoh.generate(400, seed=1)
    hasil = optimasi(p, batas_waktu=3)
    assert hasil.solve_seconds <= 3 + GRACE + 5  # generous: the promise is limit + grace
    assert hasil.status in ("feasible", "no_solution")
    if hasil.status == "feasible":
        assert verifikasi_alokasi(p, hasil.alokasi) == []


# ---- stop rule, status words, priority, progress and cancelling ----------------------


def test_stop_rule_honours_the_requested_gap():
    """Default celah (Kebijakan, 1 %): the run stops at a proven gap within it."""
    p = contoh.load("unit")
    assert p.kebijakan.celah == pytest.approx(0.01)
    hasil = optimasi(p, batas_waktu=300, prioritas="bobot")
    assert hasil.berhenti == "celah"
    assert hasil.gap is not None and hasil.gap <= 0.01 + 1e-9
    assert hasil.status == ("optimal" if hasil.gap <= 1e-4 else "feasible")
    assert hasil.keterangan.startswith(("layak — terbukti paling jauh", "optimal — terbukti"))
    assert verifikasi_alokasi(p, hasil.alokasi) == []


def test_integral_objective_is_optimal_by_absolute_gap():
    """Pure cost on individual activities: whole juta steps; a gap below one is a proof."""
    import numpy as np

    from sistemkerja.optimasi.solver.celah import objective_step, proven_status

    cost = np.array([10.0, 30.0, 20.0, 0.0])
    assert objective_step(cost, np.array([0, 1, 2])) == pytest.approx(10.0)
    assert objective_step(cost, np.array([0, 1])) is None  # a continuous column has cost
    # 0,01 % relative but a whole step absolute: not a proof.
    assert proven_status(100_001.0, 100_000.0, 1.0) is Status.FEASIBLE
    assert proven_status(100_000.0, 99_999.5, 1.0) is Status.OPTIMAL
    assert proven_status(40.0, 39.9, None) is Status.FEASIBLE
    assert proven_status(40.0, 39.999, None) is Status.OPTIMAL


def test_pemerataan_proves_the_lowest_highest_ej_first():
    p = contoh.load("unit")
    balanced = optimasi(p, batas_waktu=300, prioritas="pemerataan")
    weighted = optimasi(p, batas_waktu=300, prioritas="bobot")
    assert balanced.prioritas == "pemerataan" and weighted.prioritas == "bobot"
    assert balanced.ej_maks_terbukti is not None
    ej = balanced.components["ej_maks"]
    assert balanced.ej_maks_terbukti - 1e-6 <= ej <= balanced.ej_maks_terbukti + 0.0101
    assert ej <= weighted.components["ej_maks"] + 1e-6
    assert "EJ tertinggi" in balanced.keterangan and "terbukti" in balanced.keterangan
    assert verifikasi_alokasi(p, balanced.alokasi) == []


def test_keterangan_in_plain_indonesian():
    from sistemkerja.optimasi.hasil import Hasil

    p = contoh.load("kecil")
    feasible = Hasil(p, "feasible", 10.0, 9.92, 0.008)
    assert feasible.keterangan == "layak — terbukti paling jauh 0,8 % dari optimum"
    stopped = Hasil(p, "feasible", 10.0, 9.79, 0.021, berhenti="batal")
    assert stopped.keterangan == (
        "dihentikan pengguna — rencana terbaik sejauh ini, paling jauh 2,1 % dari optimum"
    )
    assert Hasil(p, "no_solution", None, None, None).keterangan == (
        "tidak ada rencana dalam batas waktu"
    )
    assert Hasil(p, "optimal", 1.0, 1.0, 0.0).keterangan == "optimal — terbukti"
    assert Hasil(p, "optimal", 1.0, 1.0, 0.0).status is Status.OPTIMAL


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"batas_waktu": 0}, "batas_waktu"),
        ({"batas_waktu": math.inf}, "terhingga"),
        ({"batas_waktu": math.nan}, "terhingga"),
        ({"celah": 1.0}, "celah"),
        ({"celah": -0.1}, "celah"),
        ({"threads": 0}, "threads"),
        ({"prioritas": "cepat"}, "prioritas"),
    ],
)
def test_inputs_are_guarded(kwargs, words):
    with pytest.raises(ValueError, match=words):
        optimasi(contoh.load("kecil"), **kwargs)


def test_absurd_thread_count_is_capped():
    hasil = optimasi(contoh.load("kecil"), threads=100_000, **EXACT)
    assert hasil.status == "optimal"


def test_empty_plan_is_refused():
    p = contoh.load("kecil")
    empty = p.with_changes(pegawai=(), kegiatan=(), beban=(), penetapan=(), penyesuaian=())
    with pytest.raises((ValueError, PlanError), match=r"(?i)kosong|tidak ada"):
        optimasi(empty)


def test_penetapan_rows_are_named_when_pins_break_the_plan():
    """A Ketua pin for a jenjang that may not lead, fixed hours above capacity."""
    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2)]
    pins = (
        Penetapan(nip(2), Peran.KETUA, tim="T1"),
        Penetapan(nip(1), Peran.JAM_TETAP, kegiatan="K1", jam=1300.0),
    )
    p = plan(staff, [("K1", "T1", [("Analis", None, 1500)])], leader=True, penetapan=pins)
    p = p.with_changes()  # no sheet rows: rows counted from 2 below the header
    hasil = optimasi(p, batas_waktu=300)
    assert hasil.status == "infeasible"
    by_code = {r.code: r for r in hasil.penjelasan}
    assert by_code["pin_leader_not_eligible"].baris_penetapan == (2,)
    assert "lembar Penetapan baris 2" in by_code["pin_leader_not_eligible"].message
    assert by_code["pin_hours_over_capacity"].baris_penetapan == (3,)
    assert "lembar Penetapan baris 3" in by_code["pin_hours_over_capacity"].message


def test_forbidding_the_only_leaders_points_to_the_penetapan_rows():
    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2)]
    pins = (Penetapan(nip(1), Peran.BUKAN_ANGGOTA, tim="T1"),)
    team = TimKerja("T1", "Tim Data")
    p = plan(
        staff, [("K1", "T1", [("Analis", None, 500)])], teams=[team], leader=True, penetapan=pins
    )
    hasil = optimasi(p, batas_waktu=300)
    assert hasil.status == "infeasible"
    reason = hasil.penjelasan[0]
    assert reason.code == "no_leader_candidate" and reason.baris_penetapan == (2,)
    assert "lembar Penetapan baris 2" in reason.message


def _solve_in_thread(p, **kwargs):
    reports: list[Kemajuan] = []
    box: dict = {}

    def work():
        box["hasil"] = optimasi(p, progress=reports.append, **kwargs)

    worker = threading.Thread(target=work)
    worker.start()
    return worker, reports, box


@pytest.mark.slow
def test_progress_is_reported_repeatedly_with_monotone_time():
    p = contoh.generate(150, seed=1)
    worker, reports, box = _solve_in_thread(p, batas_waktu=6, celah=0.0, prioritas="bobot")
    worker.join(120)
    assert not worker.is_alive()
    assert len(reports) >= 5
    times = [r.detik for r in reports]
    assert times == sorted(times)
    assert {"relaksasi", "selesai"} <= {r.tahap for r in reports}
    assert all(r.label for r in reports)
    # at least once a second while it ran (0,2 s polling; 1 s allowed)
    assert max(b - a for a, b in itertools.pairwise(times)) <= 1.0 + 0.5
    assert box["hasil"].status in ("optimal", "feasible", "no_solution")


@pytest.mark.slow
def test_cancel_returns_the_best_plan_so_far_honestly():
    p = contoh.generate(150, seed=1)
    batal = Batal()
    worker, reports, box = _solve_in_thread(
        p, batas_waktu=300, celah=0.0, prioritas="bobot", batal=batal
    )
    while not any(r.tahap == "cabang" for r in reports) and worker.is_alive():
        time.sleep(0.05)
    time.sleep(0.5)
    asked = time.perf_counter()
    batal.set()
    worker.join(60)
    latency = time.perf_counter() - asked
    assert not worker.is_alive()
    assert latency < 10, latency  # generous; measured ≈ 0,2–0,5 s
    hasil = box["hasil"]
    assert hasil.status in ("feasible", "cancelled", "optimal")
    if hasil.status == "feasible":
        assert hasil.berhenti == "batal"
        assert hasil.keterangan.startswith("dihentikan pengguna — rencana terbaik sejauh ini")
        assert verifikasi_alokasi(p, hasil.alokasi) == []
        assert hasil.bound is None or hasil.bound <= hasil.objective + 1e-9
