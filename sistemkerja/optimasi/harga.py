"""What a pin costs: re-solve a plan with a dialog kinerja's pin and compare.

In a dialog kinerja a planner pins or forbids something (a
:class:`~sistemkerja.domain.penetapan.Penetapan`). Before the pin is kept, the panel
shows its price: :func:`harga_penetapan` re-solves the plan with the pin added, with the
settings of the run without it, and returns a :class:`HargaPenetapan` holding both
results, the change in highest EJ, cost and outside staff, the memberships that
changed and a plain Indonesian sentence (:attr:`HargaPenetapan.kalimat`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.angka import format_angka
from sistemkerja.domain.enums import Peran
from sistemkerja.domain.penetapan import Penetapan
from sistemkerja.domain.rencana import Rencana
from sistemkerja.optimasi.hasil import Hasil, _persen
from sistemkerja.optimasi.solve import optimasi
from sistemkerja.optimasi.status import Status

__all__ = ["HargaPenetapan", "PerubahanKeanggotaan", "harga_penetapan"]

KETUA, ANGGOTA, BUKAN = "Ketua Tim", "Anggota", "-"
"""A person's place in a team: Ketua, plain member, or not in the team."""

TOL = 1e-6
"""Changes smaller than this are no change (objective units, EJ, Rp, orang)."""


@dataclass(frozen=True, slots=True)
class PerubahanKeanggotaan:
    """One person's place in one team, before and after the pin.

    Parameters
    ----------
    tim : str
        Team code.
    nip : str
        The person.
    nama : str
        The person's name.
    sebelum, sesudah : str
        ``"Ketua Tim"``, ``"Anggota"`` or ``"-"`` (not in the team).
    """

    tim: str
    nip: str
    nama: str
    sebelum: str
    sesudah: str

    @property
    def uraian(self) -> str:
        """The change in Indonesian, e.g. ``"Andi masuk TIM-B sebagai Anggota"``."""
        if self.sebelum == BUKAN:
            return f"{self.nama} masuk {self.tim} sebagai {self.sesudah}"
        if self.sesudah == BUKAN:
            return f"{self.nama} keluar dari {self.tim} (sebelumnya {self.sebelum})"
        return f"{self.nama} di {self.tim}: {self.sebelum} → {self.sesudah}"


