"""A ministry plan: many units' plans, and the people several of them may borrow.

Each unit of a ministry (K/L) has its own plan (:class:`~sistemkerja.domain.Rencana`:
its PK, strategies, activities and staff). A person on the Pegawai sheet of more than one
unit's plan, from outside those units, is in the **shared pool** (*kumpulan pegawai
bersama*): people a central unit lends to several directorates. Their hours are one
person's hours, whatever each unit's plan says, so a ministry's allocation must keep
every person within their capacity *across all units* (:func:`periksa_kapasitas`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sistemkerja.domain.alokasi import Alokasi
from sistemkerja.domain.enums import Asal
from sistemkerja.domain.masalah import FieldError
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.rencana import Rencana

__all__ = [
    "TOLERANSI_JAM",
    "BebanLintasUnit",
    "KapasitasTerlampaui",
    "Kementerian",
    "beban_lintas_unit",
    "periksa_kapasitas",
]

TOLERANSI_JAM = 0.01
"""Hours above capacity still accepted by :func:`periksa_kapasitas` (rounding, jam)."""


@dataclass(frozen=True, slots=True)
class Kementerian:
    """A ministry: one plan per unit.

    Parameters
    ----------
    nama : str
        The ministry's name.
    unit : tuple of Rencana
        One plan per unit; the unit codes (``pk.unit``) are unique.

    Raises
    ------
    FieldError
        If two plans are for the same unit, or a pool person's capacity or committed
        hours differ between plans (one person has one capacity).
    """

    nama: str
    unit: tuple[Rencana, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", tuple(self.unit))
        codes = [p.pk.unit for p in self.unit]
        double = sorted({c for c in codes if codes.count(c) > 1})
        if double:
            raise FieldError("unit", "duplicate", f"unit ganda di kementerian: {', '.join(double)}")
        seen: dict[str, tuple[float | None, float, str]] = {}
        for plan in self.unit:
            for pg in plan.pegawai:
                mine = (pg.capacity_hours, pg.committed_hours, pg.unit)
                other = seen.setdefault(pg.nip, mine)
                if other != mine:
                    raise FieldError(
                        "pegawai",
                        "inconsistent",
                        f"pegawai {pg.nip} ({pg.name}) tercatat berbeda di rencana unit "
                        f"{plan.pk.unit}: kapasitas, jam terikat atau unit asalnya harus sama "
                        "di setiap rencana",
                    )

    def kode_unit(self) -> list[str]:
        """Return the unit codes, in order."""
        return [p.pk.unit for p in self.unit]

    def rencana(self, kode: str) -> Rencana:
        """Return the plan of unit ``kode``.

        Raises
        ------
        KeyError
            If there is no such unit.
        """
        for plan in self.unit:
            if plan.pk.unit == kode:
                return plan
        raise KeyError(kode)

    def pool(self) -> dict[str, tuple[str, ...]]:
        """Return the shared pool: NIP → the units whose plans list that person.

        Only people from outside the unit (lintas unit or lintas instansi) listed by
        two plans or more.
        """
        where: dict[str, list[str]] = defaultdict(list)
        for plan in self.unit:
            for pg in plan.pegawai:
                if plan.asal(pg) is not Asal.UNIT:
                    where[pg.nip].append(plan.pk.unit)
        return {nip: tuple(units) for nip, units in where.items() if len(units) > 1}

    def pegawai(self) -> dict[str, Pegawai]:
        """Return every person of the ministry once, by NIP."""
        out: dict[str, Pegawai] = {}
        for plan in self.unit:
            for pg in plan.pegawai:
                out.setdefault(pg.nip, pg)
        return out

    @property
    def jumlah_pegawai(self) -> int:
        """Distinct people across the ministry's plans (orang)."""
        return len(self.pegawai())


