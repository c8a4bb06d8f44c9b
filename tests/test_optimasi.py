"""Optimiser tests in three layers: structure (no solve), known optima (every solver),
regression (the sample unit), plus properties and infeasibility explanations.
"""

from __future__ import annotations

import json
import time

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from optimasi_kit import ONLY_COST, ONLY_EJ, allow, nip, person, plan

from sistemkerja import contoh
from sistemkerja.cli import main
from sistemkerja.domain import Asal, Jenjang, Penetapan, Penyesuaian, Peran, PlanError, TimKerja
from sistemkerja.io import write_plan
from sistemkerja.optimasi import build_masukan, optimasi, precheck
from sistemkerja.optimasi.model import available_solvers, build_model
from sistemkerja.optimasi.verifikasi import verifikasi_alokasi

SOLVERS = ["highs", "cbc"]


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
    ours = optimasi(contoh.load("kecil"), batas_waktu=10)
    assert ours.status == "optimal"
    assert pulp.value(prob.objective) == pytest.approx(ours.objective, abs=1e-6)


def test_relaxed_model_bounds_the_optimum():
    model = build_model(build_masukan(contoh.load("kecil")))
    model.relax()
    assert not any(model.columns.integer)
    from sistemkerja.optimasi.model import solve_model

    lp = solve_model(model, time_limit=10)
    assert lp.status == "optimal"
    assert lp.objective <= optimasi(contoh.load("kecil"), batas_waktu=10).objective + 1e-9


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
    hasil = optimasi(p, solver=solver, batas_waktu=20)
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
    hasil = optimasi(p, solver=solver, batas_waktu=20)
    assert hasil.status == "optimal"
    carried = {t.kegiatan: t.nip for t in hasil.alokasi.penugasan}
    assert carried == {"K1": nip(1), "K2": nip(2), "K3": nip(1)}
    assert hasil.components["biaya"] == pytest.approx(40e6)
    assert _hours(hasil, nip(1)) == pytest.approx(220)  # the override: 120 jam for K3


@pytest.mark.parametrize("solver", SOLVERS)
def test_only_eligible_jenjang_leads(solver):
    staff = [person(1), person(2, jenjang=Jenjang.AHLI_MUDA), person(3)]
    p = plan(staff, [("K1", "T1", [("Analis", None, 900)])], leader=True)
    hasil = optimasi(p, solver=solver, batas_waktu=20)
    assert hasil.ok
    assert hasil.alokasi.ketua() == {"T1": nip(2)}


@pytest.mark.parametrize("solver", SOLVERS)
def test_outside_staff_only_where_strategy_allows(solver):
    staff = [person(1, capacity=600), person(2, unit="L", hourly=100_000, involvement=1e6)]
    jobs = [("K1", "T1", [("Analis", None, 1000)])]
    closed = optimasi(plan(staff, jobs), solver=solver, batas_waktu=20)
    assert closed.status == "infeasible"
    assert any("1.000 jam Analis" in p.message for p in closed.penjelasan)
    # An agency that uses its own staff first: a high cost weight (Rp 1 juta = 1 point).
    own_first = {"bobot_biaya": 1.0}
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
    hasil = optimasi(p, solver=solver, batas_waktu=20)
    assert hasil.status == "optimal"
    assert _hours(hasil, nip(1)) == pytest.approx(500)
    assert hasil.components["biaya"] == pytest.approx(5e6)


@pytest.mark.parametrize("solver", SOLVERS)
def test_fixed_hours_pin(solver):
    staff = [person(1), person(2)]
    pin = (Penetapan(nip(1), Peran.JAM_TETAP, kegiatan="K1", jam=700.0),)
    p = plan(staff, [("K1", "T1", [("Analis", None, 1000)])], policy=ONLY_EJ, penetapan=pin)
    hasil = optimasi(p, solver=solver, batas_waktu=20)
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


# ---- properties: every rule holds in every returned solution -------------------------


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(min_value=4, max_value=30), seed=st.integers(0, 10_000))
# Found by Hypothesis: HiGHS reported objective 15.898 (and status optimal) for a solution
# whose objective is 16.456, after the team search; the bound 16.446 was above it.
@example(n=30, seed=5409)
def test_every_rule_holds_in_returned_solutions(n, seed):
    p = contoh.generate(n, seed=seed)
    hasil = optimasi(p, batas_waktu=10, gap=1e-3)
    assert hasil.status in ("optimal", "feasible"), hasil.describe()
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert hasil.bound is None or hasil.bound <= hasil.objective + 1e-6
    weighted = sum(hasil.weights[k] * v for k, v in hasil.components.items())
    assert hasil.objective == pytest.approx(weighted, rel=1e-9, abs=1e-9)


# ---- regression: aggregates of the sample unit ----------------------------------------


