"""The Perjanjian Kinerja: sasaran, indikator with targets, tugas tambahan and pagu."""

from __future__ import annotations

from dataclasses import dataclass

from sistemkerja.domain import _rules
from sistemkerja.domain.angka import Target
from sistemkerja.domain.enums import Aspek, JenisSasaran, LabelEnum, Pola
from sistemkerja.domain.masalah import FieldError
from sistemkerja.domain.nip import check_nip
from sistemkerja.domain.target import JenisTarget, TargetPK, baca_target


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


#: Target forms that carry one number to reach (and so can be divided among people).
JENIS_BERANGKA: frozenset[JenisTarget] = frozenset(
    {JenisTarget.ANGKA, JenisTarget.BATAS, JenisTarget.RENTANG}
)


def angka_target(target: TargetPK) -> float | None:
    """Return the one number a target asks to reach, or ``None`` when it has none.

    Parameters
    ----------
    target : TargetPK
        A target read by :func:`~sistemkerja.domain.target.baca_target`.

    Returns
    -------
    float or None
        ``ANGKA``: its number; ``BATAS``: the bound's number (its direction stays in
        ``target.arah``); ``RENTANG``: the lower end, the least that meets the target;
        ``PREDIKAT``, ``PERIODE``, ``TANGGAL`` and ``MAJEMUK`` (several numbers):
        ``None``, in the target's unit.
    """
    if target.jenis is JenisTarget.RENTANG:
        return target.bawah
    if target.jenis in JENIS_BERANGKA:
        return target.nilai
    return None


def _target_pk_or_error(text: str, satuan: str, field: str) -> TargetPK:
    if not isinstance(text, str) or not text.strip():
        raise FieldError(field, "missing_value", "target wajib diisi")
    try:
        return baca_target(text, satuan or None)
    except ValueError as exc:
        raise FieldError(field, "unparseable_target", str(exc)) from None


def _tidak_dibagi(target: TargetPK, field: str, saran: str) -> FieldError:
    return FieldError(
        field,
        "target_not_divisible",
        f"target '{target.teks}' berupa {target.jenis.value.lower()} dan tidak dapat "
        f"dibagi; {saran}",
    )


