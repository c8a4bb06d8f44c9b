"""Planning a whole ministry: every unit solved in parallel, the shared pool kept whole.

:func:`rencanakan_kementerian` runs the decomposition of ``docs/kementerian.md``:

1. the coordinator (:func:`~sistemkerja.optimasi.dekomposisi.bagi_pool`) divides every
   pool person's available hours among the units that list them;
2. each unit is one task on Dask (:class:`~sistemkerja.sapuan.klaster.Antrian`), solved
   with one solver thread; a unit larger than ``maks_pegawai`` is first split by team
   (:func:`~sistemkerja.optimasi.dekomposisi.pecah_rencana`) and its parts are tasks
   of their own; a unit that finds no plan in time is split in two after all;
3. a part that cannot be met is **repaired**: the hours its unit's other parts left
   unused are lent to it (:func:`~sistemkerja.optimasi.dekomposisi.pinjam_pegawai`),
   or it gets a longer limit when it only ran out of time, up to
   :data:`MAKS_PERBAIKAN` times; what still fails is reported, never hidden;
4. the parts are merged back into one allocation per unit, and the merged ministry is
   checked: nobody above their capacity across all units
   (:func:`~sistemkerja.domain.kementerian.periksa_kapasitas`, which fails loudly).

Workers receive plans and return data (:class:`Solusi`); the caller merges.
"""

from __future__ import annotations

import logging
import math
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.kementerian import (
    BebanLintasUnit,
    Kementerian,
    periksa_kapasitas,
)
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.dekomposisi import (
    JAM_MIN_BAGIAN,
    PembagianPool,
    bagi_pool,
    pecah_rencana,
    pinjam_pegawai,
    tim_boleh,
)
from sistemkerja.optimasi.status import STATUS_LABEL

__all__ = [
    "BATAS_KEMENTERIAN",
    "CELAH_KEMENTERIAN",
    "JUDUL_UNIT",
    "LABEL_STATUS_UNIT",
    "MAKS_PEGAWAI",
    "MAKS_PERBAIKAN",
    "SEBAGIAN",
    "HasilKementerian",
    "HasilUnit",
    "Solusi",
    "rencanakan_kementerian",
    "selesaikan",
    "tabel_catatan",
    "tabel_pool",
    "tabel_unit",
    "tulis_kementerian",
]

MAKS_PEGAWAI = 150
"""Largest unit solved whole by default (orang): a 150-staff unit solves in about 20 s
with one thread; at 1,000 staff no plan is found in 30 s."""

BATAS_KEMENTERIAN = 10.0
"""Time limit of one unit's (or part's) solve in a ministry run (s). Most 100-staff units
prove a 5 % gap in 1–3 s; the slow quarter stops here with the plan found and its gap
stated, instead of holding a worker for 30 s; a unit with no plan by then is split."""

CELAH_KEMENTERIAN = 0.05
"""Relative gap at which each unit's solve stops in a ministry run (5 %): a first pass
over hundreds of units; a unit refines its own plan afterwards at its Kebijakan's gap."""

JAM_PINJAM_MIN = 5.0
"""Fewest unused pool hours of one person worth lending to a unit (jam); a unit borrows
only when they add up to four times this."""

MAKS_PERBAIKAN = 2
"""Repair rounds per part (lending unused hours, or a longer limit)."""

SEBAGIAN = "sebagian"
"""Status of a unit some of whose parts have a plan and some cannot be met."""

GALAT = "galat"
"""Status of a unit whose task crashed or whose workers kept dying."""