@dataclass(frozen=True, slots=True)
class HargaPenetapan:
    """The price of one or more pins: the runs without and with them, compared.

    The measures are the optimiser's own objective components of each run
    (:attr:`Hasil.components`): ``ej_maks``, ``biaya`` and ``lintas``. A value is
    ``None`` when its run has no allocation (infeasible, no solution, cancelled).

    Parameters
    ----------
    penetapan : tuple of Penetapan
        The pins priced.
    dasar : Hasil
        The run without the pins.
    hasil : Hasil
        The run with them (its ``plan`` holds the pins).
    status_sebelum, status_sesudah : Status
        Status of each run.
    tujuan_sebelum, tujuan_sesudah : float or None
        The plan's own weighted objective of each run (minimised; objective units):
        :attr:`Hasil.plan_objective`, without the stability component ``perubahan`` of
        a re-solve with an ``acuan``, so the two compare like with like.
    ej_maks_sebelum, ej_maks_sesudah : float or None
        Highest EJ of the unit's own staff (EJ).
    biaya_sebelum, biaya_sesudah : float or None
        Personnel plus involvement cost (Rp), the optimiser's ``biaya``.
    luar_sebelum, luar_sesudah : int or None
        People from another unit or agency used (lintas unit + lintas instansi; orang).
    keanggotaan : tuple of PerubahanKeanggotaan
        Every (team, person) whose place changed: who joined, who left, and the Ketua
        changes (the old Ketua's and the new Ketua's rows); empty when either run has
        no allocation.
    kalimat_penetapan : str
        The pins in words, e.g. ``"Menetapkan Andi sebagai Ketua Tim Data"``.
    """

    penetapan: tuple[Penetapan, ...]
    dasar: Hasil
    hasil: Hasil
    status_sebelum: Status
    status_sesudah: Status
    tujuan_sebelum: float | None
    tujuan_sesudah: float | None
    ej_maks_sebelum: float | None
    ej_maks_sesudah: float | None
    biaya_sebelum: float | None
    biaya_sesudah: float | None
    luar_sebelum: int | None
    luar_sesudah: int | None
    keanggotaan: tuple[PerubahanKeanggotaan, ...]
    kalimat_penetapan: str

    @property
    def ok(self) -> bool:
        """Whether both runs have an allocation (so the measures compare)."""
        return self.dasar.ok and self.hasil.ok

    @property
    def selisih_tujuan(self) -> float | None:
        """Objective after − before (objective units); ``None`` unless both are known."""
        return _minus(self.tujuan_sesudah, self.tujuan_sebelum)

    @property
    def selisih_ej_maks(self) -> float | None:
        """Highest EJ after − before (EJ)."""
        return _minus(self.ej_maks_sesudah, self.ej_maks_sebelum)

    @property
    def selisih_biaya(self) -> float | None:
        """Cost after − before (Rp)."""
        return _minus(self.biaya_sesudah, self.biaya_sebelum)

    @property
    def selisih_luar(self) -> int | None:
        """Outside staff after − before (orang)."""
        if self.luar_sesudah is None or self.luar_sebelum is None:
            return None
        return self.luar_sesudah - self.luar_sebelum

    @property
    def celah_sebelum(self) -> float | None:
        """Absolute gap of the run without the pins (objective units; 0 when proven)."""
        return _celah(self.dasar)

    @property
    def celah_sesudah(self) -> float | None:
        """Absolute gap of the run with the pins (objective units; 0 when proven)."""
        return _celah(self.hasil)

    @property
    def dalam_celah(self) -> bool | None:
        """Whether the objective's change is within the two runs' gaps.

        ``True`` when ``|selisih_tujuan|`` ≤ the sum of both absolute gaps and at least
        one run is not proven optimal, or when a run's gap is unknown: the change may
        then come from the search stopping early rather than from the pin. ``False``
        when the change is larger (or both runs are proven optimal); ``None`` when a run
        has no allocation.
        """
        delta = self.selisih_tujuan
        if delta is None:
            return None
        gaps = (self.celah_sebelum, self.celah_sesudah)
        if any(g is None for g in gaps):
            return True
        total = sum(g for g in gaps if g is not None)
        return total > TOL and abs(delta) <= total + TOL

    @property
    def kalimat(self) -> str:
        """One or two plain Indonesian sentences for the dialog kinerja panel.

        E.g. "Menetapkan Dewi sebagai Ketua Tim Perencanaan: EJ tertinggi 0,64 → 0,68;
        biaya Rp 20.500.000 → Rp 23.700.000 (+Rp 3.200.000); pegawai luar unit 1 → 1
        (tetap); 2 keanggotaan berubah." When the pinned plan has no allocation, the
        sentence says why (:attr:`Hasil.keterangan`); when a run is not proven optimal,
        a second sentence gives the gaps and says whether the change is within them.
        """
        head = self.kalimat_penetapan
        if not self.hasil.ok:
            return f"{head} membuat rencana tidak dapat disusun: {_alasan(self.hasil)}."
        if not self.dasar.ok:
            return (
                f"{head}: rencana tanpa penetapan ini belum punya hasil "
                f"({_alasan(self.dasar)}), jadi harganya tidak dapat dibandingkan; "
                f"sesudahnya {self._angka_sesudah()}."
            )
        parts = [
            f"EJ tertinggi {_dua_ej(self.ej_maks_sebelum, self.ej_maks_sesudah)}",
            f"biaya {_rp(self.biaya_sebelum)} → {_rp(self.biaya_sesudah)} "
            f"({_rp_selisih(self.selisih_biaya)})",
            f"pegawai luar unit {self.luar_sebelum} → {self.luar_sesudah} "
            f"({_selisih_orang(self.selisih_luar)})",
            f"{len(self.keanggotaan)} keanggotaan berubah",
        ]
        text = f"{head}: " + "; ".join(parts) + "."
        note = self._catatan_celah()
        return f"{text} {note}" if note else text

    def _angka_sesudah(self) -> str:
        return (
            f"EJ tertinggi {_ej(self.ej_maks_sesudah)}, biaya {_rp(self.biaya_sesudah)}, "
            f"pegawai luar unit {self.luar_sesudah}"
        )

    def _catatan_celah(self) -> str:
        """Return the honesty note on non-optimal runs ('' when both are proven optimal)."""
        unproven = [
            (label, h)
            for label, h in (("tanpa", self.dasar), ("dengan", self.hasil))
            if h.status is not Status.OPTIMAL
        ]
        if not unproven:
            return ""
        gaps = " dan ".join(
            f"{label} penetapan "
            + ("celah belum diketahui" if h.gap is None else f"celah {_persen(h.gap)}")
            for label, h in unproven
        )
        which = "Kedua hasil" if len(unproven) == 2 else f"Hasil {unproven[0][0]} penetapan"
        delta = self.selisih_tujuan
        assert delta is not None
        if self.dalam_celah:
            return (
                f"{which} belum terbukti optimal ({gaps}): selisih nilai tujuan "
                f"{format_angka(delta, 4)} masih dalam celah optimasi, jadi perubahan ini "
                f"belum pasti akibat penetapan."
            )
        return f"{which} belum terbukti optimal ({gaps}); selisihnya melebihi celah itu."

    def tabel(self) -> pd.DataFrame:
        """Return the measures before and after as a table.

        Returns
        -------
        pandas.DataFrame
            Rows ``status``, ``tujuan``, ``ej_maks`` (EJ), ``biaya`` (Rp), ``luar``
            (orang), ``keanggotaan_berubah`` (count); columns ``ukuran``, ``sebelum``,
            ``sesudah``, ``selisih`` (``None`` where not defined).
        """
        rows: list[tuple[str, Any, Any, Any]] = [
            ("status", str(self.status_sebelum), str(self.status_sesudah), None),
            ("tujuan", self.tujuan_sebelum, self.tujuan_sesudah, self.selisih_tujuan),
            ("ej_maks", self.ej_maks_sebelum, self.ej_maks_sesudah, self.selisih_ej_maks),
            ("biaya", self.biaya_sebelum, self.biaya_sesudah, self.selisih_biaya),
            ("luar", self.luar_sebelum, self.luar_sesudah, self.selisih_luar),
            ("keanggotaan_berubah", None, None, len(self.keanggotaan)),
        ]
        return pd.DataFrame(rows, columns=["ukuran", "sebelum", "sesudah", "selisih"], dtype=object)

    def tabel_keanggotaan(self) -> pd.DataFrame:
        """Return the membership changes: columns ``tim, nip, nama, sebelum, sesudah``."""
        return pd.DataFrame(
            [(k.tim, k.nip, k.nama, k.sebelum, k.sesudah) for k in self.keanggotaan],
            columns=["tim", "nip", "nama", "sebelum", "sesudah"],
        )


