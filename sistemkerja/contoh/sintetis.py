"""Seeded generator of synthetic plans of any size (for benchmarks and property tests).

The generator is consistent by construction: it first builds a *witness* — every worker
joins one to three teams (or also works one individual target) and spends ``load`` of
their available hours there — and then writes the activities' effort rows, the role
requirements, the team sizes and the Ketua Tim needs from that witness. So:

* the plan always validates without errors (and without warnings);
* every effort row can be done by someone of the right jabatan, jenjang and origin
  inside the team that owns it, within that person's capacity when ``load <= 1``;
* total effort is ``load`` × total available hours (capacity minus committed), less
  rounding to whole hours;
* every team that needs a Ketua Tim has an eligible member from the unit;
* budget lines plus the personnel cost of the witness allocation (outside staff's hours
  × hourly cost, and their involvement cost) use 90–98 % of each RO pagu, so the witness
  fits the budget; lines alone use somewhat less.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field

from sistemkerja.contoh._orang import PembuatNama, nip_fiktif
from sistemkerja.domain import (
    Asal,
    Aspek,
    BarisAnggaran,
    BebanKegiatan,
    Indikator,
    JenisJabatan,
    Jenjang,
    Kebijakan,
    KebutuhanPeran,
    Kegiatan,
    MetodeCascade,
    Mode,
    Pagu,
    Pegawai,
    PerjanjianKinerja,
    Pola,
    Rencana,
    Sasaran,
    StatusASN,
    Strategi,
    TimKerja,
    TugasTambahan,
    Unit,
    format_angka,
)
from sistemkerja.domain.enums import Jalur
from sistemkerja.domain.katalog import DEFAULT_JABATAN

TAHUN = 2027
UNIT_SENDIRI = "DIT-SINTETIS"
UNIT_LAIN = "PUS-SINTETIS"
UNIT_INSTANSI_LAIN = "BDN-LAIN"
_INSTANSI = "Kementerian Sintetis"

#: Position families of workers with their weight (share of staff) and career tracks.
_FAMILI: tuple[tuple[str, float, tuple[Jalur, ...]], ...] = (
    ("Perencana", 12, (Jalur.KEAHLIAN,)),
    ("Analis SDM Aparatur", 12, (Jalur.KEAHLIAN,)),
    ("Analis Kebijakan", 8, (Jalur.KEAHLIAN,)),
    ("Asesor SDM Aparatur", 3, (Jalur.KEAHLIAN,)),
    ("Pranata Komputer", 9, (Jalur.KEAHLIAN, Jalur.KETERAMPILAN)),
    ("Statistisi", 6, (Jalur.KEAHLIAN, Jalur.KETERAMPILAN)),
    ("Arsiparis", 4, (Jalur.KEAHLIAN, Jalur.KETERAMPILAN)),
    ("Auditor", 3, (Jalur.KEAHLIAN,)),
    ("Pranata Keuangan APBN", 5, (Jalur.KETERAMPILAN,)),
    ("Analis Pengelolaan Keuangan APBN", 4, (Jalur.KEAHLIAN,)),
    ("Pengelola Pengadaan Barang/Jasa", 3, (Jalur.KEAHLIAN,)),
    ("Pranata Hubungan Masyarakat", 4, (Jalur.KEAHLIAN, Jalur.KETERAMPILAN)),
    ("Analis Hukum", 3, (Jalur.KEAHLIAN,)),
    ("Penata Layanan Operasional", 9, (Jalur.PELAKSANA,)),
    ("Pengelola Layanan Operasional", 5, (Jalur.PELAKSANA,)),
    ("Pengadministrasi Perkantoran", 5, (Jalur.PELAKSANA,)),
    ("Operator Layanan Operasional", 3, (Jalur.PELAKSANA,)),
    ("Pengelola Umum Operasional", 2, (Jalur.PELAKSANA,)),
)

_JENJANG: dict[Jalur, tuple[tuple[Jenjang, float], ...]] = {
    Jalur.KEAHLIAN: (
        (Jenjang.AHLI_PERTAMA, 45),
        (Jenjang.AHLI_MUDA, 35),
        (Jenjang.AHLI_MADYA, 17),
        (Jenjang.AHLI_UTAMA, 3),
    ),
    Jalur.KETERAMPILAN: (
        (Jenjang.TERAMPIL, 50),
        (Jenjang.MAHIR, 35),
        (Jenjang.PENYELIA, 15),
    ),
    Jalur.PELAKSANA: ((Jenjang.KLEREK, 60), (Jenjang.OPERATOR, 25), (Jenjang.TEKNISI, 15)),
}

_GOLONGAN_PNS: dict[Jenjang, tuple[str, ...]] = {
    Jenjang.AHLI_PERTAMA: ("III/a", "III/b"),
    Jenjang.AHLI_MUDA: ("III/c", "III/d"),
    Jenjang.AHLI_MADYA: ("IV/a", "IV/b", "IV/c"),
    Jenjang.AHLI_UTAMA: ("IV/d", "IV/e"),
    Jenjang.TERAMPIL: ("II/c", "II/d"),
    Jenjang.MAHIR: ("III/a", "III/b"),
    Jenjang.PENYELIA: ("III/c", "III/d"),
    Jenjang.KLEREK: ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b"),
    Jenjang.OPERATOR: ("II/a", "II/b", "II/c", "II/d"),
    Jenjang.TEKNISI: ("II/c", "II/d", "III/a", "III/b"),
}
_GOLONGAN_PPPK: dict[Jenjang, str] = {
    Jenjang.AHLI_PERTAMA: "9",
    Jenjang.AHLI_MUDA: "10",
    Jenjang.AHLI_MADYA: "11",
    Jenjang.AHLI_UTAMA: "13",
    Jenjang.TERAMPIL: "7",
    Jenjang.MAHIR: "8",
    Jenjang.PENYELIA: "9",
    Jenjang.KLEREK: "5",
    Jenjang.OPERATOR: "5",
    Jenjang.TEKNISI: "7",
}
_MASA_KERJA: dict[str, tuple[int, int]] = {
    "II/a": (1, 4),
    "II/b": (3, 8),
    "II/c": (1, 8),
    "II/d": (4, 12),
    "III/a": (1, 6),
    "III/b": (3, 10),
    "III/c": (7, 15),
    "III/d": (10, 20),
    "IV/a": (14, 24),
    "IV/b": (18, 28),
    "IV/c": (22, 30),
    "IV/d": (25, 32),
    "IV/e": (28, 33),
}
_GELAR = ("S.E.", "S.Sos.", "S.Kom.", "S.Si.", "S.AP.", "S.Psi.", "S.H.", "S.T.")

_VERBA = (
    "Penyusunan",
    "Analisis",
    "Pemantauan",
    "Evaluasi",
    "Pengolahan",
    "Verifikasi",
    "Sosialisasi",
    "Koordinasi",
    "Pengembangan",
    "Pendampingan",
)
_OBJEK = (
    "laporan kinerja",
    "data kepegawaian",
    "rencana kebutuhan pegawai",
    "standar kompetensi",
    "rekomendasi kebijakan",
    "sistem informasi",
    "dokumen anggaran",
    "arsip unit",
    "layanan pengaduan",
    "bahan pimpinan",
)
_SATUAN = ("Laporan", "Dokumen", "Kali", "Rekomendasi", "Modul", "Set data")
_AKUN = (
    ("521211", "Belanja bahan", "Paket", 1_000_000, 25_000_000),
    ("521213", "Honor output kegiatan", "OB", 500_000, 1_500_000),
    ("522151", "Honorarium narasumber", "OJ", 900_000, 1_700_000),
    ("524111", "Perjalanan dinas biasa", "OP", 3_000_000, 8_000_000),
    ("524114", "Paket rapat dalam kota", "OH", 400_000, 650_000),
    ("524119", "Paket rapat luar kota", "OH", 900_000, 1_300_000),
)
_KRO = ("AEA", "AFA", "BMA", "EBA", "EBD")
_DIVISORS = (12, 8, 6, 4, 3, 2)


@dataclass
class _Pekerja:
    """A worker in the witness: a person, the hours they give, and where."""

    pegawai: Pegawai
    asal: Asal
    jam: int  # available hours, then the hours given (``load`` × available)
    use_min: bool  # whether this person's effort rows state their jenjang as minimum
    teams: list[int] = field(default_factory=list)


@dataclass
class _Target:
    """A target (indicator or tugas tambahan) in the making."""

    code: str
    team: int | None
    activities: list[int] = field(default_factory=list)


def _check(n_pegawai: int, n_kegiatan: int | None, n_tim: int | None, load: float) -> None:
    if isinstance(n_pegawai, bool) or not isinstance(n_pegawai, int) or n_pegawai < 2:
        raise ValueError(f"n_pegawai harus bilangan bulat minimal 2 (tertulis {n_pegawai!r})")
    if n_tim is not None and (not isinstance(n_tim, int) or not 1 <= n_tim <= n_pegawai - 1):
        raise ValueError(
            f"n_tim harus antara 1 dan {n_pegawai - 1} (jumlah pegawai selain pimpinan), "
            f"tertulis {n_tim!r}"
        )
    if n_kegiatan is not None and (not isinstance(n_kegiatan, int) or n_kegiatan < 1):
        raise ValueError(f"n_kegiatan harus bilangan bulat minimal 1 (tertulis {n_kegiatan!r})")
    if not isinstance(load, int | float) or not 0 < load <= 2:
        raise ValueError(f"load harus di antara 0 dan 2 (tertulis {load!r})")


def _staff(rng: random.Random, n: int) -> tuple[Pegawai, list[_Pekerja]]:
    """Return the unit head and the workers (own staff, then other units and agency)."""
    n_agency = max(1, n // 50) if n >= 10 else 0
    n_other = n // 12 if n >= 12 else (1 if n >= 6 else 0)
    names = PembuatNama(rng)
    used: set[str] = set()

    def nip(sex: int, golongan: str, ppk: bool) -> str:
        masa = (1, 5) if ppk else _MASA_KERJA[golongan]
        usia = (25, 38) if ppk else (20, 30)
        while True:
            text = nip_fiktif(
                rng,
                sex=sex,
                seq=rng.randint(900, 999),
                tahun=TAHUN,
                masa_kerja=masa,
                usia_masuk=usia,
            )
            if text not in used:
                used.add(text)
                return text

    sex = rng.choice((1, 2))
    head = Pegawai(
        nip=nip(sex, "IV/c", False),
        name=names.nama(sex, depan="Dr.", belakang=(rng.choice(_GELAR), "M.Si.")),
        jabatan="Direktur",
        jenis=JenisJabatan.STRUKTURAL,
        jenjang=Jenjang.JPT_PRATAMA,
        golongan="IV/c",
        status=StatusASN.PNS,
        unit=UNIT_SENDIRI,
        committed_hours=1250.0,
    )
    families = [f for f, _, _ in _FAMILI]
    weights = [w for _, w, _ in _FAMILI]
    tracks = {f: t for f, _, t in _FAMILI}
    workers = []
    for i in range(n - 1):
        if i < n - 1 - n_agency - n_other:
            unit, asal = UNIT_SENDIRI, Asal.UNIT
        elif i < n - 1 - n_agency:
            unit, asal = UNIT_LAIN, Asal.LINTAS_UNIT
        else:
            unit, asal = UNIT_INSTANSI_LAIN, Asal.LINTAS_INSTANSI
        jabatan = rng.choices(families, weights)[0]
        jalur = rng.choice(tracks[jabatan])
        levels = _JENJANG[jalur]
        jenjang = rng.choices([j for j, _ in levels], [w for _, w in levels])[0]
        ppk = asal is Asal.UNIT and rng.random() < 0.1
        golongan = _GOLONGAN_PPPK[jenjang] if ppk else rng.choice(_GOLONGAN_PNS[jenjang])
        sex = rng.choice((1, 2))
        if jalur is Jalur.KEAHLIAN:
            gelar: tuple[str, ...] = (rng.choice(_GELAR),)
        elif jalur is Jalur.KETERAMPILAN:
            gelar = ("A.Md.",)
        else:
            gelar = ()
        capacity: float | None = None
        committed = 0.0
        if asal is Asal.UNIT:
            if rng.random() < 0.1:
                capacity = float(rng.choice((625, 750, 875, 940, 1000, 1125)))
            if rng.random() < 0.2:
                committed = float(rng.choice((50, 100, 150, 200, 250)))
        else:
            committed = float(rng.choice((750, 850, 950, 1000)))
        cost = {
            Asal.UNIT: (0.0, 0.0),
            Asal.LINTAS_UNIT: (500_000.0, 50_000.0),
            Asal.LINTAS_INSTANSI: (9_500_000.0, 150_000.0),
        }[asal]
        p = Pegawai(
            nip=nip(sex, golongan, ppk),
            name=names.nama(sex, belakang=gelar),
            jabatan=jabatan,
            jenis=JenisJabatan.PELAKSANA if jalur is Jalur.PELAKSANA else JenisJabatan.JF,
            jenjang=jenjang,
            golongan=golongan,
            status=StatusASN.PPPK if ppk else StatusASN.PNS,
            unit=unit,
            capacity_hours=capacity,
            committed_hours=committed,
            involvement_cost=cost[0],
            hourly_cost=cost[1],
        )
        available = (1250.0 if capacity is None else capacity) - committed
        use_min = jenjang.rank > 0 and rng.random() < 0.4
        workers.append(_Pekerja(p, asal, int(available), use_min))
    return head, workers


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split whole hours into ``parts`` non-negative whole numbers that sum to ``total``."""
    if parts == 1:
        return [total]
    weights = [rng.random() + 0.25 for _ in range(parts)]
    scale = total / sum(weights)
    out = [int(w * scale) for w in weights]
    out[0] += total - sum(out)
    return out