def test_sample_unit_regression():
    p = contoh.load("unit")
    hasil = optimasi(p, batas_waktu=20, gap=1e-2)
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
    code = main(["optimasi", str(src), "--keluaran", str(out), "--json", "--batas-waktu", "20"])
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


@pytest.mark.parametrize("solver", SOLVERS)
def test_watchdog_stops_a_solver_that_overruns(solver, monkeypatch):
    """Simulate a solver ignoring its limit: the watchdog fires 29 s early and stops it."""
    import sistemkerja.optimasi.model as model_module

    monkeypatch.setattr(model_module, "WATCHDOG_GRACE", -29.0)
    m = build_masukan(contoh.generate(150, seed=1))
    out = model_module.solve_model(build_model(m), solver=solver, time_limit=30, gap=0.0)
    assert out.solve_seconds < 15  # stopped near 1 s, far before the solver's own 30 s
    assert out.status in ("feasible", "no_solution")
    if out.status == "no_solution":
        assert out.x is None


def test_aggregated_membership_link_has_the_same_optimum(monkeypatch):
    """Large models aggregate f ≤ y per membership: fewer rows, same integer optimum."""
    import sistemkerja.optimasi.model as model_module

    p = contoh.load("kecil")
    strong = optimasi(p, batas_waktu=20)
    monkeypatch.setattr(model_module, "STRONG_LINK_LIMIT", 0)
    m = build_masukan(p)
    aggregated_model = build_model(m)
    pairs = {(nip, m.baris_by_index[r].tim) for nip, r in aggregated_model.f}
    assert aggregated_model.families["anggota"] == len(pairs) < len(aggregated_model.f)
    aggregated = optimasi(p, batas_waktu=20)
    assert strong.status == aggregated.status == "optimal"
    assert aggregated.objective == pytest.approx(strong.objective, rel=1e-6)
    assert verifikasi_alokasi(p, aggregated.alokasi) == []


# ---- the allocation built from the LP relaxation (what large plans rely on) -----------


def _loaded_relaxation(p):
    import sistemkerja.optimasi.model as model_module

    m = build_masukan(p)
    model = build_model(m)
    loaded = model_module._load_highs(model, None, False)
    relaxed = model_module._relax_and_fix(model, loaded, time.perf_counter() + 60)
    return m, model, loaded, relaxed


def _as_allocation(m, model, loaded, candidate):
    from sistemkerja.optimasi.model import SolveOutcome
    from sistemkerja.optimasi.solve import _alokasi

    outcome = SolveOutcome(
        "feasible", candidate.objective, None, None, 0.0, "highs", "", candidate.start
    )
    return _alokasi(m, model, outcome)


@pytest.mark.parametrize(("n", "seed"), [(20, 1), (60, 2), (120, 7), (150, 1)])
def test_allocation_from_relaxation_keeps_every_rule(n, seed):
    """Relaxation → memberships by its hours → hours re-optimised → memberships pruned →
    teams re-chosen one at a time: each step gives an allocation that keeps every rule,
    no worse than the one before and above the relaxation's bound."""
    import sistemkerja.optimasi.model as model_module

    p = contoh.generate(n, seed=seed)
    m, model, loaded, relaxed = _loaded_relaxation(p)
    assert relaxed.status == "optimal" and relaxed.start is not None
    assert relaxed.bound <= relaxed.objective + 1e-6
    # Relieving the busiest people's teams never makes the allocation worse.
    from sistemkerja.optimasi.greedy import greedy

    guide = model_module._guide(model, m, relaxed.relaxation)
    plain = model_module._solve_fixed(model, loaded, greedy(m, guide), time.perf_counter() + 60)
    assert plain is not None and relaxed.objective <= plain[1] + 1e-9
    loaded.make_integer()
    pruned = model_module._prune(model, loaded, relaxed, time.perf_counter() + 30)
    assert pruned.objective <= relaxed.objective
    improved = model_module._improve_by_team(model, loaded, pruned, time.perf_counter() + 3)
    assert improved.objective <= pruned.objective
    for candidate in (relaxed, pruned, improved):
        assert loaded.violation(candidate.start) <= model_module.START_TOLERANCE
        assert verifikasi_alokasi(p, _as_allocation(m, model, loaded, candidate)) == []


def test_violation_measures_rows_and_bounds():
    p = contoh.generate(20, seed=1)
    _, _, loaded, relaxed = _loaded_relaxation(p)
    assert loaded.violation(relaxed.start) <= 1e-9
    broken = relaxed.start.copy()
    broken[loaded.integer[0]] = 3.0  # a binary at 3: its upper bound (and rows) broken
    assert loaded.violation(broken) >= 2.0


