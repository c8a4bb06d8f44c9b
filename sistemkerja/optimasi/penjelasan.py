"""Why an infeasible plan cannot be met: the elastic re-solve, described in plan terms.

The pre-checks (:func:`~sistemkerja.optimasi.cek.precheck`) explain the obvious causes;
otherwise every hard family gets a penalised slack and the non-zero slacks are reported
by name, Penetapan rows by their sheet row.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Peran
from sistemkerja.optimasi.cek import Penjelasan, penetapan_rows, precheck, rows_text
from sistemkerja.optimasi.masukan import Masukan
from sistemkerja.optimasi.model import Model, build_model
from sistemkerja.optimasi.solver import SolverName, solve_model
from sistemkerja.optimasi.tenggat import Tenggat


def explain(
    m: Masukan,
    tenggat: Tenggat | None = None,
    *,
    solver: SolverName = "highs",
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
    tenggat : Tenggat, optional
        Deadline of the re-solve (default: 60 s).
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
    tenggat = tenggat if tenggat is not None else Tenggat(60.0)
    tenggat.tahap("penjelasan")
    model = build_model(m, elastic=True)
    outcome = solve_model(model, tenggat, solver=solver, threads=threads)
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
            luar = not (p.bulan_mulai <= int(keys[1]) <= p.bulan_selesai)
            masa = (
                f" (di luar masa tugasnya, bulan {p.bulan_mulai}–{p.bulan_selesai})" if luar else ""
            )
            out.append(
                Penjelasan(
                    "monthly_capacity_short",
                    f"Pada bulan {keys[1]} beban {p.name} melebihi kapasitas bulanannya{masa} "
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
                    f"{p.name} harus masuk lebih dari {m.maks_tim[p.nip]} tim",
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
            out.append(_pin_broken(m, tuple(keys), amount))
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


def _pin_broken(m: Masukan, keys: tuple[str, ...], amount: float) -> Penjelasan:
    """Describe a Penetapan entry that cannot hold, naming its sheet row."""
    if keys[0] == "ketua":
        nip, tim = keys[1], keys[2]
        rows = penetapan_rows(m, lambda x: x.nip == nip and x.tim == tim and x.peran is Peran.KETUA)
        what = f"{m.pegawai[nip].name} sebagai Ketua {tim}"
    elif keys[0] in ("jam+", "jam-"):
        nip, code = keys[1], keys[2]
        rows = penetapan_rows(
            m, lambda x: x.nip == nip and x.kegiatan == code and x.peran is Peran.JAM_TETAP
        )
        what = f"jam tetap {m.pegawai[nip].name} pada {code}"
    else:
        nip, tim = keys[0], keys[1]
        rows = penetapan_rows(
            m, lambda x: x.nip == nip and x.tim == tim and x.peran in (Peran.ANGGOTA, Peran.KETUA)
        )
        what = f"{m.pegawai[nip].name} di {tim}"
    return Penjelasan(
        "pin_broken",
        f"Penetapan {what} tidak dapat dipenuhi bersama aturan lain "
        f"(selisih {format_angka(amount, 1)}){rows_text(rows)}",
        amount,
        baris_penetapan=rows,
    )