_TW = tuple[str | None, str | None, str | None, str | None]


def _sum_target(value: int, satuan: str) -> tuple[str, _TW]:
    """Return an additive target text (and quarterly targets when it divides by 4)."""
    text = f"{format_angka(value)} {satuan}"
    if value % 4 == 0:
        q1, q2, q3 = (f"{format_angka(value // 4 * i)} {satuan}" for i in (1, 2, 3))
        return text, (q1, q2, q3, text)
    return text, (None, None, None, None)


def _target_text(rng: random.Random, pola: Pola) -> tuple[str, _TW]:
    """Return an Indonesian target text and its quarterly targets for a pattern."""
    none: _TW = (None, None, None, None)
    if pola is Pola.HITUNGAN:
        satuan = rng.choice(_SATUAN)
        value = rng.choice((4, 6, 8, 12, 16, 20, 24, 38, 48, 120, 1200))
        text = f"{format_angka(value)} {satuan}"
        if rng.random() < 0.5 and value % 4 == 0:
            q1, q2, q3 = (f"{format_angka(value // 4 * i)} {satuan}" for i in (1, 2, 3))
            return text, (q1, q2, q3, text)
        return text, none
    if pola is Pola.POSISI:
        kind = rng.random()
        if kind < 0.6:
            value = rng.choice((75, 80, 85, 90, 95))
            if rng.random() < 0.5:
                return f"{value} %", (
                    f"{value - 15} %",
                    f"{value - 10} %",
                    f"{value - 5} %",
                    f"{value} %",
                )
            return f"{value} %", none
        if kind < 0.8:
            return f"Indeks {format_angka(rng.choice((2.85, 3.05, 3.2, 3.5)), 2)}", none
        return f"Skala {rng.choice((3, 4, 5, 7))}", none
    return f"{rng.choice((80, 85, 90, 95))} poin", none