def harga_penetapan(
    rencana: Rencana,
    dasar: Hasil,
    penetapan: Penetapan | Sequence[Penetapan],
    **opsi: Any,
) -> HargaPenetapan:
    """Re-solve a plan with one or more pins added and compare with the run without them.

    Parameters
    ----------
    rencana : Rencana
        The plan without the pins; must equal ``dasar.plan``.
    dasar : Hasil
        The optimiser's result for ``rencana``.
    penetapan : Penetapan or sequence of Penetapan
        The pins (added at the end of the Penetapan sheet with :meth:`Rencana.tambah`).
    **opsi
        Arguments of :func:`~sistemkerja.optimasi.optimasi` for the re-solve
        (``batas_waktu``, ``progress``, ``batal``, ``threads``…). By default the
        re-solve uses ``dasar``'s ``solver``, ``celah_diminta`` and ``prioritas``, and
        ``acuan=dasar.alokasi``: it stays as close to the allocation without the pins as
        the plan allows, so the changes shown are those the pin forces or that genuinely
        improve the plan (ties and near-ties are not reshuffled). Given here they
        override them; ``acuan=None`` re-solves from scratch.

    Returns
    -------
    HargaPenetapan
        Both results, the measures before and after, the membership changes and the
        sentence for the panel. An infeasible pinned plan is a result (its sentence
        says why), not an error.

    Raises
    ------
    ValueError
        When no pin is given, when ``rencana`` is not ``dasar``'s plan, or when a pin is
        invalid for the plan (unknown person, team or activity, a second Ketua for the
        same team, a pin that repeats one already there…): the Indonesian message names
        each problem and where it is.
    """
    pins = (penetapan,) if isinstance(penetapan, Penetapan) else tuple(penetapan)
    if not pins:
        raise ValueError("tidak ada penetapan yang dihitung harganya")
    if any(not isinstance(p, Penetapan) for p in pins):
        raise ValueError("penetapan harus berupa Penetapan (atau daftar Penetapan)")
    if rencana != dasar.plan:
        raise ValueError(
            "hasil dasar bukan hasil rencana ini: jalankan pengoptimal untuk rencana tanpa "
            "penetapan ini lebih dahulu, lalu hitung harganya"
        )
    kalimat_pin = _kalimat_penetapan(rencana, pins)
    lama = {str(p) for p in rencana.validate() if p.is_error}
    plan = rencana
    for pin in pins:
        change = plan.tambah(pin)
        if change.ditolak is not None:
            raise ValueError(f"Penetapan ditolak ({kalimat_pin}): {change.ditolak}")
        plan = change.rencana
    baru = [str(p) for p in plan.validate() if p.is_error and str(p) not in lama]
    if baru:
        raise ValueError(f"Penetapan ditolak ({kalimat_pin}): " + "; ".join(baru))
    settings: dict[str, Any] = {
        "solver": dasar.solver,
        "celah": dasar.celah_diminta,
        "prioritas": dasar.prioritas,
        "acuan": dasar.alokasi,
    }
    settings.update(opsi)
    hasil = optimasi(plan, **settings)
    return HargaPenetapan(
        penetapan=pins,
        dasar=dasar,
        hasil=hasil,
        status_sebelum=Status(dasar.status),
        status_sesudah=Status(hasil.status),
        tujuan_sebelum=dasar.plan_objective if dasar.ok else None,
        tujuan_sesudah=hasil.plan_objective if hasil.ok else None,
        ej_maks_sebelum=_komponen(dasar, "ej_maks"),
        ej_maks_sesudah=_komponen(hasil, "ej_maks"),
        biaya_sebelum=_komponen(dasar, "biaya"),
        biaya_sesudah=_komponen(hasil, "biaya"),
        luar_sebelum=_orang(dasar),
        luar_sesudah=_orang(hasil),
        keanggotaan=_perubahan_keanggotaan(rencana, dasar.alokasi, hasil.alokasi),
        kalimat_penetapan=kalimat_pin,
    )