_OK = ("optimal", "feasible")
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Solusi:
    """One solve on a worker, as data.

    Attributes
    ----------
    status : str
        The optimiser's status (``optimal``, ``feasible``, ``infeasible``, ``no_solution``).
    keterangan : str
        The status in Indonesian.
    objective, bound, gap : float or None
        Objective of the allocation, best proven bound (objective units), relative gap.
    alokasi : Alokasi or None
        The allocation, when one was found.
    masalah : tuple of str
        Why the plan cannot be met (Indonesian), when it cannot.
    pegawai : int
        People in the solved plan (orang).
    detik : float
        Wall time of the solve (s).
    """

    status: str
    keterangan: str
    objective: float | None = None
    bound: float | None = None
    gap: float | None = None
    alokasi: Alokasi | None = None
    masalah: tuple[str, ...] = ()
    pegawai: int = 0
    detik: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether an allocation was found."""
        return self.status in _OK and self.alokasi is not None


def selesaikan(
    rencana: Rencana, batas_waktu: float, celah: float | None = None, jelaskan: bool = True
) -> Solusi:
    """Solve one unit or part with one solver thread (the task a worker runs).

    Parameters
    ----------
    rencana : Rencana
        The plan.
    batas_waktu : float
        Time limit (s).
    celah : float, optional
        Relative gap at which to stop [the plan's Kebijakan].
    jelaskan : bool
        Explain an infeasible plan by the elastic re-solve [True]; ``False`` leaves
        :attr:`Solusi.masalah` to the pre-checks' reasons (:func:`jelaskan_bagian`
        explains later, once).

    Returns
    -------
    Solusi
    """
    from sistemkerja.optimasi import optimasi

    hasil = optimasi(rencana, threads=1, batas_waktu=batas_waktu, celah=celah, jelaskan=jelaskan)
    return Solusi(
        status=str(hasil.status),
        keterangan=hasil.keterangan,
        objective=hasil.plan_objective,
        bound=hasil.bound,
        gap=hasil.gap,
        alokasi=hasil.alokasi,
        masalah=tuple(p.message for p in hasil.penjelasan),
        pegawai=len(rencana.pegawai),
        detik=hasil.total_seconds,
    )


def jelaskan_bagian(rencana: Rencana, batas_waktu: float) -> tuple[str, ...]:
    """Why a unit or part that ended infeasible cannot be met (the task a worker runs).

    The repair rounds solve without the elastic explanation (it costs more than the
    solve); a part that is still infeasible after them is explained once, here.

    Parameters
    ----------
    rencana : Rencana
        The plan of the part as last solved.
    batas_waktu : float
        Time limit of the elastic re-solve (s).

    Returns
    -------
    tuple of str
        The reasons, in Indonesian and in the plan's terms.
    """
    from sistemkerja.optimasi import Tenggat, build_masukan, explain

    found = explain(build_masukan(rencana), Tenggat(float(batas_waktu)), threads=1)
    return tuple(p.message for p in found)


PEGAWAI_PER_BATAS = 75
"""A part of a split unit gets the unit's time limit per this many of its people (orang)."""


def batas_bagian(batas_waktu: float, pegawai: int) -> float:
    """Time limit of one part of a split unit (s): in proportion to its people.

    A part of up to 75 keeps ``batas_waktu``; a part of 150 (the default most) gets
    twice it: its model is about twice as large as a 100-person unit's, and a unit is
    split only because it cannot be solved whole, so its parts must not fail for time.

    Parameters
    ----------
    batas_waktu : float
        The ministry's limit per unit (s).
    pegawai : int
        People in the part (orang).
    """
    return batas_waktu * max(1.0, pegawai / PEGAWAI_PER_BATAS)


def _pecah(rencana: Rencana, maks: int) -> list[tuple[Rencana, tuple[str, ...], tuple[str, ...]]]:
    """Split a unit on a worker; return (plan, teams, shortfalls) per part."""
    return [(b.rencana, b.tim, b.kurang) for b in pecah_rencana(rencana, maks)]


@dataclass(frozen=True, slots=True)
class HasilUnit:
    """One unit's merged result.

    Attributes
    ----------
    unit : str
        The unit's code.
    status : str
        ``optimal`` or ``feasible`` when every part has a plan (the weaker of its parts),
        :data:`SEBAGIAN` when some have, else the failing status (``infeasible``,
        ``no_solution``, :data:`GALAT`).
    pegawai : int
        The unit plan's people (orang).
    bagian : int
        Parts it was solved in (1: whole).
    objective : float or None
        Sum of the parts' objectives (objective units).
    gap : float or None
        Relative gap of that sum to the sum of the parts' bounds.
    ej_maks : float or None
        Highest EJ of the unit's people in the merged allocation.
    biaya : float
        Cost of the merged allocation (rupiah).
    detik : float
        Solver time of all its solves, repairs included (s).
    alokasi : Alokasi or None
        The merged allocation.
    catatan : tuple of str
        Where it was split, lent or retried, and what still fails (Indonesian).
    """

    unit: str
    status: str
    pegawai: int
    bagian: int
    objective: float | None
    gap: float | None
    ej_maks: float | None
    biaya: float
    detik: float
    alokasi: Alokasi | None
    catatan: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether every part of the unit has a plan."""
        return self.status in _OK


@dataclass(frozen=True, slots=True)
class HasilKementerian:
    """A ministry planned unit by unit.

    Attributes
    ----------
    kementerian : Kementerian
        The ministry as given.
    pembagian : PembagianPool
        How the pool's hours were divided.
    unit : tuple of HasilUnit
        One per unit, in the ministry's order.
    beban : tuple of BebanLintasUnit
        Every person's hours across units on the merged result (checked within capacity).
    detik : float
        Wall time of the whole run (s).
    pekerja : int
        Dask workers used (0: in this process).
    """

    kementerian: Kementerian
    pembagian: PembagianPool
    unit: tuple[HasilUnit, ...]
    beban: tuple[BebanLintasUnit, ...]
    detik: float
    pekerja: int

    @property
    def alokasi(self) -> dict[str, Alokasi]:
        """Unit → merged allocation (units without any plan left out)."""
        return {u.unit: u.alokasi for u in self.unit if u.alokasi is not None}

    @property
    def objective(self) -> float:
        """Sum of the units' objectives (objective units)."""
        return sum(u.objective or 0.0 for u in self.unit)

    @property
    def ej_maks(self) -> float | None:
        """Highest EJ over the ministry."""
        values = [u.ej_maks for u in self.unit if u.ej_maks is not None]
        return max(values) if values else None

    @property
    def biaya(self) -> float:
        """Cost over the ministry (rupiah)."""
        return sum(u.biaya for u in self.unit)

    def dipecah(self) -> list[HasilUnit]:
        """Return the units solved in more than one part."""
        return [u for u in self.unit if u.bagian > 1]