def test_relaxation_allocation_is_the_answer_when_branch_and_bound_finds_none(monkeypatch):
    """Give every MIP run 10 ms: the plan still gets a valid allocation with its gap."""
    import sistemkerja.optimasi.model as model_module

    run = model_module._run

    def starved(h, time_limit, *, lp=False, **kwargs):
        run(h, time_limit if lp else 0.01, lp=lp, **kwargs)

    monkeypatch.setattr(model_module, "_run", starved)
    p = contoh.generate(150, seed=1)
    hasil = optimasi(p, batas_waktu=60)
    assert hasil.status == "feasible", hasil.describe()
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert hasil.bound is not None and hasil.bound <= hasil.objective
    assert hasil.gap is not None and 0 < hasil.gap < 0.2


def test_infeasible_relaxation_proves_the_plan_infeasible():
    """One leader candidate for two teams, one team per person: even the LP has no answer."""
    from sistemkerja.optimasi.greedy import greedy
    from sistemkerja.optimasi.model import solve_model

    staff = [person(1, jenjang=Jenjang.AHLI_MUDA), person(2), person(3)]
    teams = [TimKerja("T1", "Tim Satu"), TimKerja("T2", "Tim Dua")]
    jobs = [("K1", "T1", [("Analis", None, 300)]), ("K2", "T2", [("Analis", None, 300)])]
    p = plan(staff, jobs, teams=teams, leader=True, policy={"max_tim_per_pegawai": 1})
    m = build_masukan(p)
    out = solve_model(build_model(m), time_limit=20, start=greedy(m))
    assert out.status == "infeasible"
    assert out.message == "relaksasi LP tidak layak"
    assert out.x is None


def test_repair_adds_members_until_the_hours_fit():
    """On this plan the plain greedy's memberships cannot carry the hours (people over
    capacity); the repair adds members until they can, and every rule then holds."""
    import sistemkerja.optimasi.model as model_module
    from sistemkerja.optimasi.greedy import greedy

    p = contoh.generate(60, seed=2)
    m = build_masukan(p)
    model = build_model(m)
    loaded = model_module._load_highs(model, None, False)
    chosen = greedy(m)
    before = set(chosen.y)
    with model_module._interior_point(loaded):
        assert model_module._solve_fixed(model, loaded, chosen, time.perf_counter() + 30) is None
        assert model_module._repair(m, chosen, loaded, time.perf_counter() + 30)
        found = model_module._solve_fixed(model, loaded, chosen, time.perf_counter() + 30)
    assert found is not None and chosen.y > before  # only additions
    assert loaded.violation(found[0]) <= model_module.START_TOLERANCE
    outcome = model_module.SolveOutcome(
        "feasible", found[1], None, None, 0.0, "highs", "", found[0]
    )
    from sistemkerja.optimasi.solve import _alokasi

    assert verifikasi_alokasi(p, _alokasi(m, model, outcome)) == []


@pytest.mark.parametrize("solver", SOLVERS)
def test_unfinished_relaxation_skips_branch_and_bound(solver, monkeypatch):
    """When the LP relaxation does not finish in its share of the time, branch-and-bound
    (whose root is that LP) is skipped: the greedy allocation, fitted, is returned with
    no proven bound, or no solution, and says why."""
    import sistemkerja.optimasi.model as model_module

    monkeypatch.setattr(model_module, "RELAX_SHARE", 1e-4)
    p = contoh.generate(60, seed=4)  # its plain greedy memberships carry the hours
    hasil = optimasi(p, solver=solver, batas_waktu=20)
    assert hasil.status == "feasible"
    assert hasil.bound is None and hasil.gap is None
    assert model_module.RELAX_STOPPED in hasil.message and "greedy" in hasil.message
    assert hasil.solve_seconds < 20
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


def test_cbc_starts_from_the_relaxation_allocation():
    """CBC gets the same LP-guided start (written as its MIP start): a valid allocation."""
    p = contoh.generate(150, seed=1)
    hasil = optimasi(p, solver="cbc", batas_waktu=8)
    assert hasil.status == "feasible", hasil.describe()
    assert verifikasi_alokasi(p, hasil.alokasi) == []
    assert hasil.bound is not None and hasil.bound <= hasil.objective
    assert hasil.solve_seconds < 8 + 5


def test_short_time_limit_holds_on_a_large_plan():
    """400 staff with 3 s: the relaxation (≈9 s when left alone) is cut off in time too."""
    from sistemkerja.optimasi.model import WATCHDOG_GRACE

    p = contoh.generate(400, seed=1)
    hasil = optimasi(p, batas_waktu=3)
    assert hasil.solve_seconds <= 3 + WATCHDOG_GRACE
    assert hasil.status in ("feasible", "no_solution")
    if hasil.status == "feasible":
        assert verifikasi_alokasi(p, hasil.alokasi) == []