# ---- helpers ---------------------------------------------------------------------------
def _komponen(hasil: Hasil, name: str) -> float | None:
    if not hasil.ok:
        return None
    return hasil.components.get(name)


def _orang(hasil: Hasil) -> int | None:
    value = _komponen(hasil, "lintas")
    return None if value is None else round(value)


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _celah(hasil: Hasil) -> float | None:
    if not hasil.ok:
        return None
    if hasil.status is Status.OPTIMAL:
        return 0.0
    return hasil.gap_absolute


def _places(alokasi: Alokasi) -> dict[tuple[str, str], str]:
    return {(k.tim, k.nip): KETUA if k.ketua else ANGGOTA for k in alokasi.keanggotaan}


def _perubahan_keanggotaan(
    plan: Rencana, sebelum: Alokasi | None, sesudah: Alokasi | None
) -> tuple[PerubahanKeanggotaan, ...]:
    if sebelum is None or sesudah is None:
        return ()
    old, new = _places(sebelum), _places(sesudah)
    people = plan.pegawai_by_nip()
    team_order = {t.code: i for i, t in enumerate(plan.tim)}
    person_order = {p.nip: i for i, p in enumerate(plan.pegawai)}
    keys = sorted(
        set(old) | set(new),
        key=lambda k: (team_order.get(k[0], len(team_order)), person_order.get(k[1], 0)),
    )
    changes = []
    for tim, nip in keys:
        a, b = old.get((tim, nip), BUKAN), new.get((tim, nip), BUKAN)
        if a != b:
            nama = people[nip].name if nip in people else nip
            changes.append(PerubahanKeanggotaan(tim, nip, nama, a, b))
    return tuple(changes)