@dataclass
class _Bagian:
    rencana: Rencana
    tim: tuple[str, ...] = ()
    solusi: Solusi | None = None
    putaran: int = 0
    batas: float = 0.0
    dipinjam: dict[str, float] = field(default_factory=dict)


@dataclass
class _Unit:
    rencana: Rencana  # with the pool's shares
    bagian: list[_Bagian] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    menunggu: int = 0
    galat: str | None = None
    dibelah: bool = False  # split in two after finding no plan whole
    dijelaskan: bool = False  # its infeasible parts were sent to be explained
    dilepas: bool = False  # the pool hours it left unused went back to the pool


def _teams(plan: Rencana) -> tuple[str, ...]:
    return tuple(t.code for t in plan.tim)


def _gabung(parts: list[Alokasi]) -> Alokasi:
    return Alokasi(
        tuple(p for a in parts for p in a.penugasan),
        tuple(k for a in parts for k in a.keanggotaan),
    )


def _available(plan: Rencana) -> dict[str, float]:
    return {p.nip: plan.jam_tersedia(p) for p in plan.pegawai}


def _spare(u: _Unit) -> dict[str, float]:
    """Hours of each person of the unit no part uses or holds (jam).

    A part with a plan uses what its allocation gives; a part without holds all the
    hours its plan gave the person (it may still use them when it is re-solved).
    """
    left = _available(u.rencana)
    for b in u.bagian:
        if b.solusi is not None and b.solusi.ok:
            assert b.solusi.alokasi is not None
            for p in b.solusi.alokasi.penugasan:
                left[p.nip] = left.get(p.nip, 0.0) - p.jam
        else:
            for p, h in _available(b.rencana).items():
                left[p] = left.get(p, 0.0) - h
    return left


def _lend(u: _Unit, g: int, putaran: int) -> dict[str, float]:
    """Choose the unused hours lent to part ``g``: per jabatan its work needs."""
    part = u.bagian[g].rencana
    spare = _spare(u)
    people = {p.nip: p for p in u.rencana.pegawai}
    inside = {p.nip for p in part.pegawai}
    demand: dict[str, float] = defaultdict(float)
    for b in part.beban:
        demand[b.jabatan] += b.jam
    for k in part.kebutuhan_peran:
        demand.setdefault(k.jabatan, 0.0)
    share = 0.5 if putaran == 1 else 1.0
    lent: dict[str, float] = {}
    for jabatan, hours in demand.items():
        pool = sorted(
            (
                (nip, h)
                for nip, h in spare.items()
                if h >= JAM_MIN_BAGIAN and people[nip].jabatan == jabatan
            ),
            key=lambda item: (item[0] in inside, -item[1]),
        )
        given = 0.0
        for nip, h in pool:
            if given >= share * hours and given > 0:
                break
            lent[nip] = h
            given += h
    # Ketua candidates for its teams, when the part's own may be too few
    if part.tim_perlu_ketua():
        eligible = sorted(
            (
                (nip, h)
                for nip, h in spare.items()
                if nip not in lent
                and h >= JAM_MIN_BAGIAN
                and u.rencana.asal(people[nip]) is Asal.UNIT
                and people[nip].jenjang in u.rencana.kebijakan.ketua_jenjang
            ),
            key=lambda item: -item[1],
        )
        for nip, h in eligible[:2]:
            lent[nip] = h
    return lent