def generate(
    n_pegawai: int,
    *,
    seed: int = 0,
    n_kegiatan: int | None = None,
    n_tim: int | None = None,
    load: float = 0.8,
) -> Rencana:
    """Generate a synthetic, internally consistent plan of any size.

    Parameters
    ----------
    n_pegawai : int
        Rows of the Pegawai sheet (orang), at least 2: the unit head, own staff and a
        few candidates from another unit (about 1 in 12 from 12 staff up) and another
        agency (1 in 50 from 10 staff up, at least one).
    seed : int
        Seed of the random generator; the same arguments give an equal plan.
    n_kegiatan : int, optional
        Number of activities; default ``2 * n_pegawai`` (at least ``n_tim``).
    n_tim : int, optional
        Number of teams; default ``round(0.1 * n_pegawai)``, at least 1.
    load : float
        Total effort as a share of the total available hours (capacity minus committed,
        jam), 0 < load <= 2. Above 1 the plan is overloaded by design.

    Returns
    -------
    Rencana
        A plan whose :meth:`~sistemkerja.domain.Rencana.validate` reports no errors.

    Raises
    ------
    ValueError
        If an argument is out of range (message in Indonesian).

    Examples
    --------
    >>> plan = generate(60, seed=1)
    >>> len(plan.pegawai), len(plan.tim), len(plan.kegiatan)
    (60, 6, 120)
    >>> [p for p in plan.validate() if p.is_error]
    []
    """
    _check(n_pegawai, n_kegiatan, n_tim, load)
    rng = random.Random(seed)
    head, workers = _staff(rng, n_pegawai)
    for w in workers:  # the witness gives ``load`` of each worker's available hours
        w.jam = int(w.jam * load)
    n_workers = len(workers)
    teams_n = n_tim if n_tim is not None else max(1, min(n_workers, round(0.1 * n_pegawai)))
    acts_n = n_kegiatan if n_kegiatan is not None else max(teams_n, 2 * n_pegawai)
    if acts_n < teams_n:
        raise ValueError(f"n_kegiatan ({acts_n}) tidak boleh kurang dari n_tim ({teams_n})")
    kebijakan = Kebijakan()

    # ---- teams: seed each with a distinct leader-eligible own worker when possible
    order = list(range(n_workers))
    rng.shuffle(order)
    eligible = [
        i
        for i in order
        if workers[i].asal is Asal.UNIT and workers[i].pegawai.jenjang in kebijakan.ketua_jenjang
    ]
    chosen_first = set(eligible)
    others = [i for i in order if i not in chosen_first]
    seeds = (eligible + others)[:teams_n]
    leader_team = [t < len(eligible) and rng.random() < 0.85 for t in range(teams_n)]
    for t, i in enumerate(seeds):
        workers[i].teams.append(t)
    max_teams = min(kebijakan.max_tim_per_pegawai, teams_n)
    for w in workers:
        want = min(max_teams, rng.choices((1, 2, 3), (50, 35, 15))[0])
        while len(w.teams) < want:
            t = rng.randrange(teams_n)
            if t not in w.teams:
                w.teams.append(t)

    # ---- targets: one or two per team, plus a few individual ones
    indiv_n = min(max(1, n_pegawai // 30), acts_n - teams_n, n_workers)
    extra = [t for t in range(teams_n) if rng.random() < 0.5][: acts_n - teams_n - indiv_n]
    team_targets = list(range(teams_n)) + extra
    team_targets.sort()
    targets: list[_Target] = []
    for t in team_targets:
        targets.append(_Target("", t))
    own_workers = [i for i in order if workers[i].asal is Asal.UNIT]
    solo = own_workers[:indiv_n]
    for _ in solo:
        targets.append(_Target("", None))
    n_tt = len(targets) // 10
    n_ind = len(targets) - n_tt
    n_sas = max(1, math.ceil(n_ind / 3))
    for k, tg in enumerate(targets):
        if k < n_ind:
            tg.code = f"IK-{k % n_sas + 1}.{k // n_sas + 1}"
        else:
            tg.code = f"TT-{k - n_ind + 1}"

    # ---- activities: every target at least one; the rest spread at random
    act_target = list(range(len(targets)))
    act_target += [rng.randrange(len(targets)) for _ in range(acts_n - len(targets))]
    act_target.sort()
    for a, k in enumerate(act_target):
        targets[k].activities.append(a)
    team_acts: list[list[int]] = [[] for _ in range(teams_n)]
    for tg in targets:
        if tg.team is not None:
            team_acts[tg.team].extend(tg.activities)

    # ---- witness: hours of each worker per activity -> effort rows
    rows: dict[tuple[int, str, Jenjang | None], int] = {}
    contrib: dict[int, list[tuple[_Pekerja, int]]] = {a: [] for a in range(acts_n)}

    def give(w: _Pekerja, acts: list[int], hours: int) -> None:
        jmin = w.pegawai.jenjang if w.use_min else None
        for a, h in zip(acts, _split(rng, hours, len(acts)), strict=True):
            key = (a, w.pegawai.jabatan, jmin)
            rows[key] = rows.get(key, 0) + h
            contrib[a].append((w, h))

    solo_target = {i: targets[len(team_targets) + s] for s, i in enumerate(solo)}
    team_members: list[list[tuple[_Pekerja, int]]] = [[] for _ in range(teams_n)]
    for i, w in enumerate(workers):
        hours = w.jam
        if i in solo_target:
            own = int(hours * rng.uniform(0.2, 0.6))
            give(w, solo_target[i].activities, own)
            hours -= own
        for t, h in zip(w.teams, _split(rng, hours, len(w.teams)), strict=True):
            team_members[t].append((w, h))
    for t, members in enumerate(team_members):
        open_acts = list(team_acts[t])
        rng.shuffle(open_acts)
        chosen: list[list[int]] = []
        for _ in members:
            r = min(len(team_acts[t]), rng.randint(1, 3))
            picked = open_acts[:r]
            del open_acts[:r]
            if len(picked) < r:
                rest = [a for a in team_acts[t] if a not in picked]
                picked += rng.sample(rest, r - len(picked))
            chosen.append(picked)
        for a in open_acts:  # more activities than members: hand out the rest
            chosen[rng.randrange(len(members))].append(a)
        for (w, h), acts in zip(members, chosen, strict=True):
            give(w, acts, h)

    # ---- assemble entities
    pola_list = [
        rng.choices((Pola.HITUNGAN, Pola.POSISI, Pola.RILIS), (60, 30, 10))[0]
        if k < n_ind
        else Pola.HITUNGAN
        for k in range(len(targets))
    ]
    # Additive targets are the sum of their activities' outputs (all carriers, one unit).
    target_unit = [rng.choice(_SATUAN) for _ in targets]
    target_sum = [0 for _ in targets]
    kegiatan = []
    for k, tg in enumerate(targets):
        team_code = None if tg.team is None else f"TIM-{tg.team + 1:03d}"
        additive = pola_list[k] is Pola.HITUNGAN
        for a in tg.activities:
            start = rng.randint(1, 10)
            volume = rng.choice((1, 2, 4, 6, 12, 24))
            target_sum[k] += volume if additive else 0
            kegiatan.append(
                Kegiatan(
                    f"K-{a + 1:04d}",
                    f"{rng.choice(_VERBA)} {rng.choice(_OBJEK)}",
                    tg.code,
                    team_code,
                    start,
                    rng.randint(start, 12),
                    volume,
                    target_unit[k] if additive else rng.choice(_SATUAN),
                    "Dokumen hasil kegiatan",
                )
            )
    kegiatan.sort(key=lambda x: x.code)
    beban = []
    for (a, jabatan, jmin), hours in rows.items():
        volume = next((d for d in _DIVISORS if hours >= d and hours % d == 0), 1)
        beban.append(BebanKegiatan(f"K-{a + 1:04d}", jabatan, jmin, volume, hours / volume))

    kebutuhan = []
    for tg in targets:
        per: dict[str, list[tuple[_Pekerja, int]]] = {}
        for a in tg.activities:
            for w, h in contrib[a]:
                per.setdefault(w.pegawai.jabatan, []).append((w, h))
        for jabatan, items in per.items():
            people = {w.pegawai.nip: w for w, _ in items}
            levels = {w.pegawai.jenjang for w in people.values()}
            lowest = min(levels, key=lambda j: j.rank)
            jmin = None
            if len({j.jalur for j in levels}) == 1 and lowest.rank > 0 and rng.random() < 0.5:
                jmin = lowest
            asal = max((w.asal for w in people.values()), key=lambda x: x.rank)
            jam = float(sum(h for _, h in items)) if rng.random() < 0.5 else None
            kebutuhan.append(KebutuhanPeran(tg.code, jabatan, jmin, len(people), jam, asal))

    tim = []
    for t in range(teams_n):
        m = len(team_members[t])
        tim.append(
            TimKerja(
                f"TIM-{t + 1:03d}",
                f"Tim Kerja {t + 1}",
                max(1, m - max(1, m // 3)),
                m + max(1, m // 3),
            )
        )

    sasaran = tuple(
        Sasaran(f"SS-{s + 1}", f"Meningkatnya kualitas {_OBJEK[s % len(_OBJEK)]} ({s + 1})")
        for s in range(n_sas)
    )
    indikator = []
    tugas = []
    strategi = []
    for k, tg in enumerate(targets):
        pola = pola_list[k]
        if pola is Pola.HITUNGAN:
            text, tw = _sum_target(target_sum[k], target_unit[k])
        else:
            text, tw = _target_text(rng, pola)
        name = f"{rng.choice(('Jumlah', 'Persentase', 'Nilai'))} {rng.choice(_OBJEK)} ({tg.code})"
        if k < n_ind:
            aspek = Aspek.KUANTITAS if pola is Pola.HITUNGAN else Aspek.KUALITAS
            indikator.append(
                Indikator(tg.code, f"SS-{k % n_sas + 1}", name, text, "", pola, aspek, tw)
            )
        else:
            tugas.append(TugasTambahan(tg.code, f"Tugas tambahan {_OBJEK[k % len(_OBJEK)]}", text))
        metode = MetodeCascade.KUANTITAS if pola is Pola.HITUNGAN else MetodeCascade.TIDAK_LANGSUNG
        if tg.team is None:
            strategi.append(Strategi(tg.code, Mode.INDIVIDU, None, False, metode))
        else:
            strategi.append(
                Strategi(tg.code, Mode.TIM, f"TIM-{tg.team + 1:03d}", leader_team[tg.team], metode)
            )

    # ---- budget: each team (and individual target) draws on one RO
    n_giat = max(1, min(6, math.ceil(teams_n / 5)))
    ros: list[tuple[str, str, str]] = []
    for g in range(n_giat):
        for r in range(rng.randint(1, 3)):
            ros.append((f"{6101 + g}", _KRO[(g + r) % len(_KRO)], f"{r + 1:03d}"))
    anggaran = []
    for k, tg in enumerate(targets):
        ro = ros[(k if tg.team is None else tg.team) % len(ros)]
        for a in tg.activities:
            for _ in range(rng.randint(1, 3)):
                akun, uraian, satuan, low, high = rng.choice(_AKUN)
                anggaran.append(
                    BarisAnggaran(
                        f"K-{a + 1:04d}",
                        "WA",
                        *ro,
                        "051",
                        akun,
                        uraian,
                        rng.randint(1, 20),
                        satuan,
                        float(rng.randrange(low, high + 1, 50_000)),
                    )
                )
    spent: dict[tuple[str, str, str], float] = {}
    for line in anggaran:
        key = (line.giat, line.kro, line.ro)
        spent[key] = spent.get(key, 0.0) + line.jumlah
    # The witness's personnel cost (hours of outside staff × hourly cost, and their
    # involvement cost) must fit too, so the pagu holds for the witness allocation.
    involvement_ro: dict[int, tuple[tuple[str, str, str], int]] = {}
    for k, tg in enumerate(targets):
        ro = ros[(k if tg.team is None else tg.team) % len(ros)]
        for a in tg.activities:
            for w, h in contrib[a]:
                if w.asal is Asal.UNIT or not h:
                    continue
                spent[ro] = spent.get(ro, 0.0) + h * w.pegawai.hourly_cost
                best = involvement_ro.get(id(w))
                if best is None or h > best[1]:
                    involvement_ro[id(w)] = (ro, h)
    for w in workers:
        if id(w) in involvement_ro:
            ro = involvement_ro[id(w)][0]
            spent[ro] = spent.get(ro, 0.0) + w.pegawai.involvement_cost
    ro_pagu = {
        ro: math.ceil(spent[ro] / rng.uniform(0.905, 0.98) / 1000) * 1000.0
        for ro in ros
        if ro in spent
    }
    pagu = []
    for g in range(n_giat):
        giat = f"{6101 + g}"
        total = sum(v for ro, v in ro_pagu.items() if ro[0] == giat)
        if total:
            pagu.append(Pagu("WA", giat, None, None, f"Kegiatan sintetis {g + 1}", total))
    for ro, v in ro_pagu.items():
        pagu.append(Pagu("WA", *ro, f"Rincian output {'.'.join(ro)}", v))

    return Rencana(
        kebijakan=kebijakan,
        pk=PerjanjianKinerja(TAHUN, UNIT_SENDIRI, head.name, "Direktur"),
        units=(
            Unit(UNIT_SENDIRI, "Direktorat Sintetis", _INSTANSI),
            Unit(UNIT_LAIN, "Pusat Data Sintetis", _INSTANSI),
            Unit(UNIT_INSTANSI_LAIN, "Badan Lain Sintetis", "Badan Sintetis Lain"),
        ),
        jabatan=DEFAULT_JABATAN,
        pegawai=(head, *(w.pegawai for w in workers)),
        sasaran=sasaran,
        indikator=tuple(indikator),
        tugas_tambahan=tuple(tugas),
        pagu=tuple(pagu),
        tim=tuple(tim),
        strategi=tuple(strategi),
        kebutuhan_peran=tuple(kebutuhan),
        kegiatan=tuple(kegiatan),
        beban=tuple(beban),
        anggaran=tuple(anggaran),
    )
