"""Small hand-solvable plans for optimiser tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sistemkerja.domain import (
    Asal,
    BarisAnggaran,
    BebanKegiatan,
    Indikator,
    Jabatan,
    JenisJabatan,
    Jenjang,
    Kebijakan,
    KebutuhanPeran,
    Kegiatan,
    Mode,
    Pagu,
    Pegawai,
    PerjanjianKinerja,
    Rencana,
    Sasaran,
    StatusASN,
    Strategi,
    TimKerja,
    Unit,
    make_nip,
)

#: Policy with only the max-EJ weight: the optimum is the min-max load.
ONLY_EJ = {
    "bobot_ej_maks": 1.0,
    "bobot_ej_jabatan": 0.0,
    "bobot_deviasi": 0.0,
    "bobot_biaya": 0.0,
    "bobot_lintas": 0.0,
    "bobot_keanggotaan": 0.0,
}
#: Policy with only the cost weight: pure minimum cost.
ONLY_COST = {**ONLY_EJ, "bobot_ej_maks": 0.0, "bobot_biaya": 1.0}


def nip(i: int) -> str:
    return make_nip(dt.date(1990, 1, 1 + i), 2015, 1, 1, 900 + i)


def person(
    i: int,
    jabatan: str = "Analis",
    jenjang: Jenjang = Jenjang.AHLI_PERTAMA,
    *,
    unit: str = "U",
    capacity: float | None = None,
    committed: float = 0.0,
    hourly: float = 0.0,
    involvement: float = 0.0,
) -> Pegawai:
    golongan = {Jenjang.AHLI_PERTAMA: "III/a", Jenjang.AHLI_MUDA: "III/c"}.get(jenjang, "IV/a")
    return Pegawai(
        nip(i),
        f"Pegawai {i}",
        jabatan,
        JenisJabatan.JF,
        jenjang,
        golongan,
        StatusASN.PNS,
        unit,
        capacity_hours=capacity,
        committed_hours=committed,
        hourly_cost=hourly,
        involvement_cost=involvement,
    )


def plan(
    staff: list[Pegawai],
    activities: list[tuple[str, str | None, list[tuple[str, Jenjang | None, float]]]],
    *,
    teams: list[TimKerja] | None = None,
    leader: bool = False,
    policy: dict[str, object] | None = None,
    needs: list[KebutuhanPeran] | None = None,
    pagu: float | None = None,
    lines: list[tuple[str, float]] | None = None,
    **extra: object,
) -> Rencana:
    """Build a plan: ``activities`` are (code, team or None, [(jabatan, jenjang, hours)])."""
    teams = teams if teams is not None else [TimKerja("T1", "Tim Satu")]
    jabatan = sorted({p.jabatan for p in staff} | {j for _, _, rs in activities for j, _, _ in rs})
    indicators = []
    strategies = []
    kegiatan = []
    beban = []
    for code, team, roles in activities:
        ind = f"IK-{code}"
        indicators.append(Indikator(ind, "SS", f"Indikator {code}", "1 Dokumen"))
        if team is None:
            strategies.append(Strategi(ind, Mode.INDIVIDU))
        else:
            strategies.append(Strategi(ind, Mode.TIM, team, perlu_ketua=leader))
        kegiatan.append(
            Kegiatan(code, f"Penyusunan dokumen {code}", ind, team, 1, 12, 1, "Dokumen")
        )
        for jab, jenjang, hours in roles:
            beban.append(BebanKegiatan(code, jab, jenjang, 1, hours))
    kebijakan = replace(Kebijakan(min_jam_anggota=0.0), **(policy or {}))
    budget: tuple[Pagu, ...] = ()
    anggaran: tuple[BarisAnggaran, ...] = ()
    if pagu is not None:
        budget = (Pagu("WA", "1000", None, None, "Kegiatan uji", pagu),)
        anggaran = tuple(
            BarisAnggaran(
                code, "WA", "1000", "AAA", "001", None, "521211", "Belanja", 1, "Paket", amount
            )
            for code, amount in (lines or [])
        )
    return Rencana(
        kebijakan=kebijakan,
        pk=PerjanjianKinerja(2027, "U", "Kepala Unit", "Direktur"),
        units=(
            Unit("U", "Unit Uji", "Kementerian Uji"),
            Unit("L", "Unit Lain", "Kementerian Uji"),
            Unit("X", "Badan Lain", "Badan Uji"),
        ),
        jabatan=tuple(Jabatan(j, JenisJabatan.JF) for j in jabatan),
        pegawai=tuple(staff),
        sasaran=(Sasaran("SS", "Sasaran uji"),),
        indikator=tuple(indicators),
        tim=tuple(t for t in teams if any(a[1] == t.code for a in activities)),
        strategi=tuple(strategies),
        kebutuhan_peran=tuple(needs or ()),
        kegiatan=tuple(kegiatan),
        beban=tuple(beban),
        pagu=budget,
        anggaran=anggaran,
        **extra,
    )


def allow(code: str, jabatan: str, asal: Asal, orang: int | None = None) -> KebutuhanPeran:
    return KebutuhanPeran(f"IK-{code}", jabatan, None, orang, None if orang else 1.0, asal)