def _slots(u: _Unit, g: int, lent: dict[str, float]) -> dict[str, int]:
    """Teams each person lent to part ``g`` from outside it may join there.

    The Kebijakan's teams-per-person limit less the teams they are in (parts with a
    plan) or may be in (parts without) elsewhere in the unit. People already in the part
    keep the limit its plan gives them.
    """
    inside = {p.nip for p in u.bagian[g].rencana.pegawai}
    people = {p.nip: p for p in u.rencana.pegawai}
    held: dict[str, int] = defaultdict(int)
    for i, b in enumerate(u.bagian):
        if i == g:
            continue
        if b.solusi is not None and b.solusi.ok and b.solusi.alokasi is not None:
            for k in b.solusi.alokasi.keanggotaan:
                held[k.nip] += 1
        else:
            for nip in lent:
                held[nip] += tim_boleh(b.rencana, nip)
    return {
        nip: max(0, u.rencana.maks_tim(people[nip]) - held[nip])
        for nip in lent
        if nip not in inside
    }


def _status(parts: list[Solusi | None]) -> str:
    done = [s for s in parts if s is not None]
    if done and all(s.ok for s in done) and len(done) == len(parts):
        return "feasible" if any(s.status == "feasible" for s in done) else "optimal"
    if any(s.ok for s in done):
        return SEBAGIAN
    return done[0].status if done else GALAT


def _aturan_gabungan(plan: Rencana, alokasi: Alokasi) -> list[str]:
    """Check the rules parts could break together: teams per person, one Ketua per team."""
    notes = []
    limit = {p.nip: plan.maks_tim(p) for p in plan.pegawai}
    teams: dict[str, set[str]] = defaultdict(set)
    leaders: dict[str, set[str]] = defaultdict(set)
    for k in alokasi.keanggotaan:
        teams[k.nip].add(k.tim)
        if k.ketua:
            leaders[k.tim].add(k.nip)
    names = {p.nip: p.name for p in plan.pegawai}
    for nip, mine in sorted(teams.items()):
        if nip in limit and len(mine) > limit[nip]:
            notes.append(
                f"PERHATIAN: {names.get(nip, nip)} ({nip}) masuk {len(mine)} tim di bagian-bagian "
                f"unit, melebihi batas {limit[nip]} tim per pegawai"
            )
    for tim, who in sorted(leaders.items()):
        if len(who) > 1:
            notes.append(f"PERHATIAN: {tim} mendapat {len(who)} Ketua Tim dari bagian berbeda")
    return notes


def _selesai(kode: str, asli: Rencana, u: _Unit) -> HasilUnit:
    """Merge a unit's parts into its result."""
    from sistemkerja.analisis.skenario import banding_skenario

    solusi = [b.solusi for b in u.bagian]
    good = [s for s in solusi if s is not None and s.ok]
    status = _status(solusi)
    if u.galat:
        status = SEBAGIAN if good else GALAT
    alokasi = _gabung([s.alokasi for s in good if s.alokasi is not None]) if good else None
    notes = list(u.catatan)
    if u.galat:
        notes.append(u.galat)
    for g, b in enumerate(u.bagian):
        if b.solusi is not None and not b.solusi.ok:
            where = f"bagian {g + 1} ({', '.join(b.tim)})" if len(u.bagian) > 1 else "unit"
            why = "; ".join(b.solusi.masalah[:3]) or b.solusi.keterangan
            notes.append(f"{where} tanpa rencana: {why}")
    if alokasi is not None:
        notes.extend(_aturan_gabungan(asli, alokasi))
    ej = biaya = None
    if alokasi is not None:
        row = banding_skenario({kode: (asli, alokasi)}).iloc[0]
        ej = float(row["ej_maks"])
        biaya = float(row["biaya"])
    objective = sum(s.objective for s in good if s.objective is not None) if good else None
    bounds = [s.bound for s in good]
    gap = None
    if objective is not None and bounds and all(b is not None for b in bounds):
        bound = sum(b for b in bounds if b is not None)
        gap = abs(objective - bound) / max(abs(objective), 1e-9)
    return HasilUnit(
        unit=kode,
        status=status,
        pegawai=len(asli.pegawai),
        bagian=max(1, len(u.bagian)),
        objective=objective,
        gap=gap,
        ej_maks=ej if ej is None or math.isfinite(ej) else None,
        biaya=biaya or 0.0,
        detik=sum(s.detik for s in solusi if s is not None),
        alokasi=alokasi,
        catatan=tuple(notes),
    )


