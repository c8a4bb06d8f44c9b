"""The plan (Rencana): the aggregate holding every entity of one unit's plan for one year."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sistemkerja.domain.enums import Asal
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.kegiatan import BarisAnggaran, BebanKegiatan, Kegiatan
from sistemkerja.domain.masalah import Problem
from sistemkerja.domain.pegawai import Jabatan, Pegawai, Unit
from sistemkerja.domain.penetapan import Penetapan, Penyesuaian
from sistemkerja.domain.pk import Indikator, Pagu, PerjanjianKinerja, Sasaran, TugasTambahan
from sistemkerja.domain.strategi import KebutuhanPeran, Strategi, TimKerja


@dataclass(frozen=True, slots=True)
class Rencana:
    """One unit's plan for one fiscal year: PK, strategy, activities, budget and staff.

    Entity collections are tuples in workbook row order; stable string codes (NIP,
    indicator code, team code…) link them. The plan is immutable: edits make a new plan
    with :func:`dataclasses.replace`.

    Parameters
    ----------
    kebijakan : Kebijakan
        Agency policy parameters.
    pk : PerjanjianKinerja
        Header of the performance agreement (year, unit, parties).
    units, jabatan, pegawai, sasaran, indikator, tugas_tambahan, pagu, tim, strategi, \
kebutuhan_peran, kegiatan, beban, anggaran, penetapan, penyesuaian : tuple
        The entities of each sheet (see :mod:`sistemkerja.domain.skema`).
    rows : Mapping of str to tuple of int
        Excel row of each entity per sheet name, when read from a workbook; not part
        of equality. Without it, row ``i`` of a sheet is assumed at Excel row ``i + 2``.
    """

    kebijakan: Kebijakan
    pk: PerjanjianKinerja
    units: tuple[Unit, ...] = ()
    jabatan: tuple[Jabatan, ...] = ()
    pegawai: tuple[Pegawai, ...] = ()
    sasaran: tuple[Sasaran, ...] = ()
    indikator: tuple[Indikator, ...] = ()
    tugas_tambahan: tuple[TugasTambahan, ...] = ()
    pagu: tuple[Pagu, ...] = ()
    tim: tuple[TimKerja, ...] = ()
    strategi: tuple[Strategi, ...] = ()
    kebutuhan_peran: tuple[KebutuhanPeran, ...] = ()
    kegiatan: tuple[Kegiatan, ...] = ()
    beban: tuple[BebanKegiatan, ...] = ()
    anggaran: tuple[BarisAnggaran, ...] = ()
    penetapan: tuple[Penetapan, ...] = ()
    penyesuaian: tuple[Penyesuaian, ...] = ()
    rows: Mapping[str, tuple[int, ...]] = field(default_factory=dict, compare=False, repr=False)

    # ---- lookups -------------------------------------------------------------------
    @property
    def unit(self) -> Unit | None:
        """The planning unit (``pk.unit``), or ``None`` if it is not in the Unit sheet."""
        return next((u for u in self.units if u.code == self.pk.unit), None)

    def pegawai_by_nip(self) -> dict[str, Pegawai]:
        """Staff keyed by NIP."""
        return {p.nip: p for p in self.pegawai}

    def targets(self) -> dict[str, Indikator | TugasTambahan]:
        """Return indicators and tugas tambahan keyed by code (what work is planned for)."""
        found: dict[str, Indikator | TugasTambahan] = {i.code: i for i in self.indikator}
        found.update({t.code: t for t in self.tugas_tambahan})
        return found

    def strategi_by_target(self) -> dict[str, Strategi]:
        """Strategy keyed by indicator / tugas tambahan code."""
        return {s.indikator: s for s in self.strategi}

    def asal(self, pegawai: Pegawai) -> Asal:
        """Origin of a person relative to the planning unit.

        Parameters
        ----------
        pegawai : Pegawai
            The person.

        Returns
        -------
        Asal
            ``UNIT`` for the planning unit's own staff, ``LINTAS_UNIT`` for staff of
            another unit of the same agency, ``LINTAS_INSTANSI`` otherwise.
        """
        if pegawai.unit == self.pk.unit:
            return Asal.UNIT
        units = {u.code: u for u in self.units}
        home = units.get(pegawai.unit)
        own = units.get(self.pk.unit)
        if home is not None and own is not None and home.instansi == own.instansi:
            return Asal.LINTAS_UNIT
        return Asal.LINTAS_INSTANSI

    def capacity(self, pegawai: Pegawai) -> float:
        """Effective hours a person has this year (jam), before committed hours."""
        if pegawai.capacity_hours is not None:
            return pegawai.capacity_hours
        return self.kebijakan.jam_efektif

    def tim_perlu_ketua(self) -> dict[str, bool]:
        """Whether each team needs a Ketua Tim (any of its strategies says so)."""
        need = {t.code: False for t in self.tim}
        for s in self.strategi:
            if s.tim in need and s.perlu_ketua:
                need[s.tim] = True
        return need

    def jam_kegiatan(self) -> dict[str, float]:
        """Total effort per activity (jam) = Σ volume × norma waktu over its roles."""
        total = {k.code: 0.0 for k in self.kegiatan}
        for b in self.beban:
            if b.kegiatan in total:
                total[b.kegiatan] += b.jam
        return total

    def biaya_kegiatan(self) -> dict[str, float]:
        """Total budget lines per activity (Rp)."""
        total = {k.code: 0.0 for k in self.kegiatan}
        for a in self.anggaran:
            if a.kegiatan in total:
                total[a.kegiatan] += a.jumlah
        return total

    @property
    def pagu_total(self) -> float:
        """The unit's pagu (Rp): sum of the Kegiatan-level ceilings."""
        return sum(p.pagu for p in self.pagu if not p.is_ro)

    # ---- rows and validation -------------------------------------------------------
    def row_of(self, sheet: str, index: int) -> int:
        """Excel row of the ``index``-th entity of ``sheet`` (header is row 1)."""
        rows = self.rows.get(sheet)
        if rows is not None and index < len(rows):
            return rows[index]
        return index + 2

    def validate(self) -> list[Problem]:
        """Check every cross-reference and plan-wide rule; return all problems.

        Returns
        -------
        list of Problem
            Errors and warnings, each naming sheet, row and column; empty when valid.
        """
        from sistemkerja.domain.validasi import validate

        return validate(self)

    def with_changes(self, **changes: Any) -> Rencana:
        """Return a copy with some collections replaced (row numbers are dropped)."""
        return replace(self, rows={}, **changes)
