"""Scenarios: a base plan plus named, ordered changes (what-ifs), and their cache key.

A :class:`Skenario` holds a name, a description and a tuple of changes, each a small
frozen dataclass: pagu scaled (:class:`PaguDikali`) or set (:class:`PaguDitetapkan`),
staff added (:class:`TambahPegawai`), removed (:class:`HapusPegawai`) or unavailable for
some months (:class:`PegawaiTidakTersedia`), a target changed (:class:`UbahTarget`), a
policy parameter changed (:class:`UbahKebijakan`: Ketua jenjang, max teams, objective
weights, priority mode…) and pins or forbids added (:class:`TambahPenetapan`).

:func:`terapkan` applies a scenario to a plan and returns the new plan with every
problem; :func:`kunci` is a stable sha256 of the plan, the changes and the solver
settings, for a sweep's cache. Nothing here reads files (see
:mod:`sistemkerja.io.skenario`) or solves.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from sistemkerja.domain import _rules, skema
from sistemkerja.domain.kebijakan import Prioritas
from sistemkerja.domain.masalah import FieldError, Problem
from sistemkerja.domain.pegawai import Pegawai
from sistemkerja.domain.penetapan import Penetapan
from sistemkerja.domain.pk import Indikator
from sistemkerja.domain.rencana import Rencana

#: Sheet name the problems of a scenario name (there is no such workbook sheet).
LEMBAR_SKENARIO = "Skenario"

#: Version of the canonical serialisation behind :func:`kunci`; raise it when the
#: serialisation changes so old cache entries stop matching.
VERSI_KUNCI = 2


# ---- the changes ------------------------------------------------------------------
def _ro_parts(ro: str) -> tuple[str, str]:
    """Split an RO reference ``"AFA.001"`` (or ``"AFA / 001"``) into (KRO, RO)."""
    text = ro.replace("/", ".")
    parts = [p.strip() for p in text.split(".") if p.strip()]
    if len(parts) != 2:
        raise FieldError(
            "ro", "invalid_value", f"RO ditulis KRO.RO, misalnya 'AFA.001' (tertulis '{ro}')"
        )
    return parts[0], parts[1]


def _lingkup(kegiatan: str | None, ro: str | None) -> None:
    if kegiatan is not None:
        _rules.text(kegiatan, "kegiatan", "Kegiatan (RKA)")
    if ro is not None:
        _rules.text(ro, "ro", "RO")
        if kegiatan is None:
            raise FieldError("ro", "missing_value", "RO memerlukan kode Kegiatan (RKA)")
        _ro_parts(ro)


@dataclass(frozen=True, slots=True)
class PaguDikali:
    """Multiply pagu by a factor: the whole unit, one Kegiatan (with its ROs) or one RO.

    Parameters
    ----------
    faktor : float
        Factor (> 0): ``0.8`` is a 20 % cut.
    kegiatan : str, optional
        RKA Kegiatan code (``"5641"``); ``None`` for every pagu row of the unit.
    ro : str, optional
        RO within ``kegiatan`` as ``KRO.RO`` (``"AFA.001"``); ``None`` for the Kegiatan
        row and all its RO rows.
    rincian : bool
        Also multiply the unit prices of the Rincian Anggaran lines in the same scope
        [yes]: a budget cut cuts the spending lines too, so the room left for personnel
        cost shrinks by the same factor and the plan stays valid (lines above their
        pagu are an error). ``False`` changes the ceilings only.

    Notes
    -----
    New amounts are rounded to whole rupiah (unit prices are not rounded).
    """

    faktor: float
    kegiatan: str | None = None
    ro: str | None = None
    rincian: bool = True

    def __post_init__(self) -> None:
        if isinstance(self.faktor, int | float) and self.faktor <= 0:
            raise FieldError("faktor", "out_of_range", "faktor pagu harus angka > 0")
        _rules.number(self.faktor, "faktor", "Faktor pagu")
        if self.faktor <= 0:
            raise FieldError("faktor", "out_of_range", "faktor pagu harus angka > 0")
        _lingkup(self.kegiatan, self.ro)


@dataclass(frozen=True, slots=True)
class PaguDitetapkan:
    """Set pagu to an amount: the whole unit, one Kegiatan or one RO.

    Parameters
    ----------
    jumlah : float
        New ceiling (Rp). For the whole unit it is the sum of the Kegiatan ceilings
        (:attr:`Rencana.pagu_total`): every row is scaled by ``jumlah / pagu_total``; for
        one Kegiatan its row becomes ``jumlah`` and its RO rows are scaled alike; for one
        RO that row becomes ``jumlah``.
    kegiatan : str, optional
        RKA Kegiatan code; ``None`` for the whole unit.
    ro : str, optional
        RO within ``kegiatan`` as ``KRO.RO``.
    rincian : bool
        Also scale the unit prices of the Rincian Anggaran lines in the same scope by
        the same ratio (see :class:`PaguDikali`) [yes].
    """

    jumlah: float
    kegiatan: str | None = None
    ro: str | None = None
    rincian: bool = True

    def __post_init__(self) -> None:
        _rules.number(self.jumlah, "jumlah", "Jumlah pagu (Rp)")
        _lingkup(self.kegiatan, self.ro)


@dataclass(frozen=True, slots=True)
class TambahPegawai:
    """Add one person to the Pegawai sheet (e.g. staff lent from another directorate).

    Parameters
    ----------
    pegawai : Pegawai
        The person; their ``unit`` says whether they count as own or outside staff.
    """

    pegawai: Pegawai


@dataclass(frozen=True, slots=True)
class HapusPegawai:
    """Remove one person, with their pins, overrides, member results and SK tasks.

    Parameters
    ----------
    nip : str
        The person's NIP.
    """

    nip: str

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")


@dataclass(frozen=True, slots=True)
class PegawaiTidakTersedia:
    """A person is unavailable for some months (leave, training, transfer).

    The months are removed from the person's SKP period
    (:attr:`Pegawai.bulan_mulai`–:attr:`Pegawai.bulan_selesai`), which must stay one
    unbroken period: the unavailable months must lie at its start or its end. A given
    ``capacity_hours`` shrinks in proportion to the months left.

    Parameters
    ----------
    nip : str
        The person's NIP.
    bulan_mulai, bulan_selesai : int
        First and last unavailable month (1–12).
    """

    nip: str
    bulan_mulai: int
    bulan_selesai: int

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")
        _rules.month(self.bulan_mulai, "bulan_mulai", "Bulan mulai")
        _rules.month(self.bulan_selesai, "bulan_selesai", "Bulan selesai")
        if self.bulan_selesai < self.bulan_mulai:
            raise FieldError(
                "bulan_selesai", "min_above_max", "bulan selesai lebih awal dari bulan mulai"
            )


@dataclass(frozen=True, slots=True)
class UbahTarget:
    """Change the yearly target of an indicator or tugas tambahan.

    Parameters
    ----------
    indikator : str
        Indicator or tugas tambahan code.
    target : str
        New target as written (``"80 %"``, ``"12 Laporan"``).
    target_tw : tuple of (str or None), optional
        New quarterly targets TW I–IV (indicators only); ``None`` keeps them.
    """

    indikator: str
    target: str
    target_tw: tuple[str | None, str | None, str | None, str | None] | None = None

    def __post_init__(self) -> None:
        _rules.text(self.indikator, "indikator", "Indikator")
        _rules.text(self.target, "target", "Target")
        if self.target_tw is not None and len(self.target_tw) != 4:
            raise FieldError("target_tw", "wrong_type", "target triwulan harus 4 isian")


#: Kebijakan fields a scenario may change, in sheet order.
PARAMETER_KEBIJAKAN: tuple[str, ...] = tuple(k.field for k in skema.KEBIJAKAN.columns)


@dataclass(frozen=True, slots=True)
class UbahKebijakan:
    """Change one policy parameter (any :class:`Kebijakan` field).

    Parameters
    ----------
    parameter : str
        Field name (``"ketua_jenjang"``, ``"max_tim_per_pegawai"``, ``"bobot_biaya"``,
        ``"prioritas"``…).
    nilai : Any
        The new value, typed as the field is (a tuple of Jenjang, an int, a bool, a
        Prioritas…); :mod:`sistemkerja.io.skenario` reads it from text the way the
        Kebijakan sheet reads its cells.
    """

    parameter: str
    nilai: Any

    def __post_init__(self) -> None:
        _rules.text(self.parameter, "parameter", "Parameter")


@dataclass(frozen=True, slots=True)
class TambahPenetapan:
    """Add a pin or forbid (a Penetapan row), e.g. a dialog kinerja decision.

    Parameters
    ----------
    penetapan : Penetapan
        The row.
    """

    penetapan: Penetapan


PerubahanSkenario = (
    PaguDikali
    | PaguDitetapkan
    | TambahPegawai
    | HapusPegawai
    | PegawaiTidakTersedia
    | UbahTarget
    | UbahKebijakan
    | TambahPenetapan
)
"""Any one change of a scenario."""

#: Name of each change kind in scenario files (``jenis:``) and messages.
JENIS_PERUBAHAN: dict[type, str] = {
    PaguDikali: "pagu_dikali",
    PaguDitetapkan: "pagu_ditetapkan",
    TambahPegawai: "tambah_pegawai",
    HapusPegawai: "hapus_pegawai",
    PegawaiTidakTersedia: "pegawai_tidak_tersedia",
    UbahTarget: "ubah_target",
    UbahKebijakan: "ubah_kebijakan",
    TambahPenetapan: "tambah_penetapan",
}


def kunci_perubahan(perubahan: PerubahanSkenario) -> str:
    """Return the key naming a change in messages (NIP, code, parameter, pagu scope).

    Parameters
    ----------
    perubahan : PerubahanSkenario
        The change.

    Returns
    -------
    str
        E.g. ``"pagu_dikali 5641"``, ``"hapus_pegawai 198206152006121959"``,
        ``"ubah_kebijakan ketua_jenjang"``; ``"pagu_dikali unit"`` for the whole unit.
    """
    jenis = JENIS_PERUBAHAN[type(perubahan)]
    match perubahan:
        case PaguDikali() | PaguDitetapkan():
            if perubahan.kegiatan is None:
                what = "unit"
            elif perubahan.ro is None:
                what = perubahan.kegiatan
            else:
                what = f"{perubahan.kegiatan}.{perubahan.ro}"
        case TambahPegawai():
            what = perubahan.pegawai.nip
        case HapusPegawai() | PegawaiTidakTersedia():
            what = perubahan.nip
        case UbahTarget():
            what = perubahan.indikator
        case UbahKebijakan():
            what = perubahan.parameter
        case TambahPenetapan():
            what = skema.PENETAPAN.key_of(perubahan.penetapan) or perubahan.penetapan.nip
    return f"{jenis} {what}"


@dataclass(frozen=True, slots=True)
class Skenario:
    """A named what-if: ordered changes applied to a base plan.

    Parameters
    ----------
    nama : str
        Name, unique within a sweep (``"Pagu −20 %"``).
    keterangan : str
        Description for the reader [empty].
    perubahan : tuple of PerubahanSkenario
        Changes, applied in order (a later change sees the earlier ones).
    """

    nama: str
    keterangan: str = ""
    perubahan: tuple[PerubahanSkenario, ...] = ()

    def __post_init__(self) -> None:
        _rules.text(self.nama, "nama", "Nama skenario")
        object.__setattr__(self, "perubahan", tuple(self.perubahan))
        if not isinstance(self.keterangan, str):
            raise FieldError("keterangan", "wrong_type", "keterangan skenario harus teks")
        for item in self.perubahan:
            if type(item) not in JENIS_PERUBAHAN:
                raise FieldError(
                    "perubahan", "wrong_type", f"perubahan tidak dikenal: {type(item).__name__}"
                )


SolverName = Literal["highs", "cbc"]


@dataclass(frozen=True, slots=True)
class PengaturanSolver:
    """Solver settings of a sweep, passed as keywords to ``optimasi``.

    Parameters
    ----------
    solver : {"highs", "cbc"}
        MILP solver ["highs"].
    batas_waktu : float
        Time limit per scenario (s) [60].
    celah : float, optional
        Relative stopping gap (fraction, 0 ≤ celah < 1); ``None``: the Kebijakan's.
    prioritas : Prioritas, optional
        ``None``: the Kebijakan's.
    """

    solver: SolverName = "highs"
    batas_waktu: float = 60.0
    celah: float | None = None
    prioritas: Prioritas | None = None

    def __post_init__(self) -> None:
        if self.solver not in ("highs", "cbc"):
            raise FieldError("solver", "invalid_value", "solver harus 'highs' atau 'cbc'")
        _rules.number(self.batas_waktu, "batas_waktu", "Batas waktu (detik)")
        if self.batas_waktu <= 0:
            raise FieldError("batas_waktu", "out_of_range", "batas waktu harus angka > 0")
        if self.celah is not None:
            _rules.number(self.celah, "celah", "Celah")
            if not 0 <= self.celah < 1:
                raise FieldError("celah", "out_of_range", "celah harus dari 0 sampai < 1")
        if self.prioritas is not None and not isinstance(self.prioritas, Prioritas):
            raise FieldError("prioritas", "wrong_type", "prioritas harus 'pemerataan' atau 'bobot'")

    def as_kwargs(self) -> dict[str, Any]:
        """Return the settings as keyword arguments of ``optimasi``."""
        return {
            "solver": self.solver,
            "batas_waktu": self.batas_waktu,
            "celah": self.celah,
            "prioritas": self.prioritas,
        }


@dataclass(frozen=True, slots=True)
class Sapuan:
    """A sweep: scenarios run against one base plan with the same solver settings.

    Parameters
    ----------
    skenario : tuple of Skenario
        The scenarios, names unique (a grid is expanded into them when read).
    rencana : str, optional
        The base plan as the file names it: a workbook path relative to the sweep file,
        or ``"contoh:unit"`` for a packaged sample.
    pengaturan : PengaturanSolver
        Solver settings for every scenario.
    """

    skenario: tuple[Skenario, ...]
    rencana: str | None = None
    pengaturan: PengaturanSolver = PengaturanSolver()

    def __post_init__(self) -> None:
        object.__setattr__(self, "skenario", tuple(self.skenario))
        seen: set[str] = set()
        for s in self.skenario:
            if s.nama in seen:
                raise FieldError("skenario", "duplicate_name", f"nama skenario '{s.nama}' ganda")
            seen.add(s.nama)


# ---- applying ---------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PenerapanSkenario:
    """The outcome of :func:`terapkan`; unpacks as ``(rencana, masalah)``.

    Parameters
    ----------
    rencana : Rencana
        The plan after every change that could apply.
    masalah : tuple of Problem
        The refusals (sheet ``"Skenario"``, key ``"perubahan[i] <jenis> <key>"``) followed
        by every problem of ``rencana``.
    ditolak : tuple of Problem
        The refused changes, one problem each; empty when all applied.
    """

    rencana: Rencana
    masalah: tuple[Problem, ...]
    ditolak: tuple[Problem, ...] = ()

    def __iter__(self) -> Iterator[Any]:
        """Yield ``rencana`` and ``masalah``."""
        yield self.rencana
        yield self.masalah

    @property
    def diterima(self) -> bool:
        """Whether every change applied."""
        return not self.ditolak

    @property
    def galat(self) -> list[Problem]:
        """The error-severity problems (refusals included)."""
        return [p for p in self.masalah if p.is_error]

    @property
    def valid(self) -> bool:
        """Whether every change applied and the new plan has no error."""
        return self.diterima and not self.galat


class _Tolak(Exception):
    """A change cannot apply; carries the Indonesian reason and a problem code."""

    def __init__(self, code: str, message: str, column: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.column = column


def _rp(value: float) -> str:
    return f"Rp {value:,.0f}".replace(",", ".")


def _pagu_rows(plan: Rencana, kegiatan: str | None, ro: str | None) -> list[int]:
    if kegiatan is None:
        return list(range(len(plan.pagu)))
    known = sorted({p.giat for p in plan.pagu if p.giat})
    rows = [i for i, p in enumerate(plan.pagu) if p.giat == kegiatan]
    if not rows:
        raise _Tolak(
            "unknown_kegiatan",
            f"Kegiatan (RKA) '{kegiatan}' tidak ada di lembar Pagu; yang ada: "
            f"{', '.join(known) or '-'}",
            "kegiatan",
        )
    if ro is None:
        return rows
    kro, ro_code = _ro_parts(ro)
    found = [i for i in rows if plan.pagu[i].kro == kro and plan.pagu[i].ro == ro_code]
    if not found:
        have = [f"{plan.pagu[i].kro}.{plan.pagu[i].ro}" for i in rows if plan.pagu[i].is_ro]
        raise _Tolak(
            "unknown_ro",
            f"RO '{ro}' tidak ada pada Kegiatan {kegiatan} di lembar Pagu; yang ada: "
            f"{', '.join(have) or '-'}",
            "ro",
        )
    return found


def _scaled(
    plan: Rencana, rows: list[int], faktor: float, c: PaguDikali | PaguDitetapkan
) -> Rencana:
    chosen = set(rows)
    pagu = tuple(
        replace(p, pagu=float(round(p.pagu * faktor))) if i in chosen else p
        for i, p in enumerate(plan.pagu)
    )
    if not c.rincian:
        return plan.with_changes(pagu=pagu)
    kro, ro = _ro_parts(c.ro) if c.ro is not None else (None, None)
    lines = tuple(
        replace(a, harga_satuan=a.harga_satuan * faktor)
        if (c.kegiatan is None or a.giat == c.kegiatan)
        and (ro is None or (a.kro == kro and a.ro == ro))
        else a
        for a in plan.anggaran
    )
    return plan.with_changes(pagu=pagu, anggaran=lines)


def _pagu_dikali(plan: Rencana, c: PaguDikali) -> Rencana:
    return _scaled(plan, _pagu_rows(plan, c.kegiatan, c.ro), c.faktor, c)


def _pagu_ditetapkan(plan: Rencana, c: PaguDitetapkan) -> Rencana:
    rows = _pagu_rows(plan, c.kegiatan, c.ro)
    if c.ro is not None:
        heads = rows
        what = f"pagu RO {c.kegiatan}.{c.ro}"
    elif c.kegiatan is None:
        heads = [i for i, p in enumerate(plan.pagu) if not p.is_ro]
        what = "pagu unit"
    else:
        heads = [i for i in rows if not plan.pagu[i].is_ro]
        what = f"pagu Kegiatan {c.kegiatan}"
        if not heads:
            raise _Tolak(
                "unknown_kegiatan",
                f"Kegiatan (RKA) '{c.kegiatan}' hanya punya pagu RO; tetapkan per RO",
                "kegiatan",
            )
    old = sum(plan.pagu[i].pagu for i in heads)
    if old <= 0:
        raise _Tolak(
            "zero_pagu",
            f"{what} kini {_rp(old)}; jumlah baru tidak dapat dibagi menurut perbandingan",
            "jumlah",
        )
    return _scaled(plan, rows, c.jumlah / old, c)


def _pegawai(plan: Rencana, nip: str) -> Pegawai:
    found = plan.pegawai_by_nip().get(nip)
    if found is None:
        raise _Tolak("unknown_nip", f"NIP '{nip}' tidak ada di lembar Pegawai", "nip")
    return found


def _tambah_pegawai(plan: Rencana, c: TambahPegawai) -> Rencana:
    if c.pegawai.nip in plan.pegawai_by_nip():
        raise _Tolak(
            "duplicate_nip", f"NIP '{c.pegawai.nip}' sudah ada di lembar Pegawai", "pegawai"
        )
    return plan.tambah(c.pegawai).rencana


def _hapus_pegawai(plan: Rencana, c: HapusPegawai) -> Rencana:
    _pegawai(plan, c.nip)
    if plan.pk.nip_pihak_pertama == c.nip:
        raise _Tolak(
            "unit_head", f"NIP '{c.nip}' adalah pihak pertama PK dan tidak dapat dihapus", "nip"
        )
    return plan.with_changes(
        pegawai=tuple(p for p in plan.pegawai if p.nip != c.nip),
        penetapan=tuple(p for p in plan.penetapan if p.nip != c.nip),
        penyesuaian=tuple(p for p in plan.penyesuaian if p.nip != c.nip),
        hasil_anggota=tuple(p for p in plan.hasil_anggota if p.nip != c.nip),
        tugas_sk=tuple(p for p in plan.tugas_sk if p.nip != c.nip),
    )


def _tidak_tersedia(plan: Rencana, c: PegawaiTidakTersedia) -> Rencana:
    old = _pegawai(plan, c.nip)
    start, end = old.bulan_mulai, old.bulan_selesai
    if c.bulan_mulai <= start and c.bulan_selesai >= end:
        raise _Tolak(
            "whole_period",
            f"bulan {c.bulan_mulai}–{c.bulan_selesai} menutup seluruh masa tugas "
            f"({start}–{end}); gunakan hapus_pegawai",
            "bulan_mulai",
        )
    if c.bulan_selesai < start or c.bulan_mulai > end:
        return plan
    if c.bulan_mulai <= start:
        new_start, new_end = c.bulan_selesai + 1, end
    elif c.bulan_selesai >= end:
        new_start, new_end = start, c.bulan_mulai - 1
    else:
        raise _Tolak(
            "period_gap",
            f"bulan {c.bulan_mulai}–{c.bulan_selesai} berada di tengah masa tugas "
            f"({start}–{end}); masa tugas harus satu rentang, jadi bulan tidak tersedia "
            "harus di awal atau di akhirnya",
            "bulan_mulai",
        )
    capacity = old.capacity_hours
    if capacity is not None:
        capacity = capacity * (new_end - new_start + 1) / old.bulan_bertugas
    new = replace(old, bulan_mulai=new_start, bulan_selesai=new_end, capacity_hours=capacity)
    return plan.ganti(new).rencana


def _ubah_target(plan: Rencana, c: UbahTarget) -> Rencana:
    codes = {i.code for i in plan.indikator}
    tambahan = {t.code for t in plan.tugas_tambahan}
    values: dict[str, Any] = {"target": c.target}
    if c.indikator in codes:
        jenis: type = Indikator
        if c.target_tw is not None:
            values.update({f"target_tw{q}": t for q, t in enumerate(c.target_tw, start=1)})
    elif c.indikator in tambahan:
        jenis = skema.TUGAS_TAMBAHAN.entity
        if c.target_tw is not None:
            raise _Tolak(
                "unexpected_value", "tugas tambahan tidak punya target triwulan", "target_tw"
            )
    else:
        raise _Tolak(
            "unknown_indikator",
            f"indikator atau tugas tambahan '{c.indikator}' tidak ada; yang ada: "
            f"{', '.join(sorted(codes | tambahan)) or '-'}",
            "indikator",
        )
    done = plan.ubah(jenis, c.indikator, **values)
    if done.ditolak is not None:
        raise _Tolak(done.ditolak.code, done.ditolak.message, "target")
    return done.rencana


def _type_ok(kolom: skema.Kolom, value: Any) -> bool:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    match kolom.kind:
        case "bool":
            return isinstance(value, bool)
        case "int":
            return number and float(value).is_integer()
        case "number":
            return number
        case "enum":
            return kolom.enum is not None and isinstance(value, kolom.enum)
        case "enumlist":
            return (
                isinstance(value, tuple)
                and kolom.enum is not None
                and all(isinstance(v, kolom.enum) for v in value)
            )
        case _:
            return True


def _ubah_kebijakan(plan: Rencana, c: UbahKebijakan) -> Rencana:
    kolom = next((k for k in skema.KEBIJAKAN.columns if k.field == c.parameter), None)
    if kolom is None:
        raise _Tolak(
            "unknown_parameter",
            f"parameter kebijakan '{c.parameter}' tidak dikenal; yang ada: "
            f"{', '.join(PARAMETER_KEBIJAKAN)}",
            "parameter",
        )
    if not _type_ok(kolom, c.nilai):
        raise _Tolak(
            "wrong_type",
            f"nilai {c.nilai!r} bukan jenis yang tepat untuk '{kolom.header}'",
            "nilai",
        )
    nilai = int(c.nilai) if kolom.kind == "int" else c.nilai
    done = plan.ubah(skema.KEBIJAKAN.name, None, **{c.parameter: nilai})
    if done.ditolak is not None:
        raise _Tolak(done.ditolak.code, done.ditolak.message, "nilai")
    return done.rencana


def _tambah_penetapan(plan: Rencana, c: TambahPenetapan) -> Rencana:
    p = c.penetapan
    _pegawai(plan, p.nip)
    if p.tim is not None and p.tim not in {t.code for t in plan.tim}:
        raise _Tolak("unknown_team", f"tim '{p.tim}' tidak ada di lembar Tim Kerja", "tim")
    if p.kegiatan is not None and p.kegiatan not in {k.code for k in plan.kegiatan}:
        raise _Tolak(
            "unknown_kegiatan", f"kegiatan '{p.kegiatan}' tidak ada di lembar Kegiatan", "kegiatan"
        )
    key = skema.PENETAPAN.key_of(p)
    if key in plan.kunci(skema.PENETAPAN.name):
        raise _Tolak("duplicate_penetapan", f"penetapan '{key}' sudah ada", "penetapan")
    return plan.tambah(p).rencana


_APPLY: dict[type, Any] = {
    PaguDikali: _pagu_dikali,
    PaguDitetapkan: _pagu_ditetapkan,
    TambahPegawai: _tambah_pegawai,
    HapusPegawai: _hapus_pegawai,
    PegawaiTidakTersedia: _tidak_tersedia,
    UbahTarget: _ubah_target,
    UbahKebijakan: _ubah_kebijakan,
    TambahPenetapan: _tambah_penetapan,
}


def terapkan(plan: Rencana, skenario: Skenario) -> PenerapanSkenario:
    """Apply a scenario's changes, in order, to a plan.

    Parameters
    ----------
    plan : Rencana
        The base plan (not changed).
    skenario : Skenario
        The scenario.

    Returns
    -------
    PenerapanSkenario
        The new plan and its problems. A change that cannot apply (unknown Kegiatan,
        RO, NIP, indicator, team or parameter; a value its field refuses; a NIP already
        present…) is skipped and refused with a problem on sheet ``"Skenario"`` whose
        key is ``"perubahan[i] <jenis> <key>"`` (``i`` from 1, as the file lists
        them), so every refusal is reported at once; the other changes still apply.
    """
    refused: list[Problem] = []
    for i, change in enumerate(skenario.perubahan, start=1):
        try:
            plan = _APPLY[type(change)](plan, change)
        except (_Tolak, FieldError) as exc:
            column = exc.column if isinstance(exc, _Tolak) else exc.field
            key = f"perubahan[{i}] {kunci_perubahan(change)}"
            message = f"skenario '{skenario.nama}', {key}: {exc.message}"
            refused.append(Problem(LEMBAR_SKENARIO, None, column, exc.code, message, key=key))
    return PenerapanSkenario(plan, (*refused, *plan.validate()), tuple(refused))


# ---- the cache key ----------------------------------------------------------------
def kanonik(value: Any) -> Any:
    """Return a JSON-ready canonical form of a value (plans, scenarios, settings).

    Dataclasses become ``{"__jenis__": class name, field: …}`` over their compared
    fields (a plan's Excel ``rows`` are left out); enums their value; tuples, lists
    and sets lists (sets sorted); mappings sorted dicts; an integral float the int it
    equals (``1.0`` and ``1`` are one value, as ``==`` says); non-finite floats text.

    Parameters
    ----------
    value : Any
        The value.

    Returns
    -------
    Any
        Nested dicts, lists, str, int, float, bool and None.
    """
    if isinstance(value, enum.Enum):
        return kanonik(value.value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"__jenis__": type(value).__name__}
        for f in dataclasses.fields(value):
            if f.compare:
                out[f.name] = kanonik(getattr(value, f.name))
        return out
    if isinstance(value, bool) or value is None or isinstance(value, str | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            return repr(value)
        return int(value) if value.is_integer() else value
    if isinstance(value, Mapping):
        return {str(k): kanonik(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted((kanonik(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, tuple | list):
        return [kanonik(v) for v in value]
    raise TypeError(f"nilai {type(value).__name__} tidak dapat dijadikan kunci")


def sidik_rencana(plan: Rencana) -> str:
    """Return the sha256 of a plan's canonical form (:func:`kanonik`): its part of a key.

    Computing it once and passing it to :func:`kunci` (``sidik=``) saves hashing the plan
    again for every scenario of a sweep.
    """
    text = json.dumps(kanonik(plan), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def kunci(
    plan: Rencana,
    skenario: Skenario,
    pengaturan: PengaturanSolver | Mapping[str, Any] | None = None,
    *,
    sidik: str | None = None,
) -> str:
    """Return the cache key of solving one scenario: sha256 of its inputs.

    Parameters
    ----------
    plan : Rencana
        The base plan.
    skenario : Skenario
        The scenario; only its ordered changes count (its name and description do not
        change the result, so two scenarios with the same changes share a key).
    pengaturan : PengaturanSolver or mapping, optional
        Solver settings (``optimasi`` keywords); ``None`` is the defaults of
        :class:`PengaturanSolver`, which give the same key as ``PengaturanSolver()``.
    sidik : str, optional
        :func:`sidik_rencana` of ``plan``, when the caller has it.

    Returns
    -------
    str
        64 hexadecimal characters; equal for equal inputs (``==``), in any process.
    """
    if pengaturan is None:
        pengaturan = PengaturanSolver()
    settings = pengaturan.as_kwargs() if isinstance(pengaturan, PengaturanSolver) else pengaturan
    data = {
        "versi": VERSI_KUNCI,
        "rencana": sidik if sidik is not None else sidik_rencana(plan),
        "perubahan": kanonik(skenario.perubahan),
        "pengaturan": kanonik(dict(settings)),
    }
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