def rencanakan_kementerian(
    kementerian: Kementerian,
    *,
    batas_waktu: float = BATAS_KEMENTERIAN,
    celah: float | None = CELAH_KEMENTERIAN,
    maks_pegawai: int = MAKS_PEGAWAI,
    pekerja: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    kemajuan: Callable[[HasilUnit, int, int], None] | None = None,
) -> HasilKementerian:
    """Plan every unit of a ministry in parallel, with the shared pool kept whole.

    Parameters
    ----------
    kementerian : Kementerian
        The ministry.
    batas_waktu : float
        Time limit of one unit's (or part's) solve (s) [:data:`BATAS_KEMENTERIAN`]; a
        part that runs out of it is given twice as long on its next round.
    celah : float, optional
        Relative gap at which each solve stops [:data:`CELAH_KEMENTERIAN`]; ``None``: each
        plan's Kebijakan.
    maks_pegawai : int
        Units with more people than this are split by team first (orang).
    pekerja : int, optional
        Local Dask workers [the machine's cores]; ``0`` solves in this process without
        Dask.
    scheduler : str, optional
        Address of an existing Dask scheduler instead of a local cluster.
    client : distributed.Client, optional
        An open client to use (neither ``pekerja`` nor ``scheduler`` then).
    kemajuan : callable, optional
        Called as ``kemajuan(hasil_unit, done, total)`` when a unit is finished.

    Returns
    -------
    HasilKementerian

    Raises
    ------
    KapasitasTerlampaui
        If the merged result gives anyone more hours than they have across all units:
        the decomposition would have broken its promise, so nothing is returned.
    """
    from sistemkerja.sapuan.klaster import jumlah_pekerja, klien

    start = time.perf_counter()
    if client is not None:
        workers = len(client.scheduler_info().get("workers", {})) or 1
        result = _run(kementerian, batas_waktu, celah, maks_pegawai, client, kemajuan)
    elif pekerja == 0 and scheduler is None:
        workers = 0
        result = _run(kementerian, batas_waktu, celah, maks_pegawai, None, kemajuan)
    else:
        with klien(pekerja, scheduler) as c:
            workers = len(c.scheduler_info().get("workers", {})) or jumlah_pekerja(pekerja)
            result = _run(kementerian, batas_waktu, celah, maks_pegawai, c, kemajuan)
    bagi, units = result
    loads = periksa_kapasitas(kementerian, {u.unit: u.alokasi for u in units if u.alokasi})
    return HasilKementerian(
        kementerian=kementerian,
        pembagian=bagi,
        unit=tuple(units),
        beban=tuple(loads),
        detik=time.perf_counter() - start,
        pekerja=workers,
    )


