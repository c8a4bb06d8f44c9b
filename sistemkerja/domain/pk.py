"""The Perjanjian Kinerja: sasaran, indikator with targets, tugas tambahan and pagu."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.angka import Target, parse_target
from sistemkerja.domain.enums import Aspek, JenisSasaran, LabelEnum, Pola
from sistemkerja.domain.masalah import FieldError
from sistemkerja.domain.nip import check_nip


class Perspektif(LabelEnum):
    """Perspective of a sasaran in the JPT's SKP (Permenpan RB 6/2022, lampiran).

    The four perspectives of the balanced scorecard as the JPT SKP form names them.
    """

    PENERIMA_LAYANAN = "Perspektif Penerima Layanan"
    PROSES_BISNIS = "Perspektif Proses Bisnis"
    PENGUATAN_INTERNAL = "Perspektif Penguatan Internal"
    ANGGARAN = "Perspektif Anggaran"


def _optional_nip(value: str | None, field: str, label: str) -> None:
    if value is None:
        return
    reason = check_nip(value) if isinstance(value, str) else "bukan NIP"
    if reason:
        raise FieldError(field, "invalid_nip", f"{label}: {reason}")


@dataclass(frozen=True, slots=True)
class PerjanjianKinerja:
    """Header of the performance agreement for one fiscal year (1 Jan–31 Dec).

    Parameters
    ----------
    tahun : int
        Fiscal year.
    unit : str
        Code of the planning unit (in the Unit sheet); its staff are "Unit" origin.
    pihak_pertama : str
        Name of the head of the unit who signs (Pejabat Level 1).
    jabatan_pihak_pertama : str
        Position of the first party.
    pihak_kedua : str, optional
        Name of the superior who countersigns.
    jabatan_pihak_kedua : str, optional
        Position of the second party.
    nip_pihak_pertama : str, optional
        NIP of the first party; ``None`` means the Struktural person of ``unit`` in
        the Pegawai sheet (the unit head's SKP is theirs).
    nip_pihak_kedua : str, optional
        NIP of the second party, the unit head's pejabat penilai kinerja.
    """

    tahun: int
    unit: str
    pihak_pertama: str
    jabatan_pihak_pertama: str
    pihak_kedua: str | None = None
    jabatan_pihak_kedua: str | None = None
    nip_pihak_pertama: str | None = None
    nip_pihak_kedua: str | None = None

    def __post_init__(self) -> None:
        _rules.integer(self.tahun, "tahun", "Tahun", minimum=2000)
        _optional_nip(self.nip_pihak_pertama, "nip_pihak_pertama", "NIP pihak pertama")
        _optional_nip(self.nip_pihak_kedua, "nip_pihak_kedua", "NIP pihak kedua")
        _rules.text(self.unit, "unit", "Unit")
        _rules.text(self.pihak_pertama, "pihak_pertama", "Pihak pertama")
        _rules.text(self.jabatan_pihak_pertama, "jabatan_pihak_pertama", "Jabatan pihak pertama")


@dataclass(frozen=True, slots=True)
class Sasaran:
    """A goal (sasaran) of the PK.

    Parameters
    ----------
    code : str
        Unique code, e.g. ``"SS-1"``.
    name : str
        The goal as worded in the PK.
    jenis : JenisSasaran
        Strategic, program or activity goal.
    perspektif : Perspektif, optional
        Perspective shown in the unit head's (JPT) SKP.
    """

    code: str
    name: str
    jenis: JenisSasaran = JenisSasaran.PROGRAM
    perspektif: Perspektif | None = None

    def __post_init__(self) -> None:
        _rules.text(self.code, "code", "Kode sasaran")
        _rules.text(self.name, "name", "Uraian sasaran")


def _target_or_error(text: str, satuan: str, field: str) -> Target:
    if not isinstance(text, str) or not text.strip():
        raise FieldError(field, "missing_value", "target wajib diisi")
    try:
        return parse_target(text, satuan)
    except ValueError as exc:
        raise FieldError(field, "unparseable_target", str(exc)) from None


@dataclass(frozen=True, slots=True)
class Indikator:
    """A performance indicator (IKU/IKI) of a sasaran, with its yearly target.

    Parameters
    ----------
    code : str
        Unique code across indicators and tugas tambahan, e.g. ``"IK-1.2"``.
    sasaran : str
        Code of its sasaran.
    name : str
        Indicator wording.
    target : str
        Target exactly as written (``"70 %"``, ``"86 Laporan"``, ``"1,4"``).
    satuan : str
        Unit; when empty, the unit found in the target text is used.
    pola : Pola
        Hitungan (additive), Posisi or Rilis (never divided).
    aspek : Aspek
        Aspect measured (kuantitas, kualitas, waktu, biaya).
    target_tw : tuple of (str or None)
        Quarterly targets TW I–IV as written, ``None`` where not set.
    """

    code: str
    sasaran: str
    name: str
    target: str
    satuan: str = ""
    pola: Pola = Pola.HITUNGAN
    aspek: Aspek = Aspek.KUANTITAS
    target_tw: tuple[str | None, str | None, str | None, str | None] = (None, None, None, None)

    def __post_init__(self) -> None:
        _rules.text(self.code, "code", "Kode indikator")
        _rules.text(self.sasaran, "sasaran", "Sasaran")
        _rules.text(self.name, "name", "Uraian indikator")
        parsed = _target_or_error(self.target, self.satuan, "target")
        if not self.satuan:
            object.__setattr__(self, "satuan", parsed.satuan)
        if len(self.target_tw) != 4:
            raise FieldError("target_tw", "wrong_type", "target triwulan harus 4 isian")
        for q, text in enumerate(self.target_tw, start=1):
            if text is not None:
                _target_or_error(text, self.satuan, f"target_tw{q}")

    @property
    def parsed_target(self) -> Target:
        """The target as number and unit."""
        return parse_target(self.target, self.satuan)

    def parsed_target_tw(self) -> tuple[Target | None, ...]:
        """Quarterly targets as numbers and units (``None`` where not set)."""
        return tuple(None if t is None else parse_target(t, self.satuan) for t in self.target_tw)


@dataclass(frozen=True, slots=True)
class TugasTambahan:
    """A task outside the PK that still belongs to the unit's function (RHK tambahan).

    Parameters
    ----------
    code : str
        Unique code across indicators and tugas tambahan, e.g. ``"TT-1"``.
    name : str
        The task as worded.
    target : str
        Target as written (``"4 Laporan"``).
    satuan : str
        Unit; when empty, taken from the target text.
    """

    code: str
    name: str
    target: str
    satuan: str = ""

    def __post_init__(self) -> None:
        _rules.text(self.code, "code", "Kode tugas tambahan")
        _rules.text(self.name, "name", "Uraian tugas tambahan")
        parsed = _target_or_error(self.target, self.satuan, "target")
        if not self.satuan:
            object.__setattr__(self, "satuan", parsed.satuan)

    @property
    def parsed_target(self) -> Target:
        """The target as number and unit."""
        return parse_target(self.target, self.satuan)


@dataclass(frozen=True, slots=True)
class Pagu:
    """Budget ceiling of one RKA-K/L Kegiatan, or of one RO within it.

    A row without KRO and RO is the Kegiatan's pagu; with both, the RO's pagu.

    Parameters
    ----------
    program : str
        Program code, e.g. ``"WA"``.
    giat : str
        Kegiatan (RKA) code, e.g. ``"4264"``.
    kro : str or None
        KRO code, e.g. ``"EBA"``.
    ro : str or None
        RO code, e.g. ``"962"``.
    name : str
        Description (uraian).
    pagu : float
        Ceiling in rupiah.
    """

    program: str
    giat: str
    kro: str | None
    ro: str | None
    name: str
    pagu: float

    def __post_init__(self) -> None:
        _rules.text(self.program, "program", "Program")
        _rules.text(self.giat, "giat", "Kegiatan (RKA)")
        _rules.text(self.name, "name", "Uraian")
        _rules.number(self.pagu, "pagu", "Pagu (Rp)")
        if (self.kro is None) != (self.ro is None):
            field = "ro" if self.ro is None else "kro"
            raise FieldError(
                field, "missing_value", "KRO dan RO diisi berdua atau dikosongkan berdua"
            )

    @property
    def key(self) -> tuple[str, str, str | None, str | None]:
        """(program, giat, kro, ro)."""
        return (self.program, self.giat, self.kro, self.ro)

    @property
    def is_ro(self) -> bool:
        """Whether this row is an RO ceiling (else a Kegiatan ceiling)."""
        return self.ro is not None


@dataclass(frozen=True, slots=True)
class TugasSK:
    """A task a person holds by decree (SK): bendahara, PPK, an ad-hoc team.

    It becomes an RHK tambahan of that person's SKP. It has no hours: the time it takes
    belongs in the person's ``committed_hours``.

    Parameters
    ----------
    nip : str
        The person (Pegawai sheet).
    uraian : str
        The task as the SK words it, e.g. ``"Bendahara Pengeluaran Pembantu"``.
    target : str
        Target as written (``"12 Laporan"``).
    satuan : str
        Unit; when empty, taken from the target text.
    dasar : str, optional
        The decree, e.g. ``"SK Direktur No. 12 Tahun 2027"``.
    """

    nip: str
    uraian: str
    target: str
    satuan: str = ""
    dasar: str | None = None

    def __post_init__(self) -> None:
        _rules.text(self.nip, "nip", "NIP")
        _rules.text(self.uraian, "uraian", "Uraian tugas")
        parsed = _target_or_error(self.target, self.satuan, "target")
        if not self.satuan:
            object.__setattr__(self, "satuan", parsed.satuan)

    @property
    def parsed_target(self) -> Target:
        """The target as number and unit."""
        return parse_target(self.target, self.satuan)