def _sebagai_target(target: TargetPK, satuan: str) -> Target:
    nilai = angka_target(target)
    if nilai is None:
        raise ValueError(
            f"target '{target.teks}' berupa {target.jenis.value.lower()} dan tidak punya "
            "satu angka; bacalah lewat target_pk"
        )
    return Target(target.teks, nilai, satuan)


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
        Target exactly as written, in any form
        :func:`~sistemkerja.domain.target.baca_target` reads: a number with a unit
        (``"70 %"``, ``"86 Laporan"``, ``"1,4"``), a predicate (``"WTP"``, ``"BB"``), a range
        (``"90–95 %"``), a bound (``"≤ 10 %"``), several sub-targets (``"8 LHP + 8 Surat"``),
        a period (``"Triwulan IV"``) or a date (``"Desember 2017"``).
    satuan : str
        Unit; when empty, the unit found in the target text is used (``"%"`` for
        ``"≤ 10 %"``: the bound sign is not part of the unit). Empty for predicates,
        periods, dates and compound targets written without one.
    pola : Pola
        Hitungan (additive), Posisi or Rilis (never divided). Hitungan needs a target
        with one number (number, bound or range); a predicate, period, date or compound
        target is refused with pola Hitungan and loads with Posisi or Rilis, whose
        carrier holds the whole target undivided.
    aspek : Aspek
        Aspect measured (kuantitas, kualitas, waktu, biaya).
    target_tw : tuple of (str or None)
        Quarterly targets TW I–IV as written, ``None`` where not set; the same forms as
        ``target``.

    Notes
    -----
    The number used where a target is counted (:attr:`parsed_target`, the cascade
    check) is :func:`angka_target`: a bound keeps its number (its direction is in
    ``target_pk.arah``), a range counts as its lower end (the least that meets it).
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
        parsed = _target_pk_or_error(self.target, self.satuan, "target")
        if self.pola.additive and angka_target(parsed) is None:
            raise _tidak_dibagi(parsed, "target", "pilih pola Posisi atau Rilis")
        if not self.satuan:
            object.__setattr__(self, "satuan", parsed.satuan)
        if len(self.target_tw) != 4:
            raise FieldError("target_tw", "wrong_type", "target triwulan harus 4 isian")
        for q, text in enumerate(self.target_tw, start=1):
            if text is not None:
                _target_pk_or_error(text, self.satuan, f"target_tw{q}")

    @property
    def target_pk(self) -> TargetPK:
        """The target read into its form (number, predicate, range, bound, …)."""
        return baca_target(self.target, self.satuan or None)

    @property
    def nilai_target(self) -> float | None:
        """The number to reach (satuan), ``None`` for a target without one number."""
        return angka_target(self.target_pk)

    @property
    def parsed_target(self) -> Target:
        """The target as number and unit (see :func:`angka_target` for bounds and ranges).

        Raises
        ------
        ValueError
            If the target has no single number (predicate, period, date, compound); read
            :attr:`target_pk` instead.
        """
        return _sebagai_target(self.target_pk, self.satuan)

    def target_pk_tw(self) -> tuple[TargetPK | None, ...]:
        """Quarterly targets read into their form (``None`` where not set)."""
        return tuple(
            None if t is None else baca_target(t, self.satuan or None) for t in self.target_tw
        )

    def parsed_target_tw(self) -> tuple[Target | None, ...]:
        """Quarterly targets as numbers and units (``None`` where not set).

        Raises
        ------
        ValueError
            If a set quarterly target has no single number.
        """
        return tuple(
            None if t is None else _sebagai_target(t, self.satuan) for t in self.target_pk_tw()
        )


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
        Target as written (``"4 Laporan"``, ``"≥ 4 Laporan"``, ``"4–6 Laporan"``). A
        tugas tambahan is always counted (its carriers' outputs add up), so its target
        needs one number: a predicate, period, date or compound target is refused.
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
        parsed = _target_pk_or_error(self.target, self.satuan, "target")
        if angka_target(parsed) is None:
            raise _tidak_dibagi(
                parsed, "target", "tugas tambahan memerlukan target berupa satu angka"
            )
        if not self.satuan:
            object.__setattr__(self, "satuan", parsed.satuan)

    @property
    def target_pk(self) -> TargetPK:
        """The target read into its form (number, range or bound)."""
        return baca_target(self.target, self.satuan or None)

    @property
    def nilai_target(self) -> float | None:
        """The number to reach (satuan); never ``None`` for a valid tugas tambahan."""
        return angka_target(self.target_pk)

    @property
    def parsed_target(self) -> Target:
        """The target as number and unit (see :func:`angka_target`)."""
        return _sebagai_target(self.target_pk, self.satuan)


@dataclass(frozen=True, slots=True)
class Pagu:
    """Budget ceiling of one RKA-K/L Kegiatan, or of one RO within it.

    A row without KRO and RO is the Kegiatan's pagu; with both, the RO's pagu. A PK often
    names its Program/Kegiatan and amount without codes: such a row (no Program and no
    Kegiatan code) is a valid ceiling that shows in the budget recap with its amount but
    is matched to no budget line (those carry codes) and bounds nothing in the optimiser.

    Parameters
    ----------
    program : str or None
        Program code, e.g. ``"WA"``; ``None`` when the PK gives none.
    giat : str or None
        Kegiatan (RKA) code, e.g. ``"4264"``; ``None`` when the PK gives none (Program and
        Kegiatan codes are given both or neither).
    kro : str or None
        KRO code, e.g. ``"EBA"``.
    ro : str or None
        RO code, e.g. ``"962"``.
    name : str
        Description (uraian).
    pagu : float
        Ceiling in rupiah.
    """

    program: str | None
    giat: str | None
    kro: str | None
    ro: str | None
    name: str
    pagu: float

    def __post_init__(self) -> None:
        if self.program is not None:
            _rules.text(self.program, "program", "Program")
        if self.giat is not None:
            _rules.text(self.giat, "giat", "Kegiatan (RKA)")
        if (self.program is None) != (self.giat is None):
            field = "giat" if self.giat is None else "program"
            raise FieldError(
                field,
                "missing_value",
                "kode Program dan Kegiatan (RKA) diisi berdua atau dikosongkan berdua",
            )
        if self.program is None and self.kro is not None:
            raise FieldError(
                "kro",
                "missing_value",
                "KRO/RO hanya dapat diisi bila kode Program dan Kegiatan ada",
            )
        _rules.text(self.name, "name", "Uraian")
        _rules.number(self.pagu, "pagu", "Pagu (Rp)")
        if (self.kro is None) != (self.ro is None):
            field = "ro" if self.ro is None else "kro"
            raise FieldError(
                field, "missing_value", "KRO dan RO diisi berdua atau dikosongkan berdua"
            )

    @property
    def key(self) -> tuple[str | None, str | None, str | None, str | None]:
        """(program, giat, kro, ro); all ``None`` for a row without codes."""
        return (self.program, self.giat, self.kro, self.ro)

    @property
    def berkode(self) -> bool:
        """Whether the row carries Program and Kegiatan codes (and so matches budget lines)."""
        return self.program is not None and self.giat is not None

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
        parsed = _target_pk_or_error(self.target, self.satuan, "target")
        if angka_target(parsed) is None:
            raise _tidak_dibagi(
                parsed, "target", "tugas berdasarkan SK memerlukan target berupa satu angka"
            )
        if not self.satuan:
            object.__setattr__(self, "satuan", parsed.satuan)

    @property
    def target_pk(self) -> TargetPK:
        """The target read into its form (number, predicate, range, bound…)."""
        return baca_target(self.target, self.satuan or None)

    @property
    def parsed_target(self) -> Target:
        """The target as number and unit (see :func:`angka_target`).

        Raises
        ------
        ValueError
            If the target has no single number (a predicate, period, date or compound).
        """
        return _sebagai_target(self.target_pk, self.satuan)