def _run(
    kementerian: Kementerian,
    batas_waktu: float,
    celah: float | None,
    maks: int,
    client: Any,
    kemajuan: Callable[[HasilUnit, int, int], None] | None,
) -> tuple[PembagianPool, list[HasilUnit]]:
    """Run the event loop: send tasks, react to each finished one, until all units are done."""
    from sistemkerja.sapuan.klaster import Antrian, AntrianLokal, alasan_gagal

    bagi = bagi_pool(kementerian)
    antrian: Any = AntrianLokal() if client is None else Antrian(client)
    state = {kode: _Unit(plan) for kode, plan in bagi.rencana.items()}
    done: dict[str, HasilUnit] = {}
    total = len(state)
    pool = kementerian.pool()
    pool_free: dict[str, float] = defaultdict(float)  # pool hours finished units left (jam)
    waiting: set[str] = set()  # units waiting for pool hours others may leave unused
    sharing: dict[str, set[str]] = defaultdict(set)  # pool person → units listing them
    for kode, u in state.items():
        for p in u.rencana.pegawai:
            if p.nip in pool:
                sharing[p.nip].add(kode)
    neighbours = {
        kode: {k for p in u.rencana.pegawai if p.nip in pool for k in sharing[p.nip]} - {kode}
        for kode, u in state.items()
    }

    def lend_when_ready() -> None:
        """Let each waiting unit borrow once every unit sharing its pool people is done.

        Only those units can still leave pool hours unused; a waiting unit need not
        wait for a long solve elsewhere in the ministry.
        """
        for kode in sorted(waiting):
            if all(state[k].dilepas or k in waiting for k in neighbours[kode]):
                borrow_pool(kode)

    # A unit's later tasks (its parts, repairs, explanation) go before the first round's
    # waiting units, so a long repair chain starts at once instead of after the first round.
    def solve(kode: str, g: int, prioritas: int = 1) -> None:
        b = state[kode].bagian[g]
        state[kode].menunggu += 1
        antrian.kirim(
            ("solve", kode, g),
            selesaikan,
            b.rencana,
            b.batas,
            celah,
            False,
            prioritas=prioritas,
        )

    def release(kode: str) -> None:
        """Give back to the pool the pool hours this unit was given and did not use."""
        u = state[kode]
        if u.dilepas:
            return
        u.dilepas = True
        used: dict[str, float] = defaultdict(float)
        for b in u.bagian:
            if b.solusi is not None and b.solusi.ok and b.solusi.alokasi is not None:
                for p in b.solusi.alokasi.penugasan:
                    used[p.nip] += p.jam
        for nip, have in _available(u.rencana).items():
            if nip in pool:
                pool_free[nip] += max(0.0, have - used[nip])

    def split(kode: str, n: int, prioritas: int = 1) -> None:
        state[kode].menunggu += 1
        antrian.kirim(("pecah", kode, 0), _pecah, state[kode].rencana, n, prioritas=prioritas)

    def finish(kode: str) -> None:
        u = state[kode]
        release(kode)
        unexplained = [
            g
            for g, b in enumerate(u.bagian)
            if b.solusi is not None and b.solusi.status == "infeasible" and not b.solusi.masalah
        ]
        if unexplained and not u.dijelaskan:
            u.dijelaskan = True
            for g in unexplained:
                b = u.bagian[g]
                u.menunggu += 1
                antrian.kirim(
                    ("jelaskan", kode, g), jelaskan_bagian, b.rencana, b.batas, prioritas=1
                )
            return
        result = _selesai(kode, kementerian.rencana(kode), u)
        done[kode] = result
        if kemajuan is not None:
            kemajuan(result, len(done), total)

    def borrow_pool(kode: str) -> bool:
        """Give a whole unit that cannot be met the pool hours finished units left."""
        u = state[kode]
        extra = {
            p.nip: pool_free[p.nip]
            for p in u.rencana.pegawai
            if p.nip in pool and pool_free[p.nip] >= JAM_PINJAM_MIN
        }
        if sum(extra.values()) < 4 * JAM_PINJAM_MIN:
            return False
        waiting.discard(kode)
        for nip, h in extra.items():
            pool_free[nip] -= h
        u.rencana = pinjam_pegawai(u.rencana, u.rencana, extra)
        b = u.bagian[0]
        b.rencana, b.solusi = u.rencana, None
        b.putaran += 1
        u.catatan.append(
            f"jatah pool tidak cukup: {len(extra)} pegawai pool mendapat tambahan "
            f"{sum(extra.values()):.0f} jam yang tidak terpakai di unit lain"
        )
        solve(kode, 0)
        return True

    def solved(kode: str, g: int, value: Solusi) -> None:
        u = state[kode]
        u.bagian[g].solusi = value
        _log.info(
            "%s bagian %d/%d: %s, %d pegawai, %.1f s",
            kode,
            g + 1,
            len(u.bagian),
            value.status,
            value.pegawai,
            value.detik,
        )
        if u.menunggu:
            return
        failed = [i for i, b in enumerate(u.bagian) if b.solusi is not None and not b.solusi.ok]
        if not failed:
            finish(kode)
            return
        n_parts, n_staff = len(u.bagian), len(u.rencana.pegawai)
        first = u.bagian[0]
        stuck = value.status == "no_solution" and first.putaran >= MAKS_PERBAIKAN
        if n_parts == 1 and stuck and n_staff >= 4 and not u.dibelah:
            u.catatan.append(
                f"tanpa rencana dalam {first.batas:.0f} detik utuh: dipecah dua per tim"
            )
            u.dibelah = True
            u.bagian = []
            split(kode, math.ceil(n_staff / 2))
            return
        retry = n_parts == 1 and value.status == "infeasible" and first.putaran <= MAKS_PERBAIKAN
        if retry and any(p.nip in pool for p in u.rencana.pegawai):
            waiting.add(kode)  # until the others are done and have left their pool hours
            return
        again = False
        for i in failed:
            b = u.bagian[i]
            if b.putaran >= MAKS_PERBAIKAN:
                continue
            assert b.solusi is not None
            label = f"bagian {i + 1}" if n_parts > 1 else "unit"
            if b.solusi.status == "no_solution":
                b.batas *= 2
                u.catatan.append(f"{label}: batas waktu dinaikkan ke {b.batas:.0f} detik")
            elif n_parts > 1:
                lent = _lend(u, i, b.putaran + 1)
                slots = _slots(u, i, lent)
                lent = {n: h for n, h in lent.items() if slots.get(n, 1) > 0}
                if not lent:
                    continue
                slots = {n: k for n, k in slots.items() if n in lent}
                b.rencana = pinjam_pegawai(b.rencana, u.rencana, lent, slots)
                u.catatan.append(
                    f"{label}: {len(lent)} pegawai dipinjamkan dari bagian lain "
                    f"({sum(lent.values()):.0f} jam yang tidak terpakai di sana)"
                )
            else:
                continue
            b.putaran += 1
            b.solusi = None
            solve(kode, i)
            again = True
        if again:
            return
        # repairs exhausted: split coarser (fewer, larger parts), finally solve it whole
        if n_parts > 2 and math.ceil(n_staff / (n_parts - 1)) <= 2 * maks:
            u.catatan.append(
                f"{len(failed)} bagian tetap tanpa rencana: dipecah ulang menjadi "
                f"{n_parts - 1} bagian"
            )
            u.bagian = []
            split(kode, math.ceil(n_staff / (n_parts - 1)))
        elif n_parts == 2 and n_staff <= 2 * maks:
            # a unit split in two after finding no plan whole in 1, 2, 4 × the limit gets a
            # last whole try of 16 × (it stops at the gap as soon as it has a plan): a hard
            # 106-person unit of the benchmark needs about 70 s for its first plan
            longer = (2 ** (MAKS_PERBAIKAN + 2)) * batas_waktu if u.dibelah else 2 * batas_waktu
            u.catatan.append(
                "bagian tetap tanpa rencana: diselesaikan utuh dengan batas waktu "
                f"{longer:.0f} detik"
            )
            u.bagian = [_Bagian(u.rencana, _teams(u.rencana), putaran=MAKS_PERBAIKAN)]
            u.bagian[0].batas = longer
            solve(kode, 0)
        else:
            finish(kode)

    for kode, u in state.items():
        if len(u.rencana.pegawai) > maks:
            split(kode, maks, prioritas=0)
        else:
            u.bagian = [_Bagian(u.rencana, _teams(u.rencana), batas=batas_waktu)]
            solve(kode, 0, prioritas=0)

    while True:
        for (what, kode, g), value, exc in antrian:
            u = state[kode]
            u.menunggu -= 1
            if exc is not None:
                u.galat = alasan_gagal(exc, "unit")
                if u.menunggu == 0:
                    finish(kode)
            elif what == "jelaskan":
                b = state[kode].bagian[g]
                assert b.solusi is not None
                b.solusi = replace(b.solusi, masalah=value)
                if u.menunggu == 0:
                    finish(kode)
            elif what == "pecah":
                u.bagian = [
                    _Bagian(plan, tim, batas=batas_bagian(batas_waktu, len(plan.pegawai)))
                    for plan, tim, _k in value
                ]
                short = sorted({k for _p, _t, kurang in value for k in kurang})
                u.catatan.append(
                    f"dipecah per tim menjadi {len(u.bagian)} bagian (≤ sekitar {maks} "
                    f"pegawai dari {len(u.rencana.pegawai)})"
                    + (f"; penempatan kurang: {'; '.join(short[:3])}" if short else "")
                )
                for i in range(len(u.bagian)):
                    solve(kode, i)
            else:
                solved(kode, g, value)
            if waiting:
                lend_when_ready()
        if not waiting:
            break
        # nothing is running: the waiting units borrow what the finished ones left (in
        # parallel); when none can, one of them is finished and what it held is released
        if not [k for k in sorted(waiting) if borrow_pool(k)]:
            finish_now = min(waiting)
            waiting.discard(finish_now)
            finish(finish_now)
    return bagi, [done[k] for k in kementerian.kode_unit()]


