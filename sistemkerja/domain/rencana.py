"""The plan (Rencana): the aggregate holding every entity of one unit's plan for one year."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sistemkerja.domain import skema
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.kebijakan import Kebijakan
from sistemkerja.domain.kegiatan import BarisAnggaran, BebanKegiatan, HasilAnggota, Kegiatan
from sistemkerja.domain.masalah import FieldError, Problem
from sistemkerja.domain.pegawai import Jabatan, Pegawai, Unit
from sistemkerja.domain.penetapan import Penetapan, Penyesuaian
from sistemkerja.domain.pk import (
    Indikator,
    Pagu,
    PerjanjianKinerja,
    Sasaran,
    TugasSK,
    TugasTambahan,
)
from sistemkerja.domain.strategi import KebutuhanPeran, Strategi, TimKerja


@dataclass(frozen=True, slots=True)
class Perubahan:
    """The outcome of one edit of a plan (:meth:`Rencana.ganti` and friends).

    Unpacks as ``(rencana, masalah)``::

        plan2, problems = plan.ganti(pegawai)

    Parameters
    ----------
    rencana : Rencana
        The plan after the edit; the plan before it when the edit was refused.
    masalah : tuple of Problem
        Every problem of ``rencana`` (see :meth:`Rencana.validate`), preceded by the
        refusal when a field value broke its rule.
    ditolak : Problem or None
        Why the edit was refused (a field rule, naming sheet, column and key), or
        ``None`` when it was applied.
    """

    rencana: Rencana
    masalah: tuple[Problem, ...]
    ditolak: Problem | None = None

    def __iter__(self) -> Iterator[Any]:
        """Yield ``rencana`` and ``masalah`` (so the result unpacks into two names)."""
        yield self.rencana
        yield self.masalah

    @property
    def diterima(self) -> bool:
        """Whether the edit was applied."""
        return self.ditolak is None

    @property
    def galat(self) -> list[Problem]:
        """The error-severity problems."""
        return [p for p in self.masalah if p.is_error]

    @property
    def valid(self) -> bool:
        """Whether the edit was applied and the new plan has no error."""
        return self.diterima and not self.galat


def _unique(keys: Sequence[str | None]) -> tuple[str, ...]:
    """Make keys unique: the n-th repeat of a key gets the suffix ``" #n"``."""
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        text = key or "-"
        seen[text] = seen.get(text, 0) + 1
        out.append(text if seen[text] == 1 else f"{text} #{seen[text]}")
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Rencana:
    """One unit's plan for one fiscal year: PK, strategy, activities, budget and staff.

    Entity collections are tuples in workbook row order; stable string codes (NIP,
    indicator code, team code…) link them. The plan is immutable: :meth:`ganti`,
    :meth:`tambah`, :meth:`hapus` and :meth:`ubah` return a :class:`Perubahan` holding
    the new plan and all its problems; entities are found by :meth:`kunci`.

    Parameters
    ----------
    kebijakan : Kebijakan
        Agency policy parameters.
    pk : PerjanjianKinerja
        Header of the performance agreement (year, unit, parties).
    units, jabatan, pegawai, sasaran, indikator, tugas_tambahan, pagu, tim, strategi, \
