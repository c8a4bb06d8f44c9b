"""Activities (kegiatan) with schedule, output, effort lines and budget lines."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.enums import Jenjang
from sistemkerja.domain.masalah import FieldError


@dataclass(frozen=True, slots=True)
class Kegiatan:
    """An activity that produces part of a target.

    Parameters
    ----------
    code : str
        Unique code, e.g. ``"K-07"``.
    name : str
        What is done, e.g. ``"Penyusunan laporan monitoring triwulanan"``.
    indikator : str
        Code of the indicator or tugas tambahan it serves.
    tim : str or None
        Team that runs it; ``None`` when worked individually.
    bulan_mulai, bulan_selesai : int
        First and last month (1–12) of the fiscal year.
    volume : float
        Output volume, e.g. 12.
    satuan : str
        Output unit, e.g. ``"Laporan"``.
    bukti_dukung : str or None
        Kind of evidence that proves the output (``"Dokumen laporan"``).
    angka : bool
        Whether the output carries part of its target's number (*angka*) when the
        target is additive and the units match; ``False`` marks a supporting step
        (*pendukung*: a verification, a coordination meeting) whose output must not be
        counted again.
    hasil : str or None
        The members' result for this activity in *bahasa hasil*, as the planner writes
        it (*Hasil kerja (RHK)*); ``None``: generated from the name.
    """

    code: str
    name: str
    indikator: str
    tim: str | None
    bulan_mulai: int
    bulan_selesai: int
    volume: float
    satuan: str
    bukti_dukung: str | None = None
    angka: bool = True
    hasil: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.code, "code", "Kode kegiatan")
        _rules.text(self.name, "name", "Nama kegiatan")
        _rules.text(self.indikator, "indikator", "Indikator")
        _rules.month(self.bulan_mulai, "bulan_mulai", "Bulan mulai")
        _rules.month(self.bulan_selesai, "bulan_selesai", "Bulan selesai")
        if self.bulan_mulai > self.bulan_selesai:
            raise FieldError(
                "bulan_selesai",
                "start_after_end",
                f"bulan selesai ({self.bulan_selesai}) sebelum bulan mulai ({self.bulan_mulai})",
            )
        _rules.number(self.volume, "volume", "Volume keluaran")
        _rules.text(self.satuan, "satuan", "Satuan keluaran")

    @property
    def months(self) -> range:
        """Months the activity runs (1–12, inclusive)."""
        return range(self.bulan_mulai, self.bulan_selesai + 1)


@dataclass(frozen=True, slots=True)
class BebanKegiatan:
    """Effort of one role on one activity: volume × norma waktu (jam).

    Parameters
    ----------
    kegiatan : str
        Activity code.
    jabatan : str
        Position family that does this work.
    jenjang_min : Jenjang or None
        Lowest acceptable jenjang.
    volume : float
        Number of work units.
    norma_waktu : float
        Time norm, hours per unit (jam/satuan).
    """

    kegiatan: str
    jabatan: str
    jenjang_min: Jenjang | None
    volume: float
    norma_waktu: float

    def __post_init__(self) -> None:
        _rules.text(self.kegiatan, "kegiatan", "Kegiatan")
        _rules.text(self.jabatan, "jabatan", "Jabatan")
        _rules.number(self.volume, "volume", "Volume")
        _rules.number(self.norma_waktu, "norma_waktu", "Norma waktu (jam)")

    @property
    def jam(self) -> float:
        """Effort in hours (jam) = volume × norma waktu."""
        return self.volume * self.norma_waktu


@dataclass(frozen=True, slots=True)
class BarisAnggaran:
    """One budget line (detil belanja) of an activity, coded per RKA-K/L.

    Parameters
    ----------
    kegiatan : str
        Activity code.
    program, giat, kro, ro : str
        RKA codes: Program, Kegiatan (RKA), KRO, RO.
    komponen : str or None
        Komponen code.
    akun : str
        Six-digit account (akun), e.g. ``"524111"``.
    name : str
        Description of the line.
    volume : float
        Quantity.
    satuan : str
        Unit of quantity (``"OP"``, ``"OK"``, ``"Paket"``).
    harga_satuan : float
        Unit price (Rp).
    """

    kegiatan: str
    program: str
    giat: str
    kro: str
    ro: str
    komponen: str | None
    akun: str
    name: str
    volume: float
    satuan: str
    harga_satuan: float

    def __post_init__(self) -> None:
        for field, label in (
            ("kegiatan", "Kegiatan"),
            ("program", "Program"),
            ("giat", "Kegiatan (RKA)"),
            ("kro", "KRO"),
            ("ro", "RO"),
            ("akun", "Akun"),
            ("name", "Uraian"),
            ("satuan", "Satuan"),
        ):
            _rules.text(getattr(self, field), field, label)
        if not (self.akun.isdigit() and len(self.akun) == 6):
            raise FieldError("akun", "invalid_akun", f"akun harus 6 digit ({self.akun})")
        _rules.number(self.volume, "volume", "Volume")
        _rules.number(self.harga_satuan, "harga_satuan", "Harga satuan (Rp)")

    @property
    def jumlah(self) -> float:
        """Line total in rupiah = volume × harga satuan."""
        return self.volume * self.harga_satuan


@dataclass(frozen=True, slots=True)
class HasilAnggota:
    """One person's own result on one activity, agreed in the *dialog kinerja*.

    When several members share an activity, the generated (or the activity's written)
    result is the same text for all of them, which the MPH flags as overlapping roles.
    A row here words what this person delivers (``"Tersusunnya bab analisis data
    laporan pemantauan"``); it replaces ``Kegiatan.hasil`` for this person only.

    Parameters
    ----------
    nip : str
        The person (Pegawai sheet).
    kegiatan : str
        Activity code (Kegiatan sheet).
    hasil : str
        The person's result in *bahasa hasil*, without numbers (the number belongs to
        the target).
    """

    nip: str
    kegiatan: str
    hasil: str

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")
        _rules.text(self.kegiatan, "kegiatan", "Kegiatan")
        _rules.text(self.hasil, "hasil", "Hasil kerja (RHK)")