# ---- tables and the workbook -----------------------------------------------------------
JUDUL_UNIT = {
    "unit": "Unit",
    "status": "Status",
    "pegawai": "Pegawai (orang)",
    "bagian": "Bagian",
    "objective": "Nilai tujuan",
    "gap": "Celah",
    "ej_maks": "EJ tertinggi",
    "biaya": "Biaya (Rp)",
    "detik": "Waktu solver (detik)",
}
"""Indonesian headers of the ``Unit`` sheet."""

LABEL_STATUS_UNIT: dict[str, str] = {
    **{str(k): v for k, v in STATUS_LABEL.items()},
    SEBAGIAN: "sebagian: ada bagian unit tanpa rencana (lihat Catatan)",
    GALAT: "galat: tugas gagal di klaster (lihat Catatan)",
}
"""Indonesian labels of a unit's status."""


def tabel_unit(hasil: HasilKementerian) -> Any:
    """Return one row per unit: status, size, parts, objective, gap, EJ, cost, time.

    Returns
    -------
    pandas.DataFrame
        Columns the keys of :data:`JUDUL_UNIT`.
    """
    import pandas as pd

    return pd.DataFrame(
        [
            {
                "unit": u.unit,
                "status": u.status,
                "pegawai": u.pegawai,
                "bagian": u.bagian,
                "objective": u.objective,
                "gap": u.gap,
                "ej_maks": u.ej_maks,
                "biaya": u.biaya,
                "detik": u.detik,
            }
            for u in hasil.unit
        ],
        columns=list(JUDUL_UNIT),
    )


