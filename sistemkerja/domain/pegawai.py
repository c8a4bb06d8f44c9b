"""Units, the catalogue of positions (jabatan) and staff (Pegawai)."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.enums import JALUR_JENIS, JenisJabatan, Jenjang, StatusASN
from sistemkerja.domain.masalah import FieldError
from sistemkerja.domain.nip import check_nip

GOLONGAN: tuple[str, ...] = tuple(
    f"{r}/{g}"
    for r, gs in (("I", "abcd"), ("II", "abcd"), ("III", "abcd"), ("IV", "abcde"))
    for g in gs
) + tuple(str(n) for n in range(1, 18))
"""Valid golongan: PNS ``I/a``–``IV/e`` and PPPK ``1``–``17``."""


@dataclass(frozen=True, slots=True)
class Unit:
    """An organisational unit (unit organisasi) of some agency.

    Parameters
    ----------
    code : str
        Short unique code, e.g. ``"DIT-PDK"``.
    name : str
        Full name, e.g. ``"Direktorat Perencanaan dan Data Kepegawaian"``.
    instansi : str
        Agency the unit belongs to, e.g. ``"Kementerian Contoh"``.
    """

    code: str
    name: str
    instansi: str

    def __post_init__(self) -> None:
        _rules.text(self.code, "code", "Kode unit")
        _rules.text(self.name, "name", "Nama unit")
        _rules.text(self.instansi, "instansi", "Instansi")


@dataclass(frozen=True, slots=True)
class Jabatan:
    """One position family in the catalogue (e.g. JF Perencana, Pelaksana Arsiparis).

    Parameters
    ----------
    name : str
        Name without jenjang, e.g. ``"Perencana"``, ``"Penata Layanan Operasional"``.
    jenis : JenisJabatan
        JF, Pelaksana or Struktural.
    rumpun : str, optional
        Family group (rumpun jabatan), free text.
    """

    name: str
    jenis: JenisJabatan
    rumpun: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.name, "name", "Nama jabatan")


@dataclass(frozen=True, slots=True)
class Pegawai:
    """A civil servant (ASN) who can be assigned to teams and activities.

    Parameters
    ----------
    nip : str
        18-digit NIP (PNS) or NI PPPK; the key.
    name : str
        Full name.
    jabatan : str
        Position family, a name in the Jabatan catalogue (``"Perencana"``).
    jenis : JenisJabatan
        JF, Pelaksana or Struktural; must match the catalogue.
    jenjang : Jenjang
        Level; its track must fit ``jenis``.
    golongan : str
        Rank, ``"III/c"`` (PNS) or ``"9"`` (PPPK).
    status : StatusASN
        PNS or PPPK.
    unit : str
        Code of the home unit (in the Unit sheet); its agency is the home agency.
    capacity_hours : float, optional
        Effective working hours available this year (jam/tahun), after prorating for
        leave, training or part-year service; ``None`` means the policy's default.
    committed_hours : float
        Hours already committed elsewhere this year (jam/tahun).
    competences : tuple of str
        Free-text competence tags.
    involvement_cost : float
        Cost of involving this person once (Rp), e.g. travel; for lintas unit/instansi.
    hourly_cost : float
        Cost per assigned hour (Rp/jam), e.g. honorarium per SBM.
    penilai : str, optional
        NIP of the pejabat penilai kinerja who signs this person's SKP; ``None`` means
        the unit head for staff of the planning unit (for staff of another unit or
        agency, a penilai of their home unit).
    bulan_mulai, bulan_selesai : int
        First and last month (1–12) of this person's SKP period this year [1 and 12];
        a part-year period (transfer) shrinks the default capacity to
        ``jam_efektif × months / 12``.
    maks_tim : int, optional
        Most teams this person may join this year (tim), e.g. someone already on an SK
        team elsewhere; ``None`` means the policy's ``max_tim_per_pegawai``, and the
        lower of the two applies.
    """

    nip: str
    name: str
    jabatan: str
    jenis: JenisJabatan
    jenjang: Jenjang
    golongan: str
    status: StatusASN
    unit: str
    capacity_hours: float | None = None
    committed_hours: float = 0.0
    competences: tuple[str, ...] = ()
    involvement_cost: float = 0.0
    hourly_cost: float = 0.0
    penilai: str | None = None
    bulan_mulai: int = 1
    bulan_selesai: int = 12
    maks_tim: int | None = None

    def __post_init__(self) -> None:
        reason = check_nip(self.nip) if isinstance(self.nip, str) else "NIP wajib diisi"
        if reason:
            raise FieldError("nip", "invalid_nip", reason)
        _rules.text(self.name, "name", "Nama")
        _rules.text(self.jabatan, "jabatan", "Jabatan")
        _rules.text(self.unit, "unit", "Unit")
        if self.jenjang.jalur not in JALUR_JENIS[self.jenis]:
            raise FieldError(
                "jenjang",
                "jenjang_mismatch",
                f"jenjang '{self.jenjang}' tidak berlaku untuk jenis jabatan '{self.jenis}'",
            )
        if self.golongan not in GOLONGAN:
            raise FieldError(
                "golongan",
                "invalid_golongan",
                f"golongan '{self.golongan}' tidak dikenal (contoh: III/c untuk PNS, 9 untuk PPPK)",
            )
        _rules.optional_number(self.capacity_hours, "capacity_hours", "Kapasitas (jam)")
        _rules.number(self.committed_hours, "committed_hours", "Jam terikat")
        _rules.number(self.involvement_cost, "involvement_cost", "Biaya pelibatan (Rp)")
        _rules.number(self.hourly_cost, "hourly_cost", "Biaya per jam (Rp)")
        if self.penilai is not None:
            reason = check_nip(self.penilai) if isinstance(self.penilai, str) else "bukan NIP"
            if reason:
                raise FieldError("penilai", "invalid_nip", f"NIP pejabat penilai: {reason}")
        _rules.month(self.bulan_mulai, "bulan_mulai", "Mulai bertugas")
        _rules.month(self.bulan_selesai, "bulan_selesai", "Selesai bertugas")
        if self.maks_tim is not None:
            _rules.integer(self.maks_tim, "maks_tim", "Maks. tim pegawai")
        for tag in self.competences:
            if not tag.strip() or _rules.invisible(tag) or ";" in tag:
                raise FieldError(
                    "competences",
                    "invalid_list",
                    "kompetensi dipisah titik koma, tanpa isian kosong",
                )

    @property
    def bulan_bertugas(self) -> int:
        """Months of this year's SKP period (bulan), 0 when the period is inverted."""
        return max(0, self.bulan_selesai - self.bulan_mulai + 1)