def _kalimat_penetapan(plan: Rencana, pins: tuple[Penetapan, ...]) -> str:
    """Return the pins in words: 'Menetapkan Andi sebagai Ketua Tim Data'."""
    phrases = [_satu_penetapan(plan, p) for p in pins]
    phrases[1:] = [p[0].lower() + p[1:] for p in phrases[1:]]
    if len(phrases) <= 2:
        return " dan ".join(phrases)
    return f"{phrases[0]} dan {len(phrases) - 1} penetapan lain"


def _satu_penetapan(plan: Rencana, pin: Penetapan) -> str:
    people = plan.pegawai_by_nip()
    nama = people[pin.nip].name if pin.nip in people else f"NIP {pin.nip}"
    if pin.peran.needs_team:
        team = next((t for t in plan.tim if t.code == pin.tim), None)
        if team is None:
            tim = f"tim {pin.tim}"
        else:
            tim = team.name if team.name.lower().startswith("tim") else f"Tim {team.name}"
        if pin.peran is Peran.KETUA:
            return f"Menetapkan {nama} sebagai Ketua {tim}"
        if pin.peran is Peran.ANGGOTA:
            return f"Menetapkan {nama} sebagai anggota {tim}"
        return f"Mengeluarkan {nama} dari {tim}"
    kegiatan = next((k for k in plan.kegiatan if k.code == pin.kegiatan), None)
    keg = pin.kegiatan if kegiatan is None else f"{kegiatan.code} {kegiatan.name}"
    if pin.peran is Peran.JAM_TETAP:
        assert pin.jam is not None
        return f"Menetapkan {nama} {format_angka(pin.jam)} jam pada {keg}"
    return f"Melarang {nama} mengerjakan {keg}"


def _alasan(hasil: Hasil) -> str:
    """Why a run has no allocation, in the user's terms."""
    if hasil.status is Status.INFEASIBLE and hasil.penjelasan:
        return "; ".join(p.message for p in hasil.penjelasan)
    return hasil.keterangan.split("\n")[0]


def _ej(value: float | None) -> str:
    return "-" if value is None else format_angka(value, 2)


def _dua_ej(a: float | None, b: float | None) -> str:
    if a is None or b is None:
        return f"{_ej(a)} → {_ej(b)}"
    digits = 3 if format_angka(a, 2) == format_angka(b, 2) and abs(a - b) >= 5e-4 else 2
    return f"{format_angka(a, digits)} → {format_angka(b, digits)}"


def _rp(value: float | None) -> str:
    return "-" if value is None else f"Rp {format_angka(value, 0)}"


def _rp_selisih(delta: float | None) -> str:
    if delta is None:
        return "-"
    if abs(delta) < 0.5:
        return "tetap"
    sign = "+" if delta > 0 else "−"
    return f"{sign}Rp {format_angka(abs(delta), 0)}"


def _selisih_orang(delta: int | None) -> str:
    if delta is None:
        return "-"
    if delta == 0:
        return "tetap"
    return f"+{delta}" if delta > 0 else f"−{abs(delta)}"