def tabel_pool(hasil: HasilKementerian) -> Any:
    """Return one row per pool person and unit: share given, hours used, total, capacity.

    Returns
    -------
    pandas.DataFrame
        Columns ``NIP, Nama, Unit, Jatah (jam), Terpakai (jam), Terpakai di semua unit
        (jam), Tersedia (jam)``.
    """
    import pandas as pd

    pool = hasil.kementerian.pool()
    people = hasil.kementerian.pegawai()
    used = {b.nip: b for b in hasil.beban}
    rows = []
    for nip, units in sorted(pool.items()):
        load = used.get(nip)
        for u in units:
            rows.append(
                {
                    "NIP": nip,
                    "Nama": people[nip].name,
                    "Unit": u,
                    "Jatah (jam)": hasil.pembagian.jam[(nip, u)],
                    "Terpakai (jam)": 0.0 if load is None else load.jam_unit.get(u, 0.0),
                    "Terpakai di semua unit (jam)": 0.0 if load is None else load.jam,
                    "Tersedia (jam)": hasil.pembagian.tersedia[nip],
                }
            )
    return pd.DataFrame(rows)


def tabel_catatan(hasil: HasilKementerian) -> Any:
    """Return every note: where a unit was split, lent hours or retried, what fails.

    Returns
    -------
    pandas.DataFrame
        Columns ``Unit, Catatan``.
    """
    import pandas as pd

    return pd.DataFrame(
        [{"Unit": u.unit, "Catatan": c} for u in hasil.unit for c in u.catatan],
        columns=["Unit", "Catatan"],
    )


def tulis_kementerian(hasil: HasilKementerian, path: Any) -> str:
    """Write the ministry's result workbook (atomically).

    Sheets: ``Ringkasan`` (the ministry's totals and the capacity check), ``Unit`` (one
    row per unit), ``Pool`` (each pool person's share and use per unit) and
    ``Catatan`` (where units were split, hours lent, limits raised, and what fails).

    Parameters
    ----------
    hasil : HasilKementerian
        The result.
    path : path-like
        Target ``.xlsx``.

    Returns
    -------
    str
        sha256 fingerprint of the file.
    """
    from pathlib import Path

    import pandas as pd

    from sistemkerja.io._tulis import new_workbook, save_atomic
    from sistemkerja.laporan.lembar import add_tables

    over = max((b.lebih for b in hasil.beban), default=0.0)
    summary = pd.DataFrame(
        [
            ("Kementerian", hasil.kementerian.nama),
            ("Unit", len(hasil.unit)),
            ("Pegawai (orang)", hasil.kementerian.jumlah_pegawai),
            ("Pegawai pool bersama (orang)", len(hasil.kementerian.pool())),
            ("Unit dengan rencana lengkap", sum(u.ok for u in hasil.unit)),
            ("Unit dipecah", len(hasil.dipecah())),
            ("Nilai tujuan (jumlah unit)", hasil.objective),
            ("EJ tertinggi", hasil.ej_maks),
            ("Biaya (Rp)", hasil.biaya),
            ("Kapasitas lintas unit", "terpenuhi" if over <= 0.01 else "TERLAMPAUI"),
            ("Kelebihan jam terbesar (jam)", max(over, 0.0)),
            ("Pekerja Dask", hasil.pekerja),
            ("Waktu total (detik)", hasil.detik),
        ],
        columns=["Ukuran", "Nilai"],
    )
    wb = new_workbook()
    add_tables(
        wb,
        {
            "Ringkasan": summary,
            "Unit": tabel_unit(hasil)
            .assign(status=lambda t: t["status"].map(lambda v: LABEL_STATUS_UNIT.get(v, v)))
            .rename(columns=JUDUL_UNIT),
            "Pool": tabel_pool(hasil),
            "Catatan": tabel_catatan(hasil),
        },
    )
    return save_atomic(wb, Path(path))