@dataclass(frozen=True, slots=True)
class BebanLintasUnit:
    """One person's hours across every unit of a ministry.

    Attributes
    ----------
    nip, nama : str
        The person.
    kapasitas : float
        Their capacity (jam), as their plans state it.
    terikat : float
        Hours committed outside these plans (jam), counted once.
    jam_unit : dict of str to float
        Hours allocated in each unit's plan (jam).
    """

    nip: str
    nama: str
    kapasitas: float
    terikat: float
    jam_unit: dict[str, float]

    @property
    def jam(self) -> float:
        """Hours allocated across all units (jam)."""
        return sum(self.jam_unit.values())

    @property
    def lebih(self) -> float:
        """Hours above capacity (jam; ≤ 0 when within it)."""
        return self.terikat + self.jam - self.kapasitas


class KapasitasTerlampaui(ValueError):
    """A merged ministry allocation gives someone more hours than they have.

    Attributes
    ----------
    pelanggaran : list of BebanLintasUnit
        Every person above capacity, worst first.
    """

    def __init__(self, pelanggaran: list[BebanLintasUnit]) -> None:
        self.pelanggaran = pelanggaran
        lines = [
            f"- {b.nama} ({b.nip}): {b.terikat:.0f} jam terikat + "
            + " + ".join(f"{j:.1f} jam di {u}" for u, j in sorted(b.jam_unit.items()))
            + f" = {b.terikat + b.jam:.1f} jam, melebihi kapasitas {b.kapasitas:.0f} jam "
            f"sebesar {b.lebih:.1f} jam"
            for b in pelanggaran[:20]
        ]
        more = f"\n… dan {len(pelanggaran) - 20} pegawai lain" if len(pelanggaran) > 20 else ""
        super().__init__(
            f"{len(pelanggaran)} pegawai melebihi kapasitasnya di seluruh unit kementerian:\n"
            + "\n".join(lines)
            + more
        )


def beban_lintas_unit(
    kementerian: Kementerian, alokasi: dict[str, Alokasi]
) -> list[BebanLintasUnit]:
    """Return every person's hours across the units of a merged ministry allocation.

    Parameters
    ----------
    kementerian : Kementerian
        The ministry (capacities as the unit plans state them).
    alokasi : dict of str to Alokasi
        Unit code → that unit's allocation.

    Returns
    -------
    list of BebanLintasUnit
        One per person with hours in any unit, in NIP order.

    Raises
    ------
    KeyError
        If an allocation names a unit or a person the ministry does not have.
    """
    people = kementerian.pegawai()
    hours: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for unit, a in alokasi.items():
        kementerian.rencana(unit)  # KeyError for an unknown unit
        for p in a.penugasan:
            if p.nip not in people:
                raise KeyError(f"pegawai {p.nip} di alokasi unit {unit} tidak ada di kementerian")
            hours[p.nip][unit] += p.jam
    plan0 = kementerian.unit[0]
    out = []
    for nip in sorted(hours):
        pg = people[nip]
        out.append(
            BebanLintasUnit(nip, pg.name, plan0.capacity(pg), pg.committed_hours, dict(hours[nip]))
        )
    return out


def periksa_kapasitas(
    kementerian: Kementerian, alokasi: dict[str, Alokasi], *, toleransi: float = TOLERANSI_JAM
) -> list[BebanLintasUnit]:
    """Check that nobody exceeds their capacity across all units; fail loudly if they do.

    Parameters
    ----------
    kementerian : Kementerian
        The ministry.
    alokasi : dict of str to Alokasi
        Unit code → that unit's allocation (the merged result).
    toleransi : float
        Hours above capacity still accepted (jam).

    Returns
    -------
    list of BebanLintasUnit
        Every person's hours across units (when all are within capacity).

    Raises
    ------
    KapasitasTerlampaui
        Naming every person above capacity, their hours per unit and the excess.
    """
    loads = beban_lintas_unit(kementerian, alokasi)
    over = sorted((b for b in loads if b.lebih > toleransi), key=lambda b: -b.lebih)
    if over:
        raise KapasitasTerlampaui(over)
    return loads