kebutuhan_peran, kegiatan, beban, anggaran, penetapan, penyesuaian, hasil_anggota, \
tugas_sk : tuple
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
    hasil_anggota: tuple[HasilAnggota, ...] = ()
    tugas_sk: tuple[TugasSK, ...] = ()
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
        """Effective hours a person has this year (jam), before committed hours.

        ``capacity_hours`` when given, else the policy's ``jam_efektif`` prorated to the
        months of the SKP period (``bulan_mulai``–``bulan_selesai``).
        """
        if pegawai.capacity_hours is not None:
            return pegawai.capacity_hours
        return self.kebijakan.jam_efektif * pegawai.bulan_bertugas / 12

    def jam_tersedia(self, pegawai: Pegawai) -> float:
        """Hours a person has for this plan's work (jam): capacity less committed, ≥ 0."""
        return max(0.0, self.capacity(pegawai) - pegawai.committed_hours)

    def maks_tim(self, pegawai: Pegawai) -> int:
        """Most teams a person may join (tim): their own limit when lower than the policy's."""
        limit = self.kebijakan.max_tim_per_pegawai
        return limit if pegawai.maks_tim is None else min(limit, pegawai.maks_tim)

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

    # ---- keys and one-entity edits -------------------------------------------------
    def kunci(self, jenis: str | type) -> tuple[str, ...]:
        """Return the key of every entity of one sheet, in row order.

        Parameters
        ----------
        jenis : str or type
            Sheet name (``"Pegawai"``), plan attribute (``"pegawai"``) or entity class.

        Returns
        -------
        tuple of str
            The keys of :meth:`~sistemkerja.domain.skema.Lembar.key_of`; a key that
            repeats (a duplicate, itself an error) gets ``" #2"``, ``" #3"``… so each
            key names one row. Empty for the key-value sheets (Kebijakan, PK).
        """
        lembar = skema.lembar_of(jenis)
        if lembar.single:
            return ()
        return _unique([lembar.key_of(e) for e in getattr(self, lembar.attr)])

    def cari(self, jenis: str | type, kunci: str) -> Any:
        """Return the entity of a sheet with a given key.

        Parameters
        ----------
        jenis : str or type
            Sheet name, plan attribute or entity class.
        kunci : str
            Its key (see :meth:`kunci`).

        Returns
        -------
        Any
            The entity.

        Raises
        ------
        KeyError
            If no entity of that sheet has this key (Indonesian message).
        """
        lembar = skema.lembar_of(jenis)
        return getattr(self, lembar.attr)[self._index(lembar.name, kunci)]

    def _index(self, sheet: str, kunci: str) -> int:
        keys = self.kunci(sheet)
        try:
            return keys.index(kunci)
        except ValueError:
            raise KeyError(f"lembar '{sheet}' tidak memuat data berkunci '{kunci}'") from None

    def _changed(
        self, attr: str, items: tuple[Any, ...], rows: tuple[int, ...] | None
    ) -> Perubahan:
        sheet = skema.BY_ATTR[attr].name
        new_rows = dict(self.rows)
        if rows is None:
            new_rows.pop(sheet, None)
        else:
            new_rows[sheet] = rows
        plan = replace(self, rows=new_rows, **{attr: items})
        return Perubahan(plan, tuple(plan.validate()))

    def _rows(self, sheet: str, count: int) -> tuple[int, ...] | None:
        rows = self.rows.get(sheet)
        return tuple(rows) if rows is not None and len(rows) == count else None

    def ganti(self, entitas: Any, kunci: str | None = None) -> Perubahan:
        """Replace one entity (or the Kebijakan / PK) and check the new plan.

        Parameters
        ----------
        entitas : Any
            The new entity; its class names the sheet.
        kunci : str, optional
            Key of the entity to replace; by default the new entity's own key (give
            the old key when the edit changes the key, e.g. a corrected NIP).

        Returns
        -------
        Perubahan
            The new plan (same Excel rows) with all its problems; renaming a code that
            other sheets use gives ``unknown_*`` problems at those rows.

        Raises
        ------
        KeyError
            If the sheet holds no entity with that key.
        """
        lembar = skema.lembar_of(type(entitas))
        if lembar.single:
            plan = replace(self, **{lembar.attr: entitas})
            return Perubahan(plan, tuple(plan.validate()))
        items = getattr(self, lembar.attr)
        index = self._index(lembar.name, kunci if kunci is not None else lembar.key_of(entitas))
        new = (*items[:index], entitas, *items[index + 1 :])
        return self._changed(lembar.attr, new, self._rows(lembar.name, len(items)))

    def tambah(self, entitas: Any) -> Perubahan:
        """Add one entity at the end of its sheet and check the new plan.

        Parameters
        ----------
        entitas : Any
            The new entity (not Kebijakan or PK, which are one per plan).

        Returns
        -------
        Perubahan
            The new plan with all its problems (a repeated key is a ``duplicate_*``
            error there, as in a workbook).

        Raises
        ------
        ValueError
            For a Kebijakan or PK (use :meth:`ganti`).
        """
        lembar = skema.lembar_of(type(entitas))
        if lembar.single:
            raise ValueError(f"lembar '{lembar.name}' berisi satu data; gunakan ganti()")
        items = getattr(self, lembar.attr)
        rows = self._rows(lembar.name, len(items))
        if rows is not None:
            rows = (*rows, max(rows, default=1) + 1)
        return self._changed(lembar.attr, (*items, entitas), rows)

    def hapus(self, jenis: str | type, kunci: str) -> Perubahan:
        """Remove one entity and check the new plan.

        Parameters
        ----------
        jenis : str or type
            Sheet name, plan attribute or entity class.
        kunci : str
            Key of the entity (see :meth:`kunci`).

        Returns
        -------
        Perubahan
            The new plan with all its problems; removing a team, indicator, activity
            or person still referenced elsewhere gives ``unknown_*`` errors at the rows
            referring to it.

        Raises
        ------
        KeyError
            If the sheet holds no entity with that key.
        ValueError
            For Kebijakan or PK, which cannot be removed.
        """
        lembar = skema.lembar_of(jenis)
        if lembar.single:
            raise ValueError(f"lembar '{lembar.name}' tidak dapat dihapus; gunakan ganti()")
        items = getattr(self, lembar.attr)
        index = self._index(lembar.name, kunci)
        rows = self._rows(lembar.name, len(items))
        if rows is not None:
            rows = rows[:index] + rows[index + 1 :]
        return self._changed(lembar.attr, items[:index] + items[index + 1 :], rows)

    def ubah(self, jenis: str | type, kunci: str | None, **nilai: Any) -> Perubahan:
        """Change some fields of one entity (one cell of a grid) and check the plan.

        Parameters
        ----------
        jenis : str or type
            Sheet name, plan attribute or entity class.
        kunci : str or None
            Key of the entity; ``None`` for Kebijakan and PK.
        **nilai : Any
            New field values by field name (``capacity_hours=1250.0``); the quarterly
            targets of an indicator are ``target_tw1`` … ``target_tw4``.

        Returns
        -------
        Perubahan
            The new plan with its problems; or, when a value breaks its field rule
            (:class:`FieldError`), the unchanged plan with ``ditolak`` naming sheet,
            row, column and key, followed by the plan's own problems.

        Raises
        ------
        KeyError
            If the sheet holds no entity with that key.
        ValueError
            If a field name is not a field of that sheet's entities.
        """
        lembar = skema.lembar_of(jenis)
        if lembar.single:
            old = getattr(self, lembar.attr)
            index = None
        else:
            index = self._index(lembar.name, kunci or "")
            old = getattr(self, lembar.attr)[index]
        values = (
            lembar.explode(old)
            if lembar.explode is not None
            else {f.name: getattr(old, f.name) for f in dataclasses.fields(old)}
        )
        unknown = sorted(set(nilai) - set(values))
        if unknown:
            raise ValueError(
                f"lembar '{lembar.name}' tidak punya isian {', '.join(unknown)}; "
                f"yang ada: {', '.join(values)}"
            )
        values.update(nilai)
        try:
            new = lembar.make(values)
        except FieldError as exc:
            if index is None:
                fields = [c.field for c in lembar.columns]
                pos = fields.index(exc.field) if exc.field in fields else None
                row = None if pos is None else self.row_of(lembar.name, pos)
                key = lembar.header_of(exc.field)
            else:
                row = self.row_of(lembar.name, index)
                key = kunci
            refusal = exc.problem(
                lembar.name, key, row=row, column=lembar.header_of(exc.field) or exc.field
            )
            return Perubahan(self, (refusal, *self.validate()), refusal)
        if index is None:
            return self.ganti(new)
        return self.ganti(new, kunci)
